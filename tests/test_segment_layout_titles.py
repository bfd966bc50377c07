"""Titles set apart only by the issue's layout (qaseg29's classes 1, 3; files 05, 07, 10; m1, m13).

A short heading after a finished paragraph read as a subheading of the article above, so two or three
articles came out as one.  Two layouts say otherwise, each over the whole issue:

- centred titles in flush-left text (a Toronto weekly);
- no paragraph cue at all: no blank line, no indent, one paragraph a line or hard-wrapped lines (a nursing
  home's newsletter, a PDF's text): a short line with no closing punctuation after a finished paragraph.

Features keep their subheadings where the layout gives no such evidence (tests/test_segment_block_gaps.py).
"""

from __future__ import annotations

import pytest

from tests.corpus_shapes import squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

ARTICLES = (
    (
        "万锦市华人义工获颁社区服务奖",
        (
            "万锦市政府日前举行年度社区服务奖颁奖典礼，华人义工黄美玲获颁终身服务奖。",
            "市长在致辞中表示，义工是社区的基石，市政府明年将为非营利机构增加百分之十的资助。",
        ),
    ),
    (
        "古籍修复室迎来“开放日”",
        (
            "十一月十五日，市图书馆古籍修复室首次向公众开放，六十多名市民近距离观看了修复过程。",
            "馆方表示，今后每季度将举办一次开放日，名额通过官方网站预约。",
        ),
    ),
    (
        "十一月、十二月寿星名单",
        (
            "十一月：张桂芳（二楼，88岁）、刘德厚（三楼，91岁）、孙玉珍（二楼，79岁）。",
            "集体生日会定于十二月十八日下午三点在一楼活动大厅举行，欢迎家属参加。",
        ),
    ),
    (
        "春运返程客流平稳",
        (
            "据县交通运输局统计，今年春运四十天，全县道路客运累计发送旅客三十八万人次。",
            "春运期间全县未发生较大以上道路交通事故，交通部门提醒旅客选择正规客运车辆。",
        ),
    ),
)


def _check(text: str, articles: tuple[tuple[str, tuple[str, ...]], ...], script: str) -> None:
    convert = _trad if script == "traditional" else str
    parsed = _cut(convert(text))
    assert len(parsed.articles) == len(articles)
    for got, (title, paragraphs) in zip(parsed.articles, articles, strict=True):
        assert squeeze(got.title or "") == squeeze(convert(title))
        assert squeeze("".join(got.paragraphs)) == squeeze(convert("".join(paragraphs)))


def _orders() -> list[tuple[int, ...]]:
    return [(0, 1, 2, 3), (3, 2, 1, 0), (1, 3, 0)]


@pytest.mark.parametrize("order", _orders())
@pytest.mark.parametrize("pad", [" " * 18, "\u3000" * 8, " " * 10])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_centred_titles_over_flush_left_text_open_articles(
    order: tuple[int, ...], pad: str, script: str
) -> None:
    articles = tuple(ARTICLES[k] for k in order)
    text = (
        " " * 25
        + "多伦多华侨时报\n"
        + "".join(pad + t + "\n" + "".join(p + "\n" for p in ps) for t, ps in articles)
    )
    _check(text, articles, script)


def _wrap(paragraph: str, width: int) -> str:
    if not width:
        return paragraph + "\n"
    return "".join(paragraph[at : at + width] + "\n" for at in range(0, len(paragraph), width))


@pytest.mark.parametrize("order", _orders())
@pytest.mark.parametrize("masthead", [True, False])
@pytest.mark.parametrize("width", [0, 23])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_short_lines_after_finished_paragraphs_open_articles_where_nothing_sets_paragraphs_apart(
    order: tuple[int, ...], masthead: bool, width: int, script: str
) -> None:
    """One paragraph a line (``width`` 0), or hard-wrapped at 23 characters as a PDF's text is."""
    articles = tuple(ARTICLES[k] for k in order)
    text = "".join(t + "\n" + "".join(_wrap(p, width) for p in ps) for t, ps in articles)
    if masthead:
        text = "松鹤颐养院院刊　2026年冬季号\n" + text
    convert = _trad if script == "traditional" else str
    parsed = _cut(convert(text))
    bodies = [a for a in parsed.articles if a.paragraphs]
    assert len(bodies) == len(articles)
    for got, (_, paragraphs) in zip(bodies, articles, strict=True):
        assert squeeze("".join(got.paragraphs)) == squeeze(convert("".join(paragraphs)))


def test_a_signed_paragraph_then_a_short_title_where_nothing_sets_paragraphs_apart() -> None:
    """m13: ``…冬日安好！院长　何秀兰`` ends its letter; the next short line is the next title."""
    text = (
        "院长寄语：温暖过冬，从细节做起\n"
        "各位长者、家属朋友们：冬天到了，院里已经完成了全部房间暖气片的检修，走廊和浴室加装了防滑扶手。"
        "请家属来访时提醒长者多喝温水、注意保暖。\n"
        "感谢大家一年来的信任和支持。祝各位长者身体健康，冬日安好！院长　何秀兰\n"
        "十一月、十二月寿星名单\n"
        "十一月：张桂芳（二楼，88岁）、刘德厚（三楼，91岁）。\n"
        "集体生日会定于十二月十八日下午三点在一楼活动大厅举行，欢迎家属参加。\n"
    )
    parsed = _cut(text)
    titles = [squeeze(a.title or "") for a in parsed.articles]
    assert titles == ["院长寄语：温暖过冬，从细节做起", "十一月、十二月寿星名单"]


def test_rows_of_a_price_list_stay_in_their_article() -> None:
    text = (
        "林产品价格行情\n"
        "本月辖区林产品平均价格如下（单位：新台币）：\n"
        "台湾杉原木　每立方公尺　五千八百元\n"
        "竹材（孟宗竹）　每支　一百二十元\n"
        "木炭（相思木）　每公斤　六十五元\n"
        "资料来源：分署林产处调查。价格仅供参考，实际成交依市场为准。\n"
        "另，本分署将於十二月十日在竹崎办理疏伐木材标售，标售清册请至分署网站查阅。\n"
    )
    assert len(_cut(text).articles) == 1


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  "])
def test_an_indented_feature_keeps_its_subheadings(indent: str) -> None:
    """Indented paragraphs give the paragraphs their cue: a short flush line is a subheading there."""
    text = (
        "老城区改造纪实\n"
        + indent
        + "老城区改造启动三年来，二十多条街巷换了新颜，居民的日子也跟着变了样。\n"
        + indent
        + "记者近日走访了几条老街，听居民讲述身边的变化。\n"
        "弄堂口的老虎灶\n"
        + indent
        + "王阿婆在弄堂口烧了四十年开水，如今老虎灶改成了社区茶室，街坊们常来坐坐。\n"
        + indent
        + "她说，房子修好了，人气还在，这就是最好的改造。\n"
        "菜场里的新鲜事\n" + indent + "改造后的菜场装上了电子秤和扫码支付，摊主们都说生意比以前好做了。\n"
    )
    assert len(_cut(text).articles) == 1


def test_a_script_s_lines_stay_in_the_script() -> None:
    """``甲：教了，教了三天，他终于学会了——`` is a line of a cross-talk script, never a title."""
    text = (
        "《打电话》新编\n"
        "甲：现在的人呐，离了手机活不了。\n"
        "乙：那可不，走路看，吃饭看，睡觉前还得看。\n"
        "甲：教了，教了三天，他终于学会了——\n"
        "乙：学会什么了？\n"
        "甲：学会让我帮他打！\n"
    )
    assert len(_cut(text).articles) == 1
