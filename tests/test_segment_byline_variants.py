"""Byline variants are bylines, not titles (qaseg23's class 6).

A collective author (``本报评论员``, ``□ 本报评论员``, ``特约评论员``), a student reporter's role
(``学生记者 陈思雨 刘子涵``, ``小记者 王小明``) and a bare person's name alone on its line right under
a title and right over the text (``张卫东``, ``欧阳明``) are the article's byline; the line above is
its title.  With and without a subtitle, blank lines, traditional script, reordered.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.byline import parse_byline
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

BYLINES = (
    "本报评论员",
    "□ 本报评论员",
    "□本报评论员",
    "特约评论员",
    "学生记者 陈思雨 刘子涵",
    "小记者 王小明",
    "张卫东",
    "欧阳明",
    "刘敏",
)
STORIES = (
    (
        "让“15分钟生活圈”更有温度",
        "日前,我市公布首批“15分钟社区生活圈”示范点名单,居民在家门口就能办成的事越来越多。",
    ),
    (
        "加装电梯难在“最后一票”",
        "在我们社区,已经有十一个楼道完成了电梯加装,但还有二十多个楼道卡在“最后一票”上。",
    ),
)


@pytest.mark.parametrize("byline", BYLINES)
@pytest.mark.parametrize("subtitle", ["", "——写在示范点名单公布之际\n"])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_byline_variant_under_a_title_is_the_byline(
    byline: str, subtitle: str, order: tuple[int, int], script: str
) -> None:
    stories = [STORIES[i] for i in order]
    text = "\n".join(f"{title}\n{subtitle}{byline}\n{body}\n" for title, body in stories)
    if script == "traditional":
        text = _trad(text)
    convert = _trad if script == "traditional" else str
    parsed = _cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _ in stories]
    for article in parsed.articles:
        bylines = [squeeze(b.text) for b in article.blocks if b.role is Role.BYLINE]
        assert bylines == [squeeze(convert(byline))]


@pytest.mark.parametrize("byline", ["本报评论员", "学生记者 陈思雨", "张卫东"])
@pytest.mark.parametrize("width", [16, 20])
def test_a_byline_variant_hard_wrapped(byline: str, width: int) -> None:
    text = hard_wrap("\n\n".join(f"{title}\n{byline}\n{body}" for title, body in STORIES) + "\n", width)
    parsed = _cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t, _ in STORIES]


def test_the_people_named() -> None:
    assert parse_byline("本报评论员") == ()
    assert parse_byline("□ 本报评论员") == ()
    assert [(p.name, p.role) for p in parse_byline("学生记者 陈思雨 刘子涵") or ()] == [
        ("陈思雨", "学生记者"),
        ("刘子涵", "学生记者"),
    ]
    parsed = _cut(f"{STORIES[1][0]}\n张卫东\n{STORIES[1][1]}\n")
    assert [p.name for p in parsed.articles[0].people] == ["张卫东"]


@pytest.mark.parametrize("second", ["重新开张", "新风尚", "开张了"])
def test_a_short_second_title_line_that_is_no_name_stays_a_heading(second: str) -> None:
    text = f"社区书场\n{second}\n本报讯 5月5日,修缮一新的社区书场重新开张,每周二、四下午演出。\n"
    parsed = _cut(text)
    assert Role.BYLINE not in [b.role for b in parsed.articles[0].blocks]
    assert parsed.articles[0].title is not None and second in parsed.articles[0].title
