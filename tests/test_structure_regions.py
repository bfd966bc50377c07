"""Page-scan regions and suggestion decisions follow their blocks through split, merge and block moves,
and undo (qa25).

A region linked to a block kept the article it was drawn on: after a split the new article showed no
place on the scan (and the first part outlined a paragraph it no longer had); a merge deleted, with the
merged-away article, every region of its blocks (``ON DELETE CASCADE``), for good.  The decisions on
suggestions (a rejected artefact suggestion, an OCR reading accepted) were lost the same way, or, after a
split, no longer found: the rejected suggestions came back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Library
from db.models import Article, Block
from db.scan_models import ScanPage, ScanRegion
from reader.services.page_regions import Box, link_region
from reader.services.pages import attach_files
from reader.services.segmentation_edits import merge_articles, move_block, split_article, undo_edit
from reader.services.segmentation_rows import EditResult
from reader.services.structure_edits import merge_into, move_block_to_new_article, reorder_block
from reader.services.suggesting import article_suggestions, reject
from tests.scan_support import corpus_lines, save_page
from tests.structure_support import build_issue
from tests.test_structure_edits import FOUR, FOUR_TEXT

pytestmark = [pytest.mark.both_engines, pytest.mark.usefixtures("qapp")]

AUTHOR = A = "editor"
Step = Callable[[Session, dict[str, int]], EditResult]


def _ids(session: Session, issue_id: int) -> dict[str, int]:
    """Block ids by their text (up to a half-width comma), and article ids by their first block's."""
    found: dict[str, int] = {}
    query = select(Block).join(Article).where(Article.issue_id == issue_id).order_by(Block.position)
    for block in session.scalars(query):
        # 甲文第一段,有逗号。 is 甲文第一段。 as in FOUR
        text = block.text.split(",")[0] + "。" if "," in block.text else block.text
        found[text] = block.id
        found.setdefault("article " + text, block.article_id)
    return found


def _regions(session: Session) -> list[tuple[str, str, bool]]:
    """Each region: its block's text, the text opening the article it is linked to, and whether that
    article is the block's own."""
    rows = []
    for region in session.scalars(select(ScanRegion).order_by(ScanRegion.x, ScanRegion.y)):
        block = session.get_one(Block, region.block_id)
        first = session.scalars(
            select(Block.text).where(Block.article_id == region.article_id).order_by(Block.position)
        ).first()
        rows.append((block.text, first or "", region.article_id == block.article_id))
    return rows


@pytest.fixture
def scanned(library: Library, tmp_path: Path) -> int:
    """The four articles, each block linked to a region of one page, as an OCR import links them."""
    issue_id = build_issue(library, tmp_path, FOUR_TEXT, FOUR, name="four.txt")
    with library.writing() as session:
        attach_files(session, issue_id, [save_page(tmp_path / "p.png", corpus_lines(4))])
        page = session.scalars(select(ScanPage.id).where(ScanPage.issue_id == issue_id)).one()
        query = select(Block).join(Article).where(Article.issue_id == issue_id)
        for n, block in enumerate(session.scalars(query)):
            link_region(
                session, page, block.article_id, Box(10 + n, 10, 50, 20), block_id=block.id, author="t",
                origin="ocr",
            )  # fmt: skip
    return issue_id


def _far_merge(session: Session, ids: dict[str, int]) -> EditResult:
    return merge_into(session, ids["article 丁文标题"], ids["article 甲文标题"], author=A)


def _own_article(session: Session, ids: dict[str, int]) -> EditResult:
    return move_block_to_new_article(session, ids["甲文第一段。"], author=A)


STEPS: list[tuple[str, Step]] = [
    ("split", lambda s, i: split_article(s, i["甲文第一段。"], author=A)),
    ("merge with previous", lambda s, i: merge_articles(s, i["article 乙文标题"], "previous", author=A)),
    ("merge with next", lambda s, i: merge_articles(s, i["article 丙文标题"], "next", author=A)),
    ("merge into a far article", _far_merge),
    ("move a block to the next", lambda s, i: move_block(s, i["乙文正文。"], "next", author=A)),
    ("a block into an article of its own", _own_article),
    ("reorder", lambda s, i: reorder_block(s, i["丁文第二段。"], 0, author=A)),
]


@pytest.mark.parametrize("name, step", STEPS, ids=[name for name, _ in STEPS])
def test_regions_follow_their_blocks_and_come_back_with_the_undo(
    library: Library, scanned: int, name: str, step: Step
) -> None:
    with library.session() as session:
        before = _regions(session)
    assert len(before) == 10 and all(own for _, _, own in before)
    with library.writing() as session:
        result = step(session, _ids(session, scanned))
    with library.session() as session:
        after = _regions(session)
    assert len(after) == 10, name  # none deleted with a merged-away article
    assert all(own for _, _, own in after), (name, after)  # each on its block's article
    with library.writing() as session:
        redo = undo_edit(session, result.undo, author=AUTHOR)
    with library.session() as session:
        assert _regions(session) == before, name
    with library.writing() as session:
        undo_edit(session, redo.undo, author=AUTHOR)
    with library.session() as session:
        assert _regions(session) == after, name


COMMAS: list[list[tuple[str, str]]] = [
    [("title", "甲文标题"), ("paragraph", "甲文第一段,有逗号。"), ("paragraph", "甲文第二段,也有。")],
    [("title", "乙文标题"), ("paragraph", "乙文正文,有逗号。")],
    [("title", "丙文标题"), ("paragraph", "丙文正文。")],
]


def _offered(session: Session, issue_id: int) -> list[str]:
    """The texts of the blocks with a suggestion offered, over the issue's articles."""
    query = select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position)
    return [
        session.get_one(Block, s.block_id).text
        for article_id in session.scalars(query)
        for s in article_suggestions(session, article_id)
    ]


MOVING = [STEPS[0], STEPS[1], STEPS[4], STEPS[5]]  # those that move a block with a comma


@pytest.mark.parametrize("name, step", MOVING, ids=[n for n, _ in MOVING])
def test_rejected_suggestions_stay_rejected(library: Library, tmp_path: Path, name: str, step: Step) -> None:
    text = "\n".join(t for blocks in COMMAS for _role, t in blocks) + "\n"
    issue_id = build_issue(library, tmp_path, text, COMMAS, name="commas.txt")
    with library.writing() as session:
        query = select(Article.id).where(Article.issue_id == issue_id)
        for article_id in session.scalars(query).all():
            for item in article_suggestions(session, article_id):
                reject(session, item, author=A)
    with library.session() as session:
        assert _offered(session, issue_id) == []
    with library.writing() as session:
        result = step(session, _ids(session, issue_id))
    with library.session() as session:
        assert _offered(session, issue_id) == [], name
    with library.writing() as session:
        undo_edit(session, result.undo, author=A)
    with library.session() as session:
        assert _offered(session, issue_id) == [], name
