"""People whose surname the tokenizer read as another word (tag suggestions, round 11).

jieba reads a surname written before a given name it does not know as a word of its own with the
part of speech of its commonest use: 雷 (thunder, ``n``) + 国庆, 余 (``m``, "over") + 大发, 熊 (bear,
``n``) + 德华, 任 (``r``) + 红霞, 刘 (``zg``) + 桂兰.  The given name is then a word the dictionary
barely knows, read as a name, a place, another proper noun or a time (红霞 ``nr``, 桂兰 ``ns``, 大发
``nz``, 国庆 ``t``).  Such a pair is one person's name: a one-character surname said alone, as no
function word (a preposition, conjunction, adverb, verb or particle: 和 + 国庆 is "and the national
day"), not after a numeral or a measure word, followed by a two-character word of those parts of
speech that the dictionary sees rarely (:data:`RARE_GIVEN`: a common word after a surname is no
given name, as :func:`reader.core.tag_suggestions.plausible_person` says for three characters).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK

RARE_GIVEN = 300  # dictionary frequency: below it a two-character word can be a given name
_SURNAME_POS = frozenset({"n", "ng", "m", "zg", "r"})  # what a surname said alone is read as
_GIVEN_POS = frozenset({"nr", "nrt", "nrfg", "nz", "ns", "t"})
_COUNTED = frozenset({"m", "q", "mq"})
PERSON = "nr"


def join_split_names(tokens: Sequence[Token], surnames: Collection[str]) -> list[Token]:
    """Join a surname read as another word and the rare given name after it (module docstring)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        given = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            given is not None
            and tok.word in surnames
            and tok.pos in _SURNAME_POS
            and given.pos in _GIVEN_POS
            and len(given.word) == 2
            and given.start == tok.end
            and CJK.match(given.word)
            and segmenter.dictionary_frequency(given.word) < RARE_GIVEN
            and not (out and out[-1].pos in _COUNTED)
        ):
            out.append(Token(tok.word + given.word, PERSON, tok.start))
            i += 2
            continue
        out.append(tok)
        i += 1
    return out
