"""Use case: presence, soft claims on the articles being edited, and who the user is.

Opening an article for editing takes a claim (who, from which window, since
when); the window renews it while the editor stays open, and it lapses
:data:`CLAIM_SECONDS` after the last renewal (a crashed window blocks nobody
for long; one of this host blocks nobody at all, once its process is gone:
:mod:`reader.core.processes`).  A claim never stops anyone: others still read, and may edit after
being asked (:func:`claim` tells the caller who holds it; :func:`claim` with
``take_over`` takes it anyway).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db import dialect
from db.engine import Library
from db.models import utcnow
from db.team_models import ArticleClaim
from reader.core.processes import running

CLAIM_SECONDS = 300
"""How long a claim lasts without renewal."""


@dataclass(frozen=True, slots=True)
class Claim:
    """Someone's live claim on an article."""

    article_id: int
    holder: str
    client: str
    claimed_at: datetime
    expires_at: datetime


def account_name(library: Library) -> str:
    """Who the user is by default: the PostgreSQL role of a team library, else the login name."""
    role = library.engine.url.username if dialect.is_postgres(library.engine) else None
    if role:
        return role
    try:
        return getpass.getuser() or "editor"
    except (KeyError, OSError):
        return "editor"


def _claim_of(row: ArticleClaim) -> Claim:
    return Claim(row.article_id, row.holder, row.client, row.claimed_at, row.expires_at)


def claim(
    session: Session,
    article_id: int,
    *,
    holder: str,
    client: str,
    take_over: bool = False,
    now: datetime | None = None,
) -> Claim | None:
    """Take or renew this client's claim on an article; None when taken.

    When another client holds a live claim and ``take_over`` is false, nothing
    changes and that claim is returned, so the caller can ask first.
    """
    now = now or utcnow()
    row = session.get(ArticleClaim, article_id, with_for_update=dialect.is_postgres(session.connection()))
    if row is not None and row.client != client and _live(row, now) and not take_over:
        return _claim_of(row)
    expires = now + timedelta(seconds=CLAIM_SECONDS)
    if row is None:
        session.add(
            ArticleClaim(
                article_id=article_id, holder=holder, client=client, claimed_at=now, expires_at=expires
            )
        )
    else:
        if row.client != client or row.expires_at <= now:
            row.claimed_at = now
        row.holder, row.client, row.expires_at = holder, client, expires
    session.flush()
    return None


def release(session: Session, client: str, article_id: int | None = None) -> None:
    """Drop this client's claim on an article (every claim of it when ``article_id`` is None)."""
    statement = delete(ArticleClaim).where(ArticleClaim.client == client)
    if article_id is not None:
        statement = statement.where(ArticleClaim.article_id == article_id)
    session.execute(statement)


def active_claims(session: Session, *, now: datetime | None = None) -> dict[int, Claim]:
    """Every live claim, by article id."""
    rows = session.scalars(select(ArticleClaim).where(ArticleClaim.expires_at > (now or utcnow())))
    return {row.article_id: _claim_of(row) for row in rows if running(row.client)}


def _live(row: ArticleClaim, now: datetime) -> bool:
    """A claim not lapsed, of a window that still runs (a crashed window's claim blocks nobody)."""
    return row.expires_at > now and running(row.client)
