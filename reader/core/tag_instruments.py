"""Laws, regulations and plans named in book-title marks (tag suggestions, round 9).

A candidate the paper names once in passing ranks lower (a quoted slogan, a recurring phrase, a
book named in a list).  The title of a rule the article is about (《…养老服务条例》, 《…实施方案》) is
named once too: in full, then shortened (条例, 方案).  Its ending says it is a document of that
class, so being named once does not count against it.
"""

from __future__ import annotations

# What the title of a law, a regulation or a plan ends with (a class of documents, not of topics).
INSTRUMENT_HEADS = (
    "条例", "规定", "办法", "方案", "规划", "纲要", "细则", "决定", "公约", "守则", "章程", "准则", "法",
)  # fmt: skip
MIN_TITLE = 5  # characters: a bare 《条例》 or 《民法》 says nothing of the article


def is_instrument(key: str) -> bool:
    """True for the title of a law, a regulation or a plan (江城市养犬管理条例)."""
    return len(key) >= MIN_TITLE and key.endswith(INSTRUMENT_HEADS)


def named_once(reason: str, key: str) -> bool:
    """True when a candidate found for ``reason`` ranks lower for being named once and not in a
    heading: quoted terms, recurring phrases and book titles, except the titles of rules."""
    return reason in ("quoted", "phrase") or (reason == "book title" and not is_instrument(key))
