"""A file differing from an issue only by white space at its very end is that issue (qa22 finding 3).

An editor that adds a final newline, a lone CR at the end, trailing spaces:
the import reports a duplicate, as it does for CRLF / CR / BOM / UTF-16
variants, in either order, whole or streamed, on both engines.  The stored
hash stays that of the whole text (what libraries imported before hold),
and the original is kept verbatim.  A change anywhere else is a new issue.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Issue
from db.original_text import read_text
from reader.core import preparing
from reader.core.segment import sections
from reader.core.text_core import CoreDigest, text_core
from reader.services.importing import Outcome, import_files
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.both_engines

BASE = SAMPLE_ISSUE.read_text(encoding="utf-8").rstrip("\n")

# (name, bytes of the file): the same issue, saved by various editors
SAME = [
    ("final newline", (BASE + "\n").encode("utf-8")),
    ("three newlines", (BASE + "\n\n\n").encode("utf-8")),
    ("lone CR", (BASE + "\r").encode("utf-8")),
    ("trailing spaces", (BASE + "   ").encode("utf-8")),
    ("spaces and lines", (BASE + " \n\n  ").encode("utf-8")),
    ("eight newlines after a tab", (BASE + "\t" + "\n" * 8).encode("utf-8")),
    ("ideographic space", (BASE + "\u3000\n").encode("utf-8")),
    ("CRLF and blank lines", (BASE + "\n\n\n").replace("\n", "\r\n").encode("utf-8")),
    ("GB18030 with a newline", (BASE + "\n").encode("gb18030")),
    ("UTF-16 with blank lines", (BASE + "\n\n").encode("utf-16")),
    ("bare", BASE.encode("utf-8")),
]


def _stored(library: Library) -> list[tuple[str, str]]:
    with library.session() as session:
        return [(i.source_name, i.sha256) for i in session.scalars(select(Issue).order_by(Issue.id))]


@pytest.mark.parametrize(("first", "second"), [(a, b) for a in SAME for b in SAME if a != b][::7])
def test_trailing_white_space_makes_no_new_issue(
    library: Library, tmp_path: Path, first: tuple[str, bytes], second: tuple[str, bytes]
) -> None:
    one, two = tmp_path / "000 one.txt", tmp_path / "000 two.txt"
    one.write_bytes(first[1])
    two.write_bytes(second[1])
    with library.write_session() as session:
        kept = import_files(session, [one])
        again = import_files(session, [two])
    assert kept.results[0].outcome is Outcome.IMPORTED
    assert again.results[0].outcome is Outcome.DUPLICATE, again.results[0].message
    assert again.results[0].issue_id == kept.results[0].issue_id
    with library.session() as session:
        text = read_text(session, kept.results[0].issue_id or 0)
    assert text.rstrip() == BASE
    # the original is verbatim and the stored hash is the whole text's, as in libraries imported before
    assert _stored(library) == [(one.name, hashlib.sha256(text.encode("utf-8")).hexdigest())]


def test_same_folder_imports_one_issue(library: Library, tmp_path: Path) -> None:
    for number, (_name, data) in enumerate(SAME):
        (tmp_path / f"{number:02d}.txt").write_bytes(data)
    with library.write_session() as session:
        report = import_files(session, [tmp_path])
    assert len(report.imported) == 1
    assert len(report.duplicates) == len(SAME) - 1


@pytest.mark.parametrize(
    "other",
    [
        BASE.replace("社区", "社會", 1) + "\n",  # one word changed
        BASE + "\n\n。\n",  # a visible character after the blank lines
        "\n" + BASE,  # leading white space is text, as before
        BASE[:-1] + "\n\n",  # the last character gone
        BASE.replace("\n", "\n\n", 1),  # a line break inside
    ],
    ids=["changed", "more text", "leading", "shorter", "inner break"],
)
def test_any_other_difference_is_a_new_issue(library: Library, tmp_path: Path, other: str) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(BASE + "\n\n", encoding="utf-8")
    two.write_text(other, encoding="utf-8")
    with library.write_session() as session:
        report = import_files(session, [one, two])
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED, Outcome.IMPORTED]


def test_a_streamed_file_is_checked_too(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_files: list[Path]
) -> None:
    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", 64 * 1024)
    monkeypatch.setattr(sections, "SECTION_CHARS", 20_000)
    big = "\n\n".join(p.read_text(encoding="utf-8") for p in corpus_files * 4).rstrip()
    assert len(big.encode("utf-8")) > 64 * 1024
    one, two, three = tmp_path / "big.txt", tmp_path / "big again.txt", tmp_path / "small.txt"
    one.write_bytes(big.encode("utf-8") + b"\r\n\r\n  ")
    two.write_bytes(big.replace("\n", "\r\n").encode("utf-8") + b"\r")
    three.write_bytes(big[:30_000].encode("utf-8"))
    with library.write_session() as session:
        report = import_files(session, [one, two, three])
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED, Outcome.DUPLICATE, Outcome.IMPORTED]


@pytest.mark.parametrize("cut", [1, 2, 3, 7, 100])
def test_the_core_digest_of_pieces_is_that_of_the_whole(cut: int) -> None:
    for text in (BASE + " \n\n\u3000 ", BASE, "\n  \n", "a \n b\n\n"):
        digest = CoreDigest()
        for at in range(0, len(text), cut):
            digest.feed(text[at : at + cut])
        assert digest.core() == text_core(text)


def test_the_check_is_one_lookup_whatever_the_library_holds(library: Library, tmp_path: Path) -> None:
    # the first version read the tail of every issue of about the same length, for every file imported:
    # an import of 1,000 issues into its own growing library took 2.5 times as long
    from sqlalchemy import event

    from reader.services.same_text import same_text_issue

    files = []
    for n in range(12):
        path = tmp_path / f"other{n}.txt"
        path.write_text(f"第{n}期\n" + BASE.replace("社区", f"社区{n}", 1) + "\n\n", encoding="utf-8")
        files.append(path)
    with library.write_session() as session:
        assert import_files(session, files).ok
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = library.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        with library.session() as session:
            assert same_text_issue(session, text_core(BASE + "\n")) is None
            found = same_text_issue(session, text_core("第3期\n" + BASE.replace("社区", "社区3", 1)))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert found is not None
    lookups = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(lookups) == 2  # one per check
    assert not any("issue_text" in s for s in statements)
