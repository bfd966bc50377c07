"""The import's second duplicate check: an issue whose text differs only by white space at its end.

The first check looks the whole text's hash up (``Issue.sha256``).  When it
finds nothing, this one looks for an issue whose text is the new one's core
(``reader.core.text_core``) followed by nothing but white space: the issues
with between ``core.chars`` and ``core.chars + TAIL_LIMIT`` characters, whose
characters from ``core.chars - 1`` on (read in one query, a few characters
each) are one visible character and then white space only; the first of
them whose first ``core.chars`` characters hash to ``core.sha256`` is the
same issue.  It reads what every library already stores (the verbatim
original and its length), so libraries imported before need no migration.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.original_text import read_window
from reader.core.text_core import TextCore

TAIL_LIMIT = 4096
"""The most trailing white space (characters) by which two texts of the same issue may differ."""

_TAILS = text(
    "SELECT i.id, i.char_count, t.text_start, "
    "substr(t.text, CAST(CASE WHEN t.text_start < :n THEN :n - t.text_start ELSE 1 END AS INTEGER)) "
    "FROM issue AS i JOIN (SELECT issue_id, start AS text_start, stop, text FROM issue_text) AS t "
    "ON t.issue_id = i.id AND t.stop >= :n "
    "WHERE i.char_count >= :n AND i.char_count <= :high ORDER BY i.id, t.text_start"
)


def same_text_issue(session: Session, core: TextCore) -> int | None:
    """The id of an issue whose text is ``core``'s followed by white space only (or None)."""
    if core.chars < 1:
        return None
    tails: dict[int, list[str]] = defaultdict(list)
    sizes: dict[int, int] = {}
    for issue_id, char_count, _start, fragment in session.execute(
        _TAILS, {"n": core.chars, "high": core.chars + TAIL_LIMIT}
    ):
        tails[issue_id].append(fragment)
        sizes[issue_id] = char_count
    for issue_id, fragments in tails.items():
        tail = "".join(fragments)  # characters core.chars - 1 to the end
        if len(tail) != sizes[issue_id] - core.chars + 1 or tail[0].isspace() or tail[1:].strip():
            continue
        window = read_window(session, issue_id, 0, core.chars)
        if hashlib.sha256(window.text.encode("utf-8")).hexdigest() == core.sha256:
            return int(issue_id)
    return None


__all__ = ["TAIL_LIMIT", "same_text_issue"]
