"""Where a name starts and what an article is about: two checks of the article's own evidence
(tag suggestions, round 6).

* **A start cut by the tokenizer.**  jieba sometimes reads the first character of a name as a
  word of its own (竖 + 新镇, 日 + 月光 + 中心), and the suffix finder then offers the tail (新镇,
  月光中心): a fragment.  A name by its suffix whose every occurrence follows the same
  one-character word, not a particle, preposition, pronoun or adverb, goes on to the left over it
  (zero left boundary entropy, as :mod:`reader.core.tag_repeats` reads new words); a verb, or a
  common noun of one character (名单报 + 柘林镇…办公室, 产权方 + 上海…有限公司: round 12), counts
  only when the article shows it twice (到新镇 once is a verb and a place).
* **The subject in the title.**  A run of two or three nouns the title names and the body names
  again is what the article is about, even when it starts with a generic word (企业开放日,
  社区运动会) or is a short event name (柑橘节), which the other finders leave out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, EVENT_SUFFIXES, Found, kind_by_suffix, occurrences
from reader.core.tag_word_edges import counted

_FUNCTION_POS = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "d", "r", "rr", "rz", "y", "e", "o", "f", "q", "x"}
)
_GOING = frozenset("进入到下赴去在")
_NAMES = frozenset({"place", "organisation"})
_RUN_POS = frozenset({"n", "nz", "vn", "l", "ng"})  # not names: places and bodies are tags of their own
_NOUN_POS = frozenset({"n", "nz", "ng", "l"})  # a noun that would go on with the run (开赛 does not)
_SUFFIX_POS = frozenset({"n", "ng", "t", "zg"})  # a one-character event suffix (节, 日, 周) as jieba reads it
MIN_SUBJECT = 3
MAX_SUBJECT = 8
_TERM = 4  # a word this long is a complete term
MAX_CLOSED = 2  # one-character words a name goes on over, to the left
COMMON_CHARACTER = 5000  # dictionary frequency: a common noun of one character (报, 方), not 鑫 or 金


def closed_left(found: Sequence[Found], tokens: Sequence[Token], original: str, text: str) -> list[Found]:
    """Names by their suffix extended over the one-character words always before them (at most
    :data:`MAX_CLOSED`: 鑫 + 晟 + 光电科技有限公司, two characters the tokenizer left alone)."""
    ends = {t.end: t for t in tokens}
    out: list[Found] = []
    for f in found:
        start = f.positions[0] if f.positions and f.reason == "suffix" and f.kind in _NAMES else None
        taken = 0
        while start is not None and taken < MAX_CLOSED:
            first = ends.get(start)
            if first is None or not _closing(first, f, ends, taken):
                break
            shift = f.positions[0] - first.start
            if any((b := ends.get(p - shift + 1)) is None or b.word != first.word for p in f.positions):
                break  # not the same word before every occurrence
            start, taken = first.start, taken + 1
        if not taken or start is None:
            out.append(f)
            continue
        key = text[start : f.positions[0] + len(f.key)]
        out.append(
            Found(key, original[start : start + len(key)], f.kind, f.reason, f.detail, occurrences(text, key))
        )
    return out


def _closing(first: Token, f: Found, ends: Mapping[int, Token], taken: int) -> bool:
    """Whether the one-character word ``first`` before a name (or before the words already taken) is
    the name's: no particle, pronoun, verb of going, measure word or suffix said alone; a verb only
    when the article shows the name twice, and only right before it."""
    return (
        len(first.word) == 1
        and bool(CJK.match(first.word))
        and first.pos not in _FUNCTION_POS
        and first.word not in _GOING
        and not counted(ends, first)  # 7 + 个 + 技能大师工作室: a measure word starts no name
        and not (first.pos.startswith("v") and (len(f.positions) < 2 or taken > 0))
        and not (len(f.positions) < 2 and _common_noun(first.word))
        and not _suffix_word(first)
    )


def _common_noun(char: str) -> bool:
    """True for a one-character word the dictionary knows well as a common noun (报, 方)."""
    return segmenter.dictionary_pos(char) == "n" and segmenter.dictionary_frequency(char) >= COMMON_CHARACTER


def _suffix_word(char: Token) -> bool:
    """True for a one-character suffix said alone (由镇社区服务中心: the town's): no name's start."""
    return kind_by_suffix("名" + char.word) is not None


def title_subjects(
    tokens: Sequence[Token], original: str, text: str, heading_end: int, generic: Collection[str]
) -> list[Found]:
    """Runs of two or three nouns of the title that the body names again (see the module docstring)."""
    title = [t for t in tokens if t.end <= heading_end]
    out: dict[str, Found] = {}
    for i in range(len(title)):
        for n in (2, 3):
            run = title[i : i + n]
            if len(run) < n or not all(CJK.match(t.word) for t in run):
                continue
            last = run[-1]
            event = len(last.word) == 1 and last.word in EVENT_SUFFIXES and last.pos in _SUFFIX_POS
            if not event and (last.pos not in _RUN_POS or len(last.word) < 2 or last.word in generic):
                continue
            if any(t.pos not in _RUN_POS or len(t.word) < 2 for t in run[:-1]):
                continue
            after = title[i + n] if i + n < len(title) else None
            if run[0].pos == "vn" or (
                after is not None and after.pos in _NOUN_POS and after.start == last.end
            ):
                continue  # a verb first (体验 + 农家), or a run cut inside a longer one (社区 + 长者 + 食堂)
            if run[0].word in generic and n > 2:
                continue  # a generic word qualifies one word (企业 + 开放日), not a phrase
            terms = [t for t in run if t.word not in generic]
            if len(terms) > 1 and any(len(t.word) >= _TERM for t in terms):
                continue  # complete terms in a row (餐饮行业 + 用气安全) are two subjects, not one
            key = "".join(t.word for t in run)
            if not MIN_SUBJECT <= len(key) <= MAX_SUBJECT or key in out:
                continue
            positions = occurrences(text, key)
            if not any(p >= heading_end for p in positions):
                continue  # the body does not name it again
            start = run[0].start
            kind = "topic" if event else kind_by_suffix(key) or "topic"
            out[key] = Found(key, original[start : start + len(key)], kind, "phrase", "title", positions)
    return list(out.values())
