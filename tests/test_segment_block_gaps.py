"""A title over undated text after a finished article starts the next article (qaseg23's class 2).

Layout: where an article sets its paragraphs with no blank line between them (the issue puts
blank lines between articles only) and ends with a contact line or a notice's field (查询电话:…,
截止日期:…), a lone heading after a blank line, right over its text, opens the next article, whatever
that text opens with (no dateline, no date); a 【column label】 after a blank line opens the next
column's article.  After a plain sentence only a heading as long as a headline (eight characters or
more) does: a shorter one is the article's subheading, as features set theirs (对标找差, 补齐短板) after a
blank line too.  Where blank lines stand between the
paragraphs too (one more between blocks), a lone heading between paragraphs stays a subheading.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional

FIRST = (
    "「旧区新貌」摄影比赛",
    "本会举办「旧区新貌」摄影比赛,欢迎区内居民参加。作品须于湾仔区内拍摄,每人最多提交三张。",
)
ENDINGS = ("查询电话:2345 6789", "截止日期:2024年12月15日", "联系人:陈小姐")
SENTENCE = "逾期来稿恕不受理,请参加者留意。"
SECOND = (
    ("社区清洁日", "本会将举办社区清洁日,集合地点为修顿球场,欢迎居民及学校团体报名参加。"),
    ("长者健康讲座下周举行", "讲座由区内家庭医生主讲,内容包括高血压和糖尿病的日常管理。"),
    ("义工招募", "中心现招募周末义工若干名,负责探访独居长者,有意者请到中心登记。"),
)


def _page(ending: str, second: tuple[str, str], indent: str = "") -> str:
    first = "\n".join(indent + line for line in (FIRST[0], FIRST[1], ending))
    return f"{first}\n\n{indent}{second[0]}\n{indent}{second[1]}\n"


def _trad(text: str) -> str:
    return traditional(text, "s2hk")


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("second", SECOND)
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_title_over_undated_text_after_a_finished_article(
    ending: str, second: tuple[str, str], indent: str, script: str
) -> None:
    text = _page(ending, second, indent)
    if script == "traditional":
        text = _trad(text)
    parsed = _cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(t if script == "simplified" else _trad(t)) for t in (FIRST[0], second[0])
    ]
    assert squeeze(parsed.articles[0].blocks[-1].text) == squeeze(
        ending if script == "simplified" else _trad(ending)
    )


@pytest.mark.parametrize("width", [14, 18, 20])
def test_a_title_over_undated_text_after_a_finished_article_hard_wrapped(width: int) -> None:
    text = hard_wrap(_page(ENDINGS[0], SECOND[1]), width)
    parsed = _cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(FIRST[0]), squeeze(SECOND[1][0])]


def test_the_next_pages_articles_follow_in_order() -> None:
    # Each article of two paragraphs (an article of one shows nothing of how the issue sets them).
    # (every notice closes with a contact line or a field: after a plain sentence a heading is a subheading)
    text = "".join(
        _page(ENDINGS[i], (SECOND[i][0], SECOND[i][1] + "\n" + FIRST[1] + "\n" + ENDINGS[i])) + "\n"
        for i in range(3)
    )
    parsed = _cut(text)
    assert [a.title for a in parsed.articles] == [
        FIRST[0],
        SECOND[0][0],
        FIRST[0],
        SECOND[1][0],
        FIRST[0],
        SECOND[2][0],
    ]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
def test_after_a_plain_sentence_a_lone_heading_after_a_blank_line_is_a_subheading(
    script: str, indent: str
) -> None:
    feature = (
        "梅园街道推进服务站点标准化建设",
        "本报讯 近日,梅园街道召开社区服务站点标准化建设推进会,总结经验,部署任务。",
        "街道党工委书记韩立新出席会议并讲话。",
        "",
        "对标找差",
        "会上,各居民区书记逐一汇报了服务站点的运行情况。截至3月底,已建成标准化服务站点19个。",
        "全年累计接待居民咨询4.6万人次。",
        "",
        "补齐短板",
        "韩立新指出,要把服务站点建在居民最需要的地方。要坚持问需于民,定期开展满意度调查。",
        "对群众反映集中的停车难、加装电梯等问题,要建立台账,逐项销号。",
        "",
        "社区举办老年书法展",
        "本报讯 5月8日,社区老年书法展在文化活动中心开幕,展出作品60余幅。",
    )
    text = "".join((indent + line if line else "") + "\n" for line in feature)
    if script == "traditional":
        text = _trad(text)
    parsed = _cut(text)
    assert len(parsed.articles) == 2
    subheads = [squeeze(b.text) for b in parsed.articles[0].blocks if b.role is Role.SUBHEADING]
    expected = ["对标找差", "补齐短板"]
    assert subheads == [squeeze(t if script == "simplified" else _trad(t)) for t in expected]
    also = _cut(_page(SENTENCE, SECOND[0], indent))  # the notice that ends with a sentence: the same
    assert len(also.articles) == 1
    # a heading as long as a headline opens the next article after a sentence too (长者健康讲座下周举行)
    longer = _cut(_page(SENTENCE, SECOND[1], indent))
    assert [squeeze(a.title or "") for a in longer.articles] == [squeeze(FIRST[0]), squeeze(SECOND[1][0])]


def test_with_blank_lines_between_paragraphs_a_lone_heading_stays_a_subheading() -> None:
    text = f"{FIRST[0]}\n{FIRST[1]}\n\n{SENTENCE}\n\n{SECOND[0][0]}\n{SECOND[0][1]}\n"
    parsed = _cut(text)
    assert len(parsed.articles) == 1
    assert [b.role for b in parsed.articles[0].blocks].count(Role.SUBHEADING) == 1


def test_a_heading_with_no_blank_line_before_it_stays_a_subheading() -> None:
    text = f"{FIRST[0]}\n{FIRST[1]}\n{SENTENCE}\n{SECOND[0][0]}\n{SECOND[0][1]}\n"
    parsed = _cut(text)
    assert len(parsed.articles) == 1


FEATURE = (
    "【师生风采】\n\n用心点亮每一盏灯\n——记市优秀班主任林芳老师\n记者 陈思雨\n"
    "早上六点五十,林芳老师总是第一个走进教室。从教二十年,她担任班主任十八年。\n"
    "今年,林芳老师被评为市优秀班主任。\n"
)
COLUMNS = (
    ("【获奖快讯】", "我校学生在全国中学生物理竞赛(省赛区)中获一等奖三项、二等奖五项。"),
    ("〖征稿〗", "校报常年征稿,来稿请发至校报编辑部邮箱。"),
    ("【校园简讯】", "高一学生王一鸣获市青少年书法比赛一等奖。"),
)


@pytest.mark.parametrize("label, item", COLUMNS)
@pytest.mark.parametrize("glued", [False, True])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_column_label_after_a_feature_opens_the_next_column(
    label: str, item: str, glued: bool, script: str
) -> None:
    text = FEATURE + "\n" + label + ("" if glued else "\n") + item + "\n"
    if script == "traditional":
        text = _trad(text)
    parsed = _cut(text)
    assert len(parsed.articles) == 2
    assert squeeze(parsed.articles[1].blocks[0].text) == squeeze(
        label if script == "simplified" else _trad(label)
    )
    assert Role.SUBHEADING not in [b.role for b in parsed.articles[0].blocks]
