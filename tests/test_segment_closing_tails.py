"""An item's closing line over the next item's title ends that item, never becomes the next one's kicker
(qaseg31's class 2, qaseg30's class 2).

A notices page closes each notice with its contact or reference fields (``联络人：…　电话：…``,
``编号：…``, ``刊登人：…　编号：…``), a letter with a dashed signature (``——病人家属　孙立新``, also on one
line with its last sentence), an item with the editors' name (``本刊编辑部``) or an exhortation
(``发现火情请立即拨打一一九！``); the next title sits right under it with no blank line.  The closing
line is the last paragraph of its item, and the title under it opens the next article.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.closing_tails import is_closing_tail
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

Item = tuple[str, tuple[str, ...], str]

ITEMS: tuple[Item, ...] = (
    (
        "寻父启事",
        (
            "寻找父亲陈国雄，一九五二年生，广东海丰人，一九七九年只身来港，约一九八六年后失去联络。",
            "女儿陈秀珍盼能与父亲见上一面，如有知情者，请与本会联络，必有重谢。",
        ),
        "联络人：陈秀珍\u3000电话：一三八 二二三三 四四五五",
    ),
    (
        "寻找失散姐姐",
        ("寻找姐姐林美华，约一九六〇年生，福建晋江人，一九七八年来港，据悉曾在北角一带当家庭佣工。",),
        "编号：二〇二六－〇八七",
    ),
    (
        "寻找童年玩伴",
        ("寻找一九六五年在深水埗石硖尾邨同住的玩伴阿强，当年约十岁，父亲在码头做搬运工。",),
        "刊登人：郭先生（现居沙田）\u3000编号：二〇二六－〇九五",
    ),
    (
        "感谢信摘登",
        (
            "我父亲今年七十九岁，十一月因心衰住进心内科。住院期间，护士们每天耐心地教他控制饮水、称体重。",
            "父亲出院时说，这是他住过最舒心的一次院。",
        ),
        "在此向心内科全体医护人员表示衷心感谢！——病人家属\u3000孙立新",
    ),
    (
        "更正",
        ("上期第三版《校友会年会》一文中，新任财政的姓名应为“林志明”，误植为“林志民”，特此更正并致歉。",),
        "本刊编辑部",
    ),
    (
        "冬季防火须知",
        ("冬季天干物燥，是火灾多发季节。请大家做到人走断电，不私拉乱接电线，楼道里不堆放杂物。",),
        "发现火情请立即拨打一一九！",
    ),
)


def _lines(order: tuple[int, ...]) -> list[str]:
    return [line for n in order for line in (ITEMS[n][0], *ITEMS[n][1], ITEMS[n][2])]


def _check(text: str, order: tuple[int, ...], convert: bool = False) -> None:
    parsed = cut(text)
    titles, tails = [ITEMS[n][0] for n in order], [ITEMS[n][2] for n in order]
    if convert:
        titles, tails = [traditional(t, "s2hk") for t in titles], [traditional(t, "s2hk") for t in tails]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t in titles]
    for article, tail in zip(parsed.articles, tails, strict=True):
        assert squeeze(article.blocks[-1].text).endswith(squeeze(tail)[-6:])
        assert Role.KICKER not in [b.role for b in article.blocks]


ORDERS = [(0, 1, 2), (3, 0, 4), (5, 3, 1), (4, 5, 2, 0)]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_closing_line_over_the_next_title(order: tuple[int, ...], indent: str, script: str) -> None:
    text = "".join(indent + line + "\n" for line in _lines(order))
    if script == "traditional":
        text = traditional(text, "s2hk")
    _check(text, order, convert=script == "traditional")


@pytest.mark.parametrize("order", ORDERS[:2])
def test_with_a_blank_line_between_items(order: tuple[int, ...]) -> None:
    text = "".join(
        "".join(line + "\n" for line in (ITEMS[n][0], *ITEMS[n][1], ITEMS[n][2])) + "\n" for n in order
    )
    _check(text, order)


@pytest.mark.parametrize("width", [28, 36])
def test_hard_wrapped(width: int) -> None:
    order = (0, 1, 2)
    _check(hard_wrap("".join(line + "\n" for line in _lines(order)), width), order)


@pytest.mark.parametrize(
    "text",
    [
        "联络人：陈秀珍　电话：一三八 二二三三 四四五五",
        "编号：二〇二六－〇八七",
        "刊登人：李先生　编号：二〇二六－〇九二",
        "——七号楼三单元居民　陈建华",
        "在此向巴雅尔医生表示衷心感谢！——牧民　额尔敦",
        "本刊编辑部",
        "祝各位会员生意兴隆，阖家安康！",
        "发现火情请立即拨打一一九！",
    ],
)
def test_closing_lines(text: str) -> None:
    assert is_closing_tail(text)


@pytest.mark.parametrize(
    "text",
    [
        "寻找失散姐姐",
        "冬季防火，人人有责",
        "病区新闻：我科获评优质护理示范病区",
        "我们的编辑部故事",
        "快来报名吧！",
    ],
)
def test_titles_are_no_closing_lines(text: str) -> None:
    assert not is_closing_tail(text)


# -- qaseg30's class 2: a list's rows and a poem's lines over the next title ----------------------------
MEMBERS = (
    "新会员名录（2024年7月至9月）",
    "经理事会审议，以下企业和个人于本季度加入商会，特此公布，欢迎！",
    "陈志伟\u3000\u3000Bazar Chen S.L.\u3000\u3000\u3000\u3000马德里\u3000百货零售",
    "吴志强\u3000\u3000Frutería Wu\u3000\u3000\u3000\u3000塞维利亚\u3000果蔬零售",
)
STORY = (
    "会员故事：从小杂货店到连锁超市",
    "二〇〇三年，来自浙江青田的徐建明在马德里南郊开了第一家小杂货店，店面不到四十平方米。",
    "谈到未来，他希望把经验分享给年轻的华人创业者。",
)


@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_lists_rows_stay_in_their_item(blank: str, script: str) -> None:
    text = "".join(line + "\n" + blank for line in (*MEMBERS, *STORY))
    if script == "traditional":
        text = traditional(text)
    parsed = cut(text)
    assert len(parsed.articles) == 2
    last = traditional(MEMBERS[3]) if script == "traditional" else MEMBERS[3]
    assert squeeze(parsed.articles[0].blocks[-1].text).startswith(last[:3])
    assert Role.KICKER not in [b.role for b in parsed.articles[1].blocks]


POEMS = (
    "诗二首",
    "■ 陈文光",
    "《雨季》",
    "雨落在亚答屋顶上",
    "像祖母的念珠",
    "数着离乡的日子",
    "《码头》",
    "父亲的船没有回来",
    "码头上的灯",
    "亮了五十年",
)
ESSAY = (
    "我的印尼语老师",
    "■ 黄丽娟（雅加达）",
    "我的印尼语老师叫Ibu Sari，是一位戴着头巾、总是笑眯眯的中年妇女。",
    "如今我已能用印尼语和邻居聊天，可Ibu Sari去年搬回了日惹老家。",
)


@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_poems_lines_stay_in_the_poem(indent: str, script: str) -> None:
    text = "".join(indent + line + "\n" for line in (*POEMS, *ESSAY))
    if script == "traditional":
        text = traditional(text)
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(traditional(POEMS[0]) if script == "traditional" else POEMS[0]),
        squeeze(traditional(ESSAY[0]) if script == "traditional" else ESSAY[0]),
    ]
    assert [b.role for b in parsed.articles[1].blocks][:2] == [Role.TITLE, Role.BYLINE]
