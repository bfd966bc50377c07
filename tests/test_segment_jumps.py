"""Jump markers: ``(下转第2版)`` ends an article on its page, ``(上接第1版)`` opens the rest of one.

A paper that runs an article over two pages says so in a line of its own.
Whatever follows ``(下转第2版)`` on the page is another article (however its
title looks), and the text after ``(上接第1版)`` is the rest of the article
begun on page 1, never more of the article printed before it on page 2.
"""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment import segment
from reader.core.segment.rules import is_continued_elsewhere, is_continued_from
from tests.corpus_shapes import SHAPES, reshaped, signature
from tests.test_segment_coverage import assert_covers_exactly
from tests.test_segment_shapes import corpus_texts

TWO_PAGES = """\
百步亭街道启动“暖冬行动”

——为困难家庭送去过冬物资

11月18日,百步亭街道“暖冬行动”正式启动。街道联合辖区爱心企业,为32户困难家庭送去棉被、米面油等过冬物资。

街道党工委书记张建国带队走访慰问,详细询问老人的身体和生活情况。

(下转第2版)

新建幼儿园月底开园

百步亭花园社区新建的公办幼儿园将于11月底开园,可提供学位270个。园长王丽表示,师资招聘和设施验收均已完成。

第2版

楼道灯亮了

后湖社区为12栋老楼更换了楼道声控灯,居民晚上回家不再摸黑。社区主任李华说,下一步将检修单元门禁。

(上接第1版)

据介绍,“暖冬行动”将持续到明年2月,街道还将组织志愿者为独居老人检修水电、清理楼道。

二七长江大桥下停车场开放

11月20日起,江岸区交通大队在二七长江大桥下新建的停车场,设车位86个,免费开放三个月。
"""


def _titles(parsed: ParsedIssue) -> list[str]:
    return [next((b.text for b in a.blocks if b.role is Role.TITLE), "") for a in parsed.articles]


def _texts(parsed: ParsedIssue, index: int) -> str:
    return "".join(b.text for b in parsed.articles[index].blocks)


def test_the_markers_are_told_apart() -> None:
    for marker in ("(下转第2版)", "（转第3版）", "下转第四版", "(下接B2版)"):
        assert is_continued_elsewhere(marker) and not is_continued_from(marker), marker
    for marker in ("(上接第1版)", "（接第一版）", "(续第2版)", "接上期"):
        assert is_continued_from(marker) and not is_continued_elsewhere(marker), marker
    for text in ("第2版", "转发通知", "街道党工委书记张建国带队走访慰问,下转到社区。"):
        assert not is_continued_elsewhere(text) and not is_continued_from(text), text


def test_a_continued_article_ends_at_its_marker_and_its_rest_is_apart() -> None:
    parsed = segment(TWO_PAGES)
    assert_covers_exactly(TWO_PAGES, parsed)
    assert _titles(parsed) == [
        "百步亭街道启动“暖冬行动”",
        "新建幼儿园月底开园",
        "楼道灯亮了",
        "",
        "二七长江大桥下停车场开放",
    ]
    first = parsed.articles[0].blocks
    assert (first[-1].role, first[-1].text) == (Role.FURNITURE, "(下转第2版)")
    rest = parsed.articles[3].blocks
    assert [b.role for b in rest] == [Role.FURNITURE, Role.PARAGRAPH]
    assert rest[0].text == "(上接第1版)" and rest[1].text.startswith("据介绍")
    assert "据介绍" not in _texts(parsed, 2)  # not glued to the article printed before it


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("width", [16, 21])
def test_the_same_in_other_shapes(shape: str, width: int) -> None:
    text = reshaped(TWO_PAGES, shape, width)
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    assert signature(parsed) == signature(segment(TWO_PAGES))


@pytest.mark.corpus
def test_a_marker_after_corpus_articles_changes_nothing_else() -> None:
    """Corpus articles ending with a paragraph, ended by ``(下转第2版)``: the same articles, marker last."""
    marked_articles = 0
    for text in corpus_texts():
        parsed = segment(text)
        ends = [a.span[1] for a in parsed.articles if a.blocks[-1].role is Role.PARAGRAPH]
        marked = text
        for end in sorted(ends, reverse=True):
            marked = marked[:end] + "\n\n(下转第2版)\n" + marked[end:]
        again = segment(marked)
        assert_covers_exactly(marked, again)
        assert len(again.articles) == len(parsed.articles)
        for article, before, after in zip(parsed.articles, signature(parsed), signature(again), strict=True):
            if article.span[1] in ends:
                assert after[-1] == ("furniture", "(下转第2版)")
                after = after[:-1]
                marked_articles += 1
            assert after == before
        assert not again.leftovers
    assert marked_articles >= 10


@pytest.mark.corpus
def test_a_page_header_before_every_corpus_article_changes_no_article() -> None:
    """``第2版`` before each article after the first: the same articles; the headers are left over."""
    for text in corpus_texts():
        parsed = segment(text)
        starts = [a.span[0] for a in parsed.articles[1:]]
        paged = text
        for start in sorted(starts, reverse=True):
            paged = paged[:start] + "第2版\n\n" + paged[start:]
        again = segment(paged)
        assert_covers_exactly(paged, again)
        assert signature(again) == signature(parsed)
        assert [left.text for left in again.leftovers] == ["第2版"] * len(starts)


def test_a_heading_at_the_top_of_a_page_is_a_title() -> None:
    """The same lone heading is a subheading inside an article, a title right under a page header."""
    body = "社区为老楼更换了声控灯,居民晚上回家不再摸黑。\n\n"
    inside = "楼道灯亮了老楼更暖了\n\n" + body + "下一步检修门禁\n\n" + body
    assert len(segment(inside).articles) == 1
    paged = "楼道灯亮了老楼更暖了\n\n" + body + "第2版\n\n" + "下一步检修门禁\n\n" + body
    parsed = segment(paged)
    assert _titles(parsed) == ["楼道灯亮了老楼更暖了", "下一步检修门禁"]


@pytest.mark.parametrize("header", ["滨江社区报\u3000第3版\u3000民生", "第3版 民生", "要闻 第12版"])
def test_a_running_page_header_is_furniture_and_a_page_break(header: str) -> None:
    body = "社区为老楼更换了声控灯,居民晚上回家不再摸黑。\n\n"
    text = header + "\n\n楼道灯亮了老楼更暖了\n\n" + body + header + "\n\n下一步检修门禁\n\n" + body
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    assert _titles(parsed) == ["楼道灯亮了老楼更暖了", "下一步检修门禁"]
    assert [b.role for b in parsed.articles[0].blocks] == [Role.TITLE, Role.PARAGRAPH]
    assert [left.text for left in parsed.leftovers] == [header, header]
