"""A masthead printed as one long line of fields, no blank line under it, is masthead furniture, never an
untitled article nor a cut paragraph joined to the first title (qaseg36's class 6)."""

from __future__ import annotations

import pytest

from reader.core.model import LeftoverKind
from reader.core.segment.masthead_fields import is_one_line_masthead
from tests.corpus_shapes import hard_wrap, leftover_texts, squeeze
from tests.segment_support import cut, traditional

MASTHEADS = (
    "新都桥县报\u3000第1127期\u30002026年12月4日\u3000星期五\u3000中共新都桥县委主办\u3000国内统一连续出版物号CN51-00××",
    "滨海石化报  第32期（总第615期）  2026年12月4日  滨海石化公司党委主办  内部资料准印证号：浙L0123",
    "高原牧歌\u3000二〇二六年十二月四日\u3000农历十月廿五\u3000第88期",
)
ARTICLES = (
    (
        "Tagong（塔公）草原牧民定居点通上天然气",
        "本报讯（记者\u3000泽仁拉姆）11月28日，塔公乡Lhagang村牧民定居点的四十六户人家第一次用上了管道天然气。"
        "\u3000\u3000据县住建局介绍，这条管线全长十八公里，每户的开户费由县财政全额承担。",
    ),
    (
        "Dartsedo（康定）至新都桥旅游专线恢复运营",
        "本报讯（通讯员\u3000杨洪）因道路整治停运两个月的康定至新都桥旅游专线，于12月1日起恢复运营。",
    ),
)


def _text(masthead: str, blank: str, order: tuple[int, ...]) -> str:
    return masthead + "\n" + blank + "".join(line + "\n" for n in order for line in ARTICLES[n])


@pytest.mark.parametrize("masthead", MASTHEADS)
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_one_line_masthead(masthead: str, blank: str, order: tuple[int, ...], script: str) -> None:
    text = _text(masthead, blank, order)
    if script == "traditional":
        text, masthead = traditional(text), traditional(masthead)
    conv = traditional if script == "traditional" else (lambda t: t)
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(conv(ARTICLES[n][0])) for n in order]
    assert squeeze(masthead) in leftover_texts(parsed)
    assert parsed.leftovers[0].kind is LeftoverKind.MASTHEAD


def test_indented_articles() -> None:
    text = (
        MASTHEADS[0]
        + "\n"
        + "".join(
            (line if k == 0 else "\u3000\u3000" + line) + "\n"
            for n in (0, 1)
            for k, line in enumerate(ARTICLES[n])
        )
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [ARTICLES[0][0], ARTICLES[1][0]]


HAN = (
    "寄宿制学校冬季供暖全面启动",
    "本报讯\u3000全县十二所寄宿制学校本周起全面供暖，教室和宿舍的室温保持在十八摄氏度以上，学生们再也不用裹着棉被上晚自习了。",
)


@pytest.mark.parametrize("width", [30, 40])
def test_hard_wrapped_articles(width: int) -> None:
    """(A Latin word opening the line under a long one reads as a word broken by the wrap: Han titles.)"""
    body = hard_wrap("".join(line + "\n" for line in (*HAN, *ARTICLES[1])), width)
    parsed = cut(MASTHEADS[0] + "\n" + body)
    assert [a.title for a in parsed.articles] == [HAN[0], ARTICLES[1][0]]


@pytest.mark.parametrize("text", MASTHEADS)
def test_masthead_lines(text: str) -> None:
    assert is_one_line_masthead(text)


@pytest.mark.parametrize(
    "text",
    [
        "火炭工业区转型\u3000交通配套要先行",
        "塔公草原\u3000第八届赛马节\u3000今日开幕",
        "本报讯（记者\u3000泽仁拉姆）11月28日，塔公乡牧民定居点通上了天然气。",
        "县委主办\u3000十二月四日\u3000志愿者座谈会召开",
    ],
)
def test_no_masthead_lines(text: str) -> None:
    assert not is_one_line_masthead(text)
