"""Titles set vertically and OCR'd one character per line (qaseg33's class 3).

``故`` ``乡`` ``的`` ``榕`` ``树`` over a writer's credit and the text used to become a kicker, a title and a
one-character paragraph, the article split in two and lost its title.  A run of one-character lines over
text is now one title; a credit under it (``曼德勒　杨春梅``) is its byline.  No character is lost.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap
from tests.segment_support import cut, traditional

PIECES = (
    (
        "故乡的榕树",
        "曼德勒　杨春梅",
        ["我的祖籍是云南腾冲，可我从未见过那里的榕树。", "我站在树下很久，忽然明白了。"],
    ),
    (
        "赶摆",
        "东枝　段玉珍",
        ["掸邦高原上的赶摆，是我童年最盼望的节日。", "每到点灯节，总会想起高原上的灯火。"],
    ),
    ("阿婆的酸笋", "腊戍　尹兴旺", ["阿婆腌的酸笋，是全村最好吃的。"]),
)


def _page(
    order: tuple[int, ...] = (0, 1, 2), *, credit: bool = True, blank: str = "", indent: str = ""
) -> str:
    parts = []
    for n in order:
        title, writer, body = PIECES[n]
        lines = list(title) + ([writer] if credit else []) + [indent + para for para in body]
        parts.append("\n".join(lines) + "\n" + blank)
    return "某某中文报　文艺副刊\n" + "".join(parts)


@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("indent", ["", "　　"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_vertical_title_is_one_title(blank: str, indent: str, script: str) -> None:
    text = _page(blank=blank, indent=indent)
    if script == "traditional":
        text = traditional(text)
    parsed = cut(text)
    titles = [t for t, _, _ in PIECES]
    if script == "traditional":
        titles = [traditional(t) for t in titles]
    assert [a.title for a in parsed.articles] == titles
    assert [b.role for b in parsed.articles[1].blocks][:3] == [Role.TITLE, Role.BYLINE, Role.PARAGRAPH]


@pytest.mark.parametrize("order", [(2, 0, 1), (1, 2, 0)])
@pytest.mark.parametrize("credit", [True, False])
def test_vertical_titles_reordered_with_or_without_credit(order: tuple[int, ...], credit: bool) -> None:
    parsed = cut(_page(order, credit=credit))
    assert [a.title for a in parsed.articles] == [PIECES[n][0] for n in order]


def test_vertical_titles_over_hard_wrapped_text() -> None:
    parsed = cut(hard_wrap(_page(), 14))
    assert [a.title for a in parsed.articles] == [t for t, _, _ in PIECES]


def test_one_character_lines_with_no_text_under_them_stay() -> None:
    text = "春节联欢会节目单\n今晚七点，联欢会在会所礼堂举行，节目如下。\n一\n二\n三\n"
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["春节联欢会节目单"]
