"""What a converted view or export does beyond OpenCC: names kept as written, the user's phrases.

OpenCC changes proper names (a person called 李群 becomes 李羣) and gets some
phrases wrong for a reader's standard (``并为`` → ``並爲`` where ``並為`` is
wanted).  :class:`ConversionRules` holds the names the library knows (person,
place and organisation tags and the user's list of protected names) and the
user's phrase list, per target script.  :func:`apply` converts a text with
them: each name is kept exactly as written, each phrase becomes its
replacement (a phrase is looked for in the text before conversion and in
OpenCC's result), and the rest goes through OpenCC.

Rules are immutable; compare and hash by identity (a new set of rules is a
new object), so conversions can be cached per rules object.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any of ``words``, longest first (so 李群英 wins over 李群)."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in unique)) if unique else None


class ConversionRules:
    """Names kept through conversion and the user's phrases (``{script value: {phrase: replacement}}``)."""

    __slots__ = ("_keep_pattern", "_phrase_patterns", "keep", "phrases")

    def __init__(
        self, keep: Iterable[str] = (), phrases: Mapping[str, Mapping[str, str]] | None = None
    ) -> None:
        self.keep = frozenset(k for k in keep if k)
        self.phrases = {s: dict(p) for s, p in (phrases or {}).items() if p}
        self._keep_pattern = _alternation(self.keep)
        self._phrase_patterns = {s: _alternation(p) for s, p in self.phrases.items()}

    def __bool__(self) -> bool:
        return bool(self.keep) or bool(self.phrases)

    def __repr__(self) -> str:
        return f"ConversionRules({len(self.keep)} names, {sum(map(len, self.phrases.values()))} phrases)"

    def __getstate__(self) -> tuple[frozenset[str], dict[str, dict[str, str]]]:
        return self.keep, self.phrases

    def __setstate__(self, state: tuple[frozenset[str], dict[str, dict[str, str]]]) -> None:
        keep, phrases = state
        self.__init__(keep, phrases)  # type: ignore[misc]

    def apply(self, text: str, script: str, opencc: Callable[[str], str]) -> str:
        """``text`` converted by ``opencc`` (to ``script``), names kept and phrases replaced."""
        phrases = self.phrases.get(script, {})
        phrase_pattern = self._phrase_patterns.get(script)
        out: list[str] = []
        for piece, is_name in _split(text, self._keep_pattern):
            if is_name:
                out.append(piece)
                continue
            for part, is_phrase in _split(piece, phrase_pattern):
                if is_phrase:
                    out.append(phrases[part])
                    continue
                converted = opencc(part)
                if phrase_pattern is not None:
                    converted = phrase_pattern.sub(lambda m: phrases[m.group(0)], converted)
                out.append(converted)
        return "".join(out)


def _split(text: str, pattern: re.Pattern[str] | None) -> Iterable[tuple[str, bool]]:
    """``text`` in pieces: ``(piece, True)`` for each match of ``pattern``, ``(piece, False)`` between."""
    if pattern is None:
        yield text, False
        return
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            yield text[last : match.start()], False
        yield match.group(0), True
        last = match.end()
    if last < len(text):
        yield text[last:], False


NO_RULES = ConversionRules()
