"""Tag rules and aliases: preview, apply, undo, applied at import; aliases in find, filter and suggestions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from db.tagging_models import ArticleTag, Tag
from reader.core.errors import JiaokanError
from reader.services.importing import import_files
from reader.services.tag_aliases import add_alias, list_aliases, remove_alias
from reader.services.tag_queries import list_tags
from reader.services.tag_rules import (
    add_rule,
    apply_rule,
    author_of,
    list_rules,
    preview_rule,
    remove_rule,
    unapply_rule,
)
from reader.services.tag_suggesting import dismiss_suggestion, suggest_for_article
from reader.services.tagging import add_tag, find_tag, get_or_create_tag
from tests.conftest import SAMPLE_ISSUE
from tests.test_tagging import make_article


def _tagged(library: Library, name: str) -> set[int]:
    with library.session() as session:
        tag = find_tag(session, name)
        if tag is None:
            return set()
        return set(session.scalars(select(ArticleTag.article_id).where(ArticleTag.tag_id == tag.id)))


def test_a_rule_is_previewed_applied_and_undone(library: Library) -> None:
    with library.writing() as session:
        fire = make_article(session, "消防演练", ["长寿路街道開展消防安全演练。"])  # traditional 開
        other = make_article(session, "垃圾分类", ["居民参与垃圾分类。"])
        by_hand = make_article(session, "安全", ["消防安全检查。"])
        add_tag(session, [by_hand], "消防安全", author="archivist")
        rule_id = add_rule(session, "消防安全", "消防安全").rule_id
    with library.session() as session:
        preview = preview_rule(session, rule_id)
        assert set(preview.matching) == {fire, by_hand} and preview.new == (fire,)
        assert [(r.tag, r.pattern, r.is_regex) for r in list_rules(session)] == [
            ("消防安全", "消防安全", False)
        ]
    with library.writing() as session:
        result = apply_rule(session, rule_id)
        assert result.added == (fire,) and result.already == (by_hand,)
    assert _tagged(library, "消防安全") == {fire, by_hand}
    with library.writing() as session:
        result.undo(session)
    assert _tagged(library, "消防安全") == {by_hand}
    with library.writing() as session:
        apply_rule(session, rule_id)
        removed = unapply_rule(session, rule_id)  # takes off what the rule did, not what the archivist did
        assert [link.article_id for link in removed.removed] == [fire]
    assert _tagged(library, "消防安全") == {by_hand}
    assert other not in _tagged(library, "消防安全")


def test_a_regular_expression_rule_and_a_bad_one(library: Library) -> None:
    with library.writing() as session:
        a = make_article(session, "一", ["天目西路街道自治金项目评审。"])
        b = make_article(session, "二", ["自治项目。"])
        rule_id = add_rule(session, "自治金", r"自治金?项目", is_regex=True).rule_id
        assert set(preview_rule(session, rule_id).matching) == {a, b}
        with pytest.raises(JiaokanError, match="regular expression"):
            add_rule(session, "坏", "(未闭合", is_regex=True)
        with pytest.raises(JiaokanError):
            add_rule(session, "空", "   ")


def test_rules_tag_every_import_after(library: Library) -> None:
    with library.writing() as session:
        rule_id = add_rule(session, "梅园街道", "梅园街道", kind="place").rule_id
    with library.write_session() as session:
        assert import_files(session, [SAMPLE_ISSUE]).ok
    with library.session() as session:
        matching = set(preview_rule(session, rule_id).matching)
        tag = find_tag(session, "梅园街道")
        assert tag is not None and tag.kind == "place"
        links = session.execute(
            select(ArticleTag.article_id, ArticleTag.added_by).where(ArticleTag.tag_id == tag.id)
        ).all()
    assert matching and {a for a, _ in links} == matching
    assert {by for _, by in links} == {author_of(rule_id)}


def test_removing_a_rule_keeps_its_tags_and_undo_restores_it(library: Library) -> None:
    with library.writing() as session:
        a = make_article(session, "一", ["外滩街道。"])
        rule_id = add_rule(session, "外滩街道", "外滩").rule_id
        apply_rule(session, rule_id)
        removed = remove_rule(session, rule_id)
        assert list_rules(session) == []
        removed.undo(session)
        assert [r.id for r in list_rules(session)] == [rule_id]
    assert _tagged(library, "外滩街道") == {a}


@pytest.mark.both_engines  # the rule's tag is known by its time: equal after PostgreSQL's round trip too
def test_removing_a_rule_takes_its_tag_when_nothing_else_has_it(library: Library) -> None:
    with library.writing() as session:
        a = make_article(session, "一", ["外滩街道。"])
        typo = add_rule(session, "外摊街道", "外滩").rule_id  # mistyped, never applied
        kept = add_rule(session, "外滩街道", "外滩").rule_id
        apply_rule(session, kept)
        get_or_create_tag(session, "黄浦区")
        first, second = (
            add_rule(session, "黄浦区", "外滩").rule_id,
            add_rule(session, "黄浦区", "黄浦").rule_id,
        )

        removed = remove_rule(session, typo)
        assert removed.tag is not None and removed.tag.name == "外摊街道"
        assert find_tag(session, "外摊街道") is None
        assert remove_rule(session, kept).tag is None  # an article has it
        assert find_tag(session, "外滩街道") is not None
        assert remove_rule(session, first).tag is None  # another rule has it
        assert remove_rule(session, second).tag is None  # the archivist made it, not a rule
        assert find_tag(session, "黄浦区") is not None
        made = add_rule(session, "静安寺", "静安寺").rule_id
        other = add_rule(session, "静安寺", "静安").rule_id  # a second rule on the first one's tag
        assert remove_rule(session, made).tag is None  # the other rule has it

        removed.undo(session)
        rules = {(r.id, r.tag) for r in list_rules(session)}
        assert rules == {(typo, "外摊街道"), (other, "静安寺")}
        assert find_tag(session, "外摊街道") is not None
    with library.writing() as session:
        rule = add_rule(session, "上海", "上海").rule_id  # the rule makes the tag
        child = get_or_create_tag(session, "上海/静安区").tag.id
        parent = find_tag(session, "上海")
        assert parent is not None and session.get(Tag, child) is not None
        assert remove_rule(session, rule).tag is None  # a child tag hangs under it
        assert session.get(Tag, parent.id) is not None
    assert _tagged(library, "外滩街道") == {a}


def test_aliases_find_the_tag_everywhere(library: Library) -> None:
    with library.writing() as session:
        article = make_article(session, "外滩社区新闻", ["外滩开展垃圾分类宣传。"])
        tag_id = get_or_create_tag(session, "外滩街道", kind="place").tag.id
        change = add_alias(session, tag_id, "外灘")  # traditional: folded
        assert [(r.alias, r.tag) for r in list_aliases(session)] == [("外灘", "外滩街道")]
        found = find_tag(session, "外滩")
        assert found is not None and found.id == tag_id
        assert [t.name for t, _ in list_tags(session, "外滩")] == ["外滩街道"]
        assert [t.name for t, _ in list_tags(session, "灘")] == ["外滩街道"]
        # a name that is an alias resolves to the tag instead of making a second one
        assert add_tag(session, [article], "外滩", author="a").tag_id == tag_id
        assert session.scalar(select(Tag).where(Tag.name == "外滩")) is None
        with pytest.raises(JiaokanError, match="already an alias"):
            add_alias(session, get_or_create_tag(session, "外滩社区").tag.id, "外滩")
        with pytest.raises(JiaokanError, match="already exists"):
            add_alias(session, tag_id, "外滩社区")
        change.undo(session)
        assert list_aliases(session) == []
        assert find_tag(session, "外滩") is None


def test_an_alias_in_the_article_suggests_its_tag_first(library: Library) -> None:
    with library.writing() as session:
        article = make_article(session, "邻里汇开张", ["虹桥的“邻里汇”开张,老人们在家门口吃上午饭。"])
        tag_id = get_or_create_tag(session, "虹桥街道", kind="place").tag.id
        add_alias(session, tag_id, "虹桥")
    with library.session() as session:
        top = suggest_for_article(session, article)
    assert (top[0].name, top[0].reason, top[0].kind, top[0].tag_id) == ("虹桥街道", "alias", "place", tag_id)
    with library.writing() as session:
        remove_alias(session, "虹桥")
    with library.session() as session:
        top = suggest_for_article(session, article)
    # without the alias, 虹桥 is still a short form of the tag: the tag is offered, not a second spelling
    assert "虹桥" not in [s.name for s in top]
    assert top[0].name == "虹桥街道" and top[0].reason == "existing tag"


def test_an_unknown_rule_or_alias_says_so(library: Library) -> None:
    with library.writing() as session:
        with pytest.raises(JiaokanError, match="no tag rule 9"):
            apply_rule(session, 9)
        with pytest.raises(JiaokanError, match="no alias"):
            remove_alias(session, "无")
    with library.session() as session:
        assert session.scalars(select(Article)).first() is None


def test_a_suggestion_rejected_in_many_articles_sinks_everywhere(library: Library) -> None:
    body = ["“邻里汇”开张,居民在邻里汇吃午饭。郑秀英表示,邻里汇是家门口的服务站。"]
    with library.writing() as session:
        articles = [make_article(session, f"邻里汇{i}", body) for i in range(5)]
    with library.session() as session:
        before = [s.name for s in suggest_for_article(session, articles[0])]
    assert before.index("邻里汇") < 2
    with library.writing() as session:
        for other in articles[1:4]:
            dismiss_suggestion(session, other, "鄰里匯")  # in any script
    with library.session() as session:
        after = [s.name for s in suggest_for_article(session, articles[0])]
        assert "邻里汇" not in [s.name for s in suggest_for_article(session, articles[2])]  # rejected there
    assert after.index("邻里汇") > before.index("邻里汇")


@pytest.mark.parametrize("pattern", [".*", "外滩|", "(街道)?", r"\s*"])
def test_a_regular_expression_matching_empty_text_is_refused(library: Library, pattern: str) -> None:
    with library.writing() as session, pytest.raises(JiaokanError, match="matches empty text"):
        add_rule(session, "每篇", pattern, is_regex=True)
    with library.session() as session:
        assert list_rules(session) == [] and find_tag(session, "每篇") is None


def test_a_tag_a_rule_put_on_is_the_archivists_once_they_add_it(library: Library) -> None:
    with library.writing() as session:
        fire = make_article(session, "消防演练", ["长寿路街道开展消防安全演练。"])
        check = make_article(session, "检查", ["社区消防安全检查。"])
        rule_id = add_rule(session, "消防安全", "消防安全").rule_id
        apply_rule(session, rule_id)
        claimed = add_tag(session, [fire], "消防安全", author="archivist")
        assert claimed.added == () and [link.article_id for link in claimed.claimed] == [fire]
    with library.writing() as session:
        removed = unapply_rule(session, rule_id)  # the rule's own link goes, the archivist's stays
        assert [link.article_id for link in removed.removed] == [check]
    assert _tagged(library, "消防安全") == {fire}
    with library.writing() as session:
        removed.undo(session)
        claimed.undo(session)  # the link is the rule's again
        authors = {a: by for a, by in session.execute(select(ArticleTag.article_id, ArticleTag.added_by))}
        assert authors == {fire: author_of(rule_id), check: author_of(rule_id)}
        unapply_rule(session, rule_id)
    assert _tagged(library, "消防安全") == set()
