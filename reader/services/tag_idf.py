"""Use case: the library's own IDF (document frequencies), which ranks tag suggestion keywords.

Words every article shares (社区, 街道, 工作) get a low IDF, so they rank low.
Counting is incremental: ``update_idf`` counts newly imported articles,
``refresh_idf`` whatever is not counted yet, ``recompute_idf`` everything again.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db import dialect
from db.models import Article, Block, Contributor, utcnow
from db.tagging_models import (
    IdfCountedArticle,
    IdfStats,
    TermDocFrequency,
)
from reader.core import segmenter
from reader.core.tag_suggestions import ArticleContent, Idf

MIN_LIBRARY_DOCS = 50  # below this many counted articles, jieba's bundled IDF is used
HEADING_ROLES = frozenset({"kicker", "title", "subtitle"})  # not section labels: 图片新闻, 【党政】
BODY_ROLES = frozenset({"paragraph", "subheading", "caption"})
INSERT_CHUNK = 500  # rows per multi-row INSERT (SQLite allows 32,766 variables)


def article_contents(session: Session, article_ids: Sequence[int]) -> dict[int, ArticleContent]:
    """Headings, body, byline people and source of articles (what suggestions read)."""
    heads: dict[int, list[str]] = defaultdict(list)
    bodies: dict[int, list[str]] = defaultdict(list)
    people: dict[int, list[tuple[str, str]]] = defaultdict(list)
    sources: dict[int, str | None] = {}
    for i in range(0, len(article_ids), INSERT_CHUNK):
        chunk = list(article_ids[i : i + INSERT_CHUNK])
        for article_id, role, text in session.execute(
            select(Block.article_id, Block.role, Block.text)
            .where(Block.article_id.in_(chunk))
            .order_by(Block.article_id, Block.position)
        ):
            if role in HEADING_ROLES:
                heads[article_id].append(text)
            elif role in BODY_ROLES:
                bodies[article_id].append(text)
        for article_id, name, role in session.execute(
            select(Contributor.article_id, Contributor.name, Contributor.role)
            .where(Contributor.article_id.in_(chunk))
            .order_by(Contributor.article_id, Contributor.position)
        ):
            people[article_id].append((name, role))
        sources.update(session.execute(select(Article.id, Article.source).where(Article.id.in_(chunk))).all())
    return {
        i: ArticleContent("\n".join(heads[i]), "\n".join(bodies[i]), tuple(people[i]), sources.get(i))
        for i in article_ids
        if i in sources
    }


def _stats(session: Session) -> IdfStats | None:
    return session.get(IdfStats, 1)


def _count_into_library(session: Session, article_ids: Sequence[int]) -> int:
    """Count the articles' terms into ``term_df``; returns how many articles were counted."""
    df: dict[str, int] = defaultdict(int)
    counted: list[int] = []
    step = 2000
    for i in range(0, len(article_ids), step):
        contents = article_contents(session, article_ids[i : i + step])
        for article_id, content in contents.items():
            for term in segmenter.dictionary_terms(content.headings + "\n" + content.body):
                df[term] += 1
            counted.append(article_id)
    rows = [{"term": t, "df": n} for t, n in df.items()]
    upsert = dialect.upsert(session.connection(), TermDocFrequency)
    upsert = upsert.on_conflict_do_update(
        index_elements=[TermDocFrequency.term], set_={"df": TermDocFrequency.df + upsert.excluded.df}
    )
    for j in range(0, len(rows), INSERT_CHUNK):
        session.execute(upsert, rows[j : j + INSERT_CHUNK])
    marks = [{"article_id": a} for a in counted]
    for j in range(0, len(marks), INSERT_CHUNK):
        session.execute(insert(IdfCountedArticle), marks[j : j + INSERT_CHUNK])
    stats = _stats(session)
    if stats is None:
        session.add(IdfStats(id=1, n_docs=len(counted), updated_at=utcnow()))
    else:
        stats.n_docs += len(counted)
        stats.updated_at = utcnow()
    session.flush()
    return len(counted)


def update_idf(session: Session, article_ids: Iterable[int]) -> int:
    """Count new articles into the library's IDF (ones counted before are skipped); returns how many."""
    ids = list(dict.fromkeys(article_ids))
    done: set[int] = set()
    for i in range(0, len(ids), INSERT_CHUNK):
        chunk = ids[i : i + INSERT_CHUNK]
        done.update(
            session.scalars(
                select(IdfCountedArticle.article_id).where(IdfCountedArticle.article_id.in_(chunk))
            )
        )
    return _count_into_library(session, [i for i in ids if i not in done])


def refresh_idf(session: Session) -> int:
    """Count every article not yet counted (after an import); returns how many."""
    missing = session.scalars(
        select(Article.id)
        .outerjoin(IdfCountedArticle, IdfCountedArticle.article_id == Article.id)
        .where(IdfCountedArticle.article_id.is_(None))
        .order_by(Article.id)
    )
    return _count_into_library(session, list(missing))


def recompute_idf(session: Session) -> int:
    """Recount the whole library (after deletions or many corrections); returns the article count."""
    session.execute(delete(TermDocFrequency))
    session.execute(delete(IdfCountedArticle))
    session.execute(delete(IdfStats))
    session.flush()
    return _count_into_library(session, list(session.scalars(select(Article.id).order_by(Article.id))))


def library_idf(session: Session, terms: Collection[str]) -> Idf:
    """IDF of ``terms`` for ranking suggestions.

    Until the library has counted :data:`MIN_LIBRARY_DOCS` articles this is
    jieba's bundled IDF.  After that it is the library's own IDF (so 社区, 街道,
    工作 fall low in a community paper), damped for words jieba's table knows
    as common in Chinese at large (道路, 工人), which a young library may not
    have seen yet.
    """
    stats = _stats(session)
    n_docs = stats.n_docs if stats is not None else 0
    table, median = segmenter.bundled_idf()
    if n_docs < MIN_LIBRARY_DOCS:
        return Idf({t: table[t] for t in terms if t in table}, median, median)
    found: dict[str, int] = {}
    wanted = list(terms)
    counted = [t for t in wanted if segmenter.countable_term(t)]  # no other term has a row
    for i in range(0, len(counted), INSERT_CHUNK):
        found.update(
            session.execute(
                select(TermDocFrequency.term, TermDocFrequency.df).where(
                    TermDocFrequency.term.in_(counted[i : i + INSERT_CHUNK])
                )
            ).all()
        )

    def idf(df: int) -> float:
        return math.log((n_docs + 1) / (df + 1)) + 1

    def general(term: str) -> float:
        return min(1.0, table.get(term, median) / median)

    return Idf({t: idf(found.get(t, 0)) * general(t) for t in wanted}, idf(0), idf(1))
