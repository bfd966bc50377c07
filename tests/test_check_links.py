"""``check`` finds page-scan regions and suggestion decisions left on another article than their block's
by a split, merge or block move of a version before qa25, and ``check --repair`` moves them (qa25 A).

The rows are put where the older versions left them with plain SQL: the structure edits now move them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from db.backup import list_backups
from db.engine import Library
from db.models import Article, Block
from db.rules_models import SuggestionDecision
from db.scan_models import ScanPage, ScanRegion
from reader import cli
from reader.services.page_regions import Box, link_region
from reader.services.pages import attach_files
from reader.services.suggesting import article_suggestions, reject
from tests.scan_support import corpus_lines, save_page
from tests.structure_support import build_issue
from tests.test_structure_regions import COMMAS

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def issue(library: Library, tmp_path: Path) -> int:
    """Three articles, each block outlined on one page, every suggestion rejected."""
    text = "\n".join(t for blocks in COMMAS for _role, t in blocks) + "\n"
    issue_id = build_issue(library, tmp_path, text, COMMAS, name="commas.txt")
    with library.writing() as session:
        attach_files(session, issue_id, [save_page(tmp_path / "p.png", corpus_lines(4))])
        page = session.scalars(select(ScanPage.id).where(ScanPage.issue_id == issue_id)).one()
        blocks = session.scalars(select(Block).join(Article).where(Article.issue_id == issue_id)).all()
        for n, block in enumerate(blocks):
            box = Box(10 + n, 10, 50, 20)
            link_region(session, page, block.article_id, box, block_id=block.id, author="t", origin="ocr")
        for article_id in {block.article_id for block in blocks}:
            for item in article_suggestions(session, article_id):
                reject(session, item, author="t")
    return issue_id


def _misplace(library: Library, issue_id: int) -> tuple[int, int]:
    """Put the second and third articles' regions and decisions on the first, as a split of an older
    version left them; returns how many of each were moved."""
    with library.session() as session:
        first, *others = session.scalars(
            select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position)
        ).all()
        counts = tuple(
            len(session.scalars(select(t.id).where(t.article_id.in_(others))).all())
            for t in (ScanRegion, SuggestionDecision)
        )
    path = library.engine.url.database
    assert path
    with sqlite3.connect(path) as conn:
        for table in ("scan_region", "suggestion_decision"):
            marks = ",".join("?" * len(others))
            conn.execute(f"UPDATE {table} SET article_id = ? WHERE article_id IN ({marks})", (first, *others))
    conn.close()
    return counts[0], counts[1]


def _on_their_blocks_articles(library: Library) -> list[bool]:
    with library.session() as session:
        return [
            row.article_id == session.get_one(Block, row.block_id).article_id
            for table in (ScanRegion, SuggestionDecision)
            for row in session.scalars(select(table))
        ]


def test_check_reports_rows_on_another_article_than_their_block(
    library: Library, issue: int, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(library.engine.url.database)
    assert cli.main(["check", "--db", db]) == 0
    assert "page-scan regions ok" in capsys.readouterr().out
    regions, decisions = _misplace(library, issue)
    assert regions == 4 and decisions >= 1
    assert cli.main(["check", "--db", db]) == 1
    captured = capsys.readouterr()
    lines = [line for line in captured.out.splitlines() if line.startswith("problem: ")]
    assert sum("page-scan region" in line for line in lines) == regions
    assert sum("suggestion decision" in line for line in lines) == decisions
    assert len(lines) == regions + decisions
    assert all("check --repair" in line for line in lines)
    assert "check --repair" in captured.err and "restore a backup" not in captured.err


def test_check_repair_moves_them_after_a_backup(
    library: Library, issue: int, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(library.engine.url.database)
    regions, decisions = _misplace(library, issue)
    assert not all(_on_their_blocks_articles(library))
    assert list_backups(Path(db)) == []
    assert cli.main(["check", "--db", db, "--repair"]) == 0
    out = capsys.readouterr().out
    assert f"repaired: {regions} page-scan regions and {decisions} suggestion decision" in out
    assert "ok: " in out
    assert all(_on_their_blocks_articles(library))
    assert [b.reason for b in list_backups(Path(db))] == ["pre-bulk"]
    with library.session() as session:  # the rejected suggestions are not offered again
        articles = session.scalars(select(Article.id).where(Article.issue_id == issue)).all()
        assert [s for a in articles for s in article_suggestions(session, a)] == []
    # nothing more to move: no second backup, and it says so
    assert cli.main(["check", "--db", db, "--repair"]) == 0
    assert "repaired: 0 page-scan regions and 0 suggestion decisions" in capsys.readouterr().out
    assert len(list_backups(Path(db))) == 1


def test_a_region_of_no_block_is_no_problem(library: Library, issue: int) -> None:
    """A region drawn on an article by hand (no block) or whose block was deleted has nothing to follow."""
    with library.writing() as session:
        session.execute(ScanRegion.__table__.update().values(block_id=None))
    assert cli.main(["check", "--db", str(library.engine.url.database)]) == 0
