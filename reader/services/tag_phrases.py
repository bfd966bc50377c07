"""Use case: the library's recurring phrases (new-word discovery), which tag suggestions offer.

:func:`discover_phrases` reads the newest articles' text (at most
:data:`MAX_CHARS` characters) and finds the phrases that recur and hold
together (:mod:`reader.core.new_words`); :func:`store_phrases` replaces the
``tag_phrase`` table with them.  The window does both in the background with
the IDF after an import (the counting outside the write lock).
:func:`phrases_in` finds the stored phrases in one article's text.
"""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from db.models import Article, Block
from db.tagging_models import TagPhrase
from reader.core.new_words import Phrase, discover, occurring
from reader.core.script import fold
from reader.services.tag_idf import BODY_ROLES, HEADING_ROLES, INSERT_CHUNK

MAX_CHARS = 1_000_000  # the newest articles' text read for discovery (seconds of counting)
MAX_PHRASES = 20_000
_ROLES = sorted(HEADING_ROLES | BODY_ROLES)

_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, float], frozenset[str]]] = {}


def library_texts(session: Session, max_chars: int = MAX_CHARS) -> list[str]:
    """The folded text of the newest articles, at most ``max_chars`` characters, one string per article."""
    texts: list[str] = []
    total = 0
    ids = list(session.scalars(select(Article.id).order_by(Article.id.desc())))
    for i in range(0, len(ids), INSERT_CHUNK):
        chunk = ids[i : i + INSERT_CHUNK]
        parts: dict[int, list[str]] = {}
        for article_id, text in session.execute(
            select(Block.article_id, Block.text)
            .where(Block.article_id.in_(chunk), Block.role.in_(_ROLES))
            .order_by(Block.article_id, Block.position)
        ):
            parts.setdefault(article_id, []).append(text)
        for article_id in chunk:
            text = fold("\n".join(parts.get(article_id, [])))
            texts.append(text)
            total += len(text)
            if total >= max_chars:
                return texts
    return texts


def discover_phrases(session: Session, max_chars: int = MAX_CHARS) -> list[Phrase]:
    """The library's recurring phrases, best first (reads only: run it outside a write transaction)."""
    return discover(library_texts(session, max_chars))[:MAX_PHRASES]


def store_phrases(session: Session, phrases: list[Phrase]) -> int:
    """Replace the stored phrases (a short write); returns how many were stored."""
    session.execute(delete(TagPhrase))
    rows = [{"phrase": p.text, "count": p.count, "score": p.score} for p in phrases]
    for i in range(0, len(rows), INSERT_CHUNK):
        session.execute(insert(TagPhrase), rows[i : i + INSERT_CHUNK])
    session.flush()
    return len(rows)


def recompute_phrases(session: Session, max_chars: int = MAX_CHARS) -> int:
    """Discover the library's recurring phrases again and store them; returns how many were kept."""
    return store_phrases(session, discover_phrases(session, max_chars))


def library_phrases(session: Session) -> frozenset[str]:
    """The stored phrases (read once per library and recomputation, then kept in memory)."""
    count, total = session.execute(select(func.count(), func.coalesce(func.sum(TagPhrase.score), 0.0))).one()
    stamp = (int(count), float(total))
    bind = session.get_bind()
    url = str(bind.engine.url)
    with _cache_lock:
        cached = _cache.get(url)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    phrases = frozenset(session.scalars(select(TagPhrase.phrase)))
    with _cache_lock:
        _cache[url] = (stamp, phrases)
    return phrases


def phrases_in(session: Session, text: str) -> Counter[str]:
    """The library's phrases occurring in ``text`` (folded), with their counts."""
    return occurring(text, library_phrases(session))
