"""Byline rules: recognise ``□ 通讯员 卢文华 朱翎`` and read out the people in it.

Also the byline a paragraph opens with, after its dateline: ``本报讯(记者 张三 通讯员 李四)…``,
``新华社武汉11月20日电(记者 王五)…``, and the one an article closes with: ``(记者 孙悦)``.
"""

from __future__ import annotations

import re

from reader.core.model import Person
from reader.core.segment.datelines import opens_with_bare_dateline
from reader.core.tag_surnames import COMPOUND_SURNAMES, SURNAMES

BYLINE_MAX_CHARS = 48
# The white squares the papers print in front of a byline.
BYLINE_MARKS = frozenset("□▢◻☐")
# How OCR models read the square: 口, a real character, so taken as the mark only before a space.
OCR_SQUARE = "口"
ROLE_WORDS = (
    "本报特约评论员",
    "本报评论员",
    "特约评论员",
    "评论员",
    "特约通讯员",
    "通讯员",
    "本报记者",
    "见习记者",
    "实习记者",
    "首席记者",
    "学生记者",
    "校园记者",
    "小记者",
    "记者",
    "实习生",
    "文/图",
    "图/文",
    "文/摄",
    "文图",
    "撰稿",
    "撰文",
    "供稿",
    "作者",
    "摄影",
    "整理",
    "口述",
    "摄",
    "文",
    "图",
)
_ROLE_SET = frozenset(ROLE_WORDS)
# Longest first, so 通讯员 wins over 文 and 文/图 over 文.
_ROLE_PREFIX = re.compile("|".join(re.escape(word) for word in sorted(ROLE_WORDS, key=len, reverse=True)))
# ‧ (U+2027) is how OCR models read a full-width space between a role and a name
_SEPARATORS = re.compile(r"[\s、,:;|\uff0c\uff1a\uff1b\uff5c\u2027]+")
_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,4}[·•][\u3400-\u9fff]{1,6}")
_FILLERS = frozenset({"报道", "摄影报道"})
_ROLELESS_NAME_MAX = 3  # without a role word a 4-character "name" is more likely a heading
# An author no person's name goes with: the paper's commentator (``本报评论员``), alone on the line.
COLLECTIVE_AUTHORS = frozenset({"本报评论员", "本报特约评论员", "特约评论员", "评论员", "本报编辑部"})


def _marked(text: str) -> bool:
    """True when a line opens with the byline square (or 口 and a space, as OCR reads the square)."""
    return text[0] in BYLINE_MARKS or (text[0] == OCR_SQUARE and text[1:2].isspace())


def _split_token(token: str, glued_ok: bool) -> list[tuple[str, str]] | None:
    """Read one byline token into ("role"|"name", value) items, or None when it is neither."""
    if token in _ROLE_SET:
        return [("role", token)]
    if token in _FILLERS:
        return []
    if "/" in token:
        items: list[tuple[str, str]] = []
        for part in token.split("/"):
            sub = _split_token(part, glued_ok) if part else []
            if sub is None:
                return None
            items.extend(sub)
        return items
    if _NAME.fullmatch(token):
        return [("name", token)]
    prefix = _ROLE_PREFIX.match(token)
    if glued_ok and prefix is not None and _NAME.fullmatch(token[prefix.end() :]):
        return [("role", prefix.group()), ("name", token[prefix.end() :])]
    return None


def _byline_items(text: str) -> list[tuple[str, str]] | None:
    """The role and name items of a byline line, or None when it is not one."""
    marked = _marked(text)
    body = text[1:] if marked else text
    if not marked:
        # Without the square the line must open with a role word and a separator: 记者 张三, 文/张三
        prefix = _ROLE_PREFIX.match(body)
        if prefix is None or prefix.end() >= len(body):
            return None
        if body[prefix.end()] != "/" and _SEPARATORS.match(body, prefix.end()) is None:
            return None
    items: list[tuple[str, str]] = []
    for token in _SEPARATORS.split(body):
        if not token:
            continue
        glued_ok = marked or any(kind == "role" for kind, _ in items)
        read = _split_token(token, glued_ok)
        if read is None:
            return None
        items.extend(read)
    return items


def parse_byline(text: str) -> tuple[Person, ...] | None:
    """The people named by a byline line, or None when ``text`` is not a byline.

    ``□ 通讯员 卢文华 朱翎`` gives two people with role 通讯员; ``□文 徐云`` one
    with role 文; ``记者 张三 通讯员 李四`` one of each; a square with names
    only gives role "".  A collective author alone (``本报评论员``) gives no one.  The writer's
    school or unit in brackets after the name (``文/李若溪(里昂第一大学)``) is no name.
    """
    if not text or len(text) > BYLINE_MAX_CHARS:
        return None
    if text[-1] in ")\uff09" and "/" in text[:3]:
        opening = max(text.rfind("("), text.rfind("\uff08"))
        if opening > 2:
            return parse_byline(text[:opening].rstrip())
    marked = _marked(text)
    if not marked and _ROLE_PREFIX.match(text) is None:
        return None
    if (text[1:].strip() if marked else text) in COLLECTIVE_AUTHORS:
        return ()  # 本报评论员, □ 本报评论员: a byline naming no one
    items = _byline_items(text)
    if not items:
        return None
    people: list[Person] = []
    role = ""
    for kind, value in items:
        if kind == "role":
            role = value
        elif not role and len(value) > _ROLELESS_NAME_MAX:
            return None
        else:
            people.append(Person(name=value, role=role))
    return tuple(people) if people else None


def is_byline(text: str) -> bool:
    """True when ``text`` is a byline naming at least one person."""
    return parse_byline(text) is not None


# 本报讯(…) or a news agency's dateline ending in 电/讯, then the byline in brackets
_DATELINE = re.compile(
    r"(?:本报讯|[^\s,。(\uff08]{2,24}?(?:电|讯))\s*[(\uff08]([^()\uff08\uff09]{2,46})[)\uff09]"
)


def opens_with_dateline(text: str) -> bool:
    """True for a paragraph opening with a dateline, ``本报讯(…)`` or one without brackets
    (:mod:`.datelines`: ``本报讯 记者从…``, ``据新华社电 …``): an article's first."""
    head = text[:26]
    bracketed = ("讯" in head or "电" in head) and _DATELINE.match(text) is not None
    return bracketed or opens_with_bare_dateline(text)


def dateline_people(text: str) -> tuple[Person, ...]:
    """The people of the byline in brackets after a paragraph's dateline (none when there is none)."""
    match = _DATELINE.match(text)
    if match is None:
        return ()
    return attribution_people(match.group(1))


def attribution_people(content: str) -> tuple[Person, ...]:
    """The people of an attribution's brackets when it is a byline (``记者 孙悦``), none for an office."""
    content = content.strip()
    if _ROLE_PREFIX.match(content) is None:  # 街道党群办, 新民晚报: a source, not people
        return ()
    return parse_byline(content) or ()


# -- signatures: the writer's line under a letter or report (:mod:`.signatures` says where) --
# A signature line is no longer than this.
SIGNATURE_MAX_CHARS = 20
_DASHES = re.compile(r"(?:——|──|--|－－|—|―)\s*")
# Words of a signature: Han words (a place, an office, 居民, 读者) and the name last, split by blanks.
_SIGNATURE = re.compile(r"(?:[\u3400-\u9fff0-9A-Za-z]{1,14}[ \t\u3000]+){1,3}(?P<name>[\u3400-\u9fff]{2,4})")
_WORDS = re.compile(r"[\u3400-\u9fff0-9A-Za-z]{2,14}(?:[ \t\u3000]+[\u3400-\u9fff0-9A-Za-z]{1,14}){0,3}")


def is_personal_name(word: str) -> bool:
    """True for a Han word shaped like a person's name: a surname and one or two characters."""
    if word[:2] in COMPOUND_SURNAMES:
        return 3 <= len(word) <= 4
    return 2 <= len(word) <= 3 and word[0] in SURNAMES


def signature_name(text: str) -> str | None:
    """The writer a signature-shaped line names (``读者 孙秀英`` → ``孙秀英``), ``""`` for a dash-led one
    naming nobody (``——阳光花园小区 一位业主``); None when the line is not shaped like a signature."""
    if len(text) > SIGNATURE_MAX_CHARS:
        return None
    dash = _DASHES.match(text)
    body = text[dash.end() :] if dash is not None else text
    match = _SIGNATURE.fullmatch(body)
    if match is None:  # ——后勤服务中心: a dash and an office's name
        return "" if dash is not None and _WORDS.fullmatch(body) is not None else None
    name = match.group("name")
    if is_personal_name(name):
        return name
    return "" if dash is not None else None


# An author line: the writer's name last, after ◎ or the writer's class (初一（4）班 林小满).
AUTHOR_MAX_CHARS = 20
AUTHOR_MARKS = "◎■"
_AUTHOR_STOPS = re.compile(r"[。!?;！？；]")
_AUTHOR_SPLIT = re.compile(r"[ \t\u3000]+")
_AUTHOR_PLACE = re.compile(r"\s*[(（][\u3400-\u9fff]{2,8}[)）]$")


def author_name(text: str) -> str | None:
    """The writer an author line names (``◎陈　默`` → 陈默, ``初一（4）班 林小满`` → 林小满), else None."""
    if len(text) > AUTHOR_MAX_CHARS or _AUTHOR_STOPS.search(text) or "，" in text:
        return None
    marked = text[:1] in AUTHOR_MARKS
    if marked:  # ■ 黄丽娟（雅加达）: where the writer lives, no name
        text = _AUTHOR_PLACE.sub("", text)
    words = _AUTHOR_SPLIT.split(text.lstrip(AUTHOR_MARKS).strip())
    if not words or not words[0]:
        return None
    name = words[-1]
    if len(words) >= 2 and len(words[-1]) == 1 and len(words[-2]) == 1:  # 陈　默: a name letter-spaced
        name, words = words[-2] + words[-1], words[:-2]
    else:
        words = words[:-1]
    if not is_personal_name(name):
        return None
    if marked and not words:
        return name
    # the writer's class or unit before the name: 初一（4）班, 高二（5）班, 学生记者 高二（5）班
    return name if words and any("班" in w or "级" in w for w in words) else None
