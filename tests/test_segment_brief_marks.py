"""Briefs marked with a triangle under a briefs label (``简讯`` over ``▲旗气象台预报，…。``) are the box's
text, not photo captions left over (qaseg32's class 7): the box is an article, between page furniture or
not.  A photo's caption (``▲图为…``) stays a caption.

In several shapes: with and without the page's footer and header around the box, with and without blank
lines, wrapped at a column, traditional script, reordered, another label and mark.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from tests.segment_support import cut, owner_of, same, traditional

STORY = (
    "阿日善嘎查：牛肉干卖到了全国",
    "走进阿日善嘎查牧民合作社的加工车间，一股浓浓的肉香扑面而来，工人们正忙着把风干好的牛肉切条、装袋。",
    "去年，合作社销售额突破六百万元，入社的三十八户牧民户均增收一万二千元。",
)
BRIEFS = (
    "旗人民医院与自治区人民医院签订帮扶协议，今后每月将有专家来旗坐诊。",
    "旗气象台预报，本周末全旗大部地区有中到大雨，请牧民做好防范。",
    "旗第二中学新教学楼主体工程封顶，预计明年春季投入使用。",
)
FOOTER = ("巴音旗报社出版　　第1版　　责任编辑：乌兰", "2026年8月21日　星期五　第1版　要闻")


def _lines(text: str, width: int | None) -> list[str]:
    if width is None:
        return [text]
    return [text[i : i + width] for i in range(0, len(text), width)]


@pytest.mark.parametrize("label", ["简讯", "社区简讯"])
@pytest.mark.parametrize("mark", ["▲", "◆"])
@pytest.mark.parametrize("furniture", [True, False])
@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("width", [None, 24])
@pytest.mark.parametrize("briefs", [BRIEFS, BRIEFS[::-1]])
@pytest.mark.parametrize("convert", [same, traditional])
def test_marked_briefs_under_their_label_are_an_article(
    label: str,
    mark: str,
    furniture: bool,
    blank: bool,
    width: int | None,
    briefs: tuple,
    convert: Callable[[str], str],
) -> None:
    sep = [""] if blank else []
    lines = ["巴音旗报", FOOTER[1], STORY[0], *_lines(STORY[1], width), *_lines(STORY[2], width)]
    lines += [*FOOTER] if furniture else []
    lines += [*sep, label]
    for brief in briefs:
        lines += _lines(mark + brief, width)
    lines += [FOOTER[0]] if furniture else []
    text = convert("\n".join(lines) + "\n")
    parsed = cut(text)
    assert len(parsed.articles) == 2
    assert owner_of(parsed, text, convert(STORY[2][-8:]), across_lines=True) == 0
    for brief in briefs:
        assert owner_of(parsed, text, convert(brief[:8]), across_lines=True) == 1


@pytest.mark.parametrize("convert", [same, traditional])
def test_a_photo_caption_under_a_briefs_label_stays_a_caption(convert: Callable[[str], str]) -> None:
    text = convert(
        "简讯\n▲图为旗人民医院专家在坐诊。\n▲图为新教学楼主体工程封顶现场。\n"
        "旗人民医院与自治区人民医院签订帮扶协议\n今后每月将有专家来旗坐诊，为牧民看病提供方便。\n"
    )
    parsed = cut(text)
    roles = [b.role for a in parsed.articles for b in a.blocks if convert("图为") in b.text]
    assert roles and all(role is Role.CAPTION for role in roles)
