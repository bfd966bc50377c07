"""A paragraph opening with a source in brackets that no rule knew (``【米兰讯】``, ``【本分署訊】``,
``【罗马5月7日电】``) or with a byline alone in brackets (``【记者 黄怡君】``) opens an article, as
``【本报讯】`` does: the title above it is that article's, never page furniture or a subheading
(qaseg29's class 2, m2 and m4).  A column's label in brackets (``【简讯】``, ``【校园快讯】``,
``【记者手记】``) is no source.

Variants: numbered or plain titles, one or two title lines, separators or none, blank lines or none,
wrapped at a column width, indented, traditional script, reordered.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.script import han_simplified
from reader.core.segment.datelines import bare_dateline_end
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

Story = tuple[str, str, tuple[str, ...]]

STORIES: tuple[Story, ...] = (
    (
        "一、阿里山林道边坡修复工程完工",
        "【本分署讯】",
        (
            "阿里山林道二十三公里处边坡于去年台风期间崩塌，经过十个月的抢修，修复工程已于十一月上旬完工。",
            "分署表示，未来将持续监测边坡稳定情形，并于雨季前加强巡查。",
        ),
    ),
    (
        "二、冬季森林火灾防范宣导",
        "【米兰讯】",
        ("入冬后雨量减少、空气干燥，为森林火灾高风险期。分署提醒民众，进入林区请勿携带火种。",),
    ),
    (
        "三、山林里的守护者",
        "【记者 黄怡君】",
        (
            "清晨五点，天还没亮，巡山员陈文雄已背起背包出发，他负责的巡区有两千多公顷。",
            "二十六年来，他在山里遇过黑熊、毒蛇，也曾在大雨中迷路一整夜。",
        ),
    ),
    (
        "四、招募生态解说志工",
        "【罗马12月3日电】",
        ("为推广森林生态教育，分署招募生态解说志工二十名，报名至十二月十五日止。",),
    ),
)


def _issue(stories: tuple[Story, ...], *, numbered: bool, separator: str, blank: bool, indent: str) -> str:
    gap = "\n\n" if blank else "\n"
    parts = []
    for title, source, body in stories:
        shown = title if numbered else title.split("、", 1)[1]
        parts.append("\n".join([shown, indent + source + body[0], *(indent + p for p in body[1:])]))
    joiner = f"{gap}{separator}{gap}" if separator else gap
    return "林业简讯　第一〇三期\n" + joiner.join(parts) + "\n"


def _same(text: str) -> str:
    return text


@pytest.mark.parametrize("stories", [STORIES, STORIES[::-1], STORIES[1:3]])
@pytest.mark.parametrize("numbered", [True, False])
@pytest.mark.parametrize(("separator", "blank"), [("", False), ("", True), ("＊　　＊　　＊", False)])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("convert", [_same, traditional])
def test_a_title_over_a_bracketed_source_opens_an_article(
    stories: tuple[Story, ...],
    numbered: bool,
    separator: str,
    blank: bool,
    indent: str,
    convert: Callable[[str], str],
) -> None:
    parsed = cut(convert(_issue(stories, numbered=numbered, separator=separator, blank=blank, indent=indent)))
    titles = [t if numbered else t.split("、", 1)[1] for t, _, _ in stories]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t in titles]
    for article, (_, _, body) in zip(parsed.articles, stories, strict=True):
        assert squeeze(article.blocks[-1].text).endswith(squeeze(convert(body[-1])))


@pytest.mark.parametrize("width", [16, 23, 30])
def test_the_same_wrapped_at_a_column_width(width: int) -> None:
    text = _issue(STORIES, numbered=True, separator="", blank=True, indent="\u3000\u3000")
    parsed = cut(hard_wrap(text, width))
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t, _, _ in STORIES]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("【米兰讯】米兰华人街圣诞灯饰日前点亮。", True),
        ("【本分署訊】阿里山林道邊坡修復工程完工。", True),
        ("【罗马5月7日电】意大利内政部宣布。", True),
        ("【记者 黄怡君】清晨五点。", True),
        ("【本报记者 张三 通讯员 李四】昨天上午。", True),
        ("【简讯】社区举办讲座。", False),
        ("【校园快讯】学校举办运动会。", False),
        ("【社区资讯】本周停水通知。", False),
        ("【记者手记】那一夜的雪。", False),
        ("【通讯员来稿】我的父亲。", False),
        ("【读者来电】楼道灯坏了。", False),
    ],
)
def test_what_is_a_source_in_brackets(text: str, source: bool) -> None:
    # the rules read simplified Han (the pipeline folds the text first)
    for variant in (han_simplified(text), han_simplified(traditional(text))):
        assert (bare_dateline_end(variant) > 0) is source, variant
