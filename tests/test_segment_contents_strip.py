"""A numbered 要闻 strip on page 1 (``本期要闻`` / ``①… →2版``) is the issue's contents: leftovers, no article
(qaseg29's class 6; file 03, min m9).

Its entries point at their page with an arrow (``→2版``, ``➔ 第3版``), which the contents rules did not read
(they knew ``梅园街道… 2版`` and ``…………2版``); ``本期要闻`` joins the contents labels.
"""

from __future__ import annotations

import pytest

from tests.corpus_shapes import squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

ENTRIES = ("厂第六届职代会第三次会议召开", "锻压车间获评省级“工人先锋号”", "冬季职工健身月活动启动")
BODY = (
    "锻压车间获评省级“工人先锋号”\n"
    "近日，省总工会公布年度“工人先锋号”名单，我厂锻压车间榜上有名，这是车间第二次获此荣誉。\n"
    "车间将把奖金的一半用于改善班组休息室。\n"
    "厂区食堂推出夜班热餐\n"
    "从本月起，厂区二号食堂在每晚十一时至次日凌晨一时为夜班职工供应热餐。\n"
)


@pytest.mark.parametrize("label", ["本期要闻", "本期导读", ""])
@pytest.mark.parametrize("number", ["①②③", "123", ""])
@pytest.mark.parametrize("arrow", ["　→", " → ", "→", "　➔ "])
@pytest.mark.parametrize("page", ["{n}版", "第{n}版"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_numbered_strip_pointing_at_pages_is_the_contents(
    label: str, number: str, arrow: str, page: str, script: str
) -> None:
    marks = number if number != "123" else ("1.", "2.", "3.")
    entries = [
        (marks[k] if number else "") + entry + arrow + page.format(n=k + 1) for k, entry in enumerate(ENTRIES)
    ]
    strip = (label + "\n" if label else "") + "".join(entry + "\n" for entry in entries)
    text = "红星机械厂工会报\n2026年11月18日　第238期　厂工会主办\n" + strip + BODY
    convert = _trad if script == "traditional" else str
    parsed = _cut(convert(text))
    assert len(parsed.articles) == 2
    left = "".join(leftover.text for leftover in parsed.leftovers)
    for entry in entries:
        assert squeeze(convert(entry)) in squeeze(left)
