"""What the tagging interface reads: tag rows, counts, kind guesses, the library filter, the IDF in steps."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import func, select

from db.engine import Library
from db.tagging_models import IdfStats, UserWord
from reader.services.browsing import article_rows
from reader.services.tag_browsing import (
    TagFilter,
    article_tagging,
    articles_missing_from_idf,
    filter_library,
    guess_kind,
    refresh_idf_in_steps,
    remove_user_word,
    tag_counts,
    tag_infos,
    user_words,
)
from reader.services.tag_suggesting import add_user_word
from reader.services.tagging import add_tag
from tests.gui.builders import add_issue

pytestmark = pytest.mark.both_engines


@pytest.fixture
def articles(library: Library) -> list[int]:
    """Two issues: 河长制 (1, 2) and 垃圾分类 (3), each article with a title and a paragraph."""
    first = add_issue(
        library,
        "a.txt",
        [("梅园街道河长制工作", "志愿者巡河。", "new"), ("河道整治", "青溪河水质变好。", "proofread")],
    )
    second = add_issue(library, "b.txt", [("垃圾分类进小区", "居民分类投放垃圾。", "new")])
    with library.session() as session:
        return [a.id for issue in (first, second) for a in article_rows(session, issue)]


@pytest.mark.parametrize(
    ("name", "bylines", "kind"),
    [
        ("林晓岚", ["林晓岚", "周启明"], "person"),
        ("林曉嵐", ["林晓岚"], "person"),  # in any script
        ("林晓岚", [], "topic"),  # a name alone is not known to be a person
        ("欧阳晓岚同志", ["欧阳晓岚同志"], "topic"),  # too long for a name
        ("淮海中路", [], "place"),
        ("梅园街道", [], "place"),
        ("浦东新区", [], "place"),
        ("七宝镇", [], "place"),
        ("桂花社区", [], "place"),
        ("街道党群办", [], "organisation"),
        ("居委会", [], "organisation"),
        ("区市场监管局", [], "organisation"),
        ("社区服务中心", [], "organisation"),
        ("恒源祥公司", [], "organisation"),
        ("垃圾分类", [], "topic"),
        ("", [], "topic"),
    ],
)
def test_the_kind_of_a_new_tag_is_guessed(name: str, bylines: list[str], kind: str) -> None:
    assert guess_kind(name, bylines) == kind


def test_tag_rows_counts_and_an_articles_tags(library: Library, articles: list[int]) -> None:
    a, b, c = articles
    with library.writing() as session:
        add_tag(session, [a, b], "梅园街道", kind="place", author="t")
        add_tag(session, [a], "梅园街道/河长制", author="t")
    with library.session() as session:
        infos = tag_infos(session)
        assert [(t.name, t.kind, t.count, t.path) for t in infos] == [
            ("梅园街道", "place", 2, "梅园街道"),
            ("河长制", "place", 1, "梅园街道/河长制"),  # a new child takes its parent's kind
        ]
        assert infos[1].parent_id == infos[0].id and infos[1].key == "河长制"
        assert [t.name for t in tag_infos(session, "河長")] == ["梅园街道", "河长制"]  # with its ancestor
        assert tag_counts(session, [a, b, c]) == {a: 2, b: 1, c: 0}
        tagging = article_tagging(session, a)
        assert [(t.name, t.count) for t in tagging.tags] == [("梅园街道", 2), ("河长制", 1)]
        assert tagging.bylines == []
        # the library pane's rows carry their tag counts
        rows = article_rows(session, 1)
        assert [(r.id, r.tag_count) for r in rows] == [(a, 2), (b, 1)]


def test_the_library_filter_combines_tags_text_and_status(library: Library, articles: list[int]) -> None:
    a, b, c = articles
    with library.writing() as session:
        street = add_tag(session, [a, b], "梅园街道", author="t").tag_id
        river = add_tag(session, [a], "河长制", author="t").tag_id
        rubbish = add_tag(session, [c], "垃圾", author="t").tag_id
    with library.session() as session:

        def matched(tags: TagFilter, needles: Sequence[str] = (), status: str | None = None) -> list[int]:
            found = filter_library(session, needles, status=status, tags=tags)
            return sorted(found.article_ids)

        assert matched(TagFilter((street,))) == [a, b]
        assert matched(TagFilter((street, river))) == [a]
        assert matched(TagFilter((river, rubbish), mode="any")) == [a, c]
        assert matched(TagFilter(exclude=(street,))) == [c]
        assert matched(TagFilter((street,), (river,))) == [b]
        assert matched(TagFilter((street,)), ["整治"]) == [b]
        assert matched(TagFilter((street,)), status="new") == [a]
        assert matched(TagFilter()) == [a, b, c]  # no tag: the text filter alone
        found = filter_library(session, tags=TagFilter((rubbish,)))
        assert found.issue_ids == frozenset({2})


def test_the_idf_is_counted_in_short_steps(library: Library, articles: list[int]) -> None:
    with library.session() as session:
        assert articles_missing_from_idf(session) == articles
    assert refresh_idf_in_steps(library, step=2) == 3
    with library.session() as session:
        assert articles_missing_from_idf(session) == []
        stats = session.get(IdfStats, 1)
        assert stats is not None and stats.n_docs == 3
    assert refresh_idf_in_steps(library) == 0  # nothing new
    add_issue(library, "c.txt", [("新文章", "又一篇。", "new")])
    assert refresh_idf_in_steps(library, cancelled=lambda: True) == 0  # stops between steps
    assert refresh_idf_in_steps(library) == 1


def test_user_words_are_listed_and_removed(library: Library) -> None:
    with library.writing() as session:
        add_user_word(session, "青溪河", "place")
        add_user_word(session, "河长制")
    with library.session() as session:
        assert [(w.word, w.pos, w.kind) for w in user_words(session)] == [
            ("河长制", "n", "topic"),
            ("青溪河", "ns", "place"),
        ]
    with library.writing() as session:
        assert remove_user_word(session, "青溪河")
        assert not remove_user_word(session, "青溪河")
    with library.session() as session:
        assert session.scalar(select(func.count()).select_from(UserWord)) == 1
