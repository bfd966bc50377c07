"""Layouts a tester wrote without reading the rules, each cut as an editor would cut it.

A second story with a title but no byline, a photo credit on a line of its own,
jump markers inside paragraphs, a notice signed with its issuer and date, and
untitled briefs each closed by its source: each in the shapes other OCR engines
give (hard-wrapped, indented, under a masthead), with no character lost.
"""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment import segment
from reader.core.segment.rules import leads_like_news
from tests.corpus_shapes import SHAPES, reshaped, signature
from tests.test_segment_coverage import assert_covers_exactly

SECOND_STORY = """\
屋邨长者中心举办端午活动

5月24日,长者中心举办端午节活动,逾百名长者参加。

区内增设巴士路线

运输署宣布,由6月1日起新增一条巴士路线,班次约每15分钟一班。
"""

SUBHEADING = """\
屋邨长者中心举办端午活动

5月24日,长者中心举办端午节活动,逾百名长者参加。

包粽子比赛

长者们分成四组比赛包粽子,志愿者在旁协助。
"""

CREDIT = """\
社区运动会开幕

5月20日,社区居民运动会开幕。

▲运动员们在拔河比赛中奋力拼搏

(李四 摄)

据悉,运动会将持续两周。

摄影 王五

闭幕式将在6月3日举行。
"""

JUMPS = """\
街道举办邻里文化节

6月2日,街道邻里文化节开幕。

开幕式上,街道为十户最美家庭颁奖。(下转第2版)

社区新增三处口袋公园

街道利用边角地新建三处口袋公园。

第2版

(上接第1版)文化节为期一个月。

居民们希望多办这样的活动。
"""

NOTICES = """\
停水通知

5月25日8时至18时,梅林路将暂停供水,请居民提前储水。

梅林自来水公司
2023年5月19日

读者来信

楼道灯坏了三个月,居委会第二天就修好了。谢谢你们!

读者 王建国
2023年5月18日
"""

BRIEFS = """\
社区简讯

5月10日,阳光居民区开展邻里节活动。(阳光居委会供稿)

5月11日,社区卫生服务中心为老人免费测量血压。(社区卫生服务中心供稿)
"""


PAGE_HEADER = "PAGE 3\n\nA2  RIVERSIDE COMMUNITY WEEKLY  民生\n\n"  # set across the page: never wrapped
NOTE = """\
编者按:本报今起开设“微更新故事”专栏,讲述社区里的小变化。

小花园变身会客厅

记者 赵强

彩虹小区门口原本是一块空地,如今建起了口袋花园。
"""


CONTENTS = """\
本期导读

加装电梯惠及百户居民………………2版
社区志愿者风采录……………………3版
夏季防汛知识问答  4版

街道召开工作推进会

本报讯(记者 刘明)5月8日,街道召开重点工作推进会。
"""


BRACKETED_TITLES = """\
★社区党建★

【党员志愿服务队成立】

5月23日,街道党员志愿服务队正式成立,首批120名党员报名加入。

◆服务内容

志愿者每周至少参加一次服务活动。

【民生】

【社区书屋免费开放】

5月24日起,社区书屋每天免费开放,藏书5000余册。
"""


def _outline(parsed: ParsedIssue) -> list[list[str]]:
    return [[str(b.role) for b in a.blocks] for a in parsed.articles]


def test_a_titled_story_whose_lead_says_when_is_a_story_of_its_own() -> None:
    assert leads_like_news("运输署宣布,由6月1日起新增一条巴士路线")
    assert leads_like_news("街道近日向全体居民发出文明养犬倡议")
    assert not leads_like_news("长者们分成四组比赛包粽子,志愿者在旁协助。近日还将举办")
    parsed = segment(SECOND_STORY)
    assert_covers_exactly(SECOND_STORY, parsed)
    assert _outline(parsed) == [["title", "paragraph"], ["title", "paragraph"]]
    assert _outline(segment(SUBHEADING)) == [["title", "paragraph", "subheading", "paragraph"]]


def test_a_photo_credit_on_its_own_line_stays_with_its_article() -> None:
    parsed = segment(CREDIT)
    assert _outline(parsed) == [
        ["title", "paragraph", "caption", "caption", "paragraph", "caption", "paragraph"]
    ]
    assert [(p.name, p.role) for p in parsed.articles[0].people] == [("王五", "摄影")]


def test_jump_markers_inside_paragraphs_end_and_open_articles() -> None:
    parsed = segment(JUMPS)
    assert _outline(parsed) == [
        ["title", "paragraph", "paragraph"],
        ["title", "paragraph"],
        ["paragraph"] * 2,
    ]
    assert parsed.articles[2].blocks[0].text.startswith("(上接第1版)")
    assert [left.text for left in parsed.leftovers] == ["第2版"]


def test_a_signed_notice_keeps_its_issuer_and_date_and_the_date_is_no_issue_date() -> None:
    parsed = segment(NOTICES)
    assert parsed.date is None
    assert [a.blocks[0].text for a in parsed.articles] == ["停水通知", "读者来信"]
    notice, letter = parsed.articles
    assert [b.text for b in notice.blocks[-2:]] == ["梅林自来水公司", "2023年5月19日"]
    assert [b.text for b in letter.blocks[-2:]] == ["读者 王建国", "2023年5月18日"]
    assert all(b.role is not Role.TITLE for b in notice.blocks[2:])


def test_untitled_briefs_under_a_label_are_one_item_each() -> None:
    parsed = segment(BRIEFS)
    assert _outline(parsed) == [["section", "paragraph", "source"], ["paragraph", "source"]]


def test_an_editors_note_opens_the_article_under_it_and_latin_page_headers_are_furniture() -> None:
    parsed = segment(PAGE_HEADER + NOTE)
    assert _outline(parsed) == [["paragraph", "title", "byline", "paragraph"]]
    assert parsed.articles[0].blocks[0].text.startswith("编者按")
    assert [left.text for left in parsed.leftovers] == ["PAGE 3", "A2  RIVERSIDE COMMUNITY WEEKLY  民生"]


def test_a_long_bracketed_line_is_a_title_and_a_starred_word_a_section() -> None:
    parsed = segment(BRACKETED_TITLES)
    assert _outline(parsed) == [
        ["section", "title", "paragraph", "subheading", "paragraph"],
        ["section", "title", "paragraph"],
    ]
    assert [a.blocks[0].text for a in parsed.articles] == ["★社区党建★", "【民生】"]
    assert not parsed.leftovers


def test_the_issues_contents_are_leftovers_not_the_lead_articles_headings() -> None:
    parsed = segment(CONTENTS)
    assert _outline(parsed) == [["title", "paragraph"]]
    assert [(str(left.kind), left.text) for left in parsed.leftovers] == [
        ("section", "本期导读"),
        ("layout", "加装电梯惠及百户居民………………2版"),
        ("layout", "社区志愿者风采录……………………3版"),
        ("layout", "夏季防汛知识问答  4版"),
    ]


@pytest.mark.parametrize("name", ["second story", "credit", "jumps", "notices", "briefs", "editor's note"])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_same_in_other_shapes(name: str, shape: str) -> None:
    text = {
        "second story": SECOND_STORY,
        "credit": CREDIT,
        "jumps": JUMPS,
        "notices": NOTICES,
        "briefs": BRIEFS,
        "editor's note": NOTE,
    }[name]
    shaped = reshaped(text, shape, {"hard": 16, "indent": 18, "masthead": 20}[shape])
    if name == "editor's note":
        shaped, text = PAGE_HEADER + shaped, PAGE_HEADER + text
    parsed = segment(shaped)
    assert_covers_exactly(shaped, parsed)
    assert signature(parsed) == signature(segment(text))
