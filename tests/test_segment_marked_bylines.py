"""A byline set behind a bullet square under a title (``■ 通讯员 马骁``) makes that title a new
article's, never a subheading of the article above (qaseg27's class C1, m02).

Variants: several marks (■ ● ◆), role words or none (``二营六连 战士 李浩然``), indented text, blank
lines between the articles or none, traditional script, reordered; and marked lines that are no byline
(a label ``■ 学习互鉴``, a list item) stay what they were.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, traditional

Story = tuple[str, str, tuple[str, ...]]

STORIES: tuple[Story, ...] = (
    (
        "千里机动 砺兵雪原",
        "通讯员 马骁",
        (
            "十一月下旬，某旅官兵冒着零下二十度的严寒，徒步行军三百余公里，开展冬季野营拉练。",
            "“拉练就是实战前的预演。”旅长说。",
        ),
    ),
    (
        "新兵小李的第一次拉练",
        "二营六连 战士 李浩然",
        (
            "出发前，班长把我的背囊重新打了一遍。走到第三天我才明白班长的话。",
            "二十天走下来，我瘦了六斤，却觉得自己真正成了一名军人。",
        ),
    ),
    (
        "雪夜哨位上的坚守",
        "特约通讯员 周建国 王磊",
        ("凌晨两点，气温降到零下三十度，哨兵张强已经在哨位上站了一个小时。", "他说，守好哨位就是守好家。"),
    ),
)


def _issue(stories: tuple[Story, ...], *, mark: str, blank: bool, indent: str) -> str:
    gap = "\n\n" if blank else "\n"
    parts = [
        "\n".join([title, f"{mark} {byline}", *(indent + p for p in body)]) for title, byline, body in stories
    ]
    return "前哨报　第1025期\n" + gap.join(parts) + "\n"


def _same(text: str) -> str:
    return text


@pytest.mark.parametrize("stories", [STORIES, STORIES[::-1], STORIES[1:]])
@pytest.mark.parametrize("mark", ["■", "●", "◆"])
@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("convert", [_same, traditional])
def test_a_title_over_a_marked_byline_opens_an_article(
    stories: tuple[Story, ...], mark: str, blank: bool, indent: str, convert: Callable[[str], str]
) -> None:
    parsed = cut(convert(_issue(stories, mark=mark, blank=blank, indent=indent)))
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _, _ in stories]
    for article, (_, byline, body) in zip(parsed.articles, stories, strict=True):
        roles = [block.role for block in article.blocks]
        assert Role.SUBHEADING not in roles
        assert squeeze(article.blocks[roles.index(Role.BYLINE)].text).endswith(squeeze(convert(byline)))
        assert squeeze(article.blocks[-1].text) == squeeze(convert(body[-1]))


def test_the_people_of_a_marked_byline() -> None:
    parsed = cut(_issue(STORIES, mark="■", blank=False, indent=""))
    assert [[p.name for p in a.people] for a in parsed.articles] == [["马骁"], ["李浩然"], ["周建国", "王磊"]]


def test_a_marked_label_inside_a_feature_stays_a_subheading() -> None:
    text = (
        "前哨报　第1025期\n千里机动 砺兵雪原\n■ 通讯员 马骁\n"
        "十一月下旬，某旅官兵冒着严寒，徒步行军三百余公里。\n"
        "■ 学习互鉴\n各营之间相互观摩，交流经验，取长补短。\n"
        "■ 实战检验\n拉练最后三天，全旅组织了实兵对抗演练。\n"
    )
    for variant in (text, traditional(text)):
        parsed = cut(variant)
        assert len(parsed.articles) == 1
        roles = [block.role for block in parsed.articles[0].blocks]
        assert roles.count(Role.SUBHEADING) == 2 and roles.count(Role.BYLINE) == 1
