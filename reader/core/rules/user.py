"""Rules the user writes: a literal text or a regular expression, and what to put instead."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.errors import JiaokanError
from reader.core.rules.base import HEADING_ROLES, Suggestion

SCOPES: dict[str, frozenset[str] | None] = {
    "all": None,
    "paragraph": frozenset({"paragraph"}),
    "heading": HEADING_ROLES,
    "caption": frozenset({"caption"}),
}
"""Which block roles a user rule looks at (None: every role)."""

MAX_PATTERN = 1000
_TEMPLATE_ESCAPE = re.compile(r"\\(?:g<([^>]*)>|([0-9]+)|(.)|$)", re.DOTALL)
_ALLOWED_ESCAPES = set("\\abfnrtv")


class RuleError(JiaokanError):
    """A user rule that cannot be used, with the reason."""


@dataclass(frozen=True, slots=True)
class UserRule:
    """A user-defined rule, compiled and checked when created (raises RuleError).

    ``replacement`` None flags matches only; for a regex it may use ``\\1`` and
    ``\\g<name>``; a literal rule replaces literally.
    """

    name: str
    pattern: str
    replacement: str | None
    is_regex: bool = False
    scope: str = "all"
    safe: bool = field(default=False, init=False)
    _compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.name.strip() or self.name != self.name.strip() or len(self.name) > 100:
            raise RuleError(f"a rule name must be 1 to 100 characters without outer spaces: {self.name!r}")
        if self.scope not in SCOPES:
            choices = ", ".join(SCOPES)
            raise RuleError(f"rule {self.name!r}: scope must be one of {choices}, not {self.scope!r}")
        if not self.pattern:
            raise RuleError(f"rule {self.name!r}: the pattern is empty")
        if len(self.pattern) > MAX_PATTERN:
            raise RuleError(f"rule {self.name!r}: the pattern is longer than {MAX_PATTERN} characters")
        object.__setattr__(self, "_compiled", self._compile())

    def _compile(self) -> re.Pattern[str]:
        if not self.is_regex:
            return re.compile(re.escape(self.pattern))
        try:
            compiled = re.compile(self.pattern)
        except re.error as error:
            raise RuleError(f"rule {self.name!r}: invalid regular expression: {error}") from None
        if compiled.search("") is not None:
            raise RuleError(f"rule {self.name!r}: the pattern matches empty text")
        if self.replacement is not None:
            _check_template(self.name, self.replacement, compiled)
        return compiled

    @property
    def explanation(self) -> str:
        """What the rule does, for the user."""
        if self.replacement is None:
            return f"user rule {self.name}: {self.pattern}"
        return f"user rule {self.name}: {self.pattern} → {self.replacement}"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """Every non-empty match in a block of a role in scope (no-op replacements skipped)."""
        roles = SCOPES[self.scope]
        if roles is not None and role not in roles:
            return []
        found: list[Suggestion] = []
        for m in self._compiled.finditer(text):
            if m.end() == m.start():
                continue
            replacement = self.replacement
            if replacement is not None and self.is_regex:
                replacement = m.expand(replacement)
            if replacement != m.group():
                found.append(
                    Suggestion(self.name, m.start(), m.end(), m.group(), replacement, self.explanation)
                )
        return found


def _check_template(name: str, template: str, compiled: re.Pattern[str]) -> None:
    """Raise RuleError for a replacement that refers to groups the pattern lacks, or bad escapes."""
    for m in _TEMPLATE_ESCAPE.finditer(template):
        group, number, other = m.groups()
        ref = group if group is not None else number
        if ref is not None:
            ok = (ref.isdigit() and int(ref) <= compiled.groups) or ref in compiled.groupindex
            if not ok:
                raise RuleError(f"rule {name!r}: the replacement refers to a missing group {ref!r}")
        elif other is None:
            raise RuleError(f"rule {name!r}: the replacement ends with a lone backslash")
        elif other.isascii() and other.isalpha() and other not in _ALLOWED_ESCAPES:
            raise RuleError(f"rule {name!r}: bad escape in the replacement: \\{other}")
