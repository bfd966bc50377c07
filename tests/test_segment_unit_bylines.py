"""A writer's unit and name under a title, over the text, is the article's byline, never its title
(qaseg36's class 7, qaseg35's class 8).

``温州中支理赔部　林蓓蓓``, ``客运车间　杨帆``, ``本刊通讯员　吴佳`` right under a title, and
``内分泌科主任医师　孙立群`` under a title and a photo marker (``[image]``), right over the text: the title
stays the title, the line is a byline naming the person, the marker stays in the article.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.unit_bylines import unit_byline
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

ARTICLES = (
    (
        "理赔故事：凌晨两点的一通电话",
        "温州中支理赔部\u3000林蓓蓓",
        "十月的一个凌晨，我接到客户陈先生的电话，他父亲突发脑梗住进了重症监护室，急需办理理赔手续。",
        "这件事让我明白，理赔员的一句话，对客户来说可能就是一颗定心丸。",
    ),
    (
        "新人训练营第八期结业",
        "本刊通讯员\u3000吴佳",
        "11月28日，分公司新人训练营第八期在杭州培训中心结业，七十六名新人完成了为期三周的培训。",
    ),
    (
        "春运前的最后一次设备大检修",
        "客运车间  杨帆",
        "离春运还有一个月，车间组织二十名骨干对候车室的自动售票机和闸机进行了一次全面检修。",
    ),
    (
        "糖尿病患者冬天怎样护脚？",
        "[image]",
        "内分泌科主任医师\u3000孙立群",
        "问：晚上喜欢用热水泡脚，可以吗？",
        "答：可以泡，但水温一定不要超过37℃，时间控制在十分钟以内。",
    ),
)


def _text(order: tuple[int, ...], blank: str, indent: str) -> str:
    parts = []
    for n in order:
        title, *rest = ARTICLES[n]
        heads = [line for line in rest if "。" not in line and "？" not in line]
        body = [indent + line for line in rest if line not in heads]
        parts.append("\n".join([title, *heads, *body]) + "\n")
    return "市第二人民医院·健康课堂\u3000第36期\n\n" + blank.join(parts)


def _check(text: str, order: tuple[int, ...], convert: bool) -> None:
    parsed = cut(text)
    conv = traditional if convert else (lambda t: t)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(conv(ARTICLES[n][0])) for n in order]
    for article, n in zip(parsed.articles, order, strict=True):
        bylines = [squeeze(b.text) for b in article.blocks if b.role is Role.BYLINE]
        expected = next(line for line in ARTICLES[n][1:] if "\u3000" in line or "  " in line)
        assert bylines == [squeeze(conv(expected))]
        assert Role.KICKER not in [b.role for b in article.blocks]


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0), (1, 3)])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_unit_and_name_under_the_title(
    order: tuple[int, ...], blank: str, indent: str, script: str
) -> None:
    text = _text(order, blank, indent)
    if script == "traditional":
        text = traditional(text)
    _check(text, order, script == "traditional")


@pytest.mark.parametrize("width", [24, 28])
def test_hard_wrapped(width: int) -> None:
    order = (0, 1, 2, 3)
    _check(hard_wrap(_text(order, "\n", ""), width), order, False)


@pytest.mark.parametrize(
    "text",
    [
        "温州中支理赔部\u3000林蓓蓓",
        "本报通讯员\u3000刀丽萍",
        "客运车间  杨帆",
        "内分泌科主任医师\u3000孙立群",
    ],
)
def test_unit_bylines(text: str) -> None:
    assert unit_byline(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "火炭工业区转型\u3000交通配套要先行",
        "冬季三项\u3000比赛结果",
        "理赔故事：凌晨两点的一通电话",
        "张卫东",
    ],
)
def test_no_unit_bylines(text: str) -> None:
    assert unit_byline(text) is None


def test_a_two_part_title_stays_the_title() -> None:
    """Control: a title printed in two parts parted by a wide space, over the text, stays one title."""
    text = (
        "火炭工业区转型\u3000交通配套要先行\n"
        + "政府早前公布火炭工业区重建规划，未来十年将有约一万个新住宅单位落成。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["火炭工业区转型\u3000交通配套要先行"]
