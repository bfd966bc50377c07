"""Titles set with a decoration the page repeats on every title (qaseg33's class 1).

A village newsletter marks each title with a leading ``■`` or ``▌``, a farm-weather report sets each in
``〖…〗``, a police-station quarterly ends each with a dotted leader and a page number (``……………3``).
Each such line over text opens an article (they used to be subheadings, section labels or contents lines,
and the page folded into one article).  A contents box (leader lines in a row, no text under them), a
feature's marked subheadings under a plain title, and a single decorated line stay as they were.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

ITEMS = (
    (
        "新修水渠通水了",
        ["九月三日，村东灌溉水渠正式通水，可解决三百亩水田的灌溉问题。", "村委会提醒大家爱护水渠。"],
    ),
    ("好人好事", ["村民陈亚妹拾到钱包一个，内有现金两千多元，第二天一早就交到了村委会。"]),
    (
        "警方提示：识破冒充客服诈骗",
        [
            "近期辖区发生多起冒充电商客服实施的诈骗案件，请居民提高警惕。",
            "如接到可疑电话，请拨打反诈专线咨询。",
        ],
    ),
    ("冬季瓜菜种植培训班开班", ["十月二十日，冬季瓜菜种植培训班在村文化室开班，五十多位村民参加。"]),
)


def _decorate(style: str, title: str, n: int) -> str:
    if style == "square":
        return "■" + title
    if style == "bar":
        return "▌" + title
    if style == "bracket":
        return "〖" + title + "〗"
    return title + "…" * 6 + str(n + 1)  # a dotted leader and the page


def _page(style: str, blank: str, *, credit: bool = False, order: tuple[int, ...] = (0, 1, 2, 3)) -> str:
    parts = []
    for n in order:
        title, body = ITEMS[n]
        lines = [_decorate(style, title, n)]
        if credit and n == order[1]:
            lines.append("社区民警　许建国")
        lines.extend(body)
        parts.append(blank.join(line + "\n" for line in lines))
    return "平安南湖　　社区联系刊\n2026年第4期\n\n" + ("\n" if blank else "").join(parts)


STYLES = ["square", "bar", "bracket", "leader"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_each_decorated_title_opens_its_article(style: str, blank: str, script: str) -> None:
    text = _page(style, blank)
    if script == "traditional":
        text = traditional(text)
    parsed = cut(text)
    titles = [squeeze(_decorate(style, t, n)) for n, (t, _) in enumerate(ITEMS)]
    if script == "traditional":
        titles = [squeeze(traditional(t)) for t in titles]
    assert [squeeze(a.title or "") for a in parsed.articles] == titles
    assert all(Role.SUBHEADING not in [b.role for b in a.blocks] for a in parsed.articles)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("width", [22, 28])
def test_decorated_titles_hard_wrapped_and_reordered(style: str, width: int) -> None:
    order = (2, 0, 3, 1)
    text = hard_wrap(_page(style, "", order=order), width)
    parsed = cut(text)
    assert len(parsed.articles) == len(ITEMS)
    heads = [squeeze(_decorate(style, ITEMS[n][0], n))[:4] for n in order]
    assert [squeeze(a.title or "")[:4] for a in parsed.articles] == heads


@pytest.mark.parametrize("style", STYLES)
def test_indented_body_under_decorated_titles(style: str) -> None:
    text = "\n".join(
        line
        if not line or line.startswith(("■", "▌", "〖")) or "…" in line or "期" in line or "刊" in line
        else "　　" + line
        for line in _page(style, "").split("\n")
    )
    parsed = cut(text)
    assert len(parsed.articles) == len(ITEMS)


@pytest.mark.parametrize("style", STYLES)
def test_a_credit_under_a_decorated_title_is_its_byline(style: str) -> None:
    parsed = cut(_page(style, "", credit=True))
    second = parsed.articles[1]
    assert squeeze(second.title or "") == squeeze(_decorate(style, ITEMS[1][0], 1))
    assert [b.role for b in second.blocks][:3] == [Role.TITLE, Role.BYLINE, Role.PARAGRAPH]


def test_a_box_border_of_the_mark_is_no_title() -> None:
    box = "■■■■■■■■■■■■■■■■\n　　　　村　讯\n（第12期　2026年9月）\n■■■■■■■■■■■■■■■■\n\n"
    text = box + _page("square", "\n")
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["■" + t for t, _ in ITEMS]
    assert "■■■■" in "".join(left.text for left in parsed.leftovers)


def test_a_contents_box_of_leader_lines_stays_furniture() -> None:
    text = (
        "本期导读\n"
        "冬季防火要点……………………1\n"
        "身份证异地办理……………………2\n"
        "好人好事……………………3\n"
        "\n"
        "冬季防火要点\n"
        "冬季天干物燥，居民取暖用火用电增多，是火灾高发季节。\n"
        "发现火情，请立即拨打119报警。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["冬季防火要点"]


def test_marked_subheadings_under_a_plain_title_stay_subheadings() -> None:
    text = (
        "梅园街道推进服务站点标准化建设\n"
        "本报讯 近日，梅园街道召开社区服务站点标准化建设推进会，总结经验，部署任务。\n"
        "■对标找差\n"
        "会上，各居民区书记逐一汇报了服务站点的运行情况。截至3月底，已建成标准化服务站点19个。\n"
        "■补齐短板\n"
        "韩立新指出，要把服务站点建在居民最需要的地方。要坚持问需于民，定期开展满意度调查。\n"
        "社区举办老年书法展\n"
        "本报讯 5月8日，社区老年书法展在文化活动中心开幕，展出作品60余幅。\n"
        "〖现场直击〗\n"
        "不少老人带着孙辈前来观展，现场气氛热烈。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["梅园街道推进服务站点标准化建设", "社区举办老年书法展"]


def test_one_decorated_line_alone_changes_nothing() -> None:
    text = (
        "社区举办老年书法展\n"
        "5月8日，社区老年书法展在文化活动中心开幕，展出作品60余幅。\n"
        "■现场直击\n"
        "不少老人带着孙辈前来观展，现场气氛热烈。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["社区举办老年书法展"]
