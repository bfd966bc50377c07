"""Collecting inputs, atomic writes, safe file names."""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import ExportError
from reader.core.files import (
    MAX_STEM_CHARS,
    atomic_write_bytes,
    atomic_write_text,
    collect_inputs,
    safe_file_stem,
    unique_names,
)

# -- collect_inputs ------------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in ["b.txt", "A.TXT", "notes.md", "sub/d.txt", "sub/deeper/e.Txt", "sub/z.csv", ".hidden.txt"]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")


def test_folder_is_walked_recursively_and_sorted(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found, errors = collect_inputs([tmp_path])
    assert errors == []
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "A.TXT",
        "b.txt",
        "sub/d.txt",
        "sub/deeper/e.Txt",
    ]


def test_other_suffixes(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found, _ = collect_inputs([tmp_path], suffixes=(".MD", ".csv"))
    assert [p.name for p in found] == ["notes.md", "z.csv"]


def test_file_named_explicitly_is_kept_whatever_its_suffix(tmp_path: Path) -> None:
    make_tree(tmp_path)
    notes, hidden = tmp_path / "notes.md", tmp_path / ".hidden.txt"
    found, errors = collect_inputs([notes, hidden])
    assert (found, errors) == ([notes, hidden], [])


def test_missing_paths_become_errors(tmp_path: Path) -> None:
    make_tree(tmp_path)
    missing = tmp_path / "nope" / "gone.txt"
    found, errors = collect_inputs([missing, tmp_path / "b.txt"])
    assert found == [tmp_path / "b.txt"]
    assert len(errors) == 1
    assert errors[0].source == str(missing)
    assert "no such file" in errors[0].reason


def test_no_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "link.txt").symlink_to(tmp_path / "b.txt")
    found, errors = collect_inputs([tmp_path / "b.txt", tmp_path, tmp_path / "sub", tmp_path])
    assert errors == []
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "b.txt",
        "A.TXT",
        "sub/d.txt",
        "sub/deeper/e.Txt",
    ]


def test_symlink_loop_terminates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "sub" / "deeper" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "self").symlink_to(tmp_path / "sub", target_is_directory=True)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")  # a link to itself
    found, errors = collect_inputs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "A.TXT",
        "b.txt",
        "sub/d.txt",
        "sub/deeper/e.Txt",
    ]
    assert [e.source for e in errors] == [str(tmp_path / "loop.txt")]


def test_broken_link_and_explicit_loop_are_errors(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    found, errors = collect_inputs([tmp_path / "self.txt", tmp_path])
    assert found == []
    assert sorted(e.source for e in errors) == [str(tmp_path / "dangling.txt"), str(tmp_path / "self.txt")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_is_an_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("a", encoding="utf-8")
    locked.chmod(0)
    try:
        found, errors = collect_inputs([tmp_path])
    finally:
        locked.chmod(0o755)
    assert found == []
    assert [e.source for e in errors] == [str(locked)]


# -- atomic writes -------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_atomic_write_text_keeps_newlines_exactly(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write_text(target, "一\r\n二\n三\r")
    assert target.read_bytes() == "一\r\n二\n三\r".encode()
    atomic_write_text(target, "新", encoding="gb18030")
    assert target.read_bytes() == "新".encode("gb18030")
    assert leftovers(tmp_path) == []


def test_new_file_gets_usual_permissions_and_replaced_file_keeps_its_own(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "out.txt"
    atomic_write_bytes(target, b"one")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o600)
    atomic_write_bytes(target, b"two")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"two"


def test_target_is_a_directory(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    target.mkdir()
    (target / "inside.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        atomic_write_text(target, "text")
    assert caught.value.target == str(target)
    assert str(target) in str(caught.value)
    assert (target / "inside.txt").read_text(encoding="utf-8") == "x"
    assert leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "out.txt"
    with pytest.raises(ExportError, match="No such file"):
        atomic_write_bytes(target, b"x")
    assert not (tmp_path / "nope").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "out.txt"
    target.write_bytes(b"original")
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="Permission denied"):
            atomic_write_bytes(target, b"new")
    finally:
        folder.chmod(0o755)
    assert target.read_bytes() == b"original"
    assert leftovers(folder) == []


@pytest.mark.parametrize("failing", ["fsync", "replace", "chmod"])
def test_failure_leaves_no_temp_file_and_no_truncated_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"original content")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(ExportError, match="No space left on device") as caught:
        atomic_write_bytes(target, b"new content that never lands")
    monkeypatch.undo()
    assert caught.value.target == str(target)
    assert target.read_bytes() == b"original content"
    assert leftovers(tmp_path) == []


def test_interrupt_removes_temp_file_and_propagates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"x")
    monkeypatch.undo()
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_unencodable_text_is_an_export_error(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(ExportError, match="gb2312"):
        atomic_write_text(target, "碁", encoding="gb2312")
    with pytest.raises(ExportError, match="no-such-codec"):
        atomic_write_text(target, "x", encoding="no-such-codec")
    assert list(tmp_path.iterdir()) == []


# -- safe_file_stem ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("梅园社区报 第58期", "梅园社区报 第58期"),
        ("  标题\t二\n三  ", "标题 二 三"),
        ("../../etc/passwd", "_._etc_passwd"),
        ("..", "issue"),
        ("...", "issue"),
        ("", "issue"),
        ("   ", "issue"),
        ("\x00\x01\x7f", "issue"),
        ("a\\b/c", "a_b_c"),
        ('x<y>z:"w"|?*', "x_y_z__w____"),
        ("名字. . ", "名字"),
        (".hidden", "hidden"),
        ("a..b", "a.b"),
        ("CON", "CON_"),
        ("con", "con_"),
        ("Nul.txt", "Nul_.txt"),
        ("COM1", "COM1_"),
        ("lpt9.tar.gz", "lpt9_.tar.gz"),
        ("COM10", "COM10"),
        ("CONSOLE", "CONSOLE"),
        ("AUX .txt", "AUX_ .txt"),
        ("evil\u202etxt.exe", "eviltxt.exe"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_safe_file_stem(name: str, expected: str) -> None:
    assert safe_file_stem(name) == expected


def test_safe_file_stem_length() -> None:
    assert len(safe_file_stem("a" * 500)) == MAX_STEM_CHARS
    chinese = safe_file_stem("长" * 500)
    assert len(chinese) <= MAX_STEM_CHARS
    assert len(chinese.encode("utf-8")) <= 200
    assert safe_file_stem("a" * 119 + " .b") == "a" * 119  # the cut must not leave a trailing space or dot


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=300))
def test_safe_file_stem_properties(name: str) -> None:
    stem = safe_file_stem(name)
    assert stem
    assert stem == safe_file_stem(stem)
    assert "/" not in stem and "\\" not in stem and ".." not in stem
    assert stem == stem.strip(" .")
    assert len(stem) <= MAX_STEM_CHARS
    assert len(stem.encode("utf-8")) <= 200
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in stem)
    assert stem.split(".")[0].rstrip(" ").upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


# -- unique_names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("stems", "expected"),
    [
        ([], []),
        (["a", "b"], ["a", "b"]),
        (["a", "b", "a", "A", "a"], ["a", "b", "a-2", "A-3", "a-4"]),
        (["a", "a", "a-2"], ["a", "a-3", "a-2"]),  # an existing a-2 keeps its name
        (["期", "期", "期"], ["期", "期-2", "期-3"]),
        (["Straße", "STRASSE"], ["Straße", "STRASSE-2"]),
    ],
)
def test_unique_names(stems: list[str], expected: list[str]) -> None:
    assert unique_names(stems) == expected


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.sampled_from(["a", "A", "a-2", "b", "B-2", "期", "期-2", "x-3"]), max_size=20))
def test_unique_names_properties(stems: list[str]) -> None:
    names = unique_names(stems)
    assert len(names) == len(stems)
    assert len({n.casefold() for n in names}) == len(names)
    seen: set[str] = set()
    for stem, name in zip(stems, names, strict=True):
        if stem.casefold() not in seen:
            assert name == stem  # only the second and later get a suffix
        else:
            assert name.startswith(stem + "-")
        seen.add(stem.casefold())


def test_links_out_of_a_folder_are_skipped_but_a_file_named_directly_is_imported(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密", encoding="utf-8")
    (outside / "deep.txt").write_text("深处", encoding="utf-8")
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("甲", encoding="utf-8")
    (folder / "notes.txt").symlink_to(outside / "secret.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "sub" / "again.txt").symlink_to(folder / "a.txt")  # inside: followed (and a duplicate)
    (folder / "sub" / "b.txt").write_text("乙", encoding="utf-8")
    (folder / "sub" / "up.txt").symlink_to(Path("..") / "a.txt")
    found, errors = collect_inputs([folder])
    assert found == [folder / "a.txt", folder / "sub" / "b.txt"]
    skipped = {Path(e.source).name: e.reason for e in errors}
    assert set(skipped) == {"notes.txt", "passwd.txt", "elsewhere"}
    assert all(r.startswith("skipped: the link points outside the folder") for r in skipped.values())
    named, problems = collect_inputs([folder / "notes.txt"])
    assert named == [folder / "notes.txt"] and problems == []
