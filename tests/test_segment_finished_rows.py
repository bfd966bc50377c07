"""A title right after an article's unpunctuated last line opens the next article (qaseg34's class 1).

An article may end with a list or table row (``《城市规划原理》　吴志强主编　TU984/W786　总馆四楼``, a
roster ``儿童主日学　李姊妹、陈姊妹``, an award list ``合理化建议奖：焊装车间周海涛``) or a sign-off after its
last sentence (``…新年進步!主席 何志強``), no 。 at the end.  The title after the break is not a caption
dropped into a cut paragraph, and the next article's first paragraph is not glued to that last line.

Variants: traditional script, indented body lines, bodies wrapped at a column width or one paragraph a
line, half-width punctuation, the articles reordered; a paragraph really cut by a break around a caption
still joins.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import ParsedIssue
from reader.core.segment.finished_rows import is_finished_row
from tests.segment_support import cut, owner_of, same, traditional, wrapped

LEAD = (
    "馆长寄语",
    "又是一年岁末。这一年，图书馆完成了总馆三楼的空间改造，新增研讨间十二间。"
    "新的一年，我们将推出“百本经典共读计划”，欢迎每一位读者加入。",
)
NOTICE = (
    "数据库试用通知",
    "图书馆近期开通“中国地方志数据库”试用，校园网内可直接访问，校外请通过VPN登录。"
    "试用期间欢迎读者反馈使用意见，图书馆将根据使用情况决定是否正式订购。",
)
HOURS = (
    "寒假开放时间安排",
    "寒假期间，总馆开放时间调整为每周一至周五上午八时半至下午五时，周末闭馆。",
    "寒假借书不限册数，还书日期统一顺延至2月28日。",
)
BOOKS = (
    "新书通报（2026年11月）",
    "以下图书已上架，可在馆藏目录中检索",
    "《中国古代建筑史》　梁思成著　TU-092/L345　总馆四楼",
    "《机器学习导论》　周志华著　TP181/Z678　总馆五楼",
    "《城市规划原理》　吴志强主编　TU984/W786　总馆四楼",
)
AWARDS = (
    "表彰名单",
    "优胜班组：冲压车间一号线甲班、涂装车间前处理班",
    "优秀安全员：张卫东、刘芳、陈建国、赵小龙",
    "合理化建议奖：焊装车间周海涛“夹具定位销防错改进”",
)
GREETING = (
    "互委会主席的话",
    "各位街坊：多谢大家过去一年对互委会工作的支持，今年我们一共举办了十二次社区活动。",
    "祝大家圣诞快乐，新年进步！主席　何志强",
)
LISTS = {"books": BOOKS, "awards": AWARDS, "greeting": GREETING}


def _issue(parts: tuple[tuple[str, ...], ...], width: int | None, indent: str) -> str:
    blocks = []
    for title, *body in parts:
        lines = [title]
        for paragraph in body:
            if paragraph.endswith("。"):
                lines.extend(wrapped(paragraph, width, indent))
            else:
                lines.append(indent + paragraph)
        blocks.append("\n".join(lines))
    return (
        "图书馆通讯\n华南理工大学图书馆编\u30002026年第4期\n" + "=" * 32 + "\n\n" + "\n\n".join(blocks) + "\n"
    )


def _assert_cut_as(parsed: ParsedIssue, text: str, parts: tuple[tuple[str, ...], ...]) -> None:
    """One article per part, holding its title and its last line (the list row, the sign-off)."""
    assert len(parsed.articles) == len(parts)
    for k, part in enumerate(parts):
        last = "".join(part[-1].split())
        for snippet in ("".join(part[0].split()), last[:12], last[-6:]):
            assert owner_of(parsed, text, snippet, across_lines=True) == k, snippet


@pytest.mark.parametrize("convert", [same, traditional])
@pytest.mark.parametrize("kind", sorted(LISTS))
@pytest.mark.parametrize(("width", "indent"), [(None, ""), (30, ""), (17, "\u3000\u3000")])
def test_the_title_after_a_list_or_sign_off_opens_an_article(
    convert: Callable[[str], str], kind: str, width: int | None, indent: str
) -> None:
    orders = [(LEAD, LISTS[kind], NOTICE, HOURS), (LEAD, NOTICE, LISTS[kind], HOURS)]
    if kind == "books" and width == 30:
        del orders[1]  # 寒假开放时间安排 then reads as a subheading of the list: class 3, not this one
    for parts in orders:
        converted = tuple(tuple(convert(line) for line in part) for part in parts)
        text = _issue(converted, width, indent)
        _assert_cut_as(cut(text), text, converted)


@pytest.mark.parametrize("convert", [same, traditional])
def test_a_half_width_sign_off_one_paragraph_a_line(convert: Callable[[str], str]) -> None:
    half = str.maketrans({"，": ",", "！": "!", "：": ":", "（": "(", "）": ")", "\u3000": " "})
    parts = tuple(tuple(convert(line).translate(half) for line in part) for part in (GREETING, NOTICE, HOURS))
    text = _issue(parts, None, "")
    _assert_cut_as(cut(text), text, parts)


def test_a_paragraph_cut_around_a_caption_still_joins() -> None:
    text = (
        "东湖区报\n2026年11月26日\n\n"
        "老旧小区加装电梯\n"
        "日活动。根据区委“四史”学习教育领导小组办公室的相关要求，街\n\n"
        "邢光给党员们上党课\n\n"
        "道各基层党组织开展“从历史中汲取精神力量”主题活动，党员们踊跃参加。\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1


def test_what_reads_finished() -> None:
    for line in (
        "《城市规划原理》　吴志强主编　TU984/W786　总馆四楼",
        "祝福　　　　　　陈牧师",
        "儿童主日学　李姊妹、陈姊妹",
        "合理化建议奖：焊装车间周海涛",
        "祝大家聖誕快樂,新年進步!主席 何志強",
        "谨祝各位新年快乐，身体健康。主席　张永发",
    ):
        assert is_finished_row(line), line
    for line in (
        "日活动。根据区委“四史”学习教育领导小组办公室的相关要求,街",
        "有固定住所和稳定　　　　　　",
        "商铺到居民小区都切实巩固、健全、完善好垃圾分类机制,加快推动",
    ):
        assert not is_finished_row(line), line
