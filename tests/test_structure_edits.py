"""Structure edits: nothing dropped by a merge or split, exact undo, ids never reused, front page repaired."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import Note
from db.engine import Library
from db.models import Article, Block, Leftover
from reader.services.article_keeping import tag_rows
from reader.services.notes import add_note
from reader.services.review import set_status
from reader.services.segmentation_edits import (
    block_to_leftover,
    merge_articles,
    move_block_to,
    set_block_role,
    split_article,
    undo_edit,
)
from reader.services.segmentation_rows import EditResult, SegmentationError, issue_coverage
from reader.services.structure_edits import (
    merge_into,
    move_article,
    move_block_to_new_article,
    reorder_block,
)
from reader.services.tagging import add_tag
from reader.services.tracking.revisions import article_blocks
from reader.services.tracking.saving import save_article_text
from tests.structure_support import (
    BAD_CUT,
    BODY,
    FRONT_PAGE,
    KICKER,
    LEAD_TITLE,
    MASTHEAD,
    SOURCE,
    build_issue,
)
from tests.test_segmentation_edits import structure

pytestmark = pytest.mark.both_engines

AUTHOR = "editor"

FOUR: Any = [
    [("title", "甲文标题"), ("paragraph", "甲文第一段。"), ("paragraph", "甲文第二段。")],
    [("title", "乙文标题"), ("paragraph", "乙文正文。")],
    [("title", "丙文标题"), ("paragraph", "丙文正文。")],
    [("title", "丁文标题"), ("paragraph", "丁文第一段。"), ("paragraph", "丁文第二段。")],
]
FOUR_TEXT = "\n".join(text for blocks in FOUR for _role, text in blocks) + "\n"


def _articles(session: Session, issue_id: int) -> list[Article]:
    return list(
        session.scalars(select(Article).where(Article.issue_id == issue_id).order_by(Article.position))
    )


def _state(session: Session, issue_id: int) -> tuple[Any, ...]:
    """Structure plus what articles carry: tags (exact rows), notes and their anchors."""
    articles = _articles(session, issue_id)
    tags = tuple(tuple(map(tuple, tag_rows(session, a.id))) for a in articles)
    notes = tuple(
        sorted(
            (n.body, n.article_id in {a.id for a in articles}, n.start, n.end, n.orphaned)
            for n in session.scalars(select(Note))
        )
    )
    return structure(session, issue_id), tags, notes


def _undo_redo(library: Library, issue_id: int, before: Any, result: EditResult) -> None:
    """Undo restores everything exactly, redo gives the edited state again."""
    with library.session() as session:
        after = _state(session, issue_id)
    with library.writing() as session:
        redo = undo_edit(session, result.undo, author=AUTHOR)
        assert issue_coverage(session, issue_id) == []
    with library.session() as session:
        assert _state(session, issue_id) == before
    with library.writing() as session:
        undo_edit(session, redo.undo, author=AUTHOR)
    with library.session() as session:
        assert _state(session, issue_id) == after


@pytest.fixture
def four(library: Library, tmp_path: Path) -> int:
    return build_issue(library, tmp_path, FOUR_TEXT, FOUR, name="four.txt")


def test_merge_keeps_tags_notes_corrections_and_the_less_advanced_status(library: Library, four: int) -> None:
    with library.writing() as session:
        first, second = _articles(session, four)[:2]
        add_tag(session, [first.id], "社区", author="a")
        add_tag(session, [first.id, second.id], "民生", author="b")
        add_tag(session, [second.id], "张明", kind="person", author="c")
        set_status(session, [first.id], "approved", author=AUTHOR)
        set_status(session, [second.id], "in_progress", author=AUTHOR)
        body = article_blocks(session, second.id)[1]
        add_note(session, second.id, body.id, 0, 2, "核对", author=AUTHOR)
        texts = [b.text for b in article_blocks(session, second.id)]
        texts[1] = texts[1].replace("正文", "正文字")
        save_article_text(session, second.id, texts, author=AUTHOR, base_version=second.version)
        first_id, second_id = first.id, second.id
    with library.session() as session:
        before = _state(session, four)
    with library.writing() as session:
        result = merge_articles(session, second_id, "previous", author=AUTHOR)
        merged = session.get_one(Article, first_id)
        assert session.get(Article, second_id) is None
        assert merged.status == "in_progress"
        names = {row[0] for row in tag_rows(session, first_id)}
        assert len(names) == 3
        note = session.scalars(select(Note).where(Note.body == "核对")).one()
        assert note.article_id == first_id and not note.orphaned
        assert any("正文字" in b.text for b in article_blocks(session, first_id))
    _undo_redo(library, four, before, result)
    with library.session() as session:
        statuses = [a.status for a in _articles(session, four)]
    assert statuses == ["in_progress", "new", "new"]  # the redo: merged again


def test_split_keeps_the_tags_on_both_parts(library: Library, four: int) -> None:
    with library.writing() as session:
        first = _articles(session, four)[0]
        add_tag(session, [first.id], "社区", author="a")
        set_status(session, [first.id], "proofread", author=AUTHOR)
    with library.session() as session:
        before = _state(session, four)
    with library.writing() as session:
        first = _articles(session, four)[0]
        result = split_article(session, article_blocks(session, first.id)[2].id, author=AUTHOR)
        one, two = _articles(session, four)[:2]
        assert tag_rows(session, one.id) == tag_rows(session, two.id) != []
        assert one.status == two.status == "proofread"
    _undo_redo(library, four, before, result)


def test_reorder_move_article_new_article_and_merge_into_any(library: Library, four: int) -> None:
    steps = [
        lambda s, a: reorder_block(s, article_blocks(s, a[0].id)[2].id, 1, author=AUTHOR),
        lambda s, a: move_article(s, a[3].id, 0, author=AUTHOR),
        lambda s, a: move_block_to_new_article(s, article_blocks(s, a[0].id)[1].id, author=AUTHOR),
        lambda s, a: merge_into(s, a[3].id, a[0].id, author=AUTHOR),
        lambda s, a: merge_into(s, a[0].id, a[3].id, author=AUTHOR),
        lambda s, a: merge_into(s, a[1].id, "next", author=AUTHOR),
    ]
    for step in steps:
        with library.session() as session:
            before = _state(session, four)
        with library.writing() as session:
            result = step(session, _articles(session, four))
            assert issue_coverage(session, four) == []
        _undo_redo(library, four, before, result)
    with library.session() as session:
        articles = _articles(session, four)
        assert len(articles) == 2  # four, one more, three merges


def test_move_to_new_article_and_merge_into(library: Library, four: int) -> None:
    with library.writing() as session:
        first, _second, third, fourth = _articles(session, four)
        block = article_blocks(session, first.id)[1]
        move_block_to_new_article(session, block.id, author=AUTHOR)
        articles = _articles(session, four)
        assert [b.text for b in article_blocks(session, articles[1].id)] == ["甲文第一段。"]
        assert [b.text for b in article_blocks(session, articles[0].id)] == ["甲文标题", "甲文第二段。"]
        merge_into(session, fourth.id, first.id, author=AUTHOR)
        texts = [b.text for b in article_blocks(session, first.id)]
        assert texts == ["甲文标题", "甲文第二段。", "丁文标题", "丁文第一段。", "丁文第二段。"]
        assert session.get(Article, fourth.id) is None
        with pytest.raises(SegmentationError):
            merge_into(session, third.id, third.id, author=AUTHOR)
        with pytest.raises(SegmentationError):
            reorder_block(session, article_blocks(session, third.id)[0].id, 5, author=AUTHOR)


def test_article_ids_are_never_reused(library: Library, four: int, tmp_path: Path) -> None:
    """After the newest article is merged away, no insert path (split, import, JSON import) takes its id,
    and a save meant for it is refused instead of landing on another article."""
    from reader.services.export_formats.full_document import issue_documents
    from reader.services.importing import import_files
    from reader.services.json_import import import_json
    from reader.services.tracking.revisions import TrackingError
    from tests.conftest import SAMPLE_ISSUE

    with library.writing() as session:
        last = _articles(session, four)[-1]
        last_id, version = last.id, last.version
        merge_articles(session, last_id, "previous", author=AUTHOR)
    with library.writing() as session:
        third = _articles(session, four)[-1]
        result = split_article(session, article_blocks(session, third.id)[3].id, author=AUTHOR)
        assert min(set(result.articles) - {third.id}) > last_id
    with library.write_session() as session:
        imported = import_files(session, [SAMPLE_ISSUE]).results[0].issue_id
    with library.session() as session:
        document = next(issue_documents(session, [four]))
    with library.write_session() as session:
        copied = import_json(session, document, on_conflict="copy").results[0].issue_id
    with library.session() as session:
        for issue in (imported, copied):
            assert min(a.id for a in _articles(session, issue or 0)) > last_id
    with library.writing() as session, pytest.raises(TrackingError):
        save_article_text(session, last_id, ["甲"], author=AUTHOR, base_version=version)


def test_the_badly_cut_front_page_is_repaired_in_ten_actions_or_fewer(
    library: Library, tmp_path: Path
) -> None:
    issue = build_issue(library, tmp_path, FRONT_PAGE, BAD_CUT)
    actions = 0

    def act(edit: Any) -> None:
        nonlocal actions
        actions += 1
        with library.writing() as session:
            edit(session, _articles(session, issue))

    def block(session: Session, article: Article, text: str) -> Block:
        return next(b for b in article_blocks(session, article.id) if b.text == text)

    for line in MASTHEAD:
        act(
            lambda s, a, line=line: block_to_leftover(
                s, block(s, a[0], line).id, author=AUTHOR, kind="masthead"
            )
        )
    act(lambda s, a: set_block_role(s, block(s, a[0], LEAD_TITLE).id, "title", author=AUTHOR))
    act(lambda s, a: merge_articles(s, a[1].id, "previous", author=AUTHOR))
    assert actions <= 10
    with library.session() as session:
        [lead] = _articles(session, issue)
        assert (lead.kicker, lead.title, lead.source) == (KICKER, LEAD_TITLE, SOURCE)
        roles = [b.role for b in article_blocks(session, lead.id)]
        assert roles == [
            "kicker",
            "title",
            "subtitle",
            "byline",
            "paragraph",
            "paragraph",
            "paragraph",
            "source",
        ]
        assert [b.text for b in article_blocks(session, lead.id)][4:7] == BODY
        leftovers = session.scalars(
            select(Leftover).where(Leftover.issue_id == issue).order_by(Leftover.position)
        )
        assert [(lo.kind, lo.text) for lo in leftovers] == [("masthead", line) for line in MASTHEAD]
        assert issue_coverage(session, issue) == []


STRUCTURE_OPS = ("reorder", "move_article", "new_article", "merge_into", "merge_previous", "split", "move_to")


def _random_structure_edit(session: Session, issue_id: int, data: st.DataObject) -> EditResult:
    """Draw and make one structure edit (SegmentationError when it does not apply)."""
    op = data.draw(st.sampled_from(STRUCTURE_OPS), label="op")
    articles = _articles(session, issue_id)
    article = articles[data.draw(st.integers(0, len(articles) - 1), label="article")]
    other = articles[data.draw(st.integers(0, len(articles) - 1), label="other")]
    blocks = article_blocks(session, article.id)
    block = blocks[data.draw(st.integers(0, len(blocks) - 1), label="block")]
    where = data.draw(st.integers(0, 4), label="where")
    if op == "reorder":
        return reorder_block(session, block.id, where, author=AUTHOR)
    if op == "move_article":
        return move_article(session, article.id, where, author=AUTHOR)
    if op == "new_article":
        return move_block_to_new_article(session, block.id, author=AUTHOR)
    if op == "merge_into":
        return merge_into(session, article.id, other.id, author=AUTHOR)
    if op == "merge_previous":
        return merge_into(session, article.id, "previous", author=AUTHOR)
    if op == "split":
        return split_article(session, block.id, author=AUTHOR)
    return move_block_to(session, block.id, other.id, where, author=AUTHOR)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_structure_edits_keep_coverage_tags_and_undo_exactly(
    library: Library, tagged_four: int, data: st.DataObject
) -> None:
    with library.write_session() as session:
        session.begin()
        try:
            before = _state(session, tagged_four)
            results: list[EditResult] = []
            for _ in range(data.draw(st.integers(1, 8), label="steps")):
                try:
                    with session.begin_nested():
                        results.append(_random_structure_edit(session, tagged_four, data))
                except SegmentationError:
                    pass
                assert issue_coverage(session, tagged_four) == []
                tagged = {row[0] for a in _articles(session, tagged_four) for row in tag_rows(session, a.id)}
                assert len(tagged) == 2  # no tag ever leaves every article
            for result in reversed(results):
                undo_edit(session, result.undo, author=AUTHOR)
                assert issue_coverage(session, tagged_four) == []
            assert _state(session, tagged_four) == before
        finally:
            session.rollback()


@pytest.fixture
def tagged_four(library: Library, four: int) -> int:
    with library.writing() as session:
        first, second, third, _fourth = _articles(session, four)
        add_tag(session, [first.id, third.id], "社区", author="a")
        add_tag(session, [second.id], "民生", author="b")
        set_status(session, [second.id], "approved", author=AUTHOR)
        body = article_blocks(session, third.id)[1]
        add_note(session, third.id, body.id, 0, 2, "核对", author=AUTHOR)
    return four
