"""Separator lines between articles: ``◆◆◆`` (qaseg35's class 7).

A page that sets only a line of three glyphs between its articles: the separator used to become every
article's title (or the title under it a subheading of the article above).  Two separators or more are
layout, and the heading right under each opens the next article.  No character is lost.
"""

from __future__ import annotations

import pytest

from tests.segment_support import cut, owner_of, traditional, wrapped

PIECES = (
    (
        "勐马口岸边民互市交易额创新高",
        "",
        [
            "今年以来，勐马口岸边民互市点共完成交易额二亿三千万元，比去年同期增长百分之十八。",
            "下一步，县里将在芒信建设第二个互市点。",
        ],
    ),
    (
        "娜允古镇傣历新年筹备启动",
        "记者　岩温香",
        ["距傣历新年还有五个月，娜允古镇的筹备工作已经开始。镇上的老艺人正在教年轻人制作高升和孔明灯。"],
    ),
    (
        "景颇族目瑙纵歌培训班开班",
        "",
        [
            "县民族宗教局在公信乡举办目瑙纵歌传承培训班，来自三个村寨的六十名景颇族青年参加。",
            "培训结束后，学员将回到各村寨组建舞队。",
        ],
    ),
    ("南垒河流域开展禁渔巡查", "", ["县农业农村局联合边防派出所开展禁渔巡查，清理违规网具四十余张。"]),
)
MASTHEAD = "孟连边境报\n2026年11月18日　星期三　第3版　综合\n"


def _page(
    order: tuple[int, ...] = (0, 1, 2, 3), *, sep: str = "◆◆◆", width: int | None = 26, lead: bool = True
) -> str:
    out = []
    for k, n in enumerate(order):
        title, byline, body = PIECES[n]
        lines = ([sep] if lead or k else []) + [title] + ([byline] if byline else [])
        for para in body:
            lines.extend(wrapped(para, width))
        out.append("\n".join(lines) + "\n")
    return MASTHEAD + "".join(out)


def _check(text: str, order: tuple[int, ...], convert=str) -> None:
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [convert(PIECES[n][0]) for n in order]
    for k, n in enumerate(order):
        assert owner_of(parsed, text, convert(PIECES[n][2][-1][-8:]), across_lines=True) == k


@pytest.mark.parametrize("sep", ["◆◆◆", "★★★", "※※※", "◆　◆　◆", "◇◇◇◇◇"])
@pytest.mark.parametrize("lead", [True, False])
def test_separators_are_layout_and_the_next_title_a_title(sep: str, lead: bool) -> None:
    _check(_page(sep=sep, lead=lead), (0, 1, 2, 3))


@pytest.mark.parametrize("width", [None, 18, 30])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_separators_rewrapped_and_traditional(width: int | None, script: str) -> None:
    convert = traditional if script == "traditional" else str
    _check(convert(_page(width=width)), (0, 1, 2, 3), convert)


@pytest.mark.parametrize("order", [(3, 2, 1, 0), (1, 3, 0, 2)])
def test_separators_reordered(order: tuple[int, ...]) -> None:
    _check(_page(order), order)


def test_one_section_break_in_an_essay_cuts_nothing() -> None:
    text = (
        "文艺副刊\n"
        "老屋\n"
        "老屋在村口，门前有一棵老槐树。小时候，我常在树下听祖父讲故事。\n"
        "＊＊＊\n"
        "祖父走了十年了，老屋也空了。每次回乡，我都要在槐树下站一会儿。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["老屋"]
