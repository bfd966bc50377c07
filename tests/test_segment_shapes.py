"""Segmentation that generalises: line-based OCR output, masthead blocks, subheadings, captions, orphans.

The corpus is transformed at run time (wrapped, indented, given a masthead);
the other layouts are written here.  The original stays verbatim: every shape
is checked for nothing lost as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import LeftoverKind, Role
from reader.core.segment import segment
from reader.core.segment.furniture import furniture_kind
from reader.core.segment.reflow import (
    RawLine,
    column_width,
    opens_block,
    opens_with_indent,
    reflow_run,
    stands_alone,
)
from reader.core.segment.rules import is_marked_caption
from tests.corpus_shapes import (
    MASTHEAD,
    hard_wrap,
    indent_wrap,
    leftover_texts,
    signature,
    squeeze,
    with_masthead,
)
from tests.test_segment_coverage import assert_covers_exactly
from tests.test_segment_sections import assert_same_as_segment

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus_texts() -> list[str]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"corpus not found at {CORPUS}")
    return [file.read_text(encoding="utf-8") for file in files]


# -- the corpus in every shape -------------------------------------------------------------
@pytest.mark.corpus
@pytest.mark.parametrize("width", range(14, 23))
@pytest.mark.parametrize("shape", ["hard", "indent"])
def test_corpus_wrapped_gives_the_same_articles(shape: str, width: int) -> None:
    for text in corpus_texts():
        wrapped = hard_wrap(text, width) if shape == "hard" else indent_wrap(text, width)
        assert wrapped != text
        parsed = segment(wrapped)
        assert_covers_exactly(wrapped, parsed)
        assert signature(parsed) == signature(segment(text))
        assert leftover_texts(parsed) == ""


@pytest.mark.corpus
@pytest.mark.parametrize("width", [14, 18, 22])
def test_corpus_with_a_masthead_block_keeps_its_articles(width: int) -> None:
    for text in corpus_texts():
        for shaped in (text, hard_wrap(text, width), indent_wrap(text, width)):
            parsed = segment(with_masthead(shaped, MASTHEAD))
            assert signature(parsed) == signature(segment(text))
            assert leftover_texts(parsed) == squeeze("".join(MASTHEAD))
            assert parsed.title == "幸福社区报"
            assert parsed.date == "2023年6月15日"


@pytest.mark.corpus
@pytest.mark.parametrize("width", [14, 17, 22])
def test_corpus_dense_indented_loses_nothing(width: int) -> None:
    for text in corpus_texts():
        dense = indent_wrap(text, width, dense=True)
        parsed = segment(dense)
        assert_covers_exactly(dense, parsed)
        assert len(parsed.articles) >= len(segment(text).articles) - 2


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(8, 30),
    indent=st.sampled_from(["", "\u3000\u3000", "\u3000", "  ", "    ", "\t"]),
    dense=st.booleans(),
    masthead=st.lists(st.sampled_from(MASTHEAD), max_size=4),
    which=st.integers(0, 2),
)
def test_nothing_lost_in_any_shape(
    width: int, indent: str, dense: bool, masthead: list[str], which: int
) -> None:
    texts = corpus_texts()
    text = texts[which % len(texts)]
    shaped = indent_wrap(text, width, dense=dense, indent=indent) if indent else hard_wrap(text, width)
    if masthead:
        shaped = with_masthead(shaped, masthead)
    assert_covers_exactly(shaped, segment(shaped))


@pytest.mark.corpus
@pytest.mark.parametrize("shape", ["hard", "indent", "dense"])
def test_a_long_wrapped_issue_segmented_in_sections_gives_what_segment_gives(shape: str) -> None:
    for text in corpus_texts():
        wrapped = {"hard": hard_wrap(text, 15), "indent": indent_wrap(text, 20)}
        shaped = wrapped.get(shape) or indent_wrap(text, 20, dense=True)
        assert_same_as_segment("\n\n\n".join([shaped] * 12), 2000, 13)


# -- re-flow rules -------------------------------------------------------------------------
def raw_lines(text: str) -> list[RawLine]:
    out, at = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        start = at + len(line) - len(line.lstrip())
        out.append(RawLine(start, start + len(stripped), at))
        at += len(line) + 1
    return out


def test_column_width_is_the_most_common_width() -> None:
    assert column_width([14, 14, 14, 9, 3]) == 14
    assert column_width([14, 6]) is None
    assert (
        column_width(
            [14, 6],
        )
        is None
    )
    assert column_width([12, 12, 16, 16]) == 16
    assert column_width([14, 14, 22, 45, 40, 33]) is None  # one paragraph per line: not wrapped


def test_an_indent_opens_a_paragraph() -> None:
    text = "\u3000\u3000第一段开头\n第二行"
    first, second = raw_lines(text)
    assert opens_with_indent(text, first) and not opens_with_indent(text, second)


def test_a_short_line_ends_its_paragraph_and_full_lines_continue() -> None:
    text = "居民们一早来到社区中心参加\n活动,气氛热烈。\n志愿者们热情地为大家服务\n周到细致。"
    groups = reflow_run(text, raw_lines(text))
    assert [len(group) for group in groups] == [2, 2]


def test_a_heading_under_a_full_sentence_line_stands_alone() -> None:
    text = "\n".join(
        [
            "\u3000\u3000居民们一早来到社区活动。",
            "社区举办夏日纳凉晚会",
            "\u3000\u3000晚会上,居民们载歌载舞,",
            "气氛热烈。",
        ]
    )
    groups = reflow_run(text, raw_lines(text))
    assert [len(group) for group in groups] == [1, 1, 2]


def test_one_paragraph_per_line_without_blank_lines_is_not_reflowed() -> None:
    first = "\u3000\u3000本报讯 今年以来,街道把老旧小区改造作为民生实事的头号工程,逐个小区听取居民意见。"
    second = "\u3000\u3000下一步,街道将继续完善长效管理机制。"
    text = "\n".join(
        ["聚焦民生实事  回应群众期盼", "街道全面推进老旧小区改造工作", "□ 通讯员 张明", first, second]
    )
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("聚焦民生实事  回应群众期盼", "街道全面推进老旧小区改造工作")
    assert article.paragraphs == [first.strip(), second.strip()]


def test_a_wrapped_title_is_one_title() -> None:
    title = "街道召开二〇二三年度社区治理工作推进会暨表彰大会"
    body = "6月1日,街道召开年度社区治理工作推进会,各居民区书记参加会议。会议总结了上半年工作。"
    text = hard_wrap(f"{title}\n\n□ 记者 张三\n\n{body}", 16)
    article = segment(text).articles[0]
    assert article.title == title
    assert squeeze(article.paragraphs[0]) == body


def test_furniture_bylines_and_block_openers_never_continue_a_line() -> None:
    assert stands_alone("扫码关注") and stands_alone("□ 记者 张三") and not stands_alone("街道召开会议")
    assert opens_block("——街道召开会议") and opens_block("● 学习互鉴") and opens_block("▲ 活动现场")
    assert opens_block("【结语】") and not opens_block("街道召开会议")
    text = "外滩 第1期 2019年5月15日\n外滩 第2期 2019年5月22日"
    assert [len(group) for group in reflow_run(text, raw_lines(text))] == [1, 1]


# -- masthead and furniture ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("××街道党工委、办事处 主办", LeftoverKind.MASTHEAD),
        ("幸 / 福 / 社 / 区", LeftoverKind.MASTHEAD),
        ("官方微信:幸福花木", LeftoverKind.QR_CODE),
        ("扫码关注", LeftoverKind.QR_CODE),
        ("街道召开夏季消防安全会议", None),
        ("居民/志愿者共建美好家园", None),
    ],
)
def test_furniture_lines(line: str, kind: LeftoverKind | None) -> None:
    assert furniture_kind(line) == kind


def test_a_front_page_masthead_block_is_no_article() -> None:
    text = "\n\n".join(
        [
            *MASTHEAD,
            "喜迎端午 粽香满社区",
            "街道举办端午节主题活动",
            "□ 记者 张三",
            "6月20日,街道举办端午节主题活动。",
        ]
    )
    parsed = segment(text)
    assert [(a.kicker, a.title) for a in parsed.articles] == [
        ("喜迎端午 粽香满社区", "街道举办端午节主题活动")
    ]
    assert [left.text for left in parsed.leftovers] == list(MASTHEAD)


def test_a_masthead_block_of_name_slogan_and_qr_lines_is_no_article() -> None:
    masthead = ["幸福社区", "幸 / 福 / 社 / 区", "扫码关注", "官方微信:幸福社区"]
    text = "\n\n".join(
        [*masthead, "街道举办端午节主题活动", "□ 记者 张三", "6月20日,街道举办端午节主题活动。"]
    )
    parsed = segment(text)
    assert [(a.kicker, a.title) for a in parsed.articles] == [(None, "街道举办端午节主题活动")]
    assert [left.text for left in parsed.leftovers] == masthead


# -- subheadings ----------------------------------------------------------------------------
def test_subheadings_stay_in_their_article() -> None:
    body = "居民们积极参与,活动取得了良好的效果,大家纷纷点赞。"
    text = "\n\n".join(
        [
            "街道全面推进垃圾分类工作",
            "□ 通讯员 李四",
            "近日,街道召开垃圾分类推进会。" + body,
            "一、强化宣传引导营造全民参与的良好氛围",
            body,
            "\n\n坚持问题导向",
            body,
            "【结语】",
            body,
        ]
    )
    parsed = segment(text)
    assert len(parsed.articles) == 1
    assert [b.text for b in parsed.articles[0].blocks if b.role is Role.SUBHEADING] == [
        "一、强化宣传引导营造全民参与的良好氛围",
        "坚持问题导向",
        "【结语】",
    ]


def test_a_section_label_still_opens_the_next_article() -> None:
    text = "\n\n".join(
        ["第一条新闻标题", "近日,社区开展活动。", "【党政】", "第二条新闻标题", "近日,街道召开会议。"]
    )
    parsed = segment(text)
    assert [(a.section, a.title) for a in parsed.articles] == [
        (None, "第一条新闻标题"),
        ("【党政】", "第二条新闻标题"),
    ]


# -- captions -------------------------------------------------------------------------------
def test_a_credited_line_is_a_caption() -> None:
    assert is_marked_caption("居民在活动现场合影 (张三 摄)")
    assert not is_marked_caption("摄影比赛在社区开幕")


def test_a_caption_above_a_title_is_never_its_title_or_kicker() -> None:
    text = "\n\n".join(
        [
            "第一条新闻标题",
            "近日,社区开展活动。",
            "▲ 居民在活动现场合影",
            "街道召开消防安全会议",
            "□ 记者 王五",
            "6月3日,街道召开会议。",
        ]
    )
    parsed = segment(text)
    assert [(a.kicker, a.title) for a in parsed.articles] == [
        (None, "第一条新闻标题"),
        (None, "街道召开消防安全会议"),
    ]
    assert parsed.articles[1].captions == ["▲ 居民在活动现场合影"]


# -- a title at the very end ------------------------------------------------------------------
def test_a_credited_caption_above_a_kicker_is_not_the_kicker() -> None:
    text = "\n\n".join(
        [
            "第一条新闻标题",
            "近日,社区开展活动。",
            "居民在活动现场合影 (张三 摄)",
            "喜迎端午 粽香满社区",
            "街道举办端午节主题活动",
            "□ 记者 王五",
            "6月20日,街道举办端午节主题活动。",
        ]
    )
    second = segment(text).articles[1]
    assert (second.kicker, second.title) == ("喜迎端午 粽香满社区", "街道举办端午节主题活动")
    assert second.captions == ["居民在活动现场合影 (张三 摄)"]


def test_a_trailing_title_goes_to_the_untitled_article_before_it() -> None:
    text = "\n\n".join(["□ 记者 王五", "6月3日,街道召开会议。会议部署了下阶段工作。", "街道召开消防安全会议"])
    article = segment(text).articles[0]
    assert article.title == "街道召开消防安全会议"
    assert article.blocks[-1].role is Role.TITLE


def test_a_trailing_title_after_a_titled_article_is_flagged_not_a_subheading() -> None:
    text = "\n\n".join(["第一条新闻标题", "近日,社区开展活动。", "街道召开消防安全会议"])
    article = segment(text).articles[0]
    assert [b.role for b in article.blocks] == [Role.TITLE, Role.PARAGRAPH, Role.FURNITURE]
