"""A title right over a table's header row (``项目　　姓名　　组别　　成绩``) after an article's finished text
opens a table of its own (qaseg32's class 2; file 05, min m03), not a subheading of the article above.  A
table with no header row under a story that names it stays the story's.

In several shapes: cells parted by spaces or ideographic spaces, with and without blank lines, traditional
script, reordered, another table.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.corpus_shapes import squeeze
from tests.segment_support import cut, owner_of, same, traditional

STORY = (
    "我校在省运会上取得历史最好成绩",
    "第十七届省运会青少年组比赛近日落下帷幕。我校共获得金牌十一枚、银牌九枚、铜牌十四枚。",
    "学校将于十一月初召开总结表彰大会。",
)
MEDALS = (
    "省运会我校获奖名单（金牌）",
    (
        ("项目", "姓名", "组别", "成绩"),
        ("男子100米", "刘宇航", "乙组", "10秒86"),
        ("女子400米栏", "何佳琪", "甲组", "1分01秒42"),
        ("举重女子49公斤级", "张萌萌", "乙组", "总成绩170公斤"),
    ),
)
MARKS = (
    "十月份文化课月考成绩通报",
    (
        ("班级", "参考人数", "平均分", "及格率"),
        ("初一（1）班", "42", "78.5", "92%"),
        ("初一（2）班", "40", "75.2", "88%"),
        ("初二（1）班", "38", "71.5", "86.8%"),
    ),
)
NOTICE = ("招生简章", "我校二〇二七年面向全市招收田径、游泳、举重项目学生，年龄九至十四周岁。")


def _table(table: tuple, gap: str) -> list[str]:
    title, rows = table
    return [title, *(gap.join(row) for row in rows)]


# (A short table between blank lines is re-flowed into one paragraph, its header row read as a title: not
# this class.)
@pytest.mark.parametrize(("table", "blank"), [(MEDALS, False), (MEDALS, True), (MARKS, False)])
@pytest.mark.parametrize("gap", ["    ", "\u3000\u3000"])
@pytest.mark.parametrize("notice_first", [False, True])
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_title_over_a_header_row_opens_its_table(
    table: tuple, gap: str, blank: bool, notice_first: bool, convert: Callable[[str], str]
) -> None:
    sep = [""] if blank else []
    story, notice = list(STORY), list(NOTICE)
    blocks = [notice, story, _table(table, gap)] if notice_first else [story, _table(table, gap), notice]
    lines = ["体校通讯　第24期"]
    for block in blocks:
        lines += sep + block
    text = convert("\n".join(lines) + "\n")
    parsed = cut(text)
    titles = [block[0] for block in blocks]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t in titles]
    at = titles.index(table[0])
    assert owner_of(parsed, text, convert(table[1][-1][0])) == at
    assert owner_of(parsed, text, convert(STORY[2])) == titles.index(STORY[0])


@pytest.mark.parametrize("convert", [same, traditional])
def test_a_table_without_header_under_the_story_naming_it_stays(convert: Callable[[str], str]) -> None:
    text = convert(
        "全运会闭幕　东区位列金牌榜首位\n"
        "第十届全市运动会昨日闭幕，东区代表团以五十六枚金牌位列金牌榜首位。\n"
        "金牌榜（前三名）\n1.东区　56金　41银　38铜\n2.西区　48金　45银　40铜\n3.南区　39金　37银　42铜\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1
