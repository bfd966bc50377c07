"""Titles marked by a leading glyph (▲ ◎ ◆) on a page that marks all its titles so (qaseg28's class 2).

A farm page (``▲谷雨农事提醒``) or a clan newsletter (``◎本会庆祝成立九十五周年``) sets each article under
a glyph-marked line and few plain headings: each marked line that is no sentence opens an article (it
used to be a caption or a subheading, and the page folded into one article).  A plain line under it
(the issuer) is its subtitle.  Where a page marks only a feature's subheadings under a plain title, or
marks captions that are sentences, or a poem's writer (``◎林小满``), nothing changes.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

ITEMS = (
    ("谷雨农事提醒", "谷雨将至，气温回升，雨水增多，是春播春管的关键时期。早稻秧田要做好保温防寒。"),
    ("田埂上的“气象信息员”", "在石桥镇龙井村，村民遇到天气变化，第一个想到的是村里的气象信息员罗德福。"),
    (
        "本会庆祝成立九十五周年",
        "本会于四月二十日晚举行成立九十五周年联欢晚宴，宗亲、嘉宾及友好社团代表约六百人出席。",
    ),
    ("农谚一则", "“谷雨前后，种瓜点豆。”高海拔山区可适当推迟五至七天播种。"),
)
SECOND = "小麦进入灌浆期，注意防治赤霉病和蚜虫，雨后及时清沟排水。"


def _page(glyphs: str, blank: str, *, issuer: bool = False, two: bool = True) -> str:
    parts = []
    for n, (title, body) in enumerate(ITEMS):
        lines = [glyphs[n % len(glyphs)] + title]
        if issuer and n == 0:
            lines.append("县农业技术推广中心")
        lines.append(body)
        if two:
            lines.append(SECOND)
        parts.append("\n".join(lines) + "\n" + blank)
    return "青禾县报·农村版　　第3版　　2025年4月18日\n\n" + "".join(parts)


@pytest.mark.parametrize("glyphs", ["▲", "◎", "◆", "▲◎"])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_each_glyph_title_opens_its_article(glyphs: str, blank: str, script: str) -> None:
    text = _page(glyphs, blank)
    if script == "traditional":
        text = traditional(text)
    parsed = cut(text)
    titles = [squeeze(glyphs[n % len(glyphs)] + t) for n, (t, _) in enumerate(ITEMS)]
    if script == "traditional":
        titles = [squeeze(traditional(t)) for t in titles]
    assert [squeeze(a.title or "") for a in parsed.articles] == titles
    assert all(Role.SUBHEADING not in [b.role for b in a.blocks] for a in parsed.articles)


@pytest.mark.parametrize("width", [16, 22, 30])
@pytest.mark.parametrize("two", [True, False])
def test_glyph_titles_hard_wrapped(width: int, two: bool) -> None:
    text = hard_wrap(_page("▲", "", two=two), width)
    parsed = cut(text)
    assert len(parsed.articles) == len(ITEMS)
    assert [squeeze(a.title or "")[:5] for a in parsed.articles] == [squeeze("▲" + t)[:5] for t, _ in ITEMS]


@pytest.mark.parametrize("blank", ["", "\n"])
def test_an_issuer_under_a_glyph_title_is_its_subtitle(blank: str) -> None:
    parsed = cut(_page("▲", blank, issuer=True))
    first = parsed.articles[0]
    assert first.title == "▲" + ITEMS[0][0]
    assert [b.role for b in first.blocks][:3] == [Role.TITLE, Role.SUBTITLE, Role.PARAGRAPH]
    assert len(parsed.articles) == len(ITEMS)


def test_marked_subheadings_under_a_plain_title_stay_subheadings() -> None:
    text = (
        "梅园街道推进服务站点标准化建设\n"
        "本报讯 近日，梅园街道召开社区服务站点标准化建设推进会，总结经验，部署任务。\n"
        "◆对标找差\n"
        "会上，各居民区书记逐一汇报了服务站点的运行情况。截至3月底，已建成标准化服务站点19个。\n"
        "◆补齐短板\n"
        "韩立新指出，要把服务站点建在居民最需要的地方。要坚持问需于民，定期开展满意度调查。\n"
        "社区举办老年书法展\n"
        "本报讯 5月8日，社区老年书法展在文化活动中心开幕，展出作品60余幅。\n"
        "◆现场直击\n"
        "不少老人带着孙辈前来观展，现场气氛热烈。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["梅园街道推进服务站点标准化建设", "社区举办老年书法展"]


def test_sentence_captions_and_a_poets_name_are_no_titles() -> None:
    text = (
        "春天的小路\n"
        "◎林小满\n"
        "小路弯弯向远方，\n"
        "野花开在路两旁。\n"
        "春雨过后新苗壮，\n"
        "村村户户种田忙。\n"
        "\n"
        "乡村振兴见闻\n"
        "本报讯 近日，记者走进石桥镇，看到田间一派繁忙景象。\n"
        "▲村民在田间插秧。\n"
        "镇里今年新建高标准农田三千亩，种粮大户收入明显增加。\n"
        "▲农机手驾驶插秧机作业。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["春天的小路", "乡村振兴见闻"]
