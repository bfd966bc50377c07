"""Names with Latin letters or digits in them, kept whole (tag suggestions, round 6).

Papers write programme and product names with Latin letters inside (AI读片, 5G移动法庭, 河西CBD,
童心Day, Citywalk).  jieba cuts them into a Latin run (``eng``) and Chinese words, and no finder
of Chinese words reads the run, so the Chinese word beside it is offered alone (读片, a fragment)
and the name is lost.  The article shows which is meant, by boundary entropy as new words are
found elsewhere (:mod:`reader.core.tag_repeats`):

* a run of letters (and digits, with at least one letter) glued to the same noun at every one of
  two or more occurrences is one name with it (AI读片 … AI读片: the run and the noun, whichever side);
* a run whose neighbours vary (Citywalk游客, Citywalk带火) is a name of its own when the article
  names it twice or in its title;
* a run in the title goes on over the words the title writes after it when the body writes that
  whole name again (5G智慧工厂, round 7), whatever else the run is glued to elsewhere;
* a single occurrence names nothing (a CT影像 in passing).

Everything here is pure: it reads the folded text, the original and jieba's tokens.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, kind_by_suffix, occurrences

MIN_RUN = 2  # letters and digits: 5g, ai, cbd (a single letter names nothing)
MIN_COUNT = 2
MAX_MORE_WORDS = 2
_RUN = re.compile(r"(?<![a-z0-9])[a-z0-9](?:[a-z0-9+-]*[a-z0-9])?(?![a-z0-9])")
_LETTER = re.compile(r"[a-z]")
_NOUNS = frozenset({"n", "nz", "vn", "l", "nt", "ns", "j"})
_TITLE_WORDS = _NOUNS | {"nr", "nrt", "nrfg", "b", "ng"}  # 5g + 智慧 (read as a name) + 工厂


def _noun(tok: Token | None, generic: Collection[str]) -> bool:
    return (
        tok is not None
        and tok.pos in _NOUNS
        and len(tok.word) >= 2
        and bool(CJK.match(tok.word))
        and tok.word not in generic
    )


def _closed_right(
    text: str, starts: Mapping[int, Token], positions: Sequence[int], length: int, generic: Collection[str]
) -> int:
    """The length of a glued name, extended over the nouns that follow it at every occurrence
    (5g + 移动 + 法庭 when 法庭 always follows): zero right boundary entropy means it goes on."""
    for _ in range(MAX_MORE_WORDS):
        following = [starts.get(p + length) for p in positions]
        nxt = following[0]
        if nxt is None or not _noun(nxt, generic) or any(t is None or t.word != nxt.word for t in following):
            break
        length += len(nxt.word)
    return length


def _title_form(
    text: str, starts: Mapping[int, Token], start: int, length: int, heading_end: int
) -> list[tuple[int, int]]:
    """The title's name holding the run at ``start``: the run and the words after it (one or two,
    no verb or particle) as the title writes them, when the body writes that same name again (5G智慧工厂
    in the title and once in the body, while 5G alone goes with 网络 and 专网 elsewhere)."""
    end, found = start + length, []
    for _ in range(MAX_MORE_WORDS):
        nxt = starts.get(end)
        if nxt is None or nxt.pos not in _TITLE_WORDS or not CJK.match(nxt.word) or nxt.end > heading_end:
            break
        end = nxt.end
        if any(p >= heading_end for p in occurrences(text, text[start:end])):
            found = [(start, end)]
    return found


def lettered(
    tokens: Sequence[Token], original: str, text: str, heading_end: int, generic: Collection[str]
) -> list[Found]:
    """Names holding a run of Latin letters, whole (see the module docstring)."""
    starts: Mapping[int, Token] = {t.start: t for t in tokens}
    ends: Mapping[int, Token] = {t.end: t for t in tokens}
    runs: dict[str, list[int]] = {}
    for match in _RUN.finditer(text):
        run = match.group()
        if len(run) >= MIN_RUN and _LETTER.search(run):
            runs.setdefault(run, []).append(match.start())
    out: dict[str, Found] = {}
    for run, at in runs.items():
        forms: dict[tuple[int, int], list[int]] = {}  # (characters before, after) -> where
        for p in at:
            after, before = starts.get(p + len(run)), ends.get(p)
            if _noun(after, generic):
                assert after is not None
                forms.setdefault((0, len(after.word)), []).append(p)
            if _noun(before, generic):
                assert before is not None
                forms.setdefault((len(before.word), 0), []).append(p)
        spans: list[tuple[int, int]] = []
        for (left, right), where in forms.items():
            glued = [p for p in where if text[p - left : p] == text[where[0] - left : where[0]]]
            glued = [
                p
                for p in glued
                if text[p : p + len(run) + right] == text[where[0] : where[0] + len(run) + right]
            ]
            if len(glued) >= MIN_COUNT:
                starts_at = [p - left for p in glued]
                length = _closed_right(text, starts, starts_at, left + len(run) + right, generic)
                spans.append((starts_at[0], starts_at[0] + length))
        if not spans and at[0] < heading_end:
            spans.extend(_title_form(text, starts, at[0], len(run), heading_end))
        if not spans and (len(at) >= MIN_COUNT or at[0] < heading_end):
            spans.append((at[0], at[0] + len(run)))  # citywalk: its neighbours vary
        for start, end in spans:
            key = text[start:end]
            if key in out or key in generic:
                continue
            positions = occurrences(text, key)
            out[key] = Found(
                key, original[start:end], kind_by_suffix(key) or "topic", "phrase", "letters", positions
            )
    return list(out.values())
