"""Suggestion decisions as undoable steps, on the imported sample issue."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from reader.services.importing import import_files
from reader.services.suggesting import article_suggestions, preview_accept_all, reject
from reader.services.suggestion_steps import (
    accept_all_step,
    accept_step,
    suggestions_in_context,
    undo_text_step,
    unreject,
)
from reader.services.tracking.revisions import TrackingError
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE

RULE = "halfwidth_punctuation"


@pytest.fixture
def issue(library: Library) -> int:
    with library.write_session() as session:
        report = import_files(session, [SAMPLE_ISSUE])
    issue_id = report.results[0].issue_id
    assert issue_id is not None
    return issue_id


def _first_article(library: Library, issue_id: int) -> int:
    with library.session() as session:
        query = select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position)
        return session.scalars(query).first() or 0


def _texts(library: Library, issue_id: int) -> list[str]:
    with library.session() as session:
        query = (
            select(Block.text)
            .join(Article, Article.id == Block.article_id)
            .where(Article.issue_id == issue_id)
            .order_by(Article.position, Block.position)
        )
        return list(session.scalars(query))


def test_context_surrounds_each_suggestion(library: Library, issue: int) -> None:
    article_id = _first_article(library, issue)
    with library.session() as session:
        rows = suggestions_in_context(session, article_id, chars=4)
        block = session.get_one(Block, rows[0].item.block_id)
    first = rows[0]
    s = first.item.suggestion
    assert (
        block.text[s.start - len(first.before) : s.end + len(first.after)]
        == first.before + s.text + first.after
    )
    assert 0 < len(first.before) <= 4 and len(first.after) == 4


def test_accept_then_undo_restores_the_text(library: Library, issue: int) -> None:
    article_id = _first_article(library, issue)
    before = _texts(library, issue)
    with library.writing() as session:
        item = article_suggestions(session, article_id)[0]
        step = accept_step(session, item, author="ann")
    assert step.count == 1 and list(step.after) == [article_id]
    assert _texts(library, issue) != before
    with library.writing() as session:
        assert undo_text_step(session, step, author="ann") == [article_id]
    assert _texts(library, issue) == before


def test_accept_all_in_the_issue_counts_and_undoes(library: Library, issue: int) -> None:
    before = _texts(library, issue)
    with library.session() as session:
        expected = preview_accept_all(session, RULE, "issue", issue)
    with library.writing() as session:
        step = accept_all_step(session, RULE, "issue", issue, author="ann")
        assert preview_accept_all(session, RULE, "issue", issue) == 0
    assert step.count == expected > 0
    assert len(step.after) == 4
    with library.writing() as session:
        undo_text_step(session, step, author="ann")
    assert _texts(library, issue) == before
    with library.session() as session:
        assert preview_accept_all(session, RULE, "issue", issue) == expected


def test_undo_refuses_when_the_article_was_edited_since(library: Library, issue: int) -> None:
    article_id = _first_article(library, issue)
    with library.writing() as session:
        step = accept_step(session, article_suggestions(session, article_id)[0], author="ann")
        article = session.get_one(Article, article_id)
        block = session.scalars(select(Block).where(Block.article_id == article_id)).first()
        assert block is not None
        save_article_text(
            session, article_id, {block.id: block.text + "。"}, author="bob", base_version=article.version
        )
    with pytest.raises(TrackingError), library.writing() as session:
        undo_text_step(session, step, author="ann")


def test_unreject_offers_the_suggestion_again(library: Library, issue: int) -> None:
    article_id = _first_article(library, issue)
    with library.writing() as session:
        items = article_suggestions(session, article_id)
        decision = reject(session, items[0], author="ann")
        assert len(article_suggestions(session, article_id)) == len(items) - 1
        unreject(session, decision.id)
        assert article_suggestions(session, article_id) == items
