"""Use case: full-text search over every article, Chinese-aware and script-insensitive.

The index (``reader.core.search_index``) holds each article's searchable text:
its blocks' current text joined by newlines, in reading order.  It is filled at
import; afterwards ``reader.services.text_sync`` reindexes every article whose
blocks a transaction added, edited, moved or deleted, just before it commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block
from reader.core import search_index
from reader.core.search_index import find_hits, snippet
from reader.core.search_tokens import (
    searchable_text as searchable_text,
)  # re-exported (the text indexed for an article)
from reader.services.search_aliases import TagWord, hit_spans, matching_ids_through_tags, tag_words

SNIPPET_WIDTH = 48


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article with the passage around its first hit."""

    issue_id: int
    article_id: int
    title: str | None
    snippet: str
    highlights: list[tuple[int, int]]  # spans inside ``snippet``
    block_position: int | None  # block holding the first hit
    offset_in_block: int  # where the first hit starts in that block's text
    hit_length: int


def _article_texts(conn: sa.Connection, article_ids: Sequence[int] | None) -> dict[int, list[str]]:
    query = select(Block.article_id, Block.text).order_by(Block.article_id, Block.position)
    if article_ids is not None:
        query = query.where(Block.article_id.in_(article_ids))
    texts: dict[int, list[str]] = defaultdict(list)
    for article_id, text in conn.execute(query):
        texts[article_id].append(text)
    return texts


def reindex_articles(session: Session, article_ids: Sequence[int]) -> None:
    """Refresh the index for articles whose text changed (or that were deleted)."""
    conn = session.connection()
    texts = _article_texts(conn, article_ids)
    gone = [i for i in article_ids if i not in texts]
    if gone:
        search_index.remove_rows(conn, gone)
    search_index.index_rows(conn, ((i, searchable_text(t)) for i, t in texts.items()))


def rebuild_index(conn: sa.Connection) -> None:
    """Empty the index and index every article again."""
    search_index.clear_index(conn)
    texts = _article_texts(conn, None)
    search_index.index_rows(conn, ((i, searchable_text(t)) for i, t in texts.items()))


def matching_ids(
    session: Session,
    query: str,
    *,
    issue_id: int | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[int]:
    """Ids of the articles containing every word of ``query``, newest first.

    A word that names a tag or one of its aliases matches any of the tag's
    names, and the articles carrying the tag (``search_aliases``).
    """
    words = search_index.query_words(query)
    return _matching(session, query, words, tag_words(session, words), issue_id, status, limit)


def _matching(
    session: Session,
    query: str,
    words: list[str],
    tagged: dict[str, TagWord],
    issue_id: int | None,
    status: str | None,
    limit: int | None,
) -> list[int]:
    if tagged:
        return matching_ids_through_tags(
            session, words, tagged, issue_id=issue_id, status=status, limit=limit
        )
    return search_index.search_ids(session.connection(), query, issue_id=issue_id, status=status, limit=limit)


def _hit_for(
    article: Article, blocks: list[str], query: str, tagged: dict[str, TagWord] | None = None
) -> SearchHit | None:
    text = searchable_text(blocks)
    if tagged:  # found through a tag: the passage around any of its names, or the start
        spans = hit_spans(text, search_index.query_words(query), tagged)
    else:
        spans = find_hits(text, query)
        if not spans:
            return None
    passage, highlights = snippet(text, spans, SNIPPET_WIDTH)
    first = spans[0][0] if spans else 0
    position, start = 0, 0
    for position, block in enumerate(blocks):  # noqa: B007 - position is used after the loop
        if first < start + len(block):
            break
        start += len(block) + 1
    return SearchHit(
        issue_id=article.issue_id,
        article_id=article.id,
        title=article.title,
        snippet=passage,
        highlights=highlights,
        block_position=position if blocks else None,
        offset_in_block=first - start,
        hit_length=spans[0][1] - spans[0][0] if spans else 0,
    )


def search(
    session: Session,
    query: str,
    *,
    issue_id: int | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[SearchHit]:
    """Matching articles, newest first, each with a highlighted passage around its first hit."""
    words = search_index.query_words(query)
    tagged = tag_words(session, words)
    ids = _matching(session, query, words, tagged, issue_id, status, limit)
    hits: list[SearchHit] = []
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        articles = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(chunk)))}
        texts = _article_texts(session.connection(), chunk)
        for article_id in chunk:
            hit = _hit_for(articles[article_id], texts.get(article_id, []), query, tagged)
            if hit is not None:
                hits.append(hit)
    return hits
