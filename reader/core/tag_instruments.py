"""Laws, regulations and plans named in book-title marks (tag suggestions, round 9).

A candidate the paper names once in passing ranks lower (a quoted slogan, a recurring phrase, a
book named in a list).  The title of a rule the article is about (《…养老服务条例》, 《…实施方案》) is
named once too: in full, then shortened (条例, 方案).  Its ending says it is a document of that
class, so being named once does not count against it (round 9), and it ranks just above the names
named once that it would tie with (round 10: 《天津市物业管理条例》 against a passer-by named once).
A term the paper sets in quotation marks once costs half as much (round 13: the independent
labellers tagged 59% of them, against 3% of the phrases named once).
"""

from __future__ import annotations

from reader.core.tag_place_levels import CONTEXT_COST, context_place

# What the title of a law, a regulation or a plan ends with (a class of documents, not of topics).
INSTRUMENT_HEADS = (
    "条例", "规定", "办法", "方案", "规划", "纲要", "细则", "决定", "公约", "守则", "章程", "准则", "法",
)  # fmt: skip
MIN_TITLE = 5  # characters: a bare 《条例》 or 《民法》 says nothing of the article
ONCE_COST = 2.5  # what being named once in passing costs a quoted term, a phrase or a book
QUOTED_SHARE = 0.5  # of that cost, for a term in quotation marks: the paper's own name for a thing
INSTRUMENT_BONUS = 0.5  # a rule's title above the names named once (base 6 + 2 for one mention)


def is_instrument(key: str) -> bool:
    """True for the title of a law, a regulation or a plan (江城市养犬管理条例)."""
    return len(key) >= MIN_TITLE and key.endswith(INSTRUMENT_HEADS)


def named_once(reason: str, key: str) -> bool:
    """True when a candidate found for ``reason`` ranks lower for being named once and not in a
    heading: quoted terms, recurring phrases and book titles, except the titles of rules."""
    return reason in ("quoted", "phrase") or (reason == "book title" and not is_instrument(key))


def base_change(reason: str, key: str, hits: int, in_heading: bool) -> float:
    """What is added to a candidate's base score: less for a term named once in passing (not in a
    heading) and for a city or a country jieba's tagger found (:mod:`reader.core.tag_place_levels`), a
    little more for the title of a rule."""
    if reason == "place" and context_place(key):
        return -CONTEXT_COST
    if reason == "book title" and is_instrument(key):
        return INSTRUMENT_BONUS
    if named_once(reason, key) and hits < 2 and not in_heading:
        return -ONCE_COST * QUOTED_SHARE if reason == "quoted" else -ONCE_COST
    return 0.0
