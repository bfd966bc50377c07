"""A notice's or letter's signer, date, issuer and contact lines end their article (qaseg25's class C3).

Layout: under the last paragraph of a notice or a letter, short lines without a full stop close it:
the signer over a date alone (``家教协会秘书　李文光`` / ``2026年11月10日``, ``初三（2）班　一名学生`` /
``十一月十日``), the issuer under a closing formula (``特此讣告。`` / ``何德厚治丧小组``), a contact line
naming its office (``村务监督委员会电话：…``), the answer's attribution under a Q&A whose question has
its own (``（读者 刘女士）`` … ``（心血管内科主任医师 陈建国）``).  They are the end of that article,
never the next one's kicker or title, nor a leftover.  In several shapes: with and without blank lines,
a blank line after every line, indented, traditional script, another paper's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import ParsedIssue, Role
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, traditional

Item = tuple[str, tuple[str, ...], tuple[str, ...]]

NEXT: Item = (
    "失物招领",
    ("上周五在食堂附近拾获蓝色水壶一个、校服外套两件,失主请于办公时间到学校办公室认领。",),
    (),
)
SIGNED: tuple[Item, ...] = (
    (
        "家教协会通告",
        ("兹通知全体家长,本校家长教师协会会员大会将于12月6日上午9时在本校食堂举行,请携带家长证件。",),
        ("家教协会秘书　李文光", "2026年11月10日"),
    ),
    (
        "读者来信:希望食堂多开一个窗口",
        (
            "编辑同志:",
            "我建议食堂在高峰时段多开一个窗口,或者让不同年级错开时间下课。希望学校能考虑我们的建议。",
        ),
        ("初三(2)班　一名学生", "十一月十日"),
    ),
    (
        "关于暂停开放图书馆的通知",
        ("因设备检修,图书馆将于本周六暂停开放一天,给大家带来不便,敬请谅解。",),
        ("图书馆办公室", "二〇二六年十一月十五日"),
    ),
    (
        "讣　告",
        ("石桥村村民何德厚老先生因病医治无效,于十一月九日在家中逝世,享年八十九岁。", "特此讣告。"),
        ("何德厚治丧小组",),
    ),
    (
        "村务收支公开",
        ("村民对本季度账目如有疑问,可在公布之日起十五日内向村务监督委员会反映。",),
        ("村务监督委员会电话:138 0000 5566(主任　何长林)",),
    ),
)


def _text(items: tuple[Item, ...], *, between: str = "\n", indent: str = "") -> str:
    lines = [line for title, body, closing in items for line in (title, *body, *closing)]
    return between.join(indent + line for line in lines) + "\n"


def _check(parsed: ParsedIssue, items: tuple[Item, ...], convert: Callable[[str], str] = str) -> None:
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _, _ in items]
    for article, (_, body, closing) in zip(parsed.articles, items, strict=True):
        last = squeeze(convert((*body, *closing)[-1]))
        assert squeeze(article.blocks[-1].text) == last
    assert not [lf for lf in parsed.leftovers if lf.text.strip()]


@pytest.mark.parametrize("item", SIGNED, ids=[i[0] for i in SIGNED])
@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no_blank", "blank_after_every_line"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"], ids=["flush", "indented"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_the_closing_lines_end_their_article(item: Item, between: str, indent: str, script: str) -> None:
    items = (item, NEXT)
    text = _text(items, between=between, indent=indent)
    convert: Callable[[str], str] = str
    if script == "traditional":
        convert = lambda t: traditional(t, "s2hk")  # noqa: E731
        text = convert(text)
    _check(cut(text), items, convert)


def test_several_signed_items_one_after_another() -> None:
    items = (*SIGNED, NEXT)
    _check(cut(_text(items)), items)
    reordered = (SIGNED[3], SIGNED[1], SIGNED[4], SIGNED[0], NEXT)
    _check(cut(_text(reordered)), reordered)


@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no_blank", "blank"])
def test_the_answers_attribution_under_a_question_with_its_own(between: str) -> None:
    qa = (
        "医生信箱",
        "血压忽高忽低怎么办?",
        "问:我今年67岁,高血压十多年了,最近在家量血压,早上高下午低,这正常吗?(读者 刘女士)",
        "答:血压在一天之中有一定波动是正常的。建议您连续记录一周的血压,复诊时带给医生看。",
        "(心血管内科主任医师　陈建国)",
        "营养食堂",
        "山药红枣小米粥",
        "食材:小米50克,山药100克,红枣6枚。做法:小米淘洗干净,与山药、红枣同煮四十分钟。",
    )
    parsed = cut(between.join(qa) + "\n")
    assert [a.title for a in parsed.articles] == ["血压忽高忽低怎么办?", "山药红枣小米粥"]
    assert parsed.articles[0].blocks[-1].text == qa[4]
    assert not parsed.leftovers


def test_a_date_with_text_going_on_under_it_is_no_signature() -> None:
    # 十一月十日 over more text is the date a paragraph speaks of, set as a line of its own
    text = (
        "社区活动回顾\n本月社区举办了多场活动,受到居民欢迎。\n读书会\n十一月十日\n"
        "二十多位居民在社区图书室分享了各自喜爱的书。\n"
    )
    parsed = cut(text)
    assert Role.BYLINE not in [b.role for a in parsed.articles for b in a.blocks]


@pytest.mark.parametrize(
    "after", ["本通讯以环保纸印刷,阅后请转交亲友。\n", "海滩清洁日\n本月二十七日上午九时在南湾泳滩举行。\n"]
)
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_the_office_a_notices_last_sentence_names_ends_it(after: str, script: str) -> None:
    text = (
        "通告\n区议会办事处于十二月二十五日及二十六日暂停开放。"
        "如有紧急事项,请致电区议会秘书处热线:2800 1234。\n南湾区议会秘书处\n" + after
    )
    if script == "traditional":
        text = traditional(text, "s2hk")
    parsed = cut(text)
    office = ("南湾区议会秘书处", "南灣區議會秘書處")
    roles = {b.role for b in parsed.articles[0].blocks if squeeze(b.text) in office}
    assert roles == {Role.BYLINE}
    assert all(squeeze(a.title or "") not in office for a in parsed.articles)


def test_a_headline_after_a_paragraph_ending_on_a_number_stays_a_title() -> None:
    text = (
        "爱心冰箱落户枫林\n社区欢迎更多商户加入,联系电话:6411 2233。\n"
        "枫林三村加装电梯进入施工阶段\n经过近两年的协商,枫林三村加装电梯项目日前正式进入施工阶段。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["爱心冰箱落户枫林", "枫林三村加装电梯进入施工阶段"]
