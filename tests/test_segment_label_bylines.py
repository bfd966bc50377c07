"""A credit line under a title (``播音：…``, ``文／…``) is the article's byline and the line over it its title
(qaseg31's class 3).

A campus radio's script sets each segment's title over its announcers (``第二板块：点歌台`` /
``播音：林浩然、苏雨晴``), a newsletter each story's over its writer
(``病友故事｜…`` / ``文／责任护士　赵晓雪``).
The credit was read as the title (the real title a kicker), or as a table's ``label：value`` row with
the title, so segments were swallowed by the one before.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.label_bylines import credit_people
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

SEGMENTS = (
    (
        "第一板块：校园快讯",
        "播音：高二（3）班 林浩然",
        (
            "上周六，我校合唱团在全区中小学艺术展演中荣获一等奖，演唱曲目为《天路》和《茉莉花》。",
            "以上是本期校园快讯。",
        ),
    ),
    (
        "第二板块：点歌台",
        "播音：林浩然、苏雨晴",
        ("林：第一首歌，是高三（1）班的同学点给班主任王老师的《老师，我想你》。", "苏：也祝王老师身体健康！"),
    ),
    (
        "第三板块：温馨提示",
        "播音：苏雨晴",
        (
            "近期气温下降，早晚温差大，请同学们及时添加衣物，预防感冒。",
            "食堂提醒大家：珍惜粮食，光盘行动从我做起。",
        ),
    ),
    (
        "病友故事｜七十八岁的王大爷学会了自己测血压",
        "文／责任护士\u3000赵晓雪",
        (
            "王大爷是我们病区的老病号，高血压二十多年，以前总是凭感觉吃药，头不晕就不吃。",
            "出院那天，王大爷给我们看他的本子，上面记满了每天两次的血压。",
        ),
    ),
    (
        "城隍爷的故事：判官与算盘",
        "文／庙方文史组",
        ("相传清朝年间，城隍庙里的判官手持算盘，专算人间善恶。", "老一辈人常说，做人要对得起判官的算盘。"),
    ),
)


def _text(order: tuple[int, ...], indent: str = "", blank: bool = False) -> str:
    return "".join(
        "".join(indent + line + "\n" for line in (SEGMENTS[n][0], SEGMENTS[n][1], *SEGMENTS[n][2]))
        + ("\n" if blank else "")
        for n in order
    )


def _check(text: str, order: tuple[int, ...], convert: bool = False) -> None:
    parsed = cut(text)
    titles, credits = [SEGMENTS[n][0] for n in order], [SEGMENTS[n][1] for n in order]
    if convert:
        titles, credits = [traditional(t, "s2hk") for t in titles], [traditional(c, "s2hk") for c in credits]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t in titles]
    for article, credit in zip(parsed.articles, credits, strict=True):
        assert [squeeze(b.text) for b in article.blocks if b.role is Role.BYLINE] == [squeeze(credit)]
        assert Role.KICKER not in [b.role for b in article.blocks]


ORDERS = [(0, 1, 2), (3, 4), (1, 3, 2), (4, 0, 1, 2)]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_credit_line_under_a_title(order: tuple[int, ...], indent: str, script: str) -> None:
    text = _text(order, indent)
    if script == "traditional":
        text = traditional(text, "s2hk")
    _check(text, order, convert=script == "traditional")


@pytest.mark.parametrize("order", ORDERS[:2])
def test_with_blank_lines_between_segments(order: tuple[int, ...]) -> None:
    _check(_text(order, blank=True), order)


@pytest.mark.parametrize("width", [30, 40])
def test_hard_wrapped(width: int) -> None:
    order = (3, 0, 1)
    _check(hard_wrap(_text(order), width), order)


def test_credit_people() -> None:
    assert [p.name for p in credit_people("播音：林浩然、苏雨晴") or ()] == ["林浩然", "苏雨晴"]
    assert [(p.name, p.role) for p in credit_people("文／责任护士　赵晓雪") or ()] == [("赵晓雪", "文")]
    assert credit_people("文／庙方文史组") == ()
    assert credit_people("播音稿存档，请勿外传。") is None
    assert credit_people("第二板块：点歌台") is None
