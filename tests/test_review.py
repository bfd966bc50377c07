"""The proofreading workbench's reads and its undo through revisions, on a real library."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.diffing import Mark
from reader.services.importing import import_files
from reader.services.review import (
    article_review,
    article_states,
    compare_with_current,
    editable_article,
    latest_revision_id,
    match_places,
    preceding_revision,
    restore_checked,
    set_status,
)
from reader.services.tracking.attribution import revert_one
from reader.services.tracking.revisions import TrackingError
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE

RIVER = "梅园街道河长制工作再上新台阶"


@pytest.fixture
def river(library: Library) -> int:
    """The sample issue imported; returns the id of its river article."""
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with library.session() as session:
        return session.execute(select(Article.id).where(Article.title == RIVER)).scalar_one()


def _save(library: Library, article_id: int, edit: dict[int, str]) -> int:
    """Save block texts by id on the current version; returns the new revision id."""
    with library.writing() as session:
        version = session.get_one(Article, article_id).version
        result = save_article_text(session, article_id, edit, author="校对员", base_version=version)
    assert result.revision_id is not None
    return result.revision_id


def test_editable_article_and_states(library: Library, river: int) -> None:
    with library.session() as session:
        article = editable_article(session, river)
        assert article.title == RIVER and article.version == 1 and article.status == "new"
        assert [b.role for b in article.blocks][:2] == ["kicker", "title"]
        states = article_states(session, [river, 999_999])
        assert list(states) == [river]
        assert states[river].issue_id == article.issue_id
        with pytest.raises(TrackingError):
            editable_article(session, 999_999)


def test_review_marks_changes_against_the_original(library: Library, river: int) -> None:
    with library.session() as session:
        title = editable_article(session, river).blocks[1]
    _save(library, river, {title.id: title.text.replace("河长制", "河長制")})
    with library.session() as session:
        review = article_review(session, river)
    block = next(b for b in review.blocks if b.id == title.id)
    assert block.original == RIVER and block.text == RIVER.replace("河长制", "河長制")
    assert len(review.changes) == 1
    change = review.changes[0]
    assert (change.change.old, change.change.new, change.author) == ("长", "長", "校对员")
    from reader.core.diffing import render_marked

    marks = [s.mark for s in render_marked(block.original, block.text)]
    assert Mark.DELETED in marks and Mark.INSERTED in marks


def test_restore_checked_undoes_and_redoes_and_refuses_after_an_edit_elsewhere(
    library: Library, river: int
) -> None:
    with library.session() as session:
        title = editable_article(session, river).blocks[1]
    first = _save(library, river, {title.id: "一"})
    second = _save(library, river, {title.id: "二"})
    with library.writing() as session:
        before_second = preceding_revision(session, second)
        assert before_second == first
        undone = restore_checked(session, first, expected_revision=second, author="校对员")
        # the older step undoes too, although the version moved on: the text is what it left
        restore_checked(session, preceding_revision(session, first), expected_revision=first, author="校对员")
    with library.session() as session:
        assert editable_article(session, river).blocks[1].text == RIVER
        assert latest_revision_id(session, river) != undone.revision_id
    # a status change between steps does not matter either
    with library.writing() as session:
        set_status(session, [river], "proofread", author="校对员")
        restore_checked(session, first, expected_revision=preceding_revision(session, first), author="校对员")
    with library.session() as session:
        assert editable_article(session, river).blocks[1].text == "一"
    # an edit elsewhere: the step is refused, nothing is written
    _save(library, river, {title.id: "别人改的"})
    with library.writing() as session, pytest.raises(TrackingError, match="changed since"):
        restore_checked(session, preceding_revision(session, first), expected_revision=first, author="校对员")
    with library.session() as session:
        assert editable_article(session, river).blocks[1].text == "别人改的"


def test_preceding_revision_of_the_first_is_an_error(library: Library, river: int) -> None:
    with library.session() as session:
        block = editable_article(session, river).blocks[3]
    after = _save(library, river, {block.id: block.text + "。"})
    with library.session() as session:
        baseline = preceding_revision(session, after)
        with pytest.raises(TrackingError, match="first"):
            preceding_revision(session, baseline)


def test_compare_with_current_and_revert_one(library: Library, river: int) -> None:
    with library.session() as session:
        title = editable_article(session, river).blocks[1]
    first = _save(library, river, {title.id: "甲" + RIVER})
    _save(library, river, {title.id: "甲" + RIVER + "乙"})
    with library.session() as session:
        diffs = compare_with_current(session, first)
    assert len(diffs) == 1
    assert (diffs[0].old_text, diffs[0].new_text) == ("甲" + RIVER, "甲" + RIVER + "乙")
    with library.writing() as session:
        revert_one(session, river, title.id, 0, author="校对员")
    with library.session() as session:
        assert editable_article(session, river).blocks[1].text == RIVER + "乙"


def test_match_places_label_untitled_articles_by_their_first_words(library: Library, river: int) -> None:
    with library.session() as session:
        ids = list(session.scalars(select(Article.id).order_by(Article.position)))
        places = match_places(session, ids)
    assert places[river].label == RIVER
    untitled = places[ids[1]]
    assert untitled.label.startswith("图片新闻")
    assert untitled.position == 1
