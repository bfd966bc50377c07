"""An OCR engine's page marker (``=== Page 2 ===``, ``----- 第2页 -----``, ``[Page 2]``, ``第2页``) is a page
break, never a title: the paragraph it cuts in two goes on after it, and the running head under it is
furniture (qaseg25's class C4, file 13).  With the marker before a one-character wrapped tail, indented,
hard-wrapped at other widths and in traditional script."""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue, Role
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

MARKERS = ("=== Page {n} ===", "----- 第{n}页 -----", "[Page {n}]", "第{n}页", "【第{n}页】", "*** {n} ***")

BEFORE = (
    "县医院与市级医院组建医联体\n通讯员　唐敏\n"
    "11月17日，县人民医院与市第六人民医院签约组建紧密型医联体，市六院将派出八个学科的专家团队常驻县医院。\n"
    "县卫健委主任王志刚介绍，县里的心脑血管疾病患者过去"
)
AFTER = (
    "经常要跑到市区的大医院看病，路上来回就要三个多小时。\n"
    "签约当天，市六院的专家就在县医院开设了联合门诊。医联体建成后，大部分疾病在县里就能得到诊疗。\n"
    "“一网通办”延伸到村\n"
    "从本月起，全县一百八十四个行政村的便民服务站全部开通自助终端，村民办理社保缴费等业务不用再跑到镇上。\n"
    "下一步将为行动不便的老人提供上门代办服务。"
)


def _issue(marker: str, width: int | None = None, indent: str = "") -> str:
    first = "\n".join([marker.format(n=1), "青浦县报", "2026年11月19日", BEFORE])
    second = "\n".join([marker.format(n=2), "青浦县报　2026年11月19日　第2版", AFTER])
    text = first + "\n" + second
    if width is not None:
        text = hard_wrap(text, width)
    return "\n".join(indent + line if line.strip() else line for line in text.split("\n"))


def _check(parsed: ParsedIssue) -> None:
    titles = [squeeze(a.title or "") for a in parsed.articles]
    assert titles == ["县医院与市级医院组建医联体", "“一网通办”延伸到村"], titles
    first = parsed.articles[0]
    body = squeeze("".join(b.text for b in first.blocks if b.role is Role.PARAGRAPH))
    assert "心脑血管疾病患者过去经常要跑到市区" in body  # one paragraph, across the page
    assert "第2版" not in body and "2" not in body.replace("2026", "").replace("17", "")
    furniture = [squeeze(b.text) for b in first.blocks if b.role is Role.FURNITURE]
    assert any("2" in f for f in furniture) and any("第2版" in f for f in furniture), furniture


@pytest.mark.parametrize("marker", MARKERS)
@pytest.mark.parametrize("width", [None, 24, 31])
def test_a_page_marker_is_a_page_break(marker: str, width: int | None) -> None:
    _check(cut(_issue(marker, width)))


@pytest.mark.parametrize("marker", MARKERS[:3])
def test_a_page_marker_is_a_page_break_indented_and_in_traditional_script(marker: str) -> None:
    _check(cut(_issue(marker, indent="　　")))  # every line a paragraph, indented
    text = traditional(_issue(marker, 24))
    parsed = cut(text)
    body = squeeze("".join(b.text for b in parsed.articles[0].blocks if b.role is Role.PARAGRAPH))
    assert len(parsed.articles) == 2 and "患者過去經常要跑到市區" in body


def test_a_line_of_rules_or_a_sentence_naming_a_page_is_no_marker() -> None:
    text = (
        "社区新闻\n居民在第2页的表格上签了名，工作人员把它贴在公告栏。\n==========\n"
        "又讯\n街道开展了消防演练，三百多名居民参加。"
    )
    parsed = cut(text)
    body = squeeze("".join(b.text for a in parsed.articles for b in a.blocks))
    assert "居民在第2页的表格上签了名" in body
