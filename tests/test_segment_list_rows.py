"""Rows of a donor list or a results list at an article's start are its body, never a stack of
kicker, title and subtitle lines (qaseg27's class C2: m03, m06).

- a donor list: ``陈国梁先生 新币五千元`` rows under ``乐捐芳名录`` (Han numerals, a currency word);
- scores with full-width dashes (``外国语学校 78－65 第三中学``, ``3∶2``), grouped under short labels
  (``男子组`` / ``女子组``), one score alone in a group.

Variants: traditional script, indented, reordered, other currencies; lines that only look like rows
(two short words) stay headings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from reader.core.segment.table_rows import is_table_row
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, traditional

OBITUARY = (
    "讣告",
    "本会馆永久名誉会长黄振南老先生,于二〇二六年十一月十二日安详辞世,享寿九十一岁。",
    "新加坡南安会馆 敬启",
)
DONORS = (
    "乐捐芳名录",
    "陈国梁先生 新币五千元",
    "林氏家族基金 新币三千元",
    "无名氏 新币五百元",
    "黄美玲女士 新币二百元",
)
BRIEFS = (
    "会务简讯",
    "一、本届理事会第五次会议已于十一月一日召开,通过明年度活动预算。",
    "二、会馆图书角新到《南安县志》一套,欢迎会员到馆阅览。",
)


def _same(text: str) -> str:
    return text


@pytest.mark.parametrize("convert", [_same, traditional])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("donors", [DONORS, DONORS[:3], (DONORS[0], *DONORS[:0:-1])])
def test_a_donor_list_is_the_body_of_its_article(
    convert: Callable[[str], str], indent: str, donors: tuple[str, ...]
) -> None:
    parts = (OBITUARY, donors, BRIEFS)
    text = "新加坡南安会馆 会讯 第一百二十六期\n" + "\n".join(
        "\n".join([p[0], *(indent + line for line in p[1:])]) for p in parts
    )
    parsed = cut(convert(text + "\n"))
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(p[0])) for p in parts]
    listed = parsed.articles[1]
    assert [block.role for block in listed.blocks] == [Role.TITLE] + [Role.PARAGRAPH] * (len(donors) - 1)


SCORES = (
    "篮球联赛第四轮战报",
    "男子组",
    "外国语学校 78－65 第三中学",
    "第二中学 81－79 职业技术学院附中（加时）",
    "女子组",
    "第一中学 44－38 外国语学校",
    "本轮过后，实验中学男篮四战全胜领跑积分榜。",
)
STORY = (
    "九秒九八！高二男生打破市纪录",
    "在11月29日举行的市中学生田径锦标赛上，第二中学高二学生赵天宇以9秒98的成绩获得男子100米冠军。",
)


@pytest.mark.parametrize("convert", [_same, traditional])
@pytest.mark.parametrize("dash", ["－", "-", "∶", ":"])
def test_scores_under_group_labels_stay_in_one_article(convert: Callable[[str], str], dash: str) -> None:
    scores = tuple(line.replace("－", dash) for line in SCORES)
    parsed = cut(convert("体坛周刊·校园版　第47期\n" + "\n".join([*STORY, *scores]) + "\n"))
    assert len(parsed.articles) == 2
    second = parsed.articles[1]
    body = [squeeze(b.text) for b in second.blocks if b.role is Role.PARAGRAPH]
    assert body == [squeeze(convert(line)) for line in (scores[2], scores[3], scores[5], scores[6])]


@pytest.mark.parametrize(
    "line",
    [
        "陈国梁先生 新币五千元",
        "林氏家族基金 RM500",
        "無名氏 港幣一千元",
        "王大明 1,000元",
        "外国语学校 78－65 第三中学",
    ],
)
def test_rows(line: str) -> None:
    assert is_table_row(line)


@pytest.mark.parametrize("line", ["千里机动 砺兵雪原", "会务简讯", "新春特惠 一元起", "两岸一家 万众一心"])
def test_no_rows(line: str) -> None:
    assert not is_table_row(line)
