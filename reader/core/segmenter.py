"""jieba, loaded once, lazily and thread-safely, with the bundled community dictionary.

Nothing imports jieba until :func:`ensure_loaded` (or a function that needs it)
runs; the GUI calls ``ensure_loaded()`` in a background worker.  jieba's model
cache goes to :func:`reader.core.paths.cache_dir`, never to a shared temporary
folder, and its log messages are silenced.  After the first load, jieba's tables
are read from there in small slices (:mod:`reader.core.jieba_tables`), so that
the worker never holds Python's lock long enough to freeze the window.

Text is segmented after :func:`reader.core.script.fold` (traditional to
simplified, full-width to half-width, lower case), which keeps every offset, so
a token's ``start`` points at the same characters in the original text.

The POS cut's Viterbi (for runs of characters the dictionary lacks) is
:func:`reader.core.pos_viterbi.viterbi`, installed into ``jieba.posseg`` when
jieba loads: jieba's own result, two to three times faster.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import threading
import types
import warnings
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core import jieba_routes, jieba_tables, pos_viterbi
from reader.core.paths import cache_dir, resources_dir
from reader.core.script import fold

CACHE_FILE = "jieba.cache"
DEFAULT_USER_FREQ = 2000
POS_TAGS = ("nr", "ns", "nt", "nz", "n")
TOKEN_CACHE_SIZE = 8  # texts whose tokens are kept (the article shown and a few before it)

_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
_lock = threading.RLock()
_jieba: Any = None  # the jieba module once loaded
_posseg: Any = None  # jieba.posseg once loaded
_cache_path: Path | None = None
_user_words: dict[str, str] = {}
_dictionary_words: set[str] = set()
_generic_words: frozenset[str] = frozenset()
_bundled_idf: tuple[dict[str, float], float] | None = None
_token_cache: OrderedDict[str, tuple[Token, ...]] = OrderedDict()  # folded text -> its tokens
_cuts = 0  # texts cut by jieba (the token cache spares the others)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text, its jieba POS tag and its start offset (code points)."""

    word: str  # as in the folded text
    pos: str
    start: int
    end: int = field(init=False, compare=False, repr=False)  # start + len(word), kept: read very often

    def __post_init__(self) -> None:
        object.__setattr__(self, "end", self.start + len(self.word))


def community_dictionary() -> Path:
    """The bundled dictionary of community-newspaper terms (jieba format ``word freq pos``)."""
    return resources_dir() / "dictionaries" / "community.txt"


def ensure_loaded() -> None:
    """Import and initialise jieba and its POS tagger once; safe from any thread."""
    global _jieba, _posseg, _cache_path, _generic_words
    if _posseg is not None:
        return
    with _lock:
        if _posseg is not None:
            return
        folder = cache_dir()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import jieba

            tables = jieba_tables.load(folder, jieba)  # in slices: the GUI thread is not held
            if tables is not None:
                jieba_tables.import_posseg(jieba, tables)
            else:
                import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        jieba.posseg.viterbi = pos_viterbi.cached_viterbi  # the same path, faster (pos_viterbi.py)
        jieba.dt.get_DAG = types.MethodType(jieba_routes.get_dag, jieba.dt)  # the same, faster
        jieba.dt.calc = types.MethodType(jieba_routes.calc, jieba.dt)
        if tables is None:
            folder.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(folder)
            jieba.dt.cache_file = CACHE_FILE
            jieba.dt.initialize()  # jieba's own way, once: then its tables are saved in slices
            with contextlib.suppress(OSError):  # a read-only cache folder: jieba's way every time
                jieba_tables.save(folder, jieba, jieba_tables.collect(jieba, jieba.posseg))
        else:
            jieba.dt.FREQ, jieba.dt.total = tables.freq, tables.total
            jieba.dt.initialized = True
        _generic_words = _load_dictionary(jieba, community_dictionary())
        for word, pos in _user_words.items():
            jieba.add_word(word, DEFAULT_USER_FREQ, pos)
        _cache_path = folder / (CACHE_FILE if tables is None else jieba_tables.FILE)
        _jieba = jieba
        _posseg = jieba.posseg


def _load_dictionary(jieba: Any, path: Path) -> frozenset[str]:
    """Add every ``word [freq] [pos]`` line of a dictionary file to jieba; returns its generic words.

    ``#`` starts a comment; the words after a comment line ending in ``[generic]``
    (up to the next comment line) are generic: kept whole, never suggested.
    """
    generic = False
    generic_found: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            generic = stripped.endswith("[generic]")
            continue
        parts = stripped.split()
        if not parts:
            continue
        word = fold(parts[0])
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else DEFAULT_USER_FREQ
        pos = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        jieba.add_word(word, freq, pos)
        _dictionary_words.add(word)
        if generic:
            generic_found.add(word)
    return frozenset(generic_found)


def generic_words() -> frozenset[str]:
    """Words of the bundled dictionary's generic sections (街道, 居委会, 区委…); loads jieba."""
    ensure_loaded()
    return _generic_words


def dictionary_frequency(word: str) -> int:
    """jieba's frequency of a (folded) word in its main dictionary; 0 when unknown.

    Words of the bundled and user dictionaries count as unknown here: their
    frequencies are ours, not a measure of how common the word is.
    """
    ensure_loaded()
    if word in _dictionary_words or word in _user_words:
        return 0
    return int(_jieba.dt.FREQ.get(word, 0))


def frequency_lookups() -> tuple[Callable[[str], bool], Callable[[str], int]]:
    """:func:`is_known` and :func:`dictionary_frequency` as two functions bound to jieba's tables (for
    callers that look up thousands of words; the tables are those of now: a user word added later is
    not seen)."""
    ensure_loaded()
    freq = _jieba.dt.FREQ
    ours = _dictionary_words | frozenset(_user_words)

    def known(word: str) -> bool:
        return bool(freq.get(word, 0))

    def frequency(word: str) -> int:
        return 0 if word in ours else int(freq.get(word, 0))

    return known, frequency


def is_loaded() -> bool:
    """True once jieba is ready (no loading happens here)."""
    return _posseg is not None


def loaded_cache_file() -> Path | None:
    """Where jieba's model cache was written or read when it was loaded (None before)."""
    return _cache_path


def add_user_word(word: str, pos: str = "n") -> None:
    """Make jieba keep ``word`` whole with POS ``pos`` (nr, ns, nt, nz, n) from now on."""
    if pos not in POS_TAGS:
        raise ValueError(f"unknown POS tag {pos!r}; expected one of {', '.join(POS_TAGS)}")
    key = fold(word.strip())
    if not key:
        return
    with _lock:
        if _user_words.get(key) == pos:
            return
        _user_words[key] = pos
        _token_cache.clear()  # the new word may cut texts differently
        if _jieba is not None:
            _jieba.add_word(key, DEFAULT_USER_FREQ, pos)


def is_known(word: str) -> bool:
    """True when ``word`` (folded) is in jieba's dictionary, the bundled one or the user's."""
    ensure_loaded()
    return bool(_jieba.dt.FREQ.get(word, 0))


def dictionary_pos(word: str) -> str | None:
    """The part of speech jieba's dictionaries give ``word`` (folded), None for a word they lack."""
    ensure_loaded()
    pos = _posseg.dt.word_tag_tab.get(word)
    return str(pos) if pos is not None else None


NAME_POS = frozenset({"ns", "nr", "nz", "nt"})  # jieba's places, people, other names, bodies


def common_word(word: str, frequency: int) -> bool:
    """Whether jieba's dictionary knows ``word`` at least ``frequency`` times and not as a name (战胜, 母亲;
    not 凤凰/nr, 青溪/ns)."""
    return dictionary_frequency(word) >= frequency and dictionary_pos(word) not in NAME_POS


def dictionary_entries() -> list[tuple[str, str]]:
    """Every word jieba's dictionaries know, with its part of speech; loads jieba."""
    ensure_loaded()
    with _lock:
        return [(str(w), str(p)) for w, p in _posseg.dt.word_tag_tab.items()]


def tokens(text: str) -> list[Token]:
    """POS-tagged words of ``text`` (folded) with their offsets; loads jieba if needed.

    The tokens of the last few texts are kept (until a user word is added), so
    refreshing the suggestions of the article shown does not cut it again.
    """
    global _cuts
    ensure_loaded()
    folded = fold(text)
    with _lock:  # posseg merges pending user words into its tables while cutting
        cached = _token_cache.get(folded)
        if cached is not None:
            _token_cache.move_to_end(folded)
            return list(cached)
        pairs = list(_posseg.cut(folded))
        _cuts += 1
        out: list[Token] = []
        start = 0
        for pair in pairs:
            word = str(pair.word)
            out.append(Token(word, str(pair.flag), start))
            start += len(word)
        _token_cache[folded] = tuple(out)
        while len(_token_cache) > TOKEN_CACHE_SIZE:
            _token_cache.popitem(last=False)
    return out


def cut_count() -> int:
    """How many texts jieba has cut so far (a text whose tokens were kept is not cut again)."""
    return _cuts


def clear_token_cache() -> None:
    """Forget the kept tokens and the runs the POS model read (for benchmarks that time the cut itself)."""
    with _lock:
        _token_cache.clear()
        pos_viterbi.clear_cache()


def dictionary_terms(text: str) -> set[str]:
    """Every word of two or more Chinese characters from jieba's dictionaries occurring in ``text``.

    This is what the library's IDF counts: a scan of the folded text against
    jieba's prefix dictionary, several times faster than segmenting it (so a
    word inside a longer one counts too: 社区 in 社区工作者).
    """
    ensure_loaded()
    get = _jieba.dt.FREQ.get
    found: set[str] = set()
    for match in _HAN_RUN.finditer(fold(text)):
        run = match.group()
        n = len(run)
        for i in range(n - 1):
            j = i + 2
            frag = run[i:j]
            freq = get(frag)
            while freq is not None:  # jieba keeps every prefix of a word, with frequency 0
                if freq:
                    found.add(frag)
                j += 1
                if j > n:
                    break
                frag = run[i:j]
                freq = get(frag)
    return found


def countable_term(term: str) -> bool:
    """Whether :func:`dictionary_terms` can ever find ``term`` (a run of two or more Chinese characters)."""
    return _HAN_RUN.fullmatch(term) is not None


def bundled_idf() -> tuple[dict[str, float], float]:
    """jieba's own IDF table and its median (the IDF of an unknown word), read once."""
    global _bundled_idf
    if _bundled_idf is None:
        with _lock:
            if _bundled_idf is None:
                ensure_loaded()
                path = Path(_jieba.__file__).parent / "analyse" / "idf.txt"
                table: dict[str, float] = {}
                for line in path.read_text(encoding="utf-8").splitlines():
                    word, _, value = line.partition(" ")
                    if value:
                        table[word] = float(value)
                values = sorted(table.values())
                median = values[len(values) // 2] if values else math.log(10_000)
                _bundled_idf = (table, median)
    return _bundled_idf
