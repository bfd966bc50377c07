"""Notes found again across the library: listed in reading order, next and previous open note, ``notes`` CLI.

qa23: a note could not be found again once its article was closed (search does not read notes, the Notes
pane lists only the shown article's).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Block
from db.opening import open_library
from reader.cli import main
from reader.services import notes
from reader.services.note_finding import NoteListing, next_note, note_listings
from tests.safety_support import add_articles
from tests.template_library import new_library_file

pytestmark = pytest.mark.both_engines


def _block(library: Library, article_id: int, position: int) -> int:
    with library.session() as session:
        query = select(Block.id).where(Block.article_id == article_id, Block.position == position)
        block_id = session.scalar(query)
        assert block_id is not None
        return block_id


def _notes(library: Library) -> tuple[list[int], dict[str, int]]:
    """Two issues; notes added out of reading order, one resolved, one in an article without others."""
    first = add_articles(library, articles=3, blocks=3, tag="a")
    second = add_articles(library, articles=2, blocks=2, tag="b")
    made: dict[str, int] = {}
    with library.writing() as session:
        for name, article, block, start in (
            ("a2-late", first[2], 2, 1),
            ("a0", first[0], 1, 0),
            ("a2-early", first[2], 0, 2),
            ("b1", second[1], 0, 0),
            ("resolved", first[1], 0, 0),
        ):
            note = notes.add_note(
                session, article, _block(library, article, block), start, start + 2, name, author="王芳"
            )
            made[name] = note.id
        notes.resolve_note(session, made["resolved"])
    return [*first, *second], made


def test_open_notes_are_listed_in_reading_order(library: Library) -> None:
    articles, _made = _notes(library)
    with library.session() as session:
        listed = note_listings(session)
        assert [n.body for n in listed] == ["a0", "a2-early", "a2-late", "b1"]
        assert listed[0].article_id == articles[0] and listed[0].article_title == "文章0"
        assert listed[0].quote == "第0"  # 第0篇第1段。[0:2]
        every = note_listings(session, include_resolved=True)
        assert [n.body for n in every] == ["a0", "resolved", "a2-early", "a2-late", "b1"]
        second_issue = note_listings(session, issue_ids=[listed[-1].issue_id])
        assert [n.body for n in second_issue] == ["b1"]


def test_next_and_previous_open_note_go_across_articles_and_issues_and_wrap(library: Library) -> None:
    articles, made = _notes(library)
    with library.session() as session:

        def body(found: NoteListing | None) -> str:
            assert found is not None
            return found.body

        assert body(next_note(session, articles[0], made["a0"])) == "a2-early"
        assert body(next_note(session, articles[2], made["a2-early"])) == "a2-late"
        assert body(next_note(session, articles[2], made["a2-late"])) == "b1"  # into the next issue
        assert body(next_note(session, articles[4], made["b1"])) == "a0"  # wraps around the library
        assert body(next_note(session, articles[0], made["a0"], backwards=True)) == "b1"
        assert body(next_note(session, articles[2], made["a2-late"], backwards=True)) == "a2-early"
        # no note chosen: the first of this article or after it; backwards, the last before it
        assert body(next_note(session, articles[1], None)) == "a2-early"  # the resolved one is skipped
        assert body(next_note(session, articles[2], None)) == "a2-early"
        assert body(next_note(session, articles[1], None, backwards=True)) == "a0"
        assert body(next_note(session, None, None)) == "a0"
        # a resolved note chosen (shown with "Show resolved"): the next open one after its article
        assert body(next_note(session, articles[1], made["resolved"])) == "a2-early"


def test_with_no_open_note_there_is_no_next(library: Library) -> None:
    [article] = add_articles(library, articles=1, blocks=1)
    with library.writing() as session:
        note = notes.add_note(session, article, _block(library, article, 0), 0, 2, "已核", author="王芳")
        notes.resolve_note(session, note.id)
    with library.session() as session:
        assert next_note(session, article, None) is None
        assert note_listings(session) == []


def test_the_notes_command_lists_open_notes_as_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "notes.sqlite3")
    library = open_library(new_library_file(Path(path)))
    try:
        articles, made = _notes(library)
    finally:
        library.close()
    assert main(["--db", path, "notes", "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["body"] for r in records] == ["a0", "a2-early", "a2-late", "b1"]
    assert set(records[0]) == {
        "note_id", "issue_id", "article_id", "article_title", "quote", "body", "author", "resolved",
        "orphaned", "updated_at",
    }  # fmt: skip
    assert records[0]["note_id"] == made["a0"] and records[0]["article_id"] == articles[0]
    assert main(["--db", path, "notes", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and any(line.endswith("resolved (resolved)") for line in lines)
    assert lines[0].startswith(f"article {articles[0]} note {made['a0']}: 「第0」 a0")


def test_the_notes_command_refuses_an_issue_the_library_does_not_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped (or deleted) issue id is an error, as for list and suggestions, not "no open notes"."""
    path = str(tmp_path / "notes.sqlite3")
    library = open_library(new_library_file(Path(path)))
    try:
        _notes(library)
        with library.session() as session:
            issue_ids = sorted({n.issue_id for n in note_listings(session)})
    finally:
        library.close()
    missing = max(issue_ids) + 1
    for argv in (
        ["--issue", str(missing)],
        ["--issue", str(issue_ids[0]), str(missing)],
        ["--all", "--json", "--issue", str(missing)],
    ):
        assert main(["--db", path, "notes", *argv]) == 1, argv
        captured = capsys.readouterr()
        assert captured.out == "" and f"no issue with id {missing}" in captured.err, argv
    assert main(["--db", path, "notes", "--issue", str(issue_ids[0])]) == 0
    assert capsys.readouterr().out


def test_the_notes_command_says_on_stderr_when_there_is_no_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa24 G: no open notes printed nothing at all; `list` on an empty library says so on stderr."""
    path = str(tmp_path / "notes.sqlite3")
    library = open_library(new_library_file(Path(path)))
    try:
        [article] = add_articles(library, articles=1, blocks=1)
        with library.writing() as session:
            note = notes.add_note(session, article, _block(library, article, 0), 0, 2, "已核", author="王芳")
            notes.resolve_note(session, note.id)
        with library.session() as session:
            [listed] = note_listings(session, include_resolved=True)
            issue_id = listed.issue_id
    finally:
        library.close()
    for argv, said in (
        ([], "no open notes\n"),
        (["--json"], "no open notes\n"),
        (["--issue", str(issue_id)], f"no open notes in issue {issue_id}\n"),
    ):
        assert main(["--db", path, "notes", *argv]) == 0, argv
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err == said, argv
    assert main(["--db", path, "notes", "--all"]) == 0  # the resolved one is listed: nothing on stderr
    captured = capsys.readouterr()
    assert captured.out and captured.err == ""
