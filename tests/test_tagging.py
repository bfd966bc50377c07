"""Tag services: script-insensitive names, bulk add/remove, rename, merge, delete, hierarchy, filters."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from db.engine import Library
from db.integrity import record_hashes
from db.models import Article, Block, Contributor, Issue, Leftover, utcnow
from db.original_text import write_text
from db.tagging_models import ArticleTag, Tag
from reader.services.library import NotFoundError
from reader.services.tag_queries import (
    article_tags,
    articles_with_tags,
    list_tags,
    tags_by_kind,
    tags_for_export,
)
from reader.services.tagging import (
    TagCycleError,
    TagExistsError,
    TaggingError,
    add_tag,
    delete_tag,
    find_tag,
    get_tag,
    merge_tags,
    name_key,
    remove_tag,
    rename_tag,
    set_colour,
    set_kind,
    set_parent,
    tag_path,
)

pytestmark = pytest.mark.both_engines

_issues = 0


def make_article(
    session: Session,
    title: str = "标题",
    paragraphs: Sequence[str] = ("正文。",),
    *,
    people: Sequence[tuple[str, str]] = (),
    source: str | None = None,
) -> int:
    """Insert an issue with one article (title, byline people, paragraphs, source); returns its id.

    The issue passes the full check: its original is a masthead line and the
    blocks' texts, covered exactly by the blocks' pieces and a masthead leftover.
    """
    global _issues
    _issues += 1
    now = utcnow()
    masthead = f"t{_issues}"
    original = masthead + "\n"
    blocks = []
    for role, body in [("title", title), *(("paragraph", p) for p in paragraphs)]:
        blocks.append((role, body, [[len(original), len(original) + len(body)]]))
        original += body + "\n"
    issue_id = session.scalars(
        insert(Issue).returning(Issue.id),
        [
            {
                "source_name": f"t{_issues}.txt",
                "source_stem": f"t{_issues}",
                "sha256": hashlib.sha256(original.encode()).hexdigest(),
                "encoding": "utf-8",
                "char_count": len(original),
                "imported_at": now,
            }
        ],
    ).one()
    article_id = session.scalars(
        insert(Article).returning(Article.id),
        [
            {
                "issue_id": issue_id,
                "position": 0,
                "title": title,
                "source": source,
                "span_start": blocks[0][2][0][0],
                "span_end": blocks[-1][2][0][1],
                "updated_at": now,
            }
        ],
    ).one()
    session.execute(
        insert(Block),
        [
            {"article_id": article_id, "position": i, "role": role, "text": body, "pieces": pieces}
            for i, (role, body, pieces) in enumerate(blocks)
        ],
    )
    session.add(
        Leftover(
            issue_id=issue_id,
            position=0,
            kind="masthead",
            text=masthead,
            span_start=0,
            span_end=len(masthead),
        )
    )
    write_text(session.connection(), issue_id, original)
    record_hashes(session, [article_id])
    for i, (name, role) in enumerate(people):
        session.execute(insert(Contributor).values(article_id=article_id, position=i, name=name, role=role))
    return article_id


def make_articles(library: Library, n: int) -> list[int]:
    with library.writing() as session:
        return [make_article(session, f"文章{i}") for i in range(n)]


def link_set(session: Session) -> set[tuple[int, int]]:
    return {(r[0], r[1]) for r in session.execute(select(ArticleTag.article_id, ArticleTag.tag_id))}


def snapshot(session: Session) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    tags = session.execute(
        text("SELECT id, name, name_key, kind, parent_id, colour, created_at FROM tag ORDER BY id")
    )
    links = session.execute(text("SELECT * FROM article_tag ORDER BY article_id, tag_id"))
    return [tuple(r) for r in tags], [tuple(r) for r in links]


def test_names_are_script_width_and_case_insensitive(library: Library) -> None:
    a, b = make_articles(library, 2)
    with library.writing() as session:
        first = add_tag(session, [a], "陆家嘴", kind="place", author="test")
        second = add_tag(session, [b], "陸家嘴", author="test")
        assert second.tag_id == first.tag_id and second.created_tag_ids == ()
        wide = add_tag(session, [a], "ＡＢＣ社区", author="test")
        assert add_tag(session, [b], "abc社区", author="test").tag_id == wide.tag_id
    assert name_key("陸家嘴") == name_key("陆家嘴") == "陆家嘴"
    with library.session() as session:
        assert [(t.name, n) for t, n in list_tags(session)] == [("陆家嘴", 2), ("ＡＢＣ社区", 2)]
        assert get_tag(session, "陸家嘴").kind == "place"


@given(st.text(alphabet="abcXYZ019陆陸家嘴區区", min_size=1, max_size=12))
def test_name_keys_ignore_width_and_case(name: str) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isascii() else c for c in name)
    assert name_key(wide) == name_key(name.upper()) == name_key(name) == name_key(name_key(name))


def test_tag_names_are_validated(library: Library) -> None:
    (a,) = make_articles(library, 1)
    with library.writing() as session:
        for bad in ("", "   ", "x" * 101):
            with pytest.raises(TaggingError):
                add_tag(session, [a], bad, author="test")
        with pytest.raises(TaggingError, match="kind"):
            add_tag(session, [a], "好", kind="colour", author="test")
        tag = add_tag(session, [a], "  浦东   新区 ", author="test")
        assert tag.name == "浦东 新区"


def test_bulk_add_and_remove_can_be_undone(library: Library) -> None:
    ids = make_articles(library, 4)
    with library.writing() as session:
        add_tag(session, ids[:1], "垃圾分类", author="alice")
        before = snapshot(session)
        result = add_tag(session, ids[:3], "垃圾分类", author="bob", from_suggestion=True)
        assert result.added == tuple(ids[1:3]) and result.already == (ids[0],)
        result.undo(session)
        assert snapshot(session) == before

        created = add_tag(session, ids, "新标签", author="bob")
        assert len(created.created_tag_ids) == 1
        created.undo(session)
        assert find_tag(session, "新标签") is None

        tag_id = result.tag_id
        add_tag(session, ids, "垃圾分类", author="bob")
        before = snapshot(session)
        removed = remove_tag(session, [ids[0], ids[3]], tag_id)
        assert {link.article_id for link in removed.removed} == {ids[0], ids[3]}
        assert {a for a, _ in link_set(session)} == set(ids[1:3])
        removed.undo(session)
        assert snapshot(session) == before  # added_by, added_at, from_suggestion come back too


def test_unknown_articles_are_refused(library: Library) -> None:
    (a,) = make_articles(library, 1)
    with pytest.raises(NotFoundError, match="99"), library.writing() as session:
        add_tag(session, [a, 99], "外滩", author="test")
    with library.session() as session:
        assert find_tag(session, "外滩") is None


def test_rename_refuses_another_tags_name_in_any_script(library: Library) -> None:
    (a,) = make_articles(library, 1)
    with library.writing() as session:
        t1 = add_tag(session, [a], "静安", author="test").tag_id
        add_tag(session, [a], "静安区", author="test")
        with pytest.raises(TagExistsError):
            rename_tag(session, t1, "靜安區")
        change = rename_tag(session, t1, "靜安")  # its own name in another script is fine
        assert get_tag(session, t1).name == "靜安"
        change.undo(session)
        session.expire_all()
        assert get_tag(session, t1).name == "静安"


def test_merge_moves_links_collapses_duplicates_and_undoes(library: Library) -> None:
    a, b, c = make_articles(library, 3)
    with library.writing() as session:
        src = add_tag(session, [a, b], "陸家嘴", author="x").tag_id
        dst = add_tag(session, [b, c], "陆家嘴地区", author="y").tag_id
        child = add_tag(session, [c], "陸家嘴/东昌", author="x").tag_id
        before = snapshot(session)
        result = merge_tags(session, src, dst)
        assert [link.article_id for link in result.moved] == [a]
        assert [link.article_id for link in result.collapsed] == [b]
        assert get_tag(session, child).parent_id == dst
        assert session.get(Tag, src) is None
        assert {x for x, t in link_set(session) if t == dst} == {a, b, c}
        result.undo(session)
        assert snapshot(session) == before
        with pytest.raises(TaggingError):
            merge_tags(session, src, src)


def test_merge_into_a_descendant_keeps_a_tree(library: Library) -> None:
    (a,) = make_articles(library, 1)
    with library.writing() as session:
        leaf = add_tag(session, [a], "上海/浦东/花木", author="x").tag_id
        top, mid = get_tag(session, "上海").id, get_tag(session, "浦东").id
        merge_tags(session, top, leaf)
        session.expire_all()
        assert get_tag(session, leaf).parent_id is None
        assert get_tag(session, mid).parent_id == leaf
        assert tag_path(get_tag(session, mid)) == "花木/浦东"


def test_delete_reports_the_articles_and_moves_children_up(library: Library) -> None:
    a, b = make_articles(library, 2)
    with library.writing() as session:
        leaf = add_tag(session, [a], "地点/浦东/陆家嘴", kind="place", author="x").tag_id
        mid = get_tag(session, "浦东").id
        add_tag(session, [a, b], "浦东", author="x")
        before = snapshot(session)
        result = delete_tag(session, mid)
        assert result.article_count == 2
        assert tag_path(get_tag(session, leaf)) == "地点/陆家嘴"
        assert article_tags(session, b) == []
        result.undo(session)
        assert snapshot(session) == before


def test_hierarchy_paths_and_cycles(library: Library) -> None:
    (a,) = make_articles(library, 1)
    with library.writing() as session:
        c = add_tag(session, [a], "甲/乙/丙", kind="topic", author="x").tag_id
        tag_c = get_tag(session, c)
        assert tag_path(tag_c) == "甲/乙/丙"
        top = get_tag(session, "甲").id
        with pytest.raises(TagCycleError):
            set_parent(session, top, c)
        with pytest.raises(TagCycleError):
            set_parent(session, c, c)
        change = set_parent(session, c, None)
        assert tag_path(get_tag(session, c)) == "丙"
        change.undo(session)
        session.expire_all()
        assert tag_path(get_tag(session, c)) == "甲/乙/丙"


def test_kind_and_colour(library: Library) -> None:
    (a,) = make_articles(library, 1)
    with library.writing() as session:
        t = add_tag(session, [a], "卞唯敏", author="x").tag_id
        assert get_tag(session, t).kind == "topic"
        set_kind(session, t, "person")
        set_colour(session, t, "#AA00ff")
        assert (get_tag(session, t).kind, get_tag(session, t).colour) == ("person", "#aa00ff")
        with pytest.raises(TaggingError):
            set_kind(session, t, "animal")
        with pytest.raises(TaggingError):
            set_colour(session, t, "red")


def test_list_tags_groups_by_kind_then_tree_and_filters(library: Library) -> None:
    a, b = make_articles(library, 2)
    with library.writing() as session:
        add_tag(session, [a], "主题/垃圾分类", author="x")
        add_tag(session, [a, b], "姜鸣", kind="person", author="x")
        add_tag(session, [b], "上海/静安区/芷江西路街道", kind="place", author="x")
    with library.session() as session:
        listed = [(tag_path(t), t.kind, n) for t, n in list_tags(session)]
        assert listed == [
            ("姜鸣", "person", 2),
            ("上海", "place", 0),
            ("上海/静安区", "place", 0),
            ("上海/静安区/芷江西路街道", "place", 1),
            ("主题", "topic", 0),
            ("主题/垃圾分类", "topic", 1),
        ]
        filtered = [tag_path(t) for t, _ in list_tags(session, "芷江西路")]
        assert filtered == ["上海", "上海/静安区", "上海/静安区/芷江西路街道"]
        assert [t.name for t, _ in list_tags(session, "垃圾")] == ["主题", "垃圾分类"]


def test_filtering_by_tags_all_any_exclude(library: Library) -> None:
    ids = make_articles(library, 6)
    with library.writing() as session:
        x = add_tag(session, ids[0:4], "甲", author="t").tag_id
        y = add_tag(session, ids[2:6], "乙", author="t").tag_id
        z = add_tag(session, [ids[3]], "丙", author="t").tag_id
        child = add_tag(session, [ids[5]], "甲/甲子", author="t").tag_id
    with library.session() as session:
        assert articles_with_tags(session, [x, y]) == [ids[2], ids[3], ids[5]]  # 甲 matches through 甲子
        assert articles_with_tags(session, [x, y], with_children=False) == ids[2:4]
        assert articles_with_tags(session, [x, y], mode="any") == ids
        assert articles_with_tags(session, [x, y], exclude_ids=[z]) == [ids[2], ids[5]]
        assert articles_with_tags(session, [], exclude_ids=[y]) == ids[0:2]
        assert articles_with_tags(session, [child]) == [ids[5]]
        with pytest.raises(TaggingError):
            articles_with_tags(session, [x], mode="most")  # type: ignore[arg-type]


def test_filtering_reads_the_tag_index(library: Library) -> None:
    if library.engine.dialect.name != "sqlite":
        pytest.skip("reads SQLite's EXPLAIN QUERY PLAN")
    with library.session() as session:
        plan = " ".join(
            str(row[-1])
            for row in session.execute(
                text("EXPLAIN QUERY PLAN SELECT article_id FROM article_tag WHERE tag_id IN (1, 2)")
            )
        )
    assert "COVERING INDEX ix_article_tag_tag_id" in plan


def test_export_helpers(library: Library) -> None:
    a, b = make_articles(library, 2)
    with library.writing() as session:
        add_tag(session, [a], "静安区/芷江西路街道", kind="place", author="t")
        add_tag(session, [a], "姜鸣", kind="person", author="t")
        add_tag(session, [a], "垃圾分类", author="t")
    with library.session() as session:
        assert tags_for_export(session, [a, b]) == {
            a: [
                {"name": "姜鸣", "kind": "person", "parent": None},
                {"name": "芷江西路街道", "kind": "place", "parent": "静安区"},
                {"name": "垃圾分类", "kind": "topic", "parent": None},
            ],
            b: [],
        }
        assert tags_by_kind(session, [a, b]) == {
            a: {"person": ["姜鸣"], "place": ["芷江西路街道"], "topic": ["垃圾分类"]},
            b: {},
        }


def test_deleting_an_article_drops_its_links(library: Library) -> None:
    a, b = make_articles(library, 2)
    with library.writing() as session:
        add_tag(session, [a, b], "外滩", author="t")
    with library.writing() as session:
        session.execute(text("DELETE FROM article WHERE id = :a"), {"a": a})
    with library.session() as session:
        assert [(t.name, n) for t, n in list_tags(session)] == [("外滩", 1)]
