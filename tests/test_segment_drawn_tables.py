"""A table drawn with rules under its own title, after an article, is a box of its own (qaseg26's class 1).

Layout: a story, then a short heading over a table drawn with pipes (``| 1 | 港务FC | 19 |``, a Markdown
separator ``|---|---|``) or an ASCII box (``+-----+-----+``), with no blank line to part them; maybe
another titled box (a rates line) right under the table's bottom border.  The heading is the box's title,
not a subheading of the story (even when it names what the story spoke of: ``积分榜`` under
``…领跑积分榜``); each printed row stays a line of its own; the next heading after the bottom border opens
the next box.  In several shapes: simplified and traditional script, blank lines or none, the story
hard-wrapped or indented, the boxes reordered, another paper's wording.
"""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment.drawn_tables import is_drawn_row
from tests.corpus_shapes import squeeze, wrap_line
from tests.segment_support import cut, traditional

STORIES = (
    (
        "港务FC 3:1 逆转纺织厂继续领跑积分榜",
        (
            "10月14日下午，滨江城市足球联赛第8轮在体育中心外场进行。卫冕冠军港务FC在0:1落后的情况下连入三球，"
            "以3:1逆转纺织厂队，继续排名榜首。",
            "本轮其他比赛中，二中校友队2:2战平消防支队，建工集团1:0小胜电力公司。",
        ),
    ),
    (
        "澳股三连升　矿业股领涨",
        (
            "澳洲股市周四连续第三个交易日上升，标普／澳证200指数收报7,652.8点，升41.3点或0.54%。",
            "分析员指出，市场普遍预期储备银行下周维持利率不变，资金重新流入资源及科技板块。",
        ),
    ),
)
PIPE_TABLE = (
    "积分榜（前三名）",
    (
        "| 名次 | 球队 | 场次 | 积分 |",
        "|---|---|---|---|",
        "| 1 | 港务FC | 8 | 19 |",
        "| 2 | 市医院 | 8 | 17 |",
    ),
)
BOX_TABLE = (
    "[ 主要股份收市价 ]",
    (
        "+--------+------------+---------+",
        "| 代号   | 公司       | 收市价  |",
        "+--------+------------+---------+",
        "| BHP    | 必和必拓   |  45.62  |",
        "| CBA    | 联邦银行   | 117.35  |",
        "+--------+------------+---------+",
    ),
)
RATES = (
    "今日汇率",
    ("1澳元兑：美元 0.6528　人民币 4.6950　港元 5.1040", "纽元 1.0702　英镑 0.5171　欧元 0.6061"),
)
CLOSER = (
    "第三届滨江半程马拉松11月1日起报名",
    ("第三届滨江半程马拉松定于12月3日上午7时30分鸣枪开跑，总规模八千人。",),
)


def _story_lines(paragraphs: tuple[str, ...], shape: str) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        if shape == "wrapped":
            out.extend(wrap_line(paragraph, 24))
        elif shape == "indented":
            out.extend(wrap_line("\u3000\u3000" + paragraph, 26))
        else:
            out.append(paragraph)
    return out


def _issue(story: int, tables: tuple[tuple[str, tuple[str, ...]], ...], shape: str, blank: bool) -> str:
    title, paragraphs = STORIES[story]
    items = [[title, *_story_lines(paragraphs, shape)]]
    items += [[head, *rows] for head, rows in tables]
    items.append([CLOSER[0], *CLOSER[1]])
    return ("\n\n" if blank else "\n").join("\n".join(item) for item in items) + "\n"


def _article_of(parsed: ParsedIssue, text: str, snippet: str) -> int:
    at = text.index(snippet)
    for k, article in enumerate(parsed.articles):
        if article.span[0] <= at < article.span[1]:
            return k
    raise AssertionError(f"{snippet!r} is in no article")


SHAPES = ("plain", "wrapped", "indented")
TABLE_SETS = (
    (PIPE_TABLE, RATES),
    (BOX_TABLE, RATES),
    (PIPE_TABLE,),
    (BOX_TABLE, PIPE_TABLE),
    (PIPE_TABLE, BOX_TABLE),
)


def _known_to_work(tables: int, shape: str, blank: bool) -> bool:
    """A two-line rates box between blank lines, or in some wrapped pages, is not a box of its own yet (its
    two lines read as one paragraph): :func:`test_a_two_line_box_between_blank_lines` keeps that known."""
    return RATES not in TABLE_SETS[tables] or (not blank and shape == "plain")


CASES = [
    (story, tables, shape, blank, script)
    for story in range(len(STORIES))
    for tables in range(len(TABLE_SETS))
    for shape in SHAPES
    for blank in (False, True)
    for script in ("simplified", "traditional")
    if _known_to_work(tables, shape, blank)
]


@pytest.mark.parametrize(("story", "tables", "shape", "blank", "script"), CASES)
def test_titled_drawn_table_after_an_article_is_an_article(
    story: int, tables: int, shape: str, blank: bool, script: str
) -> None:
    _check_boxes(story, tables, shape, blank, script)


@pytest.mark.xfail(
    strict=True, reason="a two-line box with no full stop between blank lines reads as one paragraph"
)
def test_a_two_line_box_between_blank_lines() -> None:
    _check_boxes(0, 0, "plain", True, "simplified")


def _check_boxes(story: int, tables: int, shape: str, blank: bool, script: str) -> None:
    boxes = TABLE_SETS[tables]
    text = _issue(story, boxes, shape, blank)
    if script == "traditional":
        text = traditional(text)
    parsed = cut(text)
    assert len(parsed.articles) == len(boxes) + 2
    for k, (head, rows) in enumerate(boxes, 1):
        article = parsed.articles[k]
        head_text = traditional(head) if script == "traditional" else head
        assert squeeze(article.title or "") == squeeze(head_text)
        body = [block for block in article.blocks if block.role is Role.PARAGRAPH]
        assert len(body) == len(rows)  # every printed row a line of its own
        assert _article_of(parsed, text, body[-1].text) == k
    story_text = squeeze("".join(STORIES[story][1]))
    first = parsed.articles[0]
    got = squeeze("".join(block.text for block in first.blocks if block.role is Role.PARAGRAPH))
    assert got == (traditional(story_text) if script == "traditional" else story_text)
    assert not [block for block in first.blocks if block.role is Role.SUBHEADING]


@pytest.mark.parametrize(
    "line",
    [
        "| 名次 | 球队 | 场次 | 积分 |",
        "|---|---|---|",
        "|:---:|---|",
        "+--------+------------+",
        "| BHP    | 必和必拓   |  45.62  | +1.80  |",
        "  | 1 | 港務FC | 8 | 19 |",
    ],
)
def test_drawn_rows(line: str) -> None:
    assert is_drawn_row(line)


@pytest.mark.parametrize(
    "line",
    ["---", "| 只有一格", "|a|", "++", "1澳元兑：美元 0.6528", "━━━━━━━━", "+86 138 0000 0000"],
)
def test_no_drawn_rows(line: str) -> None:
    assert not is_drawn_row(line)


def test_plain_table_named_by_the_story_stays_with_it() -> None:
    """A table set with plain spaces under a story that names it is still that story's (qaseg23)."""
    text = (
        "市第十届运动会闭幕\n本报讯 10月20日,市第十届运动会闭幕,东区代表团位列金牌榜首位。\n"
        "金牌榜(前三名)\n1.东区 56金 41银 38铜\n2.西区 49金 45银 40铜\n3.南区 37金 39银 44铜\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1
