"""``check`` beyond block text and originals: coverage, structure, titles, tags, revisions, change records.

Every legitimate write path keeps the hashes current (the library stays "ok"
after real edits); every change made behind the application's back is reported.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from db.editing_models import Revision
from db.integrity import full_check
from db.models import Article, Block
from db.opening import open_library
from reader.cli import main
from reader.services import segmentation_edits, tagging
from reader.services.importing import import_files
from reader.services.tracking.saving import restore_revision
from tests.conftest import SAMPLE_ISSUE
from tests.template_library import new_library_file
from tests.test_export_formats import make_edits
from tests.test_json_roundtrip import deep_edits


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """A library holding the sample issue after every kind of edit the application makes."""
    path = tmp_path / "lib.sqlite3"
    library = open_library(new_library_file(path))
    try:
        with library.write_session() as session:
            [result] = import_files(session, [SAMPLE_ISSUE]).imported
        assert result.issue_id is not None
        make_edits(library, result.issue_id)
        deep_edits(library, result.issue_id)
        with library.writing() as session:
            segmented = set(
                session.scalars(select(Revision.article_id).where(Revision.reason == "segmentation"))
            )
            revision = session.scalars(
                select(Revision)
                .where(Revision.number == 1, Revision.article_id.not_in(segmented))
                .where(Revision.article_id.in_(select(Revision.article_id).where(Revision.number == 2)))
            ).first()
            assert revision is not None
            restore_revision(session, revision.id, author="编辑")
        with library.writing() as session:
            articles = list(session.scalars(select(Article).order_by(Article.position)))
            block = session.scalars(select(Block).where(Block.article_id == articles[0].id)).first()
            assert block is not None
            segmentation_edits.set_block_role(session, block.id, "subtitle", author="编辑")
            segmentation_edits.split_article(session, _second_block(session, articles[1].id), author="编辑")
            renamed = tagging.rename_tag(session, tagging.get_tag(session, "河长制").id, "河长")
            renamed.undo(session)
            tagging.set_kind(session, tagging.get_tag(session, "河长制").id, "other").undo(session)
            articles[0].title = "改过的标题"
    finally:
        library.close()
    return path


def _second_block(session: object, article_id: int) -> int:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    ids = list(
        session.scalars(select(Block.id).where(Block.article_id == article_id).order_by(Block.position))
    )
    return ids[1]


def _check(path: Path) -> list[str]:
    library = open_library(path)
    try:
        return full_check(library).problems()
    finally:
        library.close()


def test_every_legitimate_edit_keeps_the_library_ok(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(edited) == []
    assert main(["--db", str(edited), "check"]) == 0
    assert "ok:" in capsys.readouterr().out


def _sql(path: Path, statement: str) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute(statement).rowcount >= 1
    conn.close()


TAMPERING: dict[str, tuple[str, str]] = {
    "revision snapshot": (
        "UPDATE revision SET snapshot = replace(snapshot, 'paragraph', 'caption') "
        "WHERE id = (SELECT max(id) FROM revision WHERE snapshot LIKE '%paragraph%')",
        "revision ",
    ),
    "article title": ("UPDATE article SET title = '伪造的标题' WHERE position = 2", "its title, block roles"),
    "block pieces": (
        "UPDATE block SET pieces = '[[0, 3]]' WHERE id = (SELECT max(id) FROM block)",
        "not covered exactly once",
    ),
    "block role": (
        "UPDATE block SET role = 'caption' WHERE id = (SELECT min(id) FROM block WHERE role = 'paragraph')",
        "its title, block roles",
    ),
    "tag name": ("UPDATE tag SET name = '伪造' WHERE id = (SELECT min(id) FROM tag)", "tag "),
    "change record": (
        "UPDATE change_record SET new_text = '伪造' WHERE id = (SELECT min(id) FROM change_record)",
        "change record ",
    ),
    "issue title": ("UPDATE issue SET title = '伪造的报名'", "issue 1: its file name, title or date"),
}


@pytest.mark.parametrize("what", sorted(TAMPERING))
def test_each_change_behind_the_applications_back_is_reported(
    edited: Path, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    statement, expected = TAMPERING[what]
    _sql(edited, statement)
    problems = _check(edited)
    assert any(expected in line for line in problems), problems
    assert main(["--db", str(edited), "check"]) == 1
    out = capsys.readouterr().out
    assert any(expected in line for line in out.splitlines() if line.startswith("problem: "))


def test_a_tampered_history_stops_every_writing_command(
    edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement, _ = TAMPERING["revision snapshot"]
    _sql(edited, statement)
    library = open_library(edited)
    try:
        with library.session() as session:
            revision_id = session.scalars(select(Revision.id).order_by(Revision.id.desc())).first()
    finally:
        library.close()
    assert revision_id is not None
    # the command line refuses to write into a library whose history was changed behind its back
    assert main(["--db", str(edited), "tags", "add", "新", "--article", "1"]) == 1
    assert "revision" in capsys.readouterr().err


def test_structure_and_issue_commands_keep_the_library_ok(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The structure, issue and delete commands write through paths that keep every hash current."""
    path = tmp_path / "lib.sqlite3"
    db = ["--db", str(path)]
    other = tmp_path / "second.txt"
    text = "第二期\n\n青溪河边的新变化\n\n今年春天，青溪河两岸种下了一千棵树。\n\n（本报讯）\n"
    other.write_text(text, encoding="utf-8")
    assert main([*db, "import", str(SAMPLE_ISSUE), str(other)]) == 0
    library = open_library(path)
    try:
        with library.session() as session:
            first, _second, third, fourth = list(
                session.scalars(select(Article.id).where(Article.issue_id == 1).order_by(Article.position))
            )
    finally:
        library.close()
    steps = [
        ["structure", "role", str(first), "0", "kicker"],
        ["structure", "split", str(fourth), "--at", "3"],
        ["structure", "move", str(first), "9", "--to", str(fourth)],
        ["structure", "move", str(fourth), "0", "--to", str(fourth), "--at", "1"],
        ["structure", "leftover", str(fourth), "0", "--kind", "layout"],
        ["structure", "merge", str(third), "--into", "previous"],
        ["tags", "add", "青溪河", "--article", str(first), "--kind", "place"],
        ["issue", "set", "1", "--title", "新的报名", "--date", "2026-12-01", "--publication", "梅园社区报"],
        ["delete", "2", "--yes"],
    ]
    for step in steps:
        assert main([*db, *step]) == 0, step
        assert _check(path) == [], step
    capsys.readouterr()
    assert main([*db, "check"]) == 0
