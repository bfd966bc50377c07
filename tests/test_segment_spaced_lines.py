"""OCR that emits a blank line after every printed line (qaseg28's class 3).

The whole text has one blank line after each wrapped printed line; paragraphs are marked only by their
``　　`` indent.  The blank lines are read as
none: a wrapped line is never a title mid-paragraph, each title opens its article.  A text that sets
one paragraph a line with a blank line after each is read as it stands.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import squeeze, wrap_line
from tests.segment_support import cut, traditional

ARTICLES = (
    (
        "各地校友会消息",
        "北京校友会于四月二十六日举行年会，一百二十余名校友参加，会上选举产生了新一届理事会。",
        "新加坡校友会组织会员参观了当地的华人历史博物馆，并与当地高校的校友会交流了办会经验。",
    ),
    (
        "沉痛悼念王守仁教授",
        "我校著名历史学家、历史系原主任王守仁教授因病医治无效，于二〇二五年四月三日在南江逝世，享年九十一岁。",
        "王守仁教授一九五六年毕业于我校历史系并留校任教，从教四十五年，培养了大批人才，著有多部史学著作。",
    ),
    (
        "校友返校日圆满举行",
        "五月十八日，母校举行建校七十周年校友返校日活动，来自海内外的三千余名校友重返校园，共叙师生情谊。",
        "当天上午，返校校友在新落成的图书馆广场参加了纪念大会，校长在讲话中介绍了学校的发展情况。",
    ),
)
INDENT = "\u3000\u3000"


def _spaced(order: tuple[int, ...], width: int) -> str:
    printed: list[str] = []
    for n in order:
        title, *paragraphs = ARTICLES[n]
        printed.append(title)
        for paragraph in paragraphs:
            printed.extend(wrap_line(INDENT + paragraph, width))
    return "".join(line + "\n\n" for line in printed)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1)])
@pytest.mark.parametrize("width", [17, 21, 26])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_blank_lines_after_every_printed_line_are_no_breaks(
    order: tuple[int, ...], width: int, script: str
) -> None:
    text = _spaced(order, width)
    titles = [ARTICLES[n][0] for n in order]
    if script == "traditional":
        text, titles = traditional(text), [traditional(t) for t in titles]
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == titles
    for article, n in zip(parsed.articles, order, strict=True):
        paragraphs = [squeeze(b.text) for b in article.blocks if b.role is Role.PARAGRAPH]
        expected = [squeeze(p) for p in ARTICLES[n][1:]]
        if script == "traditional":
            expected = [squeeze(traditional(p)) for p in ARTICLES[n][1:]]
        assert paragraphs == expected


def test_one_paragraph_a_line_with_a_blank_line_after_each_is_read_as_it_stands() -> None:
    lines = [line for article in ARTICLES for line in article] * 2
    text = "".join(line + "\n\n" for line in lines)
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [article[0] for article in ARTICLES] * 2
