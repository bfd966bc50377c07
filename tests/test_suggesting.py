"""Suggestions, decisions, accept-all, safe autofix and user rules on a real temporary library."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import pytest
from sqlalchemy import func, select

from db.engine import Library
from db.models import Article, Block, Issue, Leftover, utcnow
from db.original_text import read_text, write_text
from db.rules_models import SuggestionDecision, UserRuleRow
from reader.core.rules import RuleError, Suggestion
from reader.services.importing import import_files
from reader.services.library import NotFoundError
from reader.services.suggesting import (
    BlockSuggestion,
    StaleSuggestionError,
    accept,
    accept_all,
    article_suggestions,
    create_user_rule,
    delete_user_rule,
    export_user_rules,
    fix_safe,
    import_user_rules,
    list_user_rules,
    preview_accept_all,
    reject,
    update_user_rule,
)
from reader.services.text_edits import EditError, apply_block_edit
from tests.conftest import SAMPLE_ISSUE

Blocks = Sequence[tuple[str, str]]


def make_article(session: Any, blocks: Blocks, *, issue_id: int | None = None) -> int:
    """An article of (role, text) blocks, in a new issue unless one is given.

    The issue's original grows by the blocks' texts, which their pieces cover,
    and its SHA-256 and length are kept right: the library passes the full check.
    """
    if issue_id is None:
        masthead = f"t{utcnow().timestamp()}"
        issue = Issue(
            source_name=f"{masthead}.txt",
            source_stem="t",
            sha256=hashlib.sha256(masthead.encode()).hexdigest(),
            encoding="utf-8",
            char_count=len(masthead),
            imported_at=utcnow(),
        )
        issue.leftovers = [
            Leftover(position=0, kind="masthead", text=masthead, span_start=0, span_end=len(masthead))
        ]
        session.add(issue)
        session.flush()
        issue_id = issue.id
        write_text(session.connection(), issue_id, masthead)
    issue = session.get(Issue, issue_id)
    original = read_text(session, issue_id)
    position = session.scalar(select(func.count()).where(Article.issue_id == issue_id)) or 0
    added = ""
    pieces = []
    for _role, text in blocks:
        start = len(original) + len(added) + 1
        pieces.append([[start, start + len(text)]])
        added += "\n" + text
    write_text(session.connection(), issue_id, added, len(original))
    issue.sha256 = hashlib.sha256((original + added).encode()).hexdigest()
    issue.char_count = len(original) + len(added)
    article = Article(
        issue_id=issue_id,
        position=position,
        title=next((t for r, t in blocks if r == "title"), None),
        span_start=pieces[0][0][0],
        span_end=pieces[-1][0][1],
        updated_at=utcnow(),
    )
    session.add(article)
    session.flush()
    for index, ((role, text), block_pieces) in enumerate(zip(blocks, pieces, strict=True)):
        session.add(Block(article_id=article.id, position=index, role=role, text=text, pieces=block_pieces))
    session.flush()
    return article.id


def _of(items: list[BlockSuggestion], rule: str) -> list[BlockSuggestion]:
    return [i for i in items if i.suggestion.rule == rule]


def _text(library: Library, block_id: int) -> str:
    with library.session() as session:
        block = session.get(Block, block_id)
        assert block is not None
        return block.text


def _version(library: Library, article_id: int) -> int:
    with library.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        return article.version


@pytest.fixture
def article_id(library: Library) -> int:
    with library.writing() as session:
        return make_article(
            session,
            [
                ("title", "社区居民乐欢颜,服务到家"),
                ("paragraph", "近日,街道召开会议 and 部署工作,共1,600人参加(含志愿者)。"),
                ("paragraph", "会上,大家踊跃发言,气氛热烈。"),
            ],
        )


def test_article_suggestions_cover_every_block_with_their_roles(library: Library, article_id: int) -> None:
    with library.session() as session:
        items = article_suggestions(session, article_id)
    assert {i.block_position for i in items} == {0, 1, 2}
    assert {i.role for i in items if i.block_position == 0} == {"title"}
    [latin] = _of(items, "latin_word")
    assert (latin.suggestion.text, latin.suggestion.replacement, latin.block_position) == (" and ", "和", 1)
    commas = [i.suggestion for i in _of(items, "halfwidth_punctuation") if i.block_position == 1]
    assert [s.text for s in commas] == [",", ",", "(", ")"]  # 1,600 is a number


def test_rejected_suggestion_stays_rejected_after_an_edit_elsewhere(
    library: Library, article_id: int
) -> None:
    with library.writing() as session:
        items = article_suggestions(session, article_id)
        second = _of(items, "halfwidth_punctuation")
        target = next(i for i in second if i.block_position == 1 and i.suggestion.start > 5)
        reject(session, target, author="ed")
    with library.writing() as session:
        items = article_suggestions(session, article_id)
        assert target.suggestion not in [i.suggestion for i in items]
        # an edit before it (through the one edit function) moves it by four characters
        latin = _of(items, "latin_word")[0]
        accept(session, latin, author="ed")
    with library.writing() as session:
        items = article_suggestions(session, article_id)
        left = [i.suggestion for i in items if i.block_id == target.block_id and i.suggestion.text == ","]
        assert [s.start for s in left] == [2]  # only the first comma is still offered
        decision = session.scalars(
            select(SuggestionDecision).where(SuggestionDecision.decision == "rejected")
        ).one()
        assert decision.start == target.suggestion.start - 4
        # an edit made elsewhere without the edit function: matched by nearby position
        block = session.get_one(Block, target.block_id)
        block.text = "【】" + block.text
    with library.session() as session:
        items = article_suggestions(session, article_id)
        left = [i.suggestion for i in items if i.block_id == target.block_id and i.suggestion.text == ","]
        assert [s.start for s in left] == [4]


def test_accept_changes_the_text_and_bumps_the_version_once(library: Library, article_id: int) -> None:
    version = _version(library, article_id)
    with library.writing() as session:
        [latin] = _of(article_suggestions(session, article_id), "latin_word")
        accept(session, latin, author="ed")
    assert "会议和部署" in _text(library, latin.block_id)
    assert _version(library, article_id) == version + 1
    with library.session() as session:
        decision = session.scalars(select(SuggestionDecision)).one()
        assert (decision.decision, decision.author, decision.text) == ("accepted", "ed", " and ")
        assert not _of(article_suggestions(session, article_id), "latin_word")


def test_accepting_a_stale_or_flag_only_suggestion_is_refused(library: Library, article_id: int) -> None:
    with library.writing() as session:
        items = article_suggestions(session, article_id)
        first = _of(items, "halfwidth_punctuation")[0]
        apply_block_edit(
            session, first.block_id, 0, len(_text_of(session, first.block_id)), "全新", author="x", rule=None
        )
    with library.writing() as session, pytest.raises(StaleSuggestionError):
        accept(session, first, author="ed")
    only_flag = Suggestion("unclosed_paragraph", 0, 1, "全", None, "")
    flag = BlockSuggestion(first.issue_id, first.article_id, first.block_id, 0, "title", only_flag)
    with library.writing() as session, pytest.raises(RuleError):
        accept(session, flag, author="ed")


def _text_of(session: Any, block_id: int) -> str:
    return str(session.get_one(Block, block_id).text)


def test_accepting_in_a_title_keeps_the_article_title_in_sync(library: Library, article_id: int) -> None:
    with library.writing() as session:
        [comma] = [i for i in article_suggestions(session, article_id) if i.role == "title"]
        accept(session, comma, author="ed")
    with library.session() as session:
        article = session.get_one(Article, article_id)
        assert article.title == "社区居民乐欢颜，服务到家"


def test_edit_errors_are_clear(library: Library, article_id: int) -> None:
    with library.writing() as session:
        block_id = session.scalars(select(Block.id).where(Block.article_id == article_id)).first()
        assert block_id is not None
        with pytest.raises(EditError, match="does not fit"):
            apply_block_edit(session, block_id, 5, 500, "x", author="ed", rule=None)
        with pytest.raises(EditError, match="no block"):
            apply_block_edit(session, 10_000, 0, 0, "x", author="ed", rule=None)


@pytest.mark.parametrize("scope", ["article", "issue", "library"])
def test_accept_all_applies_exactly_what_the_preview_counts(library: Library, scope: str) -> None:
    with library.writing() as session:
        first = make_article(session, [("paragraph", "甲,乙;丙:丁。"), ("title", "标题,副题")])
        issue_id = session.get_one(Article, first).issue_id
        second = make_article(session, [("paragraph", "戊,己。")], issue_id=issue_id)
        make_article(session, [("paragraph", "庚,辛。")])  # another issue
        reject(session, _of(article_suggestions(session, first), "halfwidth_punctuation")[0], author="ed")
    scope_id = {"article": first, "issue": issue_id, "library": None}[scope]
    with library.session() as session:
        preview = preview_accept_all(session, "halfwidth_punctuation", scope, scope_id)  # type: ignore[arg-type]
    assert preview == {"article": 3, "issue": 4, "library": 5}[scope]
    with library.writing() as session:
        applied = accept_all(session, "halfwidth_punctuation", scope, scope_id, author="ed")  # type: ignore[arg-type]
    assert applied == preview
    with library.session() as session:
        assert preview_accept_all(session, "halfwidth_punctuation", scope, scope_id) == 0  # type: ignore[arg-type]
        texts = [b.text for b in session.scalars(select(Block).where(Block.article_id == first))]
    assert texts == ["甲,乙；丙：丁。", "标题，副题"]  # the rejected comma stays
    assert _version(library, second) == (2 if scope in ("issue", "library") else 1)


def test_accept_all_scopes_and_rules_must_exist(library: Library, article_id: int) -> None:
    with library.session() as session:
        with pytest.raises(NotFoundError, match="no rule"):
            preview_accept_all(session, "nonsense", "library")
        with pytest.raises(NotFoundError, match="no article"):
            preview_accept_all(session, "halfwidth_punctuation", "article", 999)
        with pytest.raises(NotFoundError, match="no issue"):
            preview_accept_all(session, "halfwidth_punctuation", "issue", 999)


def test_fix_safe_over_the_sample_issue(library: Library) -> None:
    with library.write_session() as session:
        [result] = import_files(session, [SAMPLE_ISSUE]).imported
    assert result.issue_id is not None
    with library.session() as session:
        versions = dict(session.execute(select(Article.id, Article.version)).all())
    with library.writing() as session:
        report = fix_safe(session, issue_ids=[result.issue_id], author="autofix")
    [issue] = report.issues
    assert issue.issue_id == result.issue_id and issue.source_name == "sample_issue.txt"
    assert issue.changes == report.changes == issue.by_rule["halfwidth_punctuation"] > 10
    with library.session() as session:
        texts = list(session.scalars(select(Block.text)))
        after = dict(session.execute(select(Article.id, Article.version)).all())
    assert not any("," in t for t in texts)
    assert any("4.6万" in t for t in texts) and any("98.5%" in t for t in texts)
    bumped = [a for a in after if after[a] != versions[a]]
    assert len(bumped) == issue.articles and all(after[a] == versions[a] + 1 for a in bumped)
    with library.writing() as session:
        assert fix_safe(session, author="autofix").changes == 0


def test_fix_safe_respects_rejections_and_unknown_issues(library: Library) -> None:
    with library.writing() as session:
        article_id = make_article(session, [("paragraph", "甲,乙,丙。")])
        reject(
            session, _of(article_suggestions(session, article_id), "halfwidth_punctuation")[1], author="ed"
        )
        assert fix_safe(session, author="bot").changes == 1
        assert session.scalars(select(Block.text)).one() == "甲，乙,丙。"
        with pytest.raises(NotFoundError, match="no issue with id 77"):
            fix_safe(session, issue_ids=[77], author="bot")


def test_edits_are_tracked_with_their_rule_and_one_revision_per_step(
    library: Library, article_id: int
) -> None:
    from db.editing_models import ChangeRecord, Revision

    with library.writing() as session:
        [latin] = _of(article_suggestions(session, article_id), "latin_word")
        accept(session, latin, author="ed")
    with library.session() as session:
        records = session.scalars(select(ChangeRecord)).all()
        assert [(r.rule, r.author) for r in records] == [("latin_word", "ed")]
        reasons = [r.reason for r in session.scalars(select(Revision).order_by(Revision.number))]
        assert reasons == ["original", "suggestion:latin_word"]
    before = _version(library, article_id)
    with library.writing() as session:
        report = fix_safe(session, author="bot")
    assert report.changes > 1
    assert _version(library, article_id) == before + 1  # the whole batch is one step per article
    with library.session() as session:
        records = session.scalars(
            select(ChangeRecord).where(ChangeRecord.rule == "halfwidth_punctuation")
        ).all()
        assert len(records) == report.changes
        assert all(r.author == "bot" and r.revision_id is not None for r in records)
        latest = session.scalars(
            select(Revision).where(Revision.article_id == article_id).order_by(Revision.number.desc())
        ).first()
        assert latest is not None and latest.reason == "suggestion:halfwidth_punctuation"
        assert all(r.revision_id == latest.id for r in records if r.article_id == article_id)


def test_decisions_go_with_their_article(library: Library, article_id: int) -> None:
    with library.writing() as session:
        reject(session, article_suggestions(session, article_id)[0], author="ed")
    with library.writing() as session:
        session.delete(session.get_one(Article, article_id))
    with library.session() as session:
        assert session.scalar(select(func.count()).select_from(SuggestionDecision)) == 0


# -- user rules --------------------------------------------------------------------


def test_user_rule_crud(library: Library, article_id: int) -> None:
    with library.writing() as session:
        row = create_user_rule(session, "部署", "部署", "布置", scope="paragraph")
        assert [r.name for r in list_user_rules(session)] == ["部署"]
        found = [
            i.suggestion for i in article_suggestions(session, article_id) if i.suggestion.rule == "部署"
        ]
        assert [(s.text, s.replacement) for s in found] == [("部署", "布置")]
        update_user_rule(session, row.id, replacement=None, enabled=False)
        assert not [i for i in article_suggestions(session, article_id) if i.suggestion.rule == "部署"]
        update_user_rule(session, row.id, enabled=True, pattern=r"部(署)", is_regex=True)
        [item] = [i for i in article_suggestions(session, article_id) if i.suggestion.rule == "部署"]
        assert item.suggestion.replacement is None
        with pytest.raises(RuleError, match="already exists"):
            create_user_rule(session, "部署", "x", "y")
        with pytest.raises(RuleError, match="built-in"):
            create_user_rule(session, "latin_word", "x", "y")
        with pytest.raises(RuleError, match="invalid regular expression"):
            update_user_rule(session, row.id, pattern="(", is_regex=True)
        delete_user_rule(session, row.id)
        assert list_user_rules(session) == []
        with pytest.raises(NotFoundError):
            delete_user_rule(session, row.id)


def test_user_rules_export_and_import_round_trip(library: Library, tmp_path: Any) -> None:
    with library.writing() as session:
        create_user_rule(session, "year", r"(\d{2})年", r"20\1年", is_regex=True, scope="paragraph")
        create_user_rule(session, "flag", "HEADLINE", None, scope="all", enabled=False)
        exported = export_user_rules(session)
    shared = json.loads(json.dumps(exported, ensure_ascii=False))
    other = tmp_path / "other.sqlite3"
    from db.opening import open_library

    second = open_library(other)
    try:
        with second.writing() as session:
            create_user_rule(session, "year", "old", "older")
            assert import_user_rules(session, shared) == 2
            assert export_user_rules(session) == exported
        bad = [*shared, {"name": "broken", "pattern": "(", "is_regex": True}]
        with second.writing() as session, pytest.raises(RuleError, match=r"rule 3: .*invalid regular"):
            import_user_rules(session, bad)
        with second.writing() as session, pytest.raises(RuleError, match="twice"):
            import_user_rules(session, [shared[0], shared[0]])
        with second.writing() as session, pytest.raises(RuleError, match="rule 1: missing 'pattern'"):
            import_user_rules(session, [{"name": "x"}])
        with second.writing() as session, pytest.raises(RuleError, match="'enabled' has the wrong type"):
            import_user_rules(session, [{"name": "x", "pattern": "a", "enabled": "yes"}])
        with second.session() as session:
            assert session.scalar(select(func.count()).select_from(UserRuleRow)) == 2
    finally:
        second.close()
