"""An issue's verbatim original text, stored in consecutive pieces (:class:`db.models.IssueText`).

A piece holds at most :data:`PIECE_CHARS` characters, so a 200 MB issue is
written while it is decoded and an article of it is read without loading the
rest.  Readers ask for a window (the characters an article's spans need) or,
where the whole text is wanted (the lossless JSON export), for all of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.dialect import driver_sql
from db.models import IssueText

PIECE_CHARS = 1 << 18
"""Characters per stored piece of original text (the last piece of an issue may be shorter)."""

_INSERT = "INSERT INTO issue_text (issue_id, start, stop, text) VALUES (?, ?, ?, ?)"


def text_pieces(text: str, start: int = 0, size: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """``text`` (at offset ``start`` of the whole) cut into ``(offset, piece)`` of ``size`` characters."""
    for at in range(0, len(text), size):
        yield start + at, text[at : at + size]


def write_text(connection: Connection, issue_id: int, text: str, start: int = 0) -> int:
    """Store ``text`` as the characters of issue ``issue_id`` from ``start`` on; returns the offset after it.

    Runs inside the caller's transaction.  A long issue is written by calling
    this once per decoded piece, each ``start`` the previous call's result.
    """
    rows = [(issue_id, at, at + len(piece), piece) for at, piece in text_pieces(text, start)]
    if rows:
        connection.exec_driver_sql(driver_sql(connection, _INSERT), rows)
    return start + len(text)


@dataclass(frozen=True, slots=True)
class TextWindow:
    """Characters ``start`` to ``start + len(text)`` of an issue's original text."""

    start: int
    text: str

    def slice(self, start: int, end: int) -> str:
        """Characters ``start`` to ``end`` of the whole text; they must lie inside the window."""
        if start < self.start or end > self.start + len(self.text):
            stop = self.start + len(self.text)
            raise ValueError(f"span {start}-{end} is outside the window {self.start}-{stop}")
        return self.text[start - self.start : end - self.start]

    def of(self, pieces: Iterable[Sequence[int]]) -> str:
        """The original of a block: its spans of the whole text, joined."""
        return "".join(self.slice(start, end) for start, end in pieces)


def read_window(session: Session, issue_id: int, start: int = 0, end: int | None = None) -> TextWindow:
    """The characters of issue ``issue_id`` from ``start`` to ``end`` (the end of the text when None)."""
    query = select(IssueText.start, IssueText.text)
    query = query.where(IssueText.issue_id == issue_id, IssueText.stop > start)
    if end is not None:
        query = query.where(IssueText.start < end)
    rows = session.execute(query.order_by(IssueText.start)).all()
    if not rows:
        return TextWindow(start, "")
    first = rows[0].start
    joined = "".join(row.text for row in rows)
    stop = first + len(joined) if end is None else min(end, first + len(joined))
    begin = max(start, first)
    return TextWindow(begin, joined[begin - first : stop - first])


def window_for(session: Session, issue_id: int, spans: Iterable[Sequence[int]]) -> TextWindow:
    """The smallest window holding every span (e.g. all the pieces of an article's blocks)."""
    spans = list(spans)
    if not spans:
        return TextWindow(0, "")
    return read_window(session, issue_id, min(s[0] for s in spans), max(s[1] for s in spans))


def read_text(session: Session, issue_id: int) -> str:
    """An issue's whole original text."""
    return read_window(session, issue_id).text


def read_texts(session: Session, issue_ids: Iterable[int]) -> dict[int, str]:
    """The whole original texts of several issues, by issue id (issues without text map to "")."""
    ids = set(issue_ids)
    parts: dict[int, list[str]] = {issue_id: [] for issue_id in ids}
    query = (
        select(IssueText.issue_id, IssueText.text)
        .where(IssueText.issue_id.in_(ids))
        .order_by(IssueText.issue_id, IssueText.start)
    )
    for issue_id, text in session.execute(query):
        parts[issue_id].append(text)
    return {issue_id: "".join(texts) for issue_id, texts in parts.items()}


__all__ = [
    "PIECE_CHARS",
    "TextWindow",
    "read_text",
    "read_texts",
    "read_window",
    "text_pieces",
    "window_for",
    "write_text",
]
