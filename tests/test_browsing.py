"""Browsing the library lazily: issue rows, article rows, issue pages and filters."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from db.engine import Library
from db.models import Article, Block, Issue, Leftover, utcnow
from reader.services.browsing import (
    article_rows,
    first_article_id,
    issue_of_article,
    issue_page,
    issue_row,
    issue_rows,
    library_counts,
    matching_articles,
)

pytestmark = pytest.mark.both_engines


def _add_issue(
    library: Library,
    name: str,
    articles: list[tuple[str | None, str, str]],
    *,
    title: str | None = None,
    leftovers: tuple[tuple[str, str], ...] = (),
) -> tuple[int, list[int]]:
    """Insert an issue with (title, first paragraph, status) articles; returns the ids."""
    now = utcnow()
    with library.writing() as session:
        issue_id = session.scalars(
            insert(Issue).returning(Issue.id),
            [
                {
                    "source_name": name,
                    "source_stem": name.removesuffix(".txt"),
                    "sha256": name.ljust(64, "0")[:64],
                    "encoding": "utf-8",
                    "char_count": 100,
                    "imported_at": now,
                    "title": title,
                    "publication_date": "2021年4月16日" if title else None,
                }
            ],
        ).one()
        ids = []
        for position, (article_title, paragraph, status) in enumerate(articles):
            article_id = session.scalars(
                insert(Article).returning(Article.id),
                [
                    {
                        "issue_id": issue_id,
                        "position": position,
                        "title": article_title,
                        "status": status,
                        "span_start": 0,
                        "span_end": 10,
                        "updated_at": now,
                    }
                ],
            ).one()
            session.execute(
                insert(Block),
                [
                    {
                        "article_id": article_id,
                        "position": 0,
                        "role": "caption",
                        "text": "图片说明",
                        "pieces": [],
                    },
                    {
                        "article_id": article_id,
                        "position": 1,
                        "role": "paragraph",
                        "text": paragraph,
                        "pieces": [],
                    },
                ],
            )
            ids.append(article_id)
        for position, (kind, text) in enumerate(leftovers):
            session.execute(
                insert(Leftover),
                [
                    {
                        "issue_id": issue_id,
                        "position": position,
                        "kind": kind,
                        "text": text,
                        "span_start": 0,
                        "span_end": 1,
                    }
                ],
            )
    return issue_id, ids


def test_issue_rows_come_in_import_order_with_counts_and_pages(library: Library) -> None:
    first, _ = _add_issue(
        library, "a.txt", [("甲", "一", "new"), ("乙", "二", "approved")], title="梅园社区报"
    )
    second, _ = _add_issue(library, "b.txt", [])
    third, _ = _add_issue(library, "c.txt", [("丙", "三", "proofread")])
    with library.session() as session:
        rows = issue_rows(session)
        assert [r.id for r in rows] == [first, second, third]
        assert [(r.article_count, r.done_count) for r in rows] == [(2, 1), (0, 0), (1, 1)]
        assert rows[0].label == "梅园社区报 2021年4月16日"
        assert rows[1].label == "b.txt"
        assert [r.id for r in issue_rows(session, offset=1, limit=1)] == [second]
        assert issue_row(session, third) == rows[2]
        assert issue_row(session, 999) is None
        assert library_counts(session).issues == 3
        assert library_counts(session).articles == 3


def test_article_rows_give_first_words_of_untitled_articles(library: Library) -> None:
    long_paragraph = "近日,梅园街道召开社区服务站点标准化建设推进会,总结经验。"
    issue_id, ids = _add_issue(
        library, "a.txt", [("有标题", "正文", "new"), (None, long_paragraph, "in_progress")]
    )
    with library.session() as session:
        rows = article_rows(session, issue_id)
        assert [r.id for r in rows] == ids
        assert rows[0].label == "有标题"
        assert rows[0].first_words is None
        assert rows[1].first_words == long_paragraph[:20]
        assert rows[1].label == long_paragraph[:20] + "…"
        assert rows[1].status == "in_progress"
        assert issue_of_article(session, ids[1]) == issue_id
        assert first_article_id(session, issue_id) == ids[0]
        assert article_rows(session, 12345) == []


def test_issue_page_has_metadata_and_leftovers_without_text(library: Library) -> None:
    issue_id, _ = _add_issue(
        library,
        "a.txt",
        [("甲", "一", "new")],
        leftovers=(("masthead", "梅园社区报"), ("qr_code", "扫码关注")),
    )
    with library.session() as session:
        page = issue_page(session, issue_id)
        assert page is not None
        assert page.source_name == "a.txt"
        assert page.article_count == 1
        assert [(lo.kind, lo.text) for lo in page.leftovers] == [
            ("masthead", "梅园社区报"),
            ("qr_code", "扫码关注"),
        ]
        assert issue_page(session, 999) is None


def test_matching_articles_filters_by_text_and_status(library: Library) -> None:
    a, (a1, a2) = _add_issue(
        library, "a.txt", [("守护一江碧水", "一", "new"), (None, "河长制工作", "approved")]
    )
    b, (b1,) = _add_issue(library, "b_100%.txt", [("社区服务", "二", "approved")])
    empty, _ = _add_issue(library, "empty.txt", [])
    with library.session() as session:
        assert matching_articles(session, ["碧水"]) == matching_articles(session, ["碧水", ""])
        assert matching_articles(session, ["碧水"]).article_ids == {a1}
        assert matching_articles(session, ["河长"]).article_ids == {a2}  # first words of an untitled one
        by_status = matching_articles(session, [], status="approved")
        assert by_status.article_ids == {a2, b1}
        assert by_status.issue_ids == {a, b}
        both = matching_articles(session, ["社区"], status="approved")
        assert both.article_ids == {b1}
        assert matching_articles(session, ["100%"]).issue_ids == {b}  # % is literal
        assert matching_articles(session, ["empty"]).issue_ids == {empty}
        everything = matching_articles(session)
        assert everything.issue_ids == {a, b, empty}
        assert everything.article_ids == {a1, a2, b1}
