"""Rows of a results table are body text of their article, never headings (qaseg23's class 5).

Layout: two lines or more in a row (no blank line between) shaped like a table's rows (a score
between two names, or several fields holding numbers) are finished paragraphs of the article
they stand in; the label over them stays a subheading and the next article's title is its title.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.table_rows import is_table_row
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

MEDALS = ("1.东区 56金 41银 38铜", "2.西区 49金 45银 40铜", "3.南区 37金 39银 44铜")
MEDALS_PLAIN = ("东区 56 41 38", "西区 49 45 40", "南区 37 39 44")
MEDALS_COMMA = ("1、东区  56金  41银", "2、西区  49金  45银", "3、南区  37金  39银")
SCORES = ("红星队 3:1 蓝天队", "钢城队 0:0 江南队", "青年队 2:3 老兵队")
SCORES_WIDE = ("红星队　3：1　蓝天队", "钢城队　0：0　江南队")
SCORES_BI = ("红星队3比1蓝天队", "钢城队0比0江南队")

FIRST = (
    "市第十届运动会闭幕",
    "本报讯(记者 徐亮) 10月20日,市第十届运动会闭幕,东区代表团位列金牌榜首位。",
    "金牌榜(前三名)",
)
SECOND = (
    "市民足球联赛第十二轮战报",
    "本报讯 10月19日至20日,市民足球联赛第十二轮比赛在各赛区进行。",
    "比赛结果:",
)


def _page(first_rows: tuple[str, ...], second_rows: tuple[str, ...], blank: str) -> str:
    first = "\n".join([*FIRST, *first_rows])
    second = "\n".join([*SECOND, *second_rows, "下一轮比赛将于10月26日进行。"])
    return f"{first}\n{blank}\n{second}\n"


@pytest.mark.parametrize("first_rows", [MEDALS, MEDALS_PLAIN, MEDALS_COMMA, MEDALS[:2]])
@pytest.mark.parametrize("second_rows", [SCORES, SCORES_WIDE, SCORES_BI])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_results_rows_are_body_text(
    first_rows: tuple[str, ...], second_rows: tuple[str, ...], blank: str, script: str
) -> None:
    text = _page(first_rows, second_rows, blank)
    if script == "traditional":
        text = _trad(text)
    parsed = _cut(text)
    convert = _trad if script == "traditional" else str
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(FIRST[0])),
        squeeze(convert(SECOND[0])),
    ]
    rows = {squeeze(convert(row)) for row in (*first_rows, *second_rows)}
    for article in parsed.articles:
        for block in article.blocks:
            if squeeze(block.text) in rows:
                assert block.role is Role.PARAGRAPH
    assert [b.role for b in parsed.articles[0].blocks].count(Role.SUBHEADING) == 1


@pytest.mark.parametrize("width", [24, 30])
def test_results_rows_hard_wrapped(width: int) -> None:
    text = hard_wrap(_page(MEDALS, SCORES, "\n"), width)
    parsed = _cut(text)
    assert [a.title for a in parsed.articles] == [FIRST[0], SECOND[0]]


def test_the_row_shapes() -> None:
    for row in (*MEDALS, *MEDALS_PLAIN, *MEDALS_COMMA, *SCORES, *SCORES_WIDE, *SCORES_BI):
        assert is_table_row(row), row
    for line in (
        "市第十届运动会闭幕",
        "2024年第9期",
        "金牌榜(前三名)",
        "第十二轮战报",
        "全市共有3.5万名志愿者",
    ):
        assert not is_table_row(line), line


def test_one_line_with_a_score_alone_may_still_be_a_title() -> None:
    text = "红星队3比1力克蓝天队\n本报讯 10月19日,市民足球联赛第十二轮比赛在各赛区进行。\n"
    parsed = _cut(text)
    assert parsed.articles[0].title == "红星队3比1力克蓝天队"
