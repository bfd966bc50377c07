"""Column-break pipes: an OCR engine's `` | `` at each column break and `` |`` at each line's end
(qaseg35's class 4).

Read as table cells or item titles ``A | B``, the pipes made titles captions and bylines titles, and a
page's articles piled into one.  When most lines end with a pipe set apart, the rules read the pipes as
blanks; the blocks keep them (titles as printed, ``春运准备工作全面启动 |``) and no character is lost.
"""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue
from tests.segment_support import cut, traditional, wrapped

PIECES = (
    (
        "春运准备工作全面启动",
        "客运车间　杨帆",
        [
            "距明年春运还有不到两个月，昆明南站已经成立春运工作领导小组，各车间按照“一日一图”的要求，"
            "制定了客流高峰期的组织方案。今年春运预计发送旅客四百二十万人次。",
            "车站将在东广场增设临时候车区，开放全部三十二个自助取票机，并在进站口增派安检人员。",
        ],
    ),
    (
        "技术比武　检票员练就“火眼金睛”",
        "通讯员　马丽",
        [
            "十一月十二日，站区举办第三届检票员技术比武，来自四个班组的二十八名检票员参加。"
            "比赛分为理论考试、证件识别和应急处置三个项目。",
            "比武结果将作为年度评先和岗位晋级的重要依据。",
        ],
    ),
    (
        "退休老站长谈变化",
        "",
        [
            "七十三岁的赵永福一九七二年参加工作，在昆明老站当过二十年站长。他记得最清楚的是一九八四年春运。",
            "老站长还把珍藏的老车票捐给了站史陈列室。",
        ],
    ),
)
MASTHEAD = "昆明南站　站区报\n第146期　2026年11月　内部资料　注意保存\n"


def _piped(lines: list[str], pipe: str) -> list[str]:
    """Printed lines two columns wide: the OCR joins two lines with `` | `` and ends each with `` |``."""
    return [f" {pipe} ".join(lines[i : i + 2]) + f" {pipe}" for i in range(0, len(lines), 2)]


def _page(
    order: tuple[int, ...] = (0, 1, 2), *, width: int = 16, pipe: str = "|", blank: str = "", indent: str = ""
) -> str:
    out = []
    for n in order:
        title, byline, body = PIECES[n]
        lines = [f"{title} {pipe}"] + ([f"{byline} {pipe}"] if byline else [])
        for para in body:
            lines.extend(_piped(wrapped(para, width, indent), pipe))
        out.append("\n".join(lines) + "\n" + blank)
    return MASTHEAD + "".join(out)


def _owner(parsed: ParsedIssue, text: str, snippet: str) -> int:
    """The article holding ``snippet``'s first character, found with blanks and pipes left out."""
    kept = [i for i, char in enumerate(text) if not char.isspace() and char not in "|｜"]
    at = kept["".join(text[i] for i in kept).index(snippet)]
    return next(
        (k for k, a in enumerate(parsed.articles) for b in a.blocks for s, e in b.pieces if s <= at < e), -1
    )


def _check(text: str, order: tuple[int, ...], pipe: str = "|", convert=str) -> None:
    """Each piece whole and alone in its article, its title as printed, pipe and all (the byline
    ``客运车间　杨帆`` is taken for its title with or without pipes: qaseg35's class 8, not the pipes')."""
    parsed = cut(text)
    assert len(parsed.articles) == len(order)
    for k, n in enumerate(order):
        title, _, body = PIECES[n]
        assert _owner(parsed, text, "".join(convert(title).split())) == k
        assert _owner(parsed, text, convert(body[-1][-10:])) == k
    for k, n in enumerate(order):
        if n:  # 客运车间　杨帆 under the first piece's title is read as its title (class 8)
            assert parsed.articles[k].title == f"{convert(PIECES[n][0])} {pipe}"


@pytest.mark.parametrize("width", [14, 16, 21])
@pytest.mark.parametrize("pipe", ["|", "｜"])
def test_pipes_at_column_breaks_are_layout(width: int, pipe: str) -> None:
    _check(_page(width=width, pipe=pipe), (0, 1, 2), pipe)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("indent", ["", "　　"])
def test_pipes_traditional_blank_lines_indents(script: str, blank: str, indent: str) -> None:
    convert = traditional if script == "traditional" else str
    _check(convert(_page(blank=blank, indent=indent)), (0, 1, 2), convert=convert)


@pytest.mark.parametrize("order", [(2, 1, 0), (1, 2, 0)])
def test_pipes_reordered(order: tuple[int, ...]) -> None:
    _check(_page(order), order)


def test_a_drawn_table_keeps_its_cells() -> None:
    text = (
        "某某社区报\n"
        "本周值班表\n"
        "| 日期 | 值班人 | 电话 |\n"
        "| 周一 | 王芳 | 1234 |\n"
        "| 周二 | 李强 | 5678 |\n"
        "| 周三 | 赵敏 | 9012 |\n"
        "| 周四 | 孙亮 | 3456 |\n"
        "社区举办冬季义诊\n"
        "本周六上午，社区卫生站将在文化广场举办义诊活动，欢迎居民参加。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["本周值班表", "社区举办冬季义诊"]
