"""Artefact rules: each finds one kind of OCR or editing artefact in a block's text.

A rule has a ``name``, ``safe`` (autofix may apply it without review), an
``explanation`` and ``find(text, *, role)`` returning ``Suggestion``\\ s.
``run_rules`` runs several over one block.  Nothing here touches the database.
"""

from reader.core.rules.base import HEADING_ROLES, Rule, Suggestion
from reader.core.rules.halfwidth import HalfwidthPunctuation
from reader.core.rules.punctuation import DoubledPunctuation, UnbalancedBrackets, UnclosedParagraph
from reader.core.rules.runner import (
    BUILTIN_NAMES,
    BUILTIN_RULES,
    SAFE_RULES,
    apply_suggestions,
    builtin_rule,
    deoverlap,
    find_all,
    run_rules,
)
from reader.core.rules.user import SCOPES, RuleError, UserRule
from reader.core.rules.words import CjkSpace, LatinWord, LayoutWord

__all__ = [
    "BUILTIN_NAMES",
    "BUILTIN_RULES",
    "HEADING_ROLES",
    "SAFE_RULES",
    "SCOPES",
    "CjkSpace",
    "DoubledPunctuation",
    "HalfwidthPunctuation",
    "LatinWord",
    "LayoutWord",
    "Rule",
    "RuleError",
    "Suggestion",
    "UnbalancedBrackets",
    "UnclosedParagraph",
    "UserRule",
    "apply_suggestions",
    "builtin_rule",
    "deoverlap",
    "find_all",
    "run_rules",
]
