"""A run of bulleted one-sentence items under a briefs label is ONE article under that label.

Layout: ``社区简讯`` (``简讯``, ``【简讯】``, ``路局简讯``) then lines like ``◆ 多伦多华人合唱团将于…。``: no
title, a bullet opens each item.  qaseg26 (02), qaseg27 (13) and qaseg29 (10, 14; min m5) all read the
list as one article titled by its label; only qaseg23 (file 12) had read each item as an article of its own,
which is what the app did (each item came out as an untitled article).  Items that carry their own
attribution (``▲区图书馆新馆开馆 …（文旅）``, qaseg24 file 14) still end one by one: the attribution
closes each.  Without a label, bullet paragraphs stay the paragraphs of the article above them.
"""

from __future__ import annotations

import pytest

from tests.corpus_shapes import squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

ITEMS = (
    "市博物馆“长河古韵”特展12月5日开展,展期三个月,免费预约参观。",
    "市人民医院新院区12月16日起开诊,首批开放内科、外科、儿科等十二个科室。",
    "全市首批十个口袋公园建成开放,市民步行五分钟即可到达一处绿地。",
    "多伦多大学中国学生学者联合会招募寒假回国接机义工。",
)
LEAD = "市政府召开常务会议\n本报讯(记者 罗毅) 12月1日,市政府召开常务会议,研究部署今冬明春保供工作。\n"
LEAD_PLAIN = (
    "华人长者乐龄中心推出数码课程\n"
    "北约克华人长者乐龄中心本月起推出免费数码课程，内容包括智能手机基本操作、识别诈骗短信等，每班十二人。\n"
)


def _wrap(paragraph: str, width: int) -> list[str]:
    return [paragraph[at : at + width] for at in range(0, len(paragraph), width)]


@pytest.mark.parametrize("label", ["【简讯】", "简讯", "社区简讯", "〖快讯〗"])
@pytest.mark.parametrize("bullet", ["■ ", "●", "◆ ", "★"])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("count", [2, 4])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_bullet_items_under_a_briefs_label_are_one_article(
    label: str, bullet: str, blank: str, count: int, script: str
) -> None:
    items = [bullet + item for item in ITEMS[:count]]
    text = LEAD + "\n" + label + "\n" + blank + ("\n" + blank).join(items) + "\n"
    if script == "traditional":
        text = _trad(text)
    convert = _trad if script == "traditional" else str
    parsed = _cut(text)
    assert len(parsed.articles) == 2
    briefs = parsed.articles[1]
    assert [squeeze(p) for p in briefs.paragraphs] == [squeeze(convert(item)) for item in items]
    assert squeeze(convert(label)).strip("【】〖〗") in squeeze(briefs.section or "") + squeeze(
        briefs.title or ""
    )


@pytest.mark.parametrize("width", [16, 23, 30])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000", "  "])
@pytest.mark.parametrize("lead", [LEAD, LEAD_PLAIN])
def test_wrapped_or_indented_bullet_items_stay_one_article(width: int, indent: str, lead: str) -> None:
    """Every paragraph (the lead's and each item) opened by ``indent`` and hard-wrapped at ``width``
    characters, the indent taking its room in the first line."""
    title, paragraph = lead.strip().split("\n")
    lines = [title, *_wrap(indent + paragraph, width), "社区简讯"]
    for item in ITEMS:
        lines.extend(_wrap(indent + "◆ " + item, width))
    parsed = _cut("\n".join(lines) + "\n")
    assert len(parsed.articles) == 2
    assert squeeze("".join(parsed.articles[1].paragraphs)) == squeeze("".join("◆" + i for i in ITEMS))


def test_bullet_items_after_a_separator_stay_one_article() -> None:
    """qaseg29 file 14: ``＊　＊　＊`` separators between the articles, ``简讯`` then ● items, then the
    office's address line."""
    text = (
        LEAD
        + "＊　　＊　　＊\n简讯\n"
        + "".join("●" + item + "\n" for item in ITEMS[:3])
        + "本报办事处：Via Pistoiese XX, Prato　电话：+39 0574 XXXXXX\n"
    )
    parsed = _cut(text)
    assert len(parsed.articles) == 2
    assert [squeeze(p) for p in parsed.articles[1].paragraphs][:3] == [squeeze("●" + i) for i in ITEMS[:3]]


def test_bullet_paragraphs_without_a_briefs_label_stay_one_article() -> None:
    text = LEAD + "".join("■ " + item + "\n" for item in ITEMS)
    parsed = _cut(text)
    assert len(parsed.articles) == 1
