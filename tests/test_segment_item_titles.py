"""A short title after a finished article opens the next item, not a subheading (qaseg25's class C1).

Layout: a bulletin or a community paper sets its small items one after another with no blank line to
part them (or a blank line after every line), each under a short title.  The evidence that such a
title opens an item, where a feature's subheading looks the same:

- a notice's word: ``更正``, ``失物招领``, ``讣告``, ``鸣谢``, ``社团消息`` are items of their own;
- a list under the title, up to the next one (numbered lines, ``问：`` ``答：`` turns, ``label：value``
  rows, a table's rows), after the article's prose or a list of another kind, the title naming nothing
  the article spoke of;
- prose under the title after an article that is all a list (a Q&A, then a column).

A feature's subheading over more prose stays one, and so does a table's label that the story above
names (``金牌榜``), or a list's label in a feature that has set a subheading already.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from reader.core.segment.item_titles import Shape, line_shape
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

Item = tuple[str, tuple[str, ...]]

NEWS: Item = (
    "枫林三村加装电梯进入施工阶段",
    (
        "经过近两年的协商,枫林三村7号楼和9号楼的加装电梯项目日前正式进入施工阶段,预计明年三月底前投入使用。",
        "社区先后组织了七次协商会,高层住户也主动多承担了一部分费用,最终全楼住户都签了字。",
        "目前,枫林街道已有十四幢楼完成或正在加装电梯,还有九幢楼正在征询意见。",
    ),
)
ESSAY: Item = (
    "在等候中预备",
    (
        "下主日我们就要进入将临期了。教会年历以将临期为一年的开始,这提醒我们,信仰的生活是从等候开始的。",
        "等候并不容易。我们这个时代习惯了即时的回应,讯息发出去,几秒钟就要看到已读。",
        "愿我们在这个将临期,不只是预备圣诞节的节目和装饰,更是预备我们的心。",
    ),
)
NOTICES: tuple[Item, ...] = (
    ("更正", ("本报第94期第2版《楼道里的微书屋》一文中,“李建华”应为“李建平”,特此更正。",)),
    (
        "失物招领",
        (
            "11月27日下午,有居民在枫林公园长椅上拾到黑色双肩包一个,已交社区警务室。",
            "请失主带好身份证到警务室认领。",
        ),
    ),
    ("讣告", ("先父陈文华老先生于2026年11月18日下午二时在寓所安详辞世,享寿八十八岁。",)),
    ("鸣谢", ("本期校讯承蒙新山福建会馆、永利五金有限公司赞助印刷,谨此致谢。",)),
    (
        "社团消息",
        (
            "宁阳会馆定于十一月三十日中午在会馆礼堂举行冬至联欢聚餐,欢迎乡亲及家属参加。",
            "冈州古庙董事会本月改选,新任主席为李国荣先生,任期两年。",
        ),
    ),
)
LISTS: tuple[Item, ...] = (
    (
        "代祷事项",
        (
            "一、为本堂明年的事工计划祷告,求主赐下智慧和同心。",
            "二、为患病的肢体祷告,求主医治。",
            "三、为将于圣诞节接受洗礼的七位慕道者祷告。",
        ),
    ),
    (
        "垃圾分类问答",
        (
            "问:用过的餐巾纸属于哪一类垃圾?",
            "答:干垃圾。餐巾纸、卫生纸遇水即溶,不属于可回收物。",
            "问:过期的药品怎么扔?",
            "答:有害垃圾。请投放到小区的红色有害垃圾桶。",
        ),
    ),
    (
        "聚会时间",
        ("主日崇拜:上午九时半", "儿童主日学:上午九时半(二楼课室)", "祈祷会:星期三晚上八时"),
    ),
    ("谜语", ("1. 一口咬掉牛尾巴。(打一字)", "2. 千条线,万条线,掉到水里看不见。(打一自然现象)")),
    (
        "奉献报告",
        (
            "经常费\u3000港币\u300038,650.00",
            "差传基金\u3000港币\u300012,400.00",
            "合计\u3000港币\u300051,050.00",
        ),
    ),
)


def _text(items: tuple[Item, ...], *, between: str = "\n", indent: str = "") -> str:
    lines = [line for title, body in items for line in (title, *body)]
    return between.join(indent + line for line in lines) + "\n"


def _titles(
    text: str, items: tuple[Item, ...], convert: Callable[[str], str] = str
) -> tuple[list[str], list[str]]:
    parsed = cut(text)
    got = [squeeze(a.title or "") for a in parsed.articles]
    for article in parsed.articles:
        assert Role.SUBHEADING not in [b.role for b in article.blocks]
    return got, [squeeze(convert(title)) for title, _ in items]


def _hk(text: str) -> str:
    return traditional(text, "s2hk")


@pytest.mark.parametrize("notice", NOTICES, ids=[n[0] for n in NOTICES])
@pytest.mark.parametrize("above", [NEWS, ESSAY], ids=["news", "essay"])
@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no_blank", "blank_after_every_line"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"], ids=["flush", "indented"])
def test_a_notice_title_after_a_finished_article(
    notice: Item, above: Item, between: str, indent: str
) -> None:
    items = (above, notice, NEWS if above is ESSAY else ESSAY)
    got, expected = _titles(_text(items, between=between, indent=indent), items)
    assert got == expected


@pytest.mark.parametrize("listed", LISTS, ids=[n[0] for n in LISTS])
@pytest.mark.parametrize("above", [NEWS, ESSAY], ids=["news", "essay"])
@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no_blank", "blank_after_every_line"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_short_title_over_a_list_after_an_articles_prose(
    listed: Item, above: Item, between: str, script: str
) -> None:
    items = (above, listed)
    text = _text(items, between=between)
    convert: Callable[[str], str] = str
    if script == "traditional":
        text, convert = _hk(text), _hk
    got, expected = _titles(text, items, convert)
    assert got == expected


def test_lists_of_several_kinds_one_after_another_and_reordered() -> None:
    for items in ((ESSAY, *LISTS), (NEWS, LISTS[4], LISTS[0], LISTS[3], LISTS[1])):
        got, expected = _titles(_text(items), items)
        assert got == expected


def test_prose_under_a_short_title_after_an_article_that_is_a_list() -> None:
    column = (
        "楼组长手记",
        (
            "我们楼里住着一位八十多岁的独居老人陈阿婆。去年冬天,她在家里摔了一跤,躺在地上起不来。",
            "从那以后,陈阿婆把一把备用钥匙交给了我。",
        ),
    )
    items = (NEWS, LISTS[1], column)
    shapes: list[tuple[str, Callable[[str], str]]] = [
        (_text(items), str),
        (_hk(_text(items)), _hk),
        (_text(items, between="\n\n", indent="\u3000\u3000"), str),
    ]
    for text, convert in shapes:
        got, expected = _titles(text, items, convert)
        assert got == expected


def test_no_character_is_lost_when_hard_wrapped_narrow() -> None:
    items = (NEWS, NOTICES[0], LISTS[0], ESSAY)
    for width in (14, 20):
        parsed = cut(hard_wrap(_text(items, between="\n\n"), width))
        assert [a.title for a in parsed.articles] == [title for title, _ in items]


def test_a_features_subheading_over_prose_stays() -> None:
    feature = (
        "梅园街道推进服务站点标准化建设",
        "近日,梅园街道召开社区服务站点标准化建设推进会,总结经验,部署任务。",
        "对标找差",
        "会上,各居民区书记逐一汇报了服务站点的运行情况。截至3月底,已建成标准化服务站点19个。",
        "补齐短板",
        "韩立新指出,要把服务站点建在居民最需要的地方。",
    )
    parsed = cut("\n".join(feature) + "\n")
    assert len(parsed.articles) == 1
    assert [b.text for b in parsed.articles[0].blocks if b.role is Role.SUBHEADING] == [
        "对标找差",
        "补齐短板",
    ]


def test_a_tables_label_the_story_names_stays_with_the_story() -> None:
    text = (
        "市第十届运动会闭幕\n本报讯 10月20日,市第十届运动会闭幕,东区代表团位列金牌榜首位。\n"
        "金牌榜(前三名)\n1.东区 56金 41银 38铜\n2.西区 49金 45银 40铜\n3.南区 37金 39银 44铜\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1


def test_a_list_label_in_a_feature_that_set_a_subheading_already_stays() -> None:
    text = (
        "社区养老服务调查\n近日,记者走访了区内五个社区的养老服务站,了解老人的需求。\n"
        "老人们最盼什么\n受访的老人中,超过一半希望有人定期上门看望,也希望饭菜更合口味。\n"
        "服务站开放时间\n周一至周五:上午八时至下午五时\n周六:上午九时至中午十二时\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1


@pytest.mark.parametrize(
    "text, shape",
    [
        ("一、为本堂明年的事工计划祷告。", Shape.HAN_NUMBERED),
        ("(二)为患病的肢体祷告。", Shape.HAN_NUMBERED),
        ("1. 一口咬掉牛尾巴。", Shape.NUMBERED),
        ("问:过期的药品怎么扔?", Shape.TURN),
        ("主日崇拜:上午九时半", Shape.FIELD),
        ("经常费\u3000港币\u300038,650.00", Shape.ROW),
        ("宣 召……………………主 席", Shape.ROW),
        ("19:30 新闻夜线", Shape.ROW),
        ("等候并不容易。我们这个时代习惯了即时的回应。", Shape.PROSE),
    ],
)
def test_line_shapes(text: str, shape: Shape) -> None:
    assert line_shape(text) is shape
