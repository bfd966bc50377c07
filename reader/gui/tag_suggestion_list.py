"""Keeping a suggestion list stable while an article is shown (Alt+n always means the same row)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.script import fold

if TYPE_CHECKING:
    from reader.core.tag_suggestions import TagSuggestion


def stable_merge(
    shown: list[TagSuggestion], fresh: list[TagSuggestion], done: dict[str, str]
) -> tuple[list[TagSuggestion], dict[str, str]]:
    """The rows to list after a recomputation, and which of them are done.

    Rows already shown keep their place, name and kind; one missing from the
    fresh list is done (accepted unless dismissed), one back in it (an undo)
    is open again; new suggestions come after the others.
    """
    fresh_keys = {fold(s.name) for s in fresh}
    rows = list(shown)
    marks: dict[str, str] = {}
    for s in shown:
        key = fold(s.name)
        if key not in fresh_keys:
            marks[key] = done.get(key, "accepted")
    known = {fold(s.name) for s in shown}
    rows.extend(s for s in fresh if fold(s.name) not in known)
    return rows, marks
