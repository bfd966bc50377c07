"""Nothing lost: segmentation covers every character exactly once, on any text.

Property-based over generated issues (headings, bylines, paragraphs, captions,
cut paragraphs, blank-line runs, layout words, sources), over arbitrary text,
and over the real corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import ParsedIssue
from reader.core.segment import segment

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def assert_covers_exactly(text: str, parsed: ParsedIssue) -> None:
    """The coverage invariant: spans disjoint, every non-whitespace character covered once."""
    assert parsed.text == text
    covered = [0] * len(text)
    spans = [article.span for article in parsed.articles] + [left.span for left in parsed.leftovers]
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        for i in range(start, end):
            covered[i] += 1
    for i, char in enumerate(text):
        assert covered[i] <= 1, f"overlap at {i}: {text[max(0, i - 10) : i + 10]!r}"
        if not char.isspace():
            assert covered[i] == 1, f"lost at {i}: {text[max(0, i - 10) : i + 10]!r}"
    for left in parsed.leftovers:
        assert left.text == text[left.span[0] : left.span[1]]
        assert left.text == left.text.strip()
    for article in parsed.articles:
        assert article.blocks
        assert article.span == (article.blocks[0].span[0], article.blocks[-1].span[1])
        inside = [0] * (article.span[1] - article.span[0])
        for block in article.blocks:
            assert block.text == "".join(text[s:e] for s, e in block.pieces)
            for start, end in block.pieces:
                assert article.span[0] <= start < end <= article.span[1]
                assert text[start:end] == text[start:end].strip()
                for i in range(start, end):
                    inside[i - article.span[0]] += 1
        for offset, count in enumerate(inside):
            char = text[article.span[0] + offset]
            assert count <= 1
            assert count == 1 or char.isspace(), f"dropped inside an article: {char!r}"


# -- generated issues ------------------------------------------------------------------------
CJK = (
    "社区街道居民党员志愿者服务活动工作会议开展组织建设文化安全"
    "垃圾分类宣传学习教育治理中心委员主任书记老年青少年家园环境"
)
NAMES = st.text(alphabet="王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗伟芳敏静丽强磊军洋", min_size=2, max_size=3)
SEPARATORS = st.sampled_from(
    ["\n\n", "\n\n", "\n\n", "\n\n\n\n", "\n\n\n\n\n", "\n", " \n\u3000\n", "\n\n \n\n"]
)
LAYOUT = st.sampled_from(
    ["HEADLINE", "第2版", "责任编辑:王五", "扫码关注“外滩街道”微信公众号", "A3", "(下转第2版)"]
)
SECTIONS = st.sampled_from(["【党政】", "【民生】", "图片新闻", "【文化】"])


def words(min_size: int = 2, max_size: int = 12) -> st.SearchStrategy[str]:
    return st.text(alphabet=CJK, min_size=min_size, max_size=max_size)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(st.lists(words(), min_size=1, max_size=4))
    return draw(st.sampled_from([",", ",", "、"])).join(parts) + draw(
        st.sampled_from(["。", "!", "?", "。”", ";"])
    )


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(sentences(), min_size=1, max_size=5)))


@st.composite
def headings(draw: st.DrawFn) -> list[str]:
    lines = [draw(words(4, 20))]
    if draw(st.booleans()):
        lines.insert(0, draw(words(4, 16)) + draw(st.sampled_from(["", " " + draw(words(2, 8))])))
    if draw(st.booleans()):
        lines.append("——" + draw(words(4, 16)))
    if draw(st.booleans()):
        lines.append(
            draw(st.sampled_from(["□ 通讯员 ", "□文 ", "记者 "]))
            + " ".join(draw(st.lists(NAMES, min_size=1, max_size=3)))
        )
    return lines


@st.composite
def cut(draw: st.DrawFn, paragraph: str) -> str:
    """A paragraph cut by a run of blank lines, sometimes with a caption dropped in."""
    if len(paragraph) < 4:
        return paragraph
    at = draw(st.integers(1, len(paragraph) - 1))
    middle = "\n" * draw(st.integers(3, 6))
    if draw(st.booleans()):
        middle += draw(words(6, 18)) + "\n" * draw(st.integers(2, 4))
    return paragraph[:at] + middle + paragraph[at:]


@st.composite
def articles(draw: st.DrawFn) -> str:
    blocks: list[str] = []
    if draw(st.integers(0, 4)) == 0:
        blocks.append(draw(SECTIONS))
    if draw(st.integers(0, 5)):
        blocks.extend(draw(headings()))
    for _ in range(draw(st.integers(1, 5))):
        roll = draw(st.integers(0, 9))
        if roll == 0:
            blocks.append("● " + draw(words(2, 6)))
        elif roll == 1:
            blocks.append(draw(words(4, 8)))  # an unmarked subheading
        elif roll == 2:
            blocks.append(draw(LAYOUT))
        elif roll == 3:
            blocks.append(draw(cut(draw(paragraphs()))))
        else:
            blocks.append(draw(paragraphs()))
    source = "(" + draw(words(2, 6)) + "办)"
    ending = draw(st.integers(0, 2))
    if ending == 1:
        blocks.append(source)
    elif ending == 2:
        blocks[-1] += source
    separators = draw(st.lists(SEPARATORS, min_size=len(blocks), max_size=len(blocks)))
    return "".join(sep + block for sep, block in zip(separators, blocks, strict=True))


@st.composite
def issues(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append("外滩 第" + str(draw(st.integers(1, 999))) + "期 2019年5月15日")
    parts.extend(draw(st.lists(st.one_of(articles(), LAYOUT), min_size=0, max_size=6)))
    separators = draw(st.lists(SEPARATORS, min_size=len(parts), max_size=len(parts)))
    tail = draw(st.sampled_from(["", "\n", "\n\n\n", "  "]))
    return "".join(sep + part for sep, part in zip(separators, parts, strict=True)) + tail


@settings(max_examples=300, deadline=None)
@given(issues())
def test_generated_issues_are_covered_exactly(text: str) -> None:
    assert_covers_exactly(text, segment(text))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises_and_is_covered(text: str) -> None:
    assert_covers_exactly(text, segment(text))


PUNCTUATED = CJK[:20] + "。,,、;:“”()()【】□●——|丨 \n\n\n\u3000HEADLINE第2版扫码关注记者通讯员图片新闻0123"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=PUNCTUATED, max_size=400))
def test_punctuation_soup_is_covered(text: str) -> None:
    assert_covers_exactly(text, segment(text))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([*CJK[:10], "。", ",", "\n", "\n\n\n", "(", ")", "——", "□", "●"]), max_size=200)
)
def test_token_soup_is_covered(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert_covers_exactly(text, segment(text))


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u3000\n \t"])
def test_blank_text_has_no_articles(text: str) -> None:
    parsed = segment(text)
    assert parsed.articles == [] and parsed.leftovers == []


def test_a_long_issue_is_segmented_whole() -> None:
    """Throughput is measured by the import benchmark; here only that 2,000 articles all come out."""
    body = "".join(f"第{i}段内容,居民积极参与社区活动,志愿者热情服务。" * 3 for i in range(8))
    article = "\n\n".join(["迎接新中国成立70周年", "街道举办主题活动", "□ 通讯员 张三", body, body[:40]])
    text = "\n\n\n\n".join([article + "\n\n" + body[40:] + "(街道党群办)"] * 2000)
    parsed = segment(text)
    assert len(parsed.articles) == 2000
    assert all(a.title == "街道举办主题活动" for a in parsed.articles)


# -- the real corpus -----------------------------------------------------------------------
def corpus_texts() -> list[str]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"corpus not found at {CORPUS} (it lives in ../shared/corpus beside the clone)")
    return [file.read_text(encoding="utf-8") for file in files]


@pytest.mark.corpus
def test_corpus_is_covered_exactly() -> None:
    for text in corpus_texts():
        assert_covers_exactly(text, segment(text))


@pytest.mark.corpus
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_shuffled_corpus_lines_are_covered_exactly(data: st.DataObject) -> None:
    lines = [line for text in corpus_texts() for line in text.split("\n")]
    picked = data.draw(st.lists(st.sampled_from(lines), max_size=60))
    text = "\n".join(picked)
    assert_covers_exactly(text, segment(text))


@pytest.mark.parametrize(
    "text",
    [
        # a line left out as the page's footer, then a jump marker: the article above ended at the footer
        "\n\n\n\n中中。\n\n\n\n中中。\n\n● 中中\n\n● 中中\n\n中中!\n\n(下转第2版)",
        "社区新闻\n\n居民说好。\n\n居民说好。\n\n● 学习\n\n● 交流\n\n欢迎投稿!\n\n(下转第2版)\n",
    ],
)
def test_a_jump_marker_after_a_line_left_out_stays_out_of_the_article(text: str) -> None:
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
