"""Segmentation edits keep the nothing-lost guarantee after every edit and undo exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import Note
from db.engine import Library
from db.models import Article, Block, Contributor, Leftover
from reader.services.importing import import_files
from reader.services.notes import add_note
from reader.services.review import set_status
from reader.services.segmentation_edits import (
    BLOCK_ROLES,
    join_blocks,
    leftover_to_article,
    merge_articles,
    move_block,
    set_block_role,
    split_article,
    split_block,
    undo_edit,
)
from reader.services.segmentation_rows import EditResult, SegmentationError, Undo, issue_coverage
from reader.services.tracking.revisions import article_blocks, revisions
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.both_engines

AUTHOR = "editor"
RIVER = "梅园街道河长制工作再上新台阶"


def _import(library: Library, path: Path) -> int:
    with library.write_session() as session:
        report = import_files(session, [path])
    issue_id = report.results[0].issue_id
    assert issue_id is not None
    return issue_id


@pytest.fixture
def sample(library: Library) -> int:
    return _import(library, SAMPLE_ISSUE)


def structure(session: Session, issue_id: int) -> tuple[Any, ...]:
    """Everything segmentation decides about an issue, without ids."""
    articles = []
    for a in session.scalars(select(Article).where(Article.issue_id == issue_id).order_by(Article.position)):
        blocks = tuple((b.role, b.text, tuple(map(tuple, b.pieces))) for b in article_blocks(session, a.id))
        people = tuple(
            (p.name, p.role)
            for p in session.scalars(
                select(Contributor).where(Contributor.article_id == a.id).order_by(Contributor.position)
            )
        )
        heading = (a.section, a.kicker, a.title, a.subtitle, a.byline, a.source)
        articles.append((heading, a.span_start, a.span_end, a.status, blocks, people))
    leftovers = tuple(
        (lo.kind, lo.text, lo.span_start, lo.span_end)
        for lo in session.scalars(
            select(Leftover).where(Leftover.issue_id == issue_id).order_by(Leftover.position)
        )
    )
    return tuple(articles), leftovers


def _river(session: Session) -> Article:
    return session.scalars(select(Article).where(Article.title == RIVER)).one()


def _check_notes(session: Session, issue_id: int) -> None:
    """No note lost its article; every anchored note's quote is where it says."""
    for note in session.scalars(select(Note)):
        assert session.get(Article, note.article_id) is not None
        if note.block_id is not None and not note.orphaned:
            assert session.get_one(Block, note.block_id).text[note.start : note.end] == note.quote


# ---------------------------------------------------------------- one edit at a time


def _edit_and_undo(library: Library, issue_id: int, edit: Any) -> EditResult:
    """Run an edit, check coverage and revisions, undo it (structure back), redo it; returns the redo."""
    with library.session() as session:
        before = structure(session, issue_id)
    with library.writing() as session:
        result: EditResult = edit(session)
        assert issue_coverage(session, issue_id) == []
        for article_id in result.articles:
            assert revisions(session, article_id)[-1].reason == "segmentation"
            assert session.get_one(Article, article_id).version >= 2
        after = structure(session, issue_id)
        assert after != before
    with library.writing() as session:
        redo = undo_edit(session, result.undo, author=AUTHOR)
        assert structure(session, issue_id) == before
        assert issue_coverage(session, issue_id) == []
    with library.writing() as session:
        redone = undo_edit(session, redo.undo, author=AUTHOR)
        assert structure(session, issue_id) == after
    return redone


def test_split_article_starts_a_new_article_and_merge_undoes_it(library: Library, sample: int) -> None:
    with library.session() as session:
        river = _river(session)
        blocks = article_blocks(session, river.id)
        paragraph = next(b for b in blocks if b.role == "paragraph")
        count = len(session.scalars(select(Article).where(Article.issue_id == sample)).all())

    def edit(session: Session) -> EditResult:
        result = split_article(session, paragraph.id, author=AUTHOR)
        articles = session.scalars(
            select(Article).where(Article.issue_id == sample).order_by(Article.position)
        ).all()
        assert len(articles) == count + 1
        old, new = articles[river.position], articles[river.position + 1]
        assert (old.title, new.title, old.byline, new.byline) == (RIVER, None, river.byline, None)
        assert new.span_start == paragraph.pieces[0][0] and old.span_end < new.span_end
        assert article_blocks(session, new.id)[0].role == "paragraph"
        return result

    _edit_and_undo(library, sample, edit)
    with library.session() as session, pytest.raises(SegmentationError):
        split_article(session, article_blocks(session, _river(session).id)[0].id, author=AUTHOR)


def test_merge_with_previous_and_next(library: Library, sample: int) -> None:
    with library.session() as session:
        river_id = _river(session).id
        first_id = session.scalars(
            select(Article.id).where(Article.issue_id == sample, Article.position == 0)
        ).one()

    def merge_previous(session: Session) -> EditResult:
        result = merge_articles(session, river_id, "previous", author=AUTHOR)
        assert session.get(Article, river_id) is None
        return result

    _edit_and_undo(library, sample, merge_previous)
    with library.session() as session:
        first_id = session.scalars(
            select(Article.id).where(Article.issue_id == sample, Article.position == 0)
        ).one()
    _edit_and_undo(library, sample, lambda s: merge_articles(s, first_id, "next", author=AUTHOR))
    with library.session() as session, pytest.raises(SegmentationError):
        merge_articles(session, first_id, "previous", author=AUTHOR)


def test_changing_roles_keeps_heading_columns_in_sync(library: Library, sample: int) -> None:
    def edit(session: Session) -> EditResult:
        river = _river(session)
        kicker = next(b for b in article_blocks(session, river.id) if b.role == "kicker")
        result = set_block_role(session, kicker.id, "subtitle", author=AUTHOR)
        assert (river.kicker, river.subtitle) == (None, kicker.text)
        return result

    _edit_and_undo(library, sample, edit)
    with library.session() as session:
        block = article_blocks(session, _river(session).id)[0]
        with pytest.raises(SegmentationError):
            set_block_role(session, block.id, "headline", author=AUTHOR)
    assert "leftover" not in BLOCK_ROLES and "caption" in BLOCK_ROLES


def test_a_block_made_leftover_goes_to_the_leftovers_and_back(library: Library, sample: int) -> None:
    def to_leftover(session: Session) -> EditResult:
        river = _river(session)
        caption = next(b for b in article_blocks(session, river.id) if b.role == "caption")
        note = add_note(session, river.id, caption.id, 0, 3, "图注", author=AUTHOR)
        result = set_block_role(session, caption.id, "leftover", author=AUTHOR)
        leftover = session.scalars(select(Leftover).where(Leftover.text == caption.text)).one()
        assert (leftover.kind, leftover.span_start, leftover.span_end) == ("other", *caption.pieces[0])
        assert session.get_one(Note, note.id).orphaned  # kept with its article
        return result

    redone = _edit_and_undo(library, sample, to_leftover)
    assert redone.undo.op == "leftover_to_block"
    with library.writing() as session:
        undo_edit(session, redone.undo, author=AUTHOR)
        note = session.scalars(select(Note)).one()
        block = session.get_one(Block, note.block_id)
        assert (block.role, block.text[note.start : note.end], note.orphaned) == (
            "caption",
            note.quote,
            False,
        )

    def back(session: Session) -> EditResult:
        qr = session.scalars(select(Leftover).where(Leftover.kind == "qr_code")).one()
        result = leftover_to_article(session, qr.id, author=AUTHOR)
        river = _river(session)
        assert article_blocks(session, river.id)[-1].text == qr.text  # after the river article's last block
        assert river.span_end == qr.span_end
        return result

    _edit_and_undo(library, sample, back)


def test_move_a_paragraph_to_the_previous_and_next_article(library: Library, sample: int) -> None:
    def to_previous(session: Session) -> EditResult:
        river = _river(session)
        previous = session.scalars(
            select(Article).where(Article.issue_id == sample, Article.position == river.position - 1)
        ).one()
        first = article_blocks(session, river.id)[0]
        result = move_block(session, first.id, "previous", author=AUTHOR)
        assert article_blocks(session, previous.id)[-1].id == first.id
        assert river.kicker is None and previous.kicker == first.text
        return result

    _edit_and_undo(library, sample, to_previous)

    def to_next(session: Session) -> EditResult:
        first = session.scalars(
            select(Article).where(Article.issue_id == sample, Article.position == 0)
        ).one()
        last = article_blocks(session, first.id)[-1]
        return move_block(session, last.id, "next", author=AUTHOR)

    _edit_and_undo(library, sample, to_next)


def test_join_two_paragraphs_concatenates_pieces(library: Library, sample: int) -> None:
    def edit(session: Session) -> EditResult:
        river = _river(session)
        blocks = article_blocks(session, river.id)
        at = next(i for i, b in enumerate(blocks) if b.role == "paragraph")
        first, second = blocks[at], blocks[at + 1]
        expected = (first.text + second.text, [*first.pieces, *second.pieces])
        result = join_blocks(session, first.id, author=AUTHOR)
        assert (first.text, first.pieces) == expected
        assert session.get(Block, second.id) is None
        return result

    _edit_and_undo(library, sample, edit)


def test_split_a_corrected_paragraph_at_the_right_original_offset(library: Library, sample: int) -> None:
    with library.writing() as session:
        river = _river(session)
        # the paragraph cut by a page break: two pieces, and a caption between
        block = next(b for b in article_blocks(session, river.id) if len(b.pieces) == 2)
        text = block.text
        corrected = "【插入】" + text.replace(",", "，")
        save_article_text(session, river.id, {block.id: corrected}, author=AUTHOR, base_version=river.version)
        block_id, pieces = block.id, block.pieces
    cut = corrected.index("记者看到")

    def edit(session: Session) -> EditResult:
        result = split_block(session, block_id, cut, author=AUTHOR)
        first = session.get_one(Block, block_id)
        second = article_blocks(session, first.article_id)[first.position + 1]
        assert (first.text, second.text) == (corrected[:cut], corrected[cut:])
        original_cut = pieces[0][0] + text.index("记者看到")
        assert first.pieces == [[pieces[0][0], original_cut]]
        assert second.pieces == [[original_cut, pieces[0][1]], pieces[1]]
        return result

    _edit_and_undo(library, sample, edit)
    with library.session() as session, pytest.raises(SegmentationError):
        split_block(session, block_id, 2, author=AUTHOR)  # inside the inserted 【插入】: no original before


def test_the_only_block_cannot_leave_its_article(library: Library, sample: int) -> None:
    with library.session() as session:
        lone = next(
            a
            for a in session.scalars(select(Article).where(Article.issue_id == sample))
            if len(article_blocks(session, a.id)) == 1
        )
        block = article_blocks(session, lone.id)[0]
        with pytest.raises(SegmentationError):
            set_block_role(session, block.id, "leftover", author=AUTHOR)
        with pytest.raises(SegmentationError):
            move_block(session, block.id, "previous", author=AUTHOR)


# ---------------------------------------------------------------- random edit sequences

OPS = (
    "split_article",
    "merge_previous",
    "merge_next",
    "set_role",
    "leftover",
    "leftover_back",
    "move_previous",
    "move_next",
    "join",
    "split_block",
    "edit_text",
)


def _blocks(session: Session, issue_id: int) -> list[Block]:
    return list(
        session.scalars(
            select(Block)
            .join(Article, Article.id == Block.article_id)
            .where(Article.issue_id == issue_id)
            .order_by(Article.position, Block.position)
        )
    )


def _text_undo(session: Session, block: Block) -> Undo:
    article = session.get_one(Article, block.article_id)
    undo = {"block": [article.position, block.position], "text": block.text, "status": article.status}
    return Undo("text", undo)


def _undo_text(session: Session, issue_id: int, undo: Undo) -> None:
    position, block_position = undo.args["block"]
    article = session.scalars(
        select(Article).where(Article.issue_id == issue_id, Article.position == position)
    ).one()
    block = article_blocks(session, article.id)[block_position]
    save_article_text(
        session, article.id, {block.id: undo.args["text"]}, author=AUTHOR, base_version=article.version
    )
    # a first edit moved a new article to in progress; the test's undo puts the status back as well
    set_status(session, [article.id], undo.args["status"], author=AUTHOR)


def _random_edit(session: Session, issue_id: int, data: st.DataObject) -> Undo:
    """Draw and make one edit (raising SegmentationError when it does not apply)."""
    op = data.draw(st.sampled_from(OPS), label="op")
    blocks = _blocks(session, issue_id)
    block = blocks[data.draw(st.integers(0, len(blocks) - 1), label="block")]
    article_id = block.article_id
    if op == "split_article":
        return split_article(session, block.id, author=AUTHOR).undo
    if op in ("merge_previous", "merge_next"):
        return merge_articles(
            session, article_id, "previous" if op == "merge_previous" else "next", author=AUTHOR
        ).undo
    if op == "set_role":
        role = data.draw(st.sampled_from(BLOCK_ROLES), label="role")
        return set_block_role(session, block.id, role, author=AUTHOR).undo
    if op == "leftover":
        return set_block_role(session, block.id, "leftover", author=AUTHOR).undo
    if op == "leftover_back":
        leftovers = session.scalars(select(Leftover).where(Leftover.issue_id == issue_id)).all()
        if not leftovers:
            raise SegmentationError("no leftovers")
        leftover = leftovers[data.draw(st.integers(0, len(leftovers) - 1), label="leftover")]
        return leftover_to_article(session, leftover.id, author=AUTHOR).undo
    if op in ("move_previous", "move_next"):
        return move_block(
            session, block.id, "previous" if op == "move_previous" else "next", author=AUTHOR
        ).undo
    if op == "join":
        return join_blocks(session, block.id, author=AUTHOR).undo
    if op == "split_block":
        if len(block.text) < 2:
            raise SegmentationError("too short")
        return split_block(
            session, block.id, data.draw(st.integers(1, len(block.text) - 1)), author=AUTHOR
        ).undo
    undo = _text_undo(session, block)
    at = data.draw(st.integers(0, len(block.text)), label="at")
    cut = data.draw(st.integers(0, min(4, len(block.text) - at)), label="cut")
    insert = data.draw(st.text(alphabet="，。陆街道 a", max_size=3), label="insert")
    article = session.get_one(Article, article_id)
    new_text = block.text[:at] + insert + block.text[at + cut :]
    save_article_text(session, article_id, {block.id: new_text}, author=AUTHOR, base_version=article.version)
    return undo


def _run_sequence(library: Library, issue_id: int, data: st.DataObject, steps: int) -> None:
    """Random edits, each checked for coverage, then undone in reverse: the structure is back."""
    with library.write_session() as session:
        session.begin()
        try:
            before = structure(session, issue_id)
            paragraph = next(
                b for b in _blocks(session, issue_id) if b.role == "paragraph" and len(b.text) > 6
            )
            add_note(session, paragraph.article_id, paragraph.id, 2, 6, "note", author=AUTHOR)
            notes = len(session.scalars(select(Note)).all())
            undos: list[Undo] = []
            for _ in range(data.draw(st.integers(1, steps), label="steps")):
                try:
                    with session.begin_nested():
                        undos.append(_random_edit(session, issue_id, data))
                    event(f"made an edit undone by {undos[-1].op}")
                except SegmentationError:
                    event("edit refused")
                assert issue_coverage(session, issue_id) == []
                _check_notes(session, issue_id)
            for undo in reversed(undos):
                if undo.op == "text":
                    _undo_text(session, issue_id, undo)
                else:
                    undo_edit(session, undo, author=AUTHOR)
                assert issue_coverage(session, issue_id) == []
            assert structure(session, issue_id) == before
            assert len(session.scalars(select(Note)).all()) == notes  # notes are never dropped
            _check_notes(session, issue_id)
        finally:
            session.rollback()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edit_sequences_on_the_sample_keep_coverage_and_undo_exactly(
    library: Library, sample_issue_once: int, data: st.DataObject
) -> None:
    _run_sequence(library, sample_issue_once, data, steps=10)


@pytest.fixture
def sample_issue_once(library: Library) -> int:
    """The sample imported once for all examples (each example rolls its edits back)."""
    return _import(library, SAMPLE_ISSUE)


@pytest.fixture
def corpus_issues(library: Library, corpus_files: list[Path]) -> Iterator[list[int]]:
    yield [_import(library, path) for path in corpus_files]


@pytest.mark.corpus
@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edit_sequences_on_the_corpus_keep_coverage_and_undo_exactly(
    library: Library, corpus_issues: list[int], data: st.DataObject
) -> None:
    issue_id = data.draw(st.sampled_from(corpus_issues), label="issue")
    _run_sequence(library, issue_id, data, steps=12)
