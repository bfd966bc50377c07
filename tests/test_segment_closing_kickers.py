"""A short closing line over the next item's title stays the end of its item, not the next one's kicker
(qaseg32's class 5): a sign-off with its formula glued to the signers (``本隊全體隊員敬謝``), a salute
(``向装卸三队的兄弟们致敬！``); and a schedule's rows (``10月18日(星期六)上午8時　消防演習示範``) under a
title are its body, not a kicker and a title.

In several shapes: with and without blank lines, indented, traditional script, reordered, another
paper's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from reader.core.segment.closing_tails import is_closing_tail
from reader.core.segment.sign_offs import sign_off_words
from reader.core.segment.table_rows import is_table_row
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, owner_of, same, traditional

THANKS = (
    "鸣谢",
    "本队谨向以下善心人士及商家致以万二分谢意：士乃华人商会捐赠急救箱二十个；士乃新村福利协会捐赠马币三千元。",
)
SCHEDULE = (
    "下季活动预告",
    (
        "10月18日(星期六)上午8时　士乃华小消防演习示范",
        "11月8日(星期六)全日　柔佛州义消队技能比赛(新山)",
        "12月20日(星期六)晚上7时　本队年终聚餐暨颁奖礼(队所)",
    ),
)
NEWS = (
    "新队员介绍",
    "本季共有五名新队员完成基本训练，正式加入本队，其中一位是本队第三位女队员。",
)


def _page(signers: str, *, blank: bool, indent: str, schedule_first: bool) -> str:
    thanks = [THANKS[0], indent + THANKS[1], signers]
    schedule = [SCHEDULE[0], *SCHEDULE[1]]
    news = [NEWS[0], indent + NEWS[1]]
    blocks = [schedule, thanks, news] if schedule_first else [thanks, schedule, news]
    sep = [""] if blank else []
    lines = ["士乃义务消防队队讯"]
    for block in blocks:
        lines += sep + block
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("signers", ["本队全体队员敬谢", "全体员工谨启", "陈府全家敬谢"])
@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("schedule_first", [False, True])
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_glued_sign_off_closes_its_item_and_a_schedule_stays_under_its_title(
    signers: str, blank: bool, indent: str, schedule_first: bool, convert: Callable[[str], str]
) -> None:
    text = convert(_page(signers, blank=blank, indent=indent, schedule_first=schedule_first))
    parsed = cut(text)
    titles = [SCHEDULE[0], THANKS[0], NEWS[0]] if schedule_first else [THANKS[0], SCHEDULE[0], NEWS[0]]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t in titles]
    thanks = titles.index(THANKS[0])
    assert owner_of(parsed, text, convert(signers)) == thanks
    assert parsed.articles[thanks].blocks[-1].role is Role.BYLINE
    schedule = titles.index(SCHEDULE[0])
    for row in SCHEDULE[1]:
        assert owner_of(parsed, text, convert(row)) == schedule
    assert Role.KICKER not in [b.role for a in parsed.articles[1:] for b in a.blocks]  # (the masthead: 0's)


SALUTED = (
    (
        "装卸三队创下单船作业效率新纪录",
        "十一月三日，装卸三队在十二号泊位以每小时一百八十六自然箱的效率，刷新了公司单船作业效率纪录。",
        "队长陈国栋说，纪录是全队一百多号人一起干出来的。",
    ),
    (
        "机修车间老师傅带出新徒弟",
        "机修车间钳工班的王德顺今年五十八岁，再有两年就要退休，这几个月他把空闲时间都花在了徒弟身上。",
        "今年，三个徒弟中已有两人通过了高级工考核。",
    ),
)


@pytest.mark.parametrize("salute", ["向装卸三队的兄弟们致敬！", "为一线职工点赞！", "向他们致敬!"])
@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_salute_under_an_item_ends_it(
    salute: str, blank: bool, indent: str, convert: Callable[[str], str]
) -> None:
    first, second = SALUTED
    sep = [""] if blank else []
    lines = [first[0], indent + first[1], indent + first[2], salute, *sep, second[0], indent + second[1]]
    lines += [indent + second[2]]
    text = convert("\n".join(lines) + "\n")
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t[0])) for t in SALUTED]
    assert owner_of(parsed, text, convert(salute)) == 0
    assert Role.KICKER not in [b.role for b in parsed.articles[1].blocks]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("本队全体队员敬谢", ["本队全体队员", "敬谢"]),
        ("全体员工谨启", ["全体员工", "谨启"]),
        ("黄氏家属　敬谢", ["黄氏家属", "敬谢"]),
        ("我们衷心敬谢", None),  # no body of signers
        ("表示感谢", None),
    ],
)
def test_glued_sign_off_words(line: str, words: list[str] | None) -> None:
    assert sign_off_words(line) == words


@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("向装卸三队的兄弟们致敬！", True),
        ("为一线职工点赞！", True),
        ("致敬！最美逆行者", False),  # a kicker's shape: the salute opens it
        ("他们向英雄致敬。", False),
    ],
)
def test_salutes_close(line: str, closing: bool) -> None:
    assert is_closing_tail(line) is closing


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("10月18日(星期六)上午8时　士乃华小消防演习示范", True),
        ("十月二十日（星期二）下午六时　菲华体育总会理事会议　假该会会所", True),
        ("11月8日(星期六)全日　柔佛州义消队技能比赛(新山)", False),  # (全日: no time; a row only in its run)
        ("10月18日上午，记者来到消防队。", False),
    ],
)
def test_schedule_rows(line: str, row: bool) -> None:
    assert is_table_row(line) is row
