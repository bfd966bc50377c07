"""Rows of accounts, programmes, calendars and results lists are body text (qaseg25's class C2).

Layout: short lines without a full stop, one after another, shaped like a table's rows, are the body of
the article whose title is above them, never a stack of headings that opens an article or piles up as
the next title's kickers.  The shapes seg25 did not take: an account and its amount parted by wide
spaces (``一、上季结余　　　　　　186,420.50``), a programme's item with a dot leader
(``宣　召……………………主　席``), a calendar's entry led by its date (``十二月六日（六）上午十时``), a
results list's longer label over a value with figures (``男子组个人冠军:六年级 郑志伟(100米)``), and rows
one blank line apart where the issue sets a blank line after every line.  In several shapes: indented
rows, traditional script, with the next title a notice or a plain headline.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.short_line_runs import is_row_line
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, traditional

Table = tuple[str, str, tuple[str, ...]]

ACCOUNTS: Table = (
    "二〇二六年第三季度村务收支公开",
    "现将本村第三季度财务收支情况公布如下,接受全体村民监督。",
    (
        "项目\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000金额（元）\u3000\u3000\u3000备注",
        "一、上季结余\u3000\u3000\u3000\u3000\u3000\u3000186,420.50",
        "二、本季收入\u3000\u3000\u3000\u3000\u3000\u3000243,800.00",
        "\u3000\u3000集体土地租金\u3000\u3000\u3000\u3000150,000.00\u3000\u3000蔬菜基地",
        "三、本季支出\u3000\u3000\u3000\u3000\u3000\u3000201,356.00",
        "\u3000\u3000路灯电费\u3000\u3000\u3000\u3000\u3000\u3000 12,430.00",
        "\u3000\u3000干部误工补贴\u3000\u3000\u3000\u3000 54,000.00",
        "四、本季结余\u3000\u3000\u3000\u3000\u3000\u3000228,864.50",
    ),
)
PROGRAMME: Table = (
    "主日崇拜程序",
    "本主日崇拜由李德明牧师证道,请会众提早五分钟入座,安静预备心。",
    (
        "宣\u3000召……………………………………主\u3000席",
        "诗\u3000歌……………………「圣哉，圣哉，圣哉」",
        "读\u3000经……………………………以赛亚书四十章",
        "证\u3000道………………「安慰我的百姓」 李德明牧师",
        "祝\u3000福……………………………………李德明牧师",
    ),
)
CALENDAR: Table = (
    "活动日志",
    "本月社区活动如下,欢迎居民踊跃参加。",
    (
        "十二月六日（六）上午十时",
        "\u3000南湾公园冬日嘉年华",
        "十二月十三日（六）下午二时\u3000长者智能手机班（社区会堂）",
        "十二月二十日（六）晚上七时\u3000圣诞社区音乐会（海滨广场）",
        "12月27日(周六)9:30\u3000海滩清洁日",
    ),
)
RESULTS: Table = (
    "第41届常年运动会成绩",
    "本校第41届常年运动会已于10月18日顺利举行,成绩如下:",
    (
        "总冠军:红社(总分 186分)",
        "亚军:蓝社(总分 171分)",
        "季军:黄社(总分 149分)",
        "男子组个人冠军:六年级 郑志伟(100米、200米、跳远)",
        "女子组个人冠军:五年级 许佳欣(100米、跳高)",
    ),
)
NEXT = (
    ("关于冬季农田水利清淤的通知", "经村两委研究决定,本村今年冬季对东干渠进行清淤整修,请各户做好准备。"),
    ("村里的广播又响起来了", "早上六点半,村部屋顶的大喇叭准时响了,村主任的声音传遍了整个村子。"),
)


def _text(table: Table, after: tuple[str, str], *, between: str = "\n", script: str = "simplified") -> str:
    title, intro, rows = table
    text = between.join([title, intro, *rows, *after]) + "\n"
    return traditional(text, "s2hk") if script == "traditional" else text


@pytest.mark.parametrize("table", [ACCOUNTS, PROGRAMME, CALENDAR, RESULTS], ids=lambda t: t[0])
@pytest.mark.parametrize("after", NEXT, ids=["notice", "headline"])
@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no_blank", "blank_after_every_line"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_rows_are_the_body_of_the_article_above(
    table: Table, after: tuple[str, str], between: str, script: str
) -> None:
    parsed = cut(_text(table, after, between=between, script=script))
    convert = (lambda t: traditional(t, "s2hk")) if script == "traditional" else (lambda t: t)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(table[0])),
        squeeze(convert(after[0])),
    ]
    first = parsed.articles[0]
    roles = {squeeze(b.text): b.role for b in first.blocks}
    for row in table[2]:
        assert roles.get(squeeze(convert(row))) is Role.PARAGRAPH, row


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一、上季结余\u3000\u3000\u3000\u3000186,420.50", True),
        ("宣\u3000召……………………主\u3000席", True),
        ("十二月六日（六）上午十时", True),
        ("12月5日(周五)14:00 反诈骗知识讲座", True),
        ("男子组个人冠军:六年级 郑志伟(100米)", True),
        ("社区卫生服务中心提醒:冬季用药要注意", False),
        ("冬季用药要注意", False),
        ("问:过期的药品怎么扔?", False),
        ("十二月六日", False),
        ("第四十六期\u3000\u3000石桥村村民委员会编印", False),
    ],
)
def test_what_a_row_looks_like(text: str, expected: bool) -> None:
    assert is_row_line(text) is expected
