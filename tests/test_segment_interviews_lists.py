"""Interviews, lists of names, notices and closing bylines: layouts the corpus does not have.

A turn of an interview (``记者:您每天几点开始工作?``) is a paragraph, not a
question headline; a label with a list of names (``优秀志愿者:刘德明、赵丽娟、
黄文斌、吴静``) is a finished line of body text, not a heading nor half a
sentence; a notice's title (``征稿启事``) opens an item of its own; the people of
a closing ``(记者 孙悦)`` are the article's.
"""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue, Person, Role
from reader.core.segment import segment
from reader.core.segment.rules import is_heading_like, is_list_entry, is_speech_turn
from tests.corpus_shapes import SHAPES, reshaped, signature
from tests.test_segment_coverage import assert_covers_exactly

ISSUE = """\
【人物专访】

“小巷总理”的一天

——访水果湖街道东亭社区党委书记周红

记者:您每天几点开始工作?

周红:早上7点半到社区,先在小区里转一圈,看看垃圾分类点和楼道有没有问题。

记者:最难的工作是什么?

周红:加装电梯。一个单元十几户人家,意见要统一,需要一户一户去谈。

(记者 孙悦)

获奖名单

2026年度“最美家庭”:王建华家庭、李秀兰家庭、张志强家庭、陈美玲家庭

2026年度“优秀志愿者”:刘德明、赵丽娟、黄文斌、吴静

征稿启事

本报面向社区居民征集稿件,题材不限,字数1000字以内。
"""


def _outline(parsed: ParsedIssue) -> list[list[str]]:
    return [[str(b.role) for b in a.blocks] for a in parsed.articles]


def test_the_rules() -> None:
    for turn in ("记者:您每天几点开始工作?", "问:垃圾怎么分?", "答:分四类。", "主持人:欢迎您!"):
        assert is_speech_turn(turn) and not is_heading_like(turn), turn
    for title in ("周红:社区的事就是我的事", "垃圾分类,你做对了吗?"):
        assert not is_speech_turn(title) and is_heading_like(title), title
    assert is_list_entry("2026年度“优秀志愿者”:刘德明、赵丽娟、黄文斌、吴静")
    assert is_list_entry("一等奖:王芳、李强、张伟、刘洋、陈静")
    for text in ("学党史、悟思想、办实事、开新局", "街道组织党员:学党史、悟思想、办实事,开新局", "获奖名单"):
        assert not is_list_entry(text), text


def test_an_interview_a_list_and_a_notice() -> None:
    parsed = segment(ISSUE)
    assert_covers_exactly(ISSUE, parsed)
    assert _outline(parsed) == [
        ["section", "title", "subtitle", "paragraph", "paragraph", "paragraph", "paragraph", "source"],
        ["title", "paragraph", "paragraph"],
        ["title", "paragraph"],
    ]
    assert parsed.articles[0].people == [Person("孙悦", "记者")]
    assert [b.text for b in parsed.articles[1].blocks if b.role is Role.PARAGRAPH][1].endswith("吴静")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("width", [14, 18, 22])
def test_the_same_in_other_shapes(shape: str, width: int) -> None:
    text = reshaped(ISSUE, shape, width)
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    assert signature(parsed) == signature(segment(ISSUE))
    assert [a.people for a in parsed.articles] == [[Person("孙悦", "记者")], [], []]
