"""Tracked changes, revisions, autosave conflicts, review status and find/replace on a real library."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.editing_models import ChangeRecord, Revision
from db.engine import Library
from db.models import Article, Block, Issue
from db.original_text import read_text
from reader.services.find_replace import apply_replacements, find_matches, undo_replacements
from reader.services.importing import import_files
from reader.services.proofreading_export import article_extras
from reader.services.review import issue_progress, next_needing_review, set_status, status_counts
from reader.services.tracking.attribution import article_changes, revert_one
from reader.services.tracking.changes import record_change
from reader.services.tracking.revisions import TrackingError, article_blocks, revision_diff, revisions
from reader.services.tracking.saving import StaleVersion, restore_revision, save_article_text
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.both_engines

RIVER = "梅园街道河长制工作再上新台阶"


def _import(library: Library, *paths: Path) -> list[int]:
    with library.write_session() as session:
        report = import_files(session, list(paths))
    ids = [r.issue_id for r in report.results]
    assert all(i is not None for i in ids)
    return [i for i in ids if i is not None]


@pytest.fixture
def sample(library: Library) -> int:
    """The sample issue imported; returns its id."""
    return _import(library, SAMPLE_ISSUE)[0]


def _article_id(library: Library, title: str) -> int:
    with library.session() as session:
        return session.execute(select(Article.id).where(Article.title == title)).scalar_one()


def _paragraph(library: Library, article_id: int, nth: int = 0) -> tuple[int, str]:
    with library.session() as session:
        blocks = [b for b in article_blocks(session, article_id) if b.role == "paragraph"]
        return blocks[nth].id, blocks[nth].text


def _version(library: Library, article_id: int) -> int:
    with library.session() as session:
        return session.get_one(Article, article_id).version


def test_save_writes_changed_blocks_as_one_revision_and_bumps_the_version(
    library: Library, sample: int
) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        result = save_article_text(
            session, article_id, {block_id: text.replace(",", "，")}, author="ann", base_version=1
        )
    assert result.version == 2 and result.changed_block_ids == (block_id,)
    with library.session() as session:
        history = revisions(session, article_id)
        assert [(r.number, r.reason, r.author) for r in history] == [
            (1, "original", "import"),
            (2, "edit", "ann"),
        ]
        assert session.get_one(Block, block_id).text == text.replace(",", "，")
        changes = article_changes(session, article_id)
        assert changes and all((c.change.old, c.change.new, c.author) == (",", "，", "ann") for c in changes)
        assert all(r.revision_id == result.revision_id for r in session.scalars(select(ChangeRecord)))
        unchanged = save_article_text(
            session, article_id, {block_id: text.replace(",", "，")}, author="ann", base_version=2
        )
        assert unchanged.revision_id is None and unchanged.version == 2


def test_stale_save_refuses_to_overwrite_and_returns_both_texts(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        save_article_text(session, article_id, {block_id: "甲" + text}, author="ann", base_version=1)
    with library.writing() as session, pytest.raises(StaleVersion) as caught:
        save_article_text(session, article_id, {block_id: "乙" + text}, author="bob", base_version=1)
    stale = caught.value
    assert (stale.base_version, stale.stored_version) == (1, 2)
    assert stale.submitted[block_id] == "乙" + text
    assert stale.stored[block_id] == "甲" + text
    assert set(stale.submitted) == set(stale.stored)  # every block, to show both side by side
    with library.session() as session:
        assert session.get_one(Block, block_id).text == "甲" + text
        assert _version(library, article_id) == 2


def test_saving_a_list_of_texts_and_a_heading_keeps_the_title_column_in_sync(
    library: Library, sample: int
) -> None:
    article_id = _article_id(library, RIVER)
    with library.writing() as session:
        texts = [b.text for b in article_blocks(session, article_id)]
        roles = [b.role for b in article_blocks(session, article_id)]
        texts[roles.index("title")] = "梅园街道河长制工作再上新台阶!"
        save_article_text(session, article_id, texts, author="ann", base_version=1)
        with pytest.raises(TrackingError):
            save_article_text(session, article_id, texts[:-1], author="ann", base_version=2)
    with library.session() as session:
        assert session.get_one(Article, article_id).title == "梅园街道河长制工作再上新台阶!"


def test_record_change_of_a_rule_names_the_suggestion(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        block = session.get_one(Block, block_id)
        old = block.text
        block.text = old.replace(",", "，", 1)  # an editor may write the text before recording it
        record_change(session, block, old, block.text, author="rules", rule="halfwidth_punctuation")
    with library.session() as session:
        history = revisions(session, article_id)
        assert [r.reason for r in history] == ["original", "suggestion:halfwidth_punctuation"]
        baseline = session.get_one(Revision, history[0].id)
        assert text in [b["text"] for b in baseline.snapshot["blocks"]]  # the baseline has the old text
        (change,) = article_changes(session, article_id)
        assert (change.rule, change.author) == ("halfwidth_punctuation", "rules")


def test_revert_one_change_leaves_the_others(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    first = text.replace("今年以来", "今年以來")
    with library.writing() as session:
        save_article_text(session, article_id, {block_id: first}, author="ann", base_version=1)
        save_article_text(
            session, article_id, {block_id: first.replace("综合", "綜合")}, author="bob", base_version=2
        )
        changes = article_changes(session, article_id)
        assert [(c.change.new, c.author) for c in changes] == [("來", "ann"), ("綜", "bob")]
        revert_one(session, article_id, block_id, 0, author="cat")
    with library.session() as session:
        assert session.get_one(Block, block_id).text == text.replace("综合", "綜合")
        assert [(c.change.new, c.author) for c in article_changes(session, article_id)] == [("綜", "bob")]
        assert revisions(session, article_id)[-1].reason == "revert"
        with pytest.raises(TrackingError):
            revert_one(session, article_id, block_id, 5, author="cat")


def test_restore_makes_a_new_revision(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        save_article_text(session, article_id, {block_id: text + "一"}, author="ann", base_version=1)
        save_article_text(session, article_id, {block_id: text + "二"}, author="ann", base_version=2)
    with library.writing() as session:
        second = revisions(session, article_id)[1]
        result = restore_revision(session, second.id, author="bob")
    with library.session() as session:
        history = revisions(session, article_id)
        assert [r.number for r in history] == [1, 2, 3, 4]
        assert (history[-1].reason, history[-1].author, history[-1].id) == (
            "restore 2",
            "bob",
            result.revision_id,
        )
        assert session.get_one(Block, block_id).text == text + "一"
        assert result.version == 4
        (diff,) = revision_diff(session, history[2].id)
        assert (diff.old_text, diff.new_text) == (text + "一", text + "二")
        assert [(c.old, c.new) for c in diff.changes] == [("一", "二")]
        assert revision_diff(session, history[0].id) == []  # the baseline is the OCR original


def test_status_is_validated_and_recorded_and_counted(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    with library.writing() as session:
        with pytest.raises(TrackingError):
            set_status(session, [article_id], "finished", author="ann")
        assert set_status(session, [article_id], "proofread", author="ann") == 1
        assert set_status(session, [article_id], "proofread", author="ann") == 0
    with library.session() as session:
        assert revisions(session, article_id)[-1].reason == "status:proofread"
        assert revisions(session, article_id)[-1].status == "proofread"
        assert _version(library, article_id) == 1  # an open editor can still save
        total = session.execute(select(Article).where(Article.issue_id == sample)).scalars().all()
        assert issue_progress(session) == {sample: (1, len(total))}
        counts = status_counts(session, sample)
        assert counts == {"new": len(total) - 1, "in_progress": 0, "proofread": 1, "approved": 0}


def test_next_needing_review_wraps_across_issues(library: Library, tmp_path: Path) -> None:
    other = tmp_path / "other_issue.txt"
    other.write_text(SAMPLE_ISSUE.read_text(encoding="utf-8") + "\n又一期\n", encoding="utf-8")
    first_issue, second_issue = _import(library, SAMPLE_ISSUE, other)
    with library.writing() as session:
        ids = {
            issue: list(
                session.scalars(
                    select(Article.id).where(Article.issue_id == issue).order_by(Article.position)
                )
            )
            for issue in (first_issue, second_issue)
        }
        a, b = ids[first_issue], ids[second_issue]
        done = [*a[1:], *b[:1], *b[2:]]
        set_status(session, done[: len(done) // 2], "proofread", author="ann")
        set_status(session, done[len(done) // 2 :], "approved", author="ann")
        assert next_needing_review(session, a[0]) == b[1]  # on into the next issue
        assert next_needing_review(session, b[1]) == a[0]  # wrapping round to the first
        assert next_needing_review(session, b[-1]) == a[0]
        assert next_needing_review(session, None) == a[0]
        set_status(session, [a[0]], "approved", author="ann")
        assert next_needing_review(session, a[0]) == b[1]
        assert next_needing_review(session, b[1]) is None  # no other article needs review


def test_find_preview_equals_replace_count_and_replace_is_one_revision_undone_as_one_step(
    library: Library, sample: int
) -> None:
    with library.writing() as session:
        matches = find_matches(session, "街道", scope="issue", scope_id=sample, replacement="街道办")
        assert matches and all(m.replacement == "街道办" and m.text == "街道" for m in matches)
        assert all(session.get_one(Block, m.block_id).text[m.start : m.end] == "街道" for m in matches)
        articles = {m.article_id for m in matches}
        result = apply_replacements(session, matches, "街道办", author="ann")
        assert result.count == len(matches)
        assert set(result.before) == set(result.after) == articles
    with library.session() as session:
        assert find_matches(session, "街道办", scope="issue", scope_id=sample) != []
        for article_id in articles:
            last = revisions(session, article_id)[-1]
            assert (last.reason, last.id) == ("replace", result.after[article_id])
        records = session.scalars(select(ChangeRecord)).all()
        assert len(records) == len(matches)  # one tracked change per replacement
    with library.writing() as session:
        assert sorted(undo_replacements(session, result, author="ann")) == sorted(articles)
    with library.session() as session:
        assert len(find_matches(session, "街道", scope="library")) == len(matches)
        assert find_matches(session, "街道办", scope="library") == []


def test_script_insensitive_find_and_regex_replacement(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        save_article_text(session, article_id, {block_id: "陆家嘴" + text}, author="ann", base_version=1)
        assert find_matches(session, "陸家嘴", scope="article", scope_id=article_id) == []
        (found,) = find_matches(
            session, "陸家嘴", scope="article", scope_id=article_id, script_insensitive=True
        )
        assert (found.block_id, found.start, found.end, found.text) == (block_id, 0, 3, "陆家嘴")
        assert found.after == text[:20]
        (regex,) = find_matches(
            session,
            r"陸(家)嘴",
            regex=True,
            scope="library",
            script_insensitive=True,
            replacement=r"\1-\g<0>",
        )
        assert regex.replacement == "家-陆家嘴"
        assert apply_replacements(session, [regex], r"\1-\g<0>", author="ann").count == 1
        assert session.get_one(Block, block_id).text == "家-陆家嘴" + text
        with pytest.raises(TrackingError):
            find_matches(session, "(", regex=True, scope="library")
        with pytest.raises(TrackingError):
            find_matches(session, "x", scope="issue")


def test_stale_matches_are_skipped(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        matches = find_matches(session, "河道", scope="article", scope_id=article_id)
        save_article_text(
            session, article_id, {block_id: text.replace("河道", "河流")}, author="bob", base_version=1
        )
        result = apply_replacements(session, matches, "水道", author="ann")
        assert result.count == len([m for m in matches if m.block_id != block_id])


def test_export_extras_hold_corrections_revisions_and_notes(library: Library, sample: int) -> None:
    from reader.services.notes import add_note

    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        save_article_text(
            session, article_id, {block_id: text.replace(",", "，", 1)}, author="ann", base_version=1
        )
        add_note(session, article_id, block_id, 0, 4, "时间待核", author="bob")
        extras = article_extras(session, [article_id])[article_id]
        issue = session.get_one(Issue, sample)
    corrections = extras["corrections"]
    assert corrections["changes"] == [
        {
            "block": corrections["changes"][0]["block"],
            "old": ",",
            "new": "，",
            "author": "ann",
            "time": corrections["changes"][0]["time"],
            "rule": None,
        }
    ]
    assert corrections["changes"][0]["time"].endswith("Z")
    assert text in corrections["original_text"] and text.replace(",", "，", 1) in corrections["current_text"]
    assert text in read_text(session, issue.id)
    assert [(r["number"], r["reason"]) for r in extras["revisions"]] == [(1, "original"), (2, "edit")]
    (note,) = extras["notes"]
    assert (note["quote"], note["body"], note["author"], note["orphaned"]) == (
        text[:4],
        "时间待核",
        "bob",
        False,
    )


def test_apply_block_edit_is_tracked_through_record_change(library: Library, sample: int) -> None:
    from reader.services.text_edits import apply_block_edit

    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    at = text.index(",")
    with library.writing() as session:
        apply_block_edit(session, block_id, at, at + 1, "，", author="rules", rule="halfwidth_punctuation")
    with library.session() as session:
        assert [r.reason for r in revisions(session, article_id)] == [
            "original",
            "suggestion:halfwidth_punctuation",
        ]
        (change,) = article_changes(session, article_id)
        assert (change.change.new, change.author, change.rule) == ("，", "rules", "halfwidth_punctuation")
        assert _version(library, article_id) == 2  # bumped once, by the edit


def test_the_first_saved_edit_moves_a_new_article_to_in_progress(library: Library, sample: int) -> None:
    article_id = _article_id(library, RIVER)
    block_id, text = _paragraph(library, article_id)
    with library.writing() as session:
        version = session.get_one(Article, article_id).version
        unchanged = save_article_text(session, article_id, {block_id: text}, author="a", base_version=version)
        assert unchanged.revision_id is None and session.get_one(Article, article_id).status == "new"
        save_article_text(session, article_id, {block_id: text + "。"}, author="a", base_version=version)
    with library.session() as session:
        article = session.get_one(Article, article_id)
        assert article.status == "in_progress"
        assert revisions(session, article_id)[-1].status == "in_progress"
    with library.writing() as session:
        set_status(session, [article_id], "proofread", author="a")
        version = session.get_one(Article, article_id).version
        save_article_text(session, article_id, {block_id: text + "!"}, author="a", base_version=version)
    with library.session() as session:
        assert session.get_one(Article, article_id).status == "proofread"  # only "new" moves
