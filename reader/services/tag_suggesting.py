"""Use case: suggest tags for an article; dismissed suggestions; the user dictionary.

Suggestions read what the archivists did before: the library's tags and their
aliases (a tag named in the article ranks first), the suggestions dismissed
for this article (never offered again) and in other articles (they sink), the
library's IDF and its recurring phrases.  Every function takes a Session and
leaves the transaction to the caller.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db import dialect
from db.models import utcnow
from db.tagging_models import ArticleTag, DismissedTagSuggestion, Tag, TagAlias, UserWord
from reader.core import segmenter
from reader.core.script import fold
from reader.core.tag_heads import dictionary_heads
from reader.core.tag_ranker import Ranker, default_ranker
from reader.core.tag_suggestions import DEFAULT_LIMIT, KnownTag, TagSuggestion, suggest
from reader.services.tag_idf import article_contents, library_idf
from reader.services.tag_phrases import phrases_in
from reader.services.tagging import check_article_ids, check_kind, normalise_name

_log = logging.getLogger(__name__)

POS_OF_KIND = {"person": "nr", "place": "ns", "organisation": "nt", "topic": "n", "other": "nz"}


def _bundled_ranker() -> Ranker | None:
    try:
        return default_ranker()
    except (OSError, ValueError, KeyError) as exc:
        _log.warning("tag suggestions ranked by the rules alone: %s", exc)
        return None


def dismiss_suggestion(session: Session, article_id: int, name: str) -> None:
    """Never suggest ``name`` (in any script) for this article again."""
    check_article_ids(session, [article_id])
    session.execute(
        dialect.upsert(session.connection(), DismissedTagSuggestion)
        .values(article_id=article_id, name_key=fold(" ".join(name.split())), dismissed_at=utcnow())
        .on_conflict_do_nothing()
    )


def undismiss_suggestion(session: Session, article_id: int, name: str) -> None:
    """Let ``name`` be suggested for this article again (undo of :func:`dismiss_suggestion`)."""
    session.execute(
        delete(DismissedTagSuggestion).where(
            DismissedTagSuggestion.article_id == article_id,
            DismissedTagSuggestion.name_key == fold(" ".join(name.split())),
        )
    )


def add_user_word(session: Session, word: str, kind: str = "topic") -> None:
    """Add a word to the segmenter's dictionary (kept in the library; jieba knows it at once)."""
    clean = normalise_name(word)
    pos = POS_OF_KIND[check_kind(kind)]
    session.execute(
        dialect.upsert(session.connection(), UserWord)
        .values(word=clean, pos=pos, added_at=utcnow())
        .on_conflict_do_update(index_elements=[UserWord.word], set_={"pos": pos})
    )
    segmenter.add_user_word(clean, pos)


def load_user_words(session: Session) -> None:
    """Teach jieba the library's user words and tag names (cheap when it knows them already)."""
    for word, pos in session.execute(select(UserWord.word, UserWord.pos)):
        segmenter.add_user_word(word, pos)
    for name, kind in session.execute(select(Tag.name, Tag.kind)):
        if len(name) >= 2:
            segmenter.add_user_word(name, POS_OF_KIND.get(kind, "n"))


def known_tags(session: Session) -> list[KnownTag]:
    """Every tag with its folded aliases."""
    aliases: dict[int, list[str]] = defaultdict(list)
    for tag_id, key in session.execute(select(TagAlias.tag_id, TagAlias.alias_key).order_by(TagAlias.id)):
        aliases[tag_id].append(key)
    return [
        KnownTag(t.id, t.name, t.name_key, t.kind, tuple(aliases.get(t.id, ())))
        for t in session.scalars(select(Tag).order_by(Tag.id))
    ]


def rejection_counts(session: Session, exclude_article: int | None = None) -> dict[str, int]:
    """In how many articles (other than ``exclude_article``) each name was dismissed."""
    query = select(DismissedTagSuggestion.name_key, func.count()).group_by(DismissedTagSuggestion.name_key)
    if exclude_article is not None:
        query = query.where(DismissedTagSuggestion.article_id != exclude_article)
    return {key: int(n) for key, n in session.execute(query)}


def suggest_for_article(
    session: Session,
    article_id: int,
    limit: int = DEFAULT_LIMIT,
    ranker: Ranker | None = None,
    *,
    learned: bool = True,
) -> list[TagSuggestion]:
    """Ranked tag suggestions for one article (existing tags first; dismissed ones never), ranked by
    ``ranker`` (the bundled learned ranker by default; by the rules' scores alone when not ``learned``
    or when the bundled model cannot be read, which is logged)."""
    dictionary_heads()  # built once, seconds under load: before the session holds a connection
    if ranker is None and learned:
        ranker = _bundled_ranker()
    check_article_ids(session, [article_id])
    load_user_words(session)
    content = article_contents(session, [article_id])[article_id]
    applied = set(
        session.scalars(
            select(Tag.name_key)
            .join(ArticleTag, ArticleTag.tag_id == Tag.id)
            .where(ArticleTag.article_id == article_id)
        )
    )
    dismissed = set(
        session.scalars(
            select(DismissedTagSuggestion.name_key).where(DismissedTagSuggestion.article_id == article_id)
        )
    )
    return suggest(
        content,
        lambda terms: library_idf(session, terms),
        tags=known_tags(session),
        applied=applied,
        dismissed=dismissed,
        limit=limit,
        phrases=phrases_in(session, fold(content.headings + "\n" + content.body)),
        rejected=rejection_counts(session, article_id),
        ranker=ranker,
    )
