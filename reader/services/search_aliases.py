"""Search through tags: a query word that names a tag, or is one of its aliases, finds the tag's articles.

With the tag 外滩街道 and its alias 外滩, searching for either finds every article
that writes 外滩街道 or 外滩, and every article tagged 外滩街道 even when its text
names neither.  Words that name no tag are searched as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import sqlalchemy as sa
from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from db.models import Article
from db.tagging_models import ArticleTag, Tag, TagAlias
from reader.core import search_index
from reader.core.script import fold_table, search_fold, search_fold_table


@dataclass(frozen=True, slots=True)
class TagWord:
    """A query word naming a tag: the tag and every name it goes by (its name first, then its aliases)."""

    tag_id: int
    names: tuple[str, ...]


def tag_words(session: Session, words: Sequence[str]) -> dict[str, TagWord]:
    """The query words (folded: :func:`search_index.query_words`) that name a tag or one of its aliases."""
    if not words:
        return {}
    keys = set(words)
    targets = _width_targets()
    found = _named_in_other_widths(session, [word for word in words if not targets.isdisjoint(word)])
    found += [  # one round trip for most searches (no punctuation); the exact keys come last, and win
        (int(tag_id), str(key))
        for tag_id, key in session.execute(
            union_all(
                select(Tag.id, Tag.name_key).where(Tag.name_key.in_(keys)),
                select(TagAlias.tag_id, TagAlias.alias_key).where(TagAlias.alias_key.in_(keys)),
            )
        )
    ]
    if not found:
        return {}
    named = {key: tag_id for tag_id, key in found}
    tag_ids = set(named.values())
    names: dict[int, list[str]] = {
        tag_id: [name]
        for tag_id, name in session.execute(select(Tag.id, Tag.name).where(Tag.id.in_(tag_ids)))
    }
    for tag_id, alias in session.execute(
        select(TagAlias.tag_id, TagAlias.alias)
        .where(TagAlias.tag_id.in_(tag_ids))
        .order_by(TagAlias.alias_key)
    ):
        names[tag_id].append(alias)
    return {word: TagWord(named[word], tuple(names[named[word]])) for word in words if word in named}


@cache
def _width_targets() -> frozenset[str]:
    """What search folds a character of another width to, which :func:`fold` (tags' keys) does not."""
    plain = fold_table()
    return frozenset(v for k, v in search_fold_table().items() if k not in plain)


def _named_in_other_widths(session: Session, words: Sequence[str]) -> list[tuple[int, str]]:
    """(tag id, query word) for the tags and aliases whose key is a word written in another width.

    Tags key on :func:`fold`, which keeps ``（`` apart from ``(``; the query's words are folded
    for search (``（外滩）`` is ``(外滩)``).  Only words holding such a character ask, and only
    keys of their lengths are read: the exact keys were found by the first query.
    """
    if not words:
        return []
    wanted = set(words)
    lengths = {len(word) for word in words}
    rows = session.execute(
        union_all(
            select(Tag.id, Tag.name_key).where(sa.func.length(Tag.name_key).in_(lengths)),
            select(TagAlias.tag_id, TagAlias.alias_key).where(
                sa.func.length(TagAlias.alias_key).in_(lengths)
            ),
        )
    ).all()
    return [
        (tag_id, folded) for tag_id, key in rows if (folded := search_fold(key)) in wanted and folded != key
    ]


def matching_ids_through_tags(
    session: Session,
    words: Sequence[str],
    tagged: dict[str, TagWord],
    *,
    issue_id: int | None,
    status: str | None,
    limit: int | None,
) -> list[int]:
    """Ids of the articles matching every word (a tag's word: any of its names, or the tag); newest first."""
    conn = session.connection()
    plain = [word for word in words if word not in tagged]
    found: set[int] | None = None
    if plain:
        found = set(search_index.search_ids(conn, " ".join(plain), issue_id=issue_id, status=status))
    for tag_word in dict.fromkeys(tagged.values()):
        ids = _tagged(session, tag_word.tag_id, issue_id, status)
        for name in tag_word.names:
            ids.update(search_index.search_ids(conn, name, issue_id=issue_id, status=status))
        found = ids if found is None else found & ids
        if not found:
            return []
    ordered = sorted(found or (), reverse=True)
    return ordered if limit is None else ordered[: max(0, limit)]


def _tagged(session: Session, tag_id: int, issue_id: int | None, status: str | None) -> set[int]:
    query = select(ArticleTag.article_id).where(ArticleTag.tag_id == tag_id)
    if issue_id is not None or status is not None:
        query = query.join(Article, Article.id == ArticleTag.article_id)
        if issue_id is not None:
            query = query.where(Article.issue_id == issue_id)
        if status is not None:
            query = query.where(Article.status == status)
    return set(session.scalars(query))


def hit_spans(text: str, words: Sequence[str], tagged: dict[str, TagWord]) -> list[tuple[int, int]]:
    """Where ``text`` says the query's words, a tag's word by any of its names; merged, in order."""
    spans: list[tuple[int, int]] = []
    for word in words:
        tag_word = tagged.get(word)
        for name in tag_word.names if tag_word is not None else (word,):
            spans.extend(search_index.find_hits(text, name))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
