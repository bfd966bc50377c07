"""A suggestion list kept stable while an article is shown (Alt+n always means the same row), and
the reason each suggestion is offered, as the interface says it."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from reader.core.script import fold
from reader.gui.i18n import Context

TagSuggestions = Context("TagSuggestions")

if TYPE_CHECKING:
    from reader.core.tag_suggestions import TagSuggestion


def stable_merge(
    shown: list[TagSuggestion],
    fresh: list[TagSuggestion],
    done: dict[str, str],
    on_article: Collection[str] = (),
) -> tuple[list[TagSuggestion], dict[str, str]]:
    """The rows to list after a recomputation, and which of them are done.

    Rows already shown keep their place, name and kind; one missing from the
    fresh list is done: dismissed if it was, accepted if the article has a tag
    of that name (folded names in ``on_article``), else "withdrawn" (a tag
    added since covers it, say); one back in it (an undo) is open again; new
    suggestions come after the others.
    """
    fresh_keys = {fold(s.name) for s in fresh}
    rows = list(shown)
    marks: dict[str, str] = {}
    for s in shown:
        key = fold(s.name)
        if key not in fresh_keys:
            marks[key] = done.get(key) or ("accepted" if key in on_article else "withdrawn")
    known = {fold(s.name) for s in shown}
    rows.extend(s for s in fresh if fold(s.name) not in known)
    return rows, marks


def reason_text(suggestion: TagSuggestion, convert: Callable[[str], str] = str) -> str:
    """Why a suggestion is offered, in the interface's language (its detail filled in)."""
    detail = convert(suggestion.detail)
    reasons = {
        "existing tag": TagSuggestions.tr("a tag of the library named in the article"),
        "alias": TagSuggestions.tr("a tag of the library, named in the article as “%1”"),
        "byline": TagSuggestions.tr("named in the byline"),
        "source": TagSuggestions.tr("the article's source"),
        "role": TagSuggestions.tr("a person named after “%1”"),
        "suffix": TagSuggestions.tr("a name ending in “%1”"),
        "quoted": TagSuggestions.tr("set in quotation marks in the article"),
        "book title": TagSuggestions.tr("set in book-title marks in the article"),
        "person": TagSuggestions.tr("a person named in the article"),
        "place": TagSuggestions.tr("a place named in the article"),
        "organisation": TagSuggestions.tr("an organisation named in the article"),
        "keyword": TagSuggestions.tr("a keyword of the article"),
    }
    if suggestion.reason == "phrase":
        if suggestion.detail == "library":
            return TagSuggestions.tr("a phrase that recurs across the library")
        return TagSuggestions.tr("a phrase that recurs in the article")
    if suggestion.reason == "existing tag" and detail and fold(detail) != fold(suggestion.name):
        return TagSuggestions.tr("a tag of the library, named in the article as “%1”").replace("%1", detail)
    return reasons.get(suggestion.reason, suggestion.reason).replace("%1", detail)
