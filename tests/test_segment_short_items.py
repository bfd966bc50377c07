"""A short titled item after a finished article is an article of its own (qaseg28's class 1).

A family page closes with small boxes under plain short titles (``校园小提示`` over two tips,
``长者免费流感疫苗注射`` over a notice and its telephone line, ``上期谜底`` + ``农谚一则`` one under the
other).  After a full article (three paragraphs) that set no subheading, one short item before the next
article or the end is an item; after a shorter article, a run of two items or more, each under half the
article's text.  A feature's subheadings (``对标找差``: as long a stretch as the lead) and one heading with
one line under it after a two-paragraph notice stay subheadings (tests/test_segment_block_gaps.py).
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

ESSAY = (
    "我的第一次运动会",
    "今天是我第一次参加运动会。我参加的是“抱球跑”。发令枪一响，我抱着球就往前跑，跑得可快了。",
    "最后我得了第四名，没有拿到奖状。我有点难过，可是妈妈说，我没有放弃，就是最棒的。",
    "下午，我和同学们一起给班里的哥哥姐姐加油，我的嗓子都喊哑了。回家的路上，我告诉爸爸，明年还要参加。",
)
ITEMS = (
    (
        "校园小提示",
        "运动后不要马上大量喝冰水，也不要立刻坐下或躺下，应该慢走几分钟。",
        "如果运动中不小心扭伤了脚踝，不要揉搓，应立即用冰袋冷敷。",
    ),
    (
        "长者免费流感疫苗注射",
        "服务中心将于十月份每个星期六上午为长者免费注射流感疫苗。",
        "查询电话：（415）555-0123",
    ),
    ("农谚一则", "“谷雨前后，种瓜点豆。”高海拔山区可适当推迟五至七天播种。"),
)
NEXT = (
    "老年门球赛在新城社区开赛",
    "本报讯（记者 黄丽）11日上午，县第五届老年门球赛在新城社区开赛，十六支队伍参赛。",
)


def _text(item: tuple[str, ...], *, after: bool, indent: str = "", blank: str = "") -> str:
    lines = [*ESSAY, *item, *(NEXT if after else ())]
    return "".join(
        indent + line + "\n" + (blank if n in (len(ESSAY) - 1,) else "") for n, line in enumerate(lines)
    )


@pytest.mark.parametrize("item", ITEMS)
@pytest.mark.parametrize("after", [False, True])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_short_item_after_a_full_article(
    item: tuple[str, ...], after: bool, indent: str, script: str
) -> None:
    text = _text(item, after=after, indent=indent)
    titles = [ESSAY[0], item[0], *([NEXT[0]] if after else [])]
    if script == "traditional":
        text, titles = traditional(text, "s2hk"), [traditional(t, "s2hk") for t in titles]
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t in titles]
    assert all(Role.SUBHEADING not in [b.role for b in a.blocks] for a in parsed.articles)


@pytest.mark.parametrize("width", [18, 24, 30])
def test_a_short_item_after_a_full_article_hard_wrapped(width: int) -> None:
    parsed = cut(hard_wrap(_text(ITEMS[0], after=True), width))
    assert [squeeze(a.title or "") for a in parsed.articles] == [ESSAY[0], ITEMS[0][0], NEXT[0]]


RUN = (
    ("生活妙招", "·菜板有异味，撒上粗盐，用半个柠檬擦拭后冲净。", "·毛衣起球，可以用透明胶带轻轻粘掉。"),
    ("上期谜底", "上期字谜答案：1.十 2.早 3.林。获奖读者：张慧、李建国。"),
    ("农谚一则", "“谷雨前后，种瓜点豆。”高海拔山区可适当推迟五至七天播种。"),
)
FEATURE = (
    "春季“捂”一捂，但别捂过头",
    "早春气温多变，忽冷忽热，适当“捂”一下，可以帮助身体适应气候变化，预防感冒。但当气温稳定在15℃以上时，"
    "就不必再“捂”了，否则容易出汗受风，反而着凉。",
    "“捂”的重点是下半身和背部，老人和儿童更要注意腿脚保暖。",
)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2)])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_run_of_short_items_after_a_shorter_article(order: tuple[int, ...], script: str) -> None:
    lines = [*FEATURE, *(line for n in order for line in RUN[n])]
    text = "".join(line + "\n" for line in lines)
    titles = [FEATURE[0], *(RUN[n][0] for n in order)]
    if script == "traditional":
        text, titles = traditional(text), [traditional(t) for t in titles]
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == titles


def test_a_features_subheadings_stay() -> None:
    lead = "本报讯 近日，梅园街道召开社区服务站点标准化建设推进会，总结经验，部署任务，各居民区书记参加。"
    text = (
        "梅园街道推进服务站点标准化建设\n"
        f"{lead}\n街道党工委书记韩立新出席会议并讲话。\n会议由街道办事处主任主持。\n"
        "对标找差\n会上，各居民区书记逐一汇报了服务站点的运行情况。截至3月底，已建成标准化服务站点19个。\n"
        "全年累计接待居民咨询4.6万人次，办结率达到98%，居民满意度明显提升，工作获得上级肯定。\n"
        "补齐短板\n韩立新指出，要把服务站点建在居民最需要的地方。要坚持问需于民，定期开展满意度调查。\n"
        "对群众反映集中的停车难、加装电梯等问题，要建立台账，逐项销号，确保件件有回音、事事有着落。\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1
    assert [b.text for b in parsed.articles[0].blocks if b.role is Role.SUBHEADING] == [
        "对标找差",
        "补齐短板",
    ]


def test_a_long_last_section_stays_a_subheading() -> None:
    long = "".join(ITEMS[0][1:]) * 4  # over the length of a box (200 characters)
    text = "".join(line + "\n" for line in (*ESSAY, ITEMS[0][0], long))
    parsed = cut(text)
    assert len(parsed.articles) == 1
