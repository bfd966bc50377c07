"""Running rules over a block: every suggestion, sorted, with conflicting edits removed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.rules.base import Rule, Suggestion
from reader.core.rules.halfwidth import HalfwidthPunctuation
from reader.core.rules.punctuation import DoubledPunctuation, UnbalancedBrackets, UnclosedParagraph
from reader.core.rules.words import CjkSpace, LatinWord, LayoutWord

BUILTIN_RULES: tuple[Rule, ...] = (
    HalfwidthPunctuation(),
    CjkSpace(),
    LatinWord(),
    LayoutWord(),
    DoubledPunctuation(),
    UnbalancedBrackets(),
    UnclosedParagraph(),
)
SAFE_RULES: tuple[Rule, ...] = tuple(rule for rule in BUILTIN_RULES if rule.safe)
BUILTIN_NAMES = frozenset(rule.name for rule in BUILTIN_RULES)


def builtin_rule(name: str) -> Rule | None:
    """The built-in rule of that name, if there is one."""
    return next((rule for rule in BUILTIN_RULES if rule.name == name), None)


def _key(s: Suggestion) -> tuple[int, int, str]:
    return (s.start, s.end, s.rule)


def find_all(text: str, role: str, rules: Iterable[Rule]) -> list[Suggestion]:
    """Every suggestion of every rule, overlapping ones included, sorted by position."""
    found = [s for rule in rules for s in rule.find(text, role=role)]
    found.sort(key=_key)
    return found


def deoverlap(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """Keep edits that can all be applied together, and one flag per span.

    Of overlapping edits the one starting first wins, then the longer one
    (``,,`` → ``，`` beats two single-mark fixes), then the rule listed first
    by name.  Flags (no replacement) never block edits: a flag and an edit may
    cover the same text (``unclosed_paragraph`` on a trailing ``,``).
    """
    ordered = sorted(suggestions, key=lambda s: (s.start, -(s.end - s.start), s.rule))
    kept: list[Suggestion] = []
    flagged: set[tuple[int, int]] = set()
    edit_end = -1
    insertions: set[int] = set()
    for s in ordered:
        if s.replacement is None:
            if (s.start, s.end) not in flagged:
                flagged.add((s.start, s.end))
                kept.append(s)
            continue
        if s.start < edit_end or (s.start == s.end and s.start in insertions):
            continue
        if s.start == s.end:
            insertions.add(s.start)
        edit_end = max(edit_end, s.end)
        kept.append(s)
    kept.sort(key=_key)
    return kept


def run_rules(text: str, role: str = "paragraph", rules: Iterable[Rule] = BUILTIN_RULES) -> list[Suggestion]:
    """The suggestions for one block: every rule's, sorted, edits non-overlapping."""
    return deoverlap(find_all(text, role, rules))


def apply_suggestions(text: str, suggestions: Iterable[Suggestion]) -> str:
    """``text`` with every edit applied (they must not overlap; flags are ignored)."""
    edits = sorted((s for s in suggestions if s.replacement is not None), key=_key, reverse=True)
    for s in edits:
        assert s.replacement is not None
        text = text[: s.start] + s.replacement + text[s.end :]
    return text
