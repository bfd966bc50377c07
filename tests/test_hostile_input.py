"""Hostile input: every bad file is refused by name with its reason, the rest of the batch imported.

Nothing of a refused file is stored; a hypothesis test feeds arbitrary bytes
to the importer, which either imports them or reports the project's own error.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.engine import Library
from db.models import Article, Block, Issue, Leftover
from db.opening import open_library
from reader.core.decoding import MAX_STREAMED_BYTES, STREAM_THRESHOLD
from reader.services.importing import ImportReport, Outcome, import_files
from tests.conftest import SAMPLE_ISSUE

SAMPLE = SAMPLE_ISSUE.read_text(encoding="utf-8")


def _counts(library: Library) -> tuple[int, ...]:
    with library.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Issue, Article, Block, Leftover)
        )


def _import(library: Library, *paths: Path) -> ImportReport:
    with library.write_session() as session:
        return import_files(session, list(paths))


def _by_name(report: ImportReport) -> dict[str, tuple[Outcome, str]]:
    return {Path(r.path).name: (r.outcome, r.message) for r in report.results}


HOSTILE: dict[str, tuple[bytes, str]] = {
    "photo.txt": (bytes(range(256)) * 64, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (" \n\t\r\n\u3000\n".encode(), "only whitespace"),
    "invisible.txt": ("\u200b\u2028\u200b\u2029\ufeff\u200d\n\u2060".encode(), "only whitespace"),
    "nul.txt": ("第一段正文\x00第二段".encode(), "NUL bytes"),
    "no mark le.txt": (SAMPLE.encode("utf-16-le"), "UTF-16 (little-endian) text without a byte-order mark"),
    "no mark be.txt": (
        SAMPLE[:3000].encode("utf-16-be"),
        "UTF-16 (big-endian) text without a byte-order mark",
    ),
    "broken utf8.txt": (
        SAMPLE[:400].encode() + b"\xff\xfe\x80" + SAMPLE[400:900].encode(),
        "none of the supported",
    ),
    "简体短文.txt": ("新闻报道".encode("gbk"), "ambiguous: it decodes as gb18030 and as big5"),
    "short.txt": ("中文".encode("gbk"), "ambiguous"),
}


def test_a_batch_of_hostile_files_refuses_each_by_name_and_imports_the_rest(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "投稿 文件夹"
    folder.mkdir()
    for name, (data, _reason) in HOSTILE.items():
        (folder / name).write_bytes(data)
    good = folder / "社区报 第58期.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    also_good = folder / "另一期 gbk.txt"
    also_good.write_bytes(SAMPLE.replace("梅园", "桃园").encode("gb18030"))
    report = _import(library, folder)
    outcomes = _by_name(report)
    for name, (_data, reason) in HOSTILE.items():
        outcome, message = outcomes[name]
        assert outcome is Outcome.FAILED, name
        assert reason in message, (name, message)
    assert {r.path for r in report.failed} == {str(folder / name) for name in HOSTILE}
    assert outcomes[good.name][0] is Outcome.IMPORTED and outcomes[also_good.name][0] is Outcome.IMPORTED
    with library.session() as session:
        assert sorted(session.scalars(select(Issue.source_name))) == sorted([good.name, also_good.name])
        assert session.scalar(select(Issue.encoding).where(Issue.source_name == also_good.name)) == "gb18030"


def test_ambiguous_encoding_names_the_candidates(tmp_path: Path) -> None:
    from reader.core.decoding import read_issue_file
    from reader.core.errors import AmbiguousEncodingError

    path = tmp_path / "两字.txt"
    path.write_bytes("中文".encode("gbk"))
    with pytest.raises(AmbiguousEncodingError) as raised:
        read_issue_file(path)
    assert raised.value.candidates == ["gb18030", "big5"]
    assert raised.value.source == str(path) and "convert it to UTF-8" in str(raised.value)


def test_a_five_megabyte_single_line_imports(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "one line.txt"
    line = ("一行没有换行的很长的文字，" * 200_000)[: 5 * 1024 * 1024 // 3]
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size >= 5 * 1000 * 1000
    [result] = _import(library, path).results
    assert result.outcome is Outcome.IMPORTED, result.message
    with library.session() as session:
        assert session.scalar(select(Issue.char_count)) == len(line)


def test_a_file_over_the_limit_is_refused_with_the_limit(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "巨大 的.txt"
    with open(path, "wb") as handle:  # sparse: costs no disk space
        handle.truncate(MAX_STREAMED_BYTES + 1)
    [result] = _import(library, path).results
    assert result.outcome is Outcome.FAILED and result.path == str(path)
    assert "too large" in result.message and "4 GiB" in result.message
    assert _counts(library) == (0, 0, 0, 0)


def test_a_large_file_of_zeros_is_refused_as_binary_where_it_starts(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "零.txt"
    with open(path, "wb") as handle:  # sparse, and streamed: over the size read whole
        handle.truncate(STREAM_THRESHOLD + 1)
    [result] = _import(library, path).results
    assert result.outcome is Outcome.FAILED and result.path == str(path)
    assert "NUL" in result.message and "at byte 0" in result.message
    assert _counts(library) == (0, 0, 0, 0)


def test_chinese_file_names_with_spaces_import_and_are_named(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "梅园 社区报  第 58 期 .txt"
    path.write_text(SAMPLE, encoding="utf-8")
    [result] = _import(library, path).results
    assert result.outcome is Outcome.IMPORTED and result.path == str(path)
    with library.session() as session:
        assert session.scalar(select(Issue.source_name)) == path.name


def test_unreadable_file_is_refused_by_name(library: Library, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip(
            "running as root: chmod 000 does not stop root from reading, so there is nothing to refuse"
        )
    path = tmp_path / "锁住的.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    path.chmod(0)
    try:
        [result] = _import(library, path).results
    finally:
        path.chmod(0o644)
    assert result.outcome is Outcome.FAILED and result.path == str(path)
    assert "permission denied" in result.message.lower()


def test_a_folder_with_symlink_loops_is_walked_once(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "循环"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a loop back to the top
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")  # two links pointing at each other
    (folder / "sub" / "good.txt").write_text(SAMPLE, encoding="utf-8")
    report = _import(library, folder)
    outcomes = _by_name(report)
    assert outcomes["good.txt"][0] is Outcome.IMPORTED
    for name in ("a.txt", "b.txt", "self"):
        assert outcomes[name] == (Outcome.FAILED, "cannot read it: Too many levels of symbolic links")
    assert len(report.results) == 4 and _counts(library)[0] == 1  # "sub/up" walked no second time


def test_a_missing_path_is_reported_not_raised(library: Library, tmp_path: Path) -> None:
    [result] = _import(library, tmp_path / "不存在.txt").results
    assert result.outcome is Outcome.FAILED and result.message == "no such file or folder"


# ---------------------------------------------------------------- arbitrary bytes


@pytest.fixture(scope="module")
def shared_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = open_library(tmp_path_factory.mktemp("hypothesis") / "library.sqlite3")
    yield library
    library.close()


def _encoded(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
    return st.tuples(texts, encodings).map(lambda pair: pair[0].encode(pair[1], errors="ignore"))


_CHINESE = st.text(alphabet=st.sampled_from(SAMPLE[:3000] + "\n\n\r\n\t \x00\x07"), min_size=0, max_size=3000)
_MUTATED = st.tuples(_encoded(_CHINESE), st.binary(max_size=8), st.integers(min_value=0)).map(
    lambda t: t[0][: t[2] % (len(t[0]) + 1)] + t[1] + t[0][t[2] % (len(t[0]) + 1) :]
)
ANY_BYTES = st.one_of(st.binary(max_size=4096), _encoded(st.text(max_size=500)), _encoded(_CHINESE), _MUTATED)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=ANY_BYTES)
def test_arbitrary_bytes_import_or_fail_with_the_projects_error(shared_library: Library, data: bytes) -> None:
    before = _counts(shared_library)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "任意 字节.txt"
        path.write_bytes(data)
        [result] = _import(shared_library, path).results  # any other exception fails the test
    after = _counts(shared_library)
    assert result.path == str(path)
    if result.outcome is Outcome.IMPORTED:
        assert after[0] == before[0] + 1
    else:
        assert result.outcome in (Outcome.FAILED, Outcome.DUPLICATE)
        assert result.message
        assert after == before  # nothing half-imported
