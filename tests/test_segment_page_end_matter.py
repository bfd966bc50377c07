"""What a page prints after its last article is no article: a lone photo with its caption, the footnotes
gathered at the page's end (qaseg36's class 5).

After the last article and a blank line, a photo marker (``【图】``) with only its caption and credit after
it, or a footnotes label (``注释：``) with the numbered notes (``①…``, ``[1]…``) and maybe the page's own
note (``本版投稿信箱：…``) are leftovers, not an untitled article; the articles above keep their text.
"""

from __future__ import annotations

import pytest

from tests.corpus_shapes import hard_wrap, leftover_texts, squeeze
from tests.segment_support import cut, owner_of, traditional

ARTICLES = (
    (
        "冰雪节期间交通提示",
        "冰雪节期间，市公交集团开通冰雪大世界往返中央大街、哈尔滨西站两条专线，票价二元，末班车延至22时。",
        "交警部门提示，冰雪路面行车请降低车速，保持车距。",
    ),
    (
        "太谷饼的老手艺（之二）",
        "文／阎振华",
        "上回说到爷爷①打饼讲究火候。其实，太谷饼最难的一关是“起酥”，饼坯表面要刷一层糖稀，再撒上芝麻。",
        "那年腊月，我学着爷爷的样子在家里的烤箱里烤了一炉，孙子尝了一口说：“比超市的好吃。”",
        "（全文完）",
    ),
)
PHOTOS = (
    ("【图】", "冰雪大世界夜景。本报记者　刘冬　摄"),
    ("[图片]", "游客在暖房里喝热饮取暖。", "本版图片除署名外均由冰雪大世界提供"),
    ("[image]", "雪博会主雪雕《雪韵华章》。（高原　摄）"),
)
NOTES = (
    ("注释：", "①爷爷：作者祖父，民国年间在太谷南街开饼铺。", "②糖稀：熬化的麦芽糖。"),
    (
        "注：",
        "[1]饼匠：当地对专门制作面点的手艺人的称呼。",
        "[2]老年大学：此处指晋中市老年大学。",
        "本版投稿信箱：jzlnb@126.com",
    ),
    ("注释：①爷爷：作者祖父，民国年间在太谷南街开饼铺。", "本版投稿信箱：jzlnb@126.com　来稿请注明真实姓名"),
)


def _text(tail: tuple[str, ...], order: tuple[int, ...], indent: str) -> str:
    parts = ["冰城晚报·冰雪节特刊　第T4版"]
    for n in order:
        title, *body = ARTICLES[n]
        parts.append("\n".join([title, *(indent + line for line in body)]))
    parts.append("\n".join(tail))
    return "\n\n".join(parts) + "\n"


def _check(text: str, tail: tuple[str, ...], order: tuple[int, ...], convert: bool) -> None:
    parsed = cut(text)
    conv = traditional if convert else (lambda t: t)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(conv(ARTICLES[n][0])) for n in order]
    last = ARTICLES[order[-1]][-1]
    assert owner_of(parsed, text, squeeze(conv(last))[:8], across_lines=True) == len(order) - 1
    assert squeeze(conv("".join(tail))) in leftover_texts(parsed)


TAILS = [*PHOTOS, *NOTES]


@pytest.mark.parametrize("tail", TAILS)
@pytest.mark.parametrize("order", [(0, 1), (1, 0), (1,)])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_page_end_matter_is_left_over(
    tail: tuple[str, ...], order: tuple[int, ...], indent: str, script: str
) -> None:
    text = _text(tail, order, indent)
    if script == "traditional":
        text = traditional(text)
    _check(text, tail, order, script == "traditional")


@pytest.mark.parametrize("tail", [PHOTOS[0], NOTES[0], NOTES[1]])
@pytest.mark.parametrize("width", [22, 30])
def test_hard_wrapped(tail: tuple[str, ...], width: int) -> None:
    order = (0, 1)
    _check(hard_wrap(_text(tail, order, ""), width), tail, order, False)


def test_a_photo_between_articles_is_left_as_it_was() -> None:
    """Control: a photo and caption with an article after it opens nothing and stays out of the articles'
    text (as before)."""
    text = _text(PHOTOS[0], (0,), "") + "\n" + "\n".join(ARTICLES[1]) + "\n"
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [ARTICLES[0][0], ARTICLES[1][0]]


@pytest.mark.parametrize(
    "tail",
    [
        ("①在主干道设置临时停车区。", "②增开夜间公交线路。"),
        ("注：本文数据截至11月底，由市交通运输局提供。",),
    ],
)
def test_an_articles_own_list_or_note_stays_in_it(tail: tuple[str, ...]) -> None:
    """Control: numbered lines with no footnotes label, or a note that is a sentence, are no page matter."""
    parsed = cut(_text(tail, (0,), ""))
    assert squeeze(tail[0]) not in leftover_texts(parsed)
