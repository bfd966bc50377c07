"""Chinese script conversion (OpenCC) and a script-insensitive character fold.

``opencc`` is imported lazily, inside the functions that need it, so that the
GUI does not pay for it before its first paint.
"""

from __future__ import annotations

import codecs
import threading
from collections.abc import Callable, Iterable
from enum import StrEnum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.conversion_rules import ConversionRules


class Script(StrEnum):
    """The script text is shown in; the values are the CLI's ``--script`` choices."""

    ORIGINAL = "original"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "tw"
    HONGKONG = "hk"


# opencc-python-reimplemented takes the config name without ".json".
_CONFIGS: dict[Script, str] = {
    Script.SIMPLIFIED: "t2s",
    Script.TRADITIONAL: "s2t",
    Script.TAIWAN: "s2tw",
    Script.HONGKONG: "s2hk",
}

_CACHED_MAX_LEN = 512  # titles, bylines, short paragraphs: worth memoising
_converters: dict[Script, Any] = {}
_converters_lock = threading.Lock()


def _converter(script: Script) -> Any:
    """The OpenCC converter for ``script``, created once (thread-safe)."""
    conv = _converters.get(script)
    if conv is None:
        with _converters_lock:
            conv = _converters.get(script)
            if conv is None:
                import opencc

                # The constructor loads every dictionary, so convert() only reads.
                conv = opencc.OpenCC(_CONFIGS[script])
                _converters[script] = conv
    return conv


@lru_cache(maxsize=4096)
def _convert_cached(script: Script, text: str) -> str:
    return str(_converter(script).convert(text))


_active_rules: ConversionRules | None = None


def set_active_rules(rules: ConversionRules | None) -> None:
    """The rules :func:`convert` uses when given none (the open library's names and phrases)."""
    global _active_rules
    _active_rules = rules if rules else None


def active_rules() -> ConversionRules | None:
    """The rules set by :func:`set_active_rules` (None: plain OpenCC)."""
    return _active_rules


def _opencc(script: Script, text: str) -> str:
    if len(text) <= _CACHED_MAX_LEN:
        return _convert_cached(script, text)
    return str(_converter(script).convert(text))


@lru_cache(maxsize=4096)
def _convert_with_rules_cached(script: Script, text: str, rules: ConversionRules) -> str:
    return rules.apply(text, script.value, lambda part: _opencc(script, part))


def convert(text: str, script: Script, rules: ConversionRules | None = None) -> str:
    """``text`` in ``script``; ``Script.ORIGINAL`` returns it unchanged.

    ``rules`` (by default the active rules, :func:`set_active_rules`) keep
    names as written and apply the user's phrases.
    """
    script = Script(script)  # also accepts the plain CLI value, e.g. "tw"
    if script is Script.ORIGINAL or not text:
        return text
    rules = rules if rules is not None else _active_rules
    if rules:
        if len(text) <= _CACHED_MAX_LEN:
            return _convert_with_rules_cached(script, text, rules)
        return rules.apply(text, script.value, lambda part: _opencc(script, part))
    return _opencc(script, text)


def cacheable(text: str) -> bool:
    """Whether :func:`convert` keeps its result for ``text`` (titles, bylines, paragraphs up to
    :data:`_CACHED_MAX_LEN` characters)."""
    return len(text) <= _CACHED_MAX_LEN


def convert_all(
    texts: Iterable[str], scripts: Iterable[Script], check: Callable[[], object] | None = None
) -> None:
    """Convert each of ``texts`` that :func:`cacheable` keeps to each of ``scripts``, so that a later
    :func:`convert` of them only reads the cache; ``check`` runs before each text (a worker's
    cancellation check: it raises to stop)."""
    kept = [t for t in texts if t and cacheable(t)]
    for script in scripts:
        if Script(script) is Script.ORIGINAL:
            continue
        for text in kept:
            if check is not None:
                check()
            convert(text, script)


def _read_dictionary(name: str) -> dict[str, list[str]]:
    """An OpenCC ``key<TAB>candidate candidate…`` dictionary shipped with the package."""
    from importlib import resources

    path = resources.files("opencc").joinpath("dictionary", name)
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = values.split()
    return table


def _single(table: dict[str, list[str]]) -> dict[str, str]:
    """The one-character-to-one-character part of ``table``, first candidate."""
    return {k: v[0] for k, v in table.items() if len(k) == 1 and v and len(v[0]) == 1}


@cache
def fold_table() -> dict[int, str]:
    """A ``str.translate`` table folding text for script-insensitive matching.

    Traditional (including Taiwan and Hong Kong variant) characters map to
    simplified, full-width ASCII letters and digits to half-width, and letters
    to lower case, always one character to one character, so folding keeps
    every offset.  The table is idempotent and built once; do not mutate it.
    """
    ts = _single(_read_dictionary("TSCharacters.txt"))  # traditional -> simplified
    simplified = set(ts.values()) | set(_single(_read_dictionary("STCharacters.txt")))
    # Regional variant -> OpenCC standard traditional (著 -> 着, 衞 -> 衛), applied
    # only to characters that are not already simplified forms (峰, 吃, 么, 台 stay).
    variants: dict[str, str] = {}
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for k, v in _single(_read_dictionary(name)).items():
            if k not in simplified:
                variants.setdefault(k, v)

    def step(c: str) -> str:
        c = variants.get(c, c)
        c = ts.get(c, c)
        return c.lower() if len(c.lower()) == 1 else c

    table: dict[int, str] = {}
    for c in set(ts) | set(variants):
        seen = [c]
        nxt = step(c)
        while nxt not in seen:  # follow chains to a fixed point, stopping on a cycle
            seen.append(nxt)
            nxt = step(nxt)
        target = min(seen[seen.index(nxt) :]) if nxt != seen[-1] else nxt
        if target != c:
            table[ord(c)] = target
    for cp in range(0x10000):  # letters to lower case, where that is one character
        low = chr(cp).lower()
        if cp not in table and len(low) == 1 and low != chr(cp):
            table[cp] = low
    for cp in range(0xFF10, 0xFF1A):  # full-width digits
        table[cp] = chr(cp - 0xFEE0)
    for cp in range(0xFF21, 0xFF3B):  # full-width capitals
        table[cp] = chr(cp - 0xFEE0).lower()
    for cp in range(0xFF41, 0xFF5B):  # full-width small letters
        table[cp] = chr(cp - 0xFEE0)
    return table


def fold(text: str) -> str:
    """``text`` folded with :func:`fold_table`; always the same length as ``text``."""
    return text.translate(fold_table())


_WIDTH_FORMS = (0x3000, *range(0xFF01, 0xFFEF))
"""Where Unicode's width twins are: the ideographic space, the half- and full-width forms block."""


@cache
def search_fold_table() -> dict[int, str]:
    """:func:`fold_table` with every width twin folded too: the fold of searching and Find and Replace.

    Full-width punctuation and symbols become their ASCII twins (``，`` -> ``,``,
    ``（`` -> ``(``, ``＋`` -> ``+``), the ideographic space a space, and the other
    true width pairs (Unicode's ``<wide>`` and ``<narrow>`` forms, such as ``￥`` ->
    ``¥`` or ``､`` -> ``、``) their twin; nothing else (``、`` and ``。`` stay, having no
    ASCII twin).  OCR writes ``,`` in Chinese text where a Chinese keyboard types
    ``，``, so a search must find either for either.  :func:`fold` itself folds only
    letters and digits, because tags, rules and aliases key on it.  One character
    to one, so offsets keep; idempotent, and folding a :func:`fold`-ed text gives the
    same as folding the text.  Built once; do not mutate it.
    """
    import unicodedata

    table = dict(fold_table())
    for cp in _WIDTH_FORMS:
        tag, *twin = unicodedata.decomposition(chr(cp)).split() or [""]
        if tag in ("<wide>", "<narrow>") and len(twin) == 1 and cp not in table:
            target = chr(int(twin[0], 16))
            table[cp] = table.get(ord(target), target)
    return table


def search_fold(text: str) -> str:
    """``text`` folded with :func:`search_fold_table` (script, case and width); the same length."""
    return text.translate(search_fold_table())


class _Folded(Exception):
    """Raised by the encoding error handler below on the first character :func:`han_simplified` folds."""


@cache
def _han_fold() -> tuple[dict[int, str], frozenset[str]]:
    """The Han part of :func:`fold_table` (traditional, variants to simplified) and the characters folded.

    Characters GB2312 has (著, 後, 於, 乾…: simplified texts use them too) are left
    out, so a text GB2312 can encode has nothing to fold.
    """
    table: dict[int, str] = {}
    for k, v in fold_table().items():
        if k >= 0x2E80 and ord(v[0]) >= 0x2E80 and not chr(k).encode("gb2312", "ignore"):
            table[k] = v
    return table, frozenset(chr(k) for k in table)


def _stop_at_folded(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: skip what GB2312 lacks (rare name characters, emoji) unless it is folded."""
    assert isinstance(error, UnicodeEncodeError)
    if not _han_fold()[1].isdisjoint(error.object[error.start : error.end]):
        raise _Folded
    return "", error.end


codecs.register_error("jiaokan-stop-at-folded", _stop_at_folded)


def han_simplified(text: str) -> str:
    """``text`` with traditional and variant Han characters read as simplified, nothing else changed.

    One character for one (the same offsets); ``text`` itself when it has none,
    found by encoding it as GB2312 (a few milliseconds per million characters).
    The segmenter's rules read this, so ``本報訊(記者 張三)`` and ``(下轉第2版)``
    are recognised as ``本报讯…`` and ``(下转第2版)`` are, while every block
    keeps the original's characters.
    """
    try:
        text.encode("gb2312", "jiaokan-stop-at-folded")
    except _Folded:
        return text.translate(_han_fold()[0])
    return text
