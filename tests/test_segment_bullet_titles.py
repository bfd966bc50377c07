"""Briefs set with a bullet before each title and no briefs label (■ …, ● …, ▲ …), one paragraph per line:
a marked line that is no sentence, right over a paragraph opening with a dateline, is that article's title
(it used to end the article above as a subheading, or stay a photo caption)."""

from __future__ import annotations

import pytest

from reader.core.segment import segment
from tests.corpus_shapes import hard_wrap, squeeze
from tests.test_segment_coverage import assert_covers_exactly

ITEMS = (
    ("■ 西湖路口新设公交站", "本报讯 11月20日起,西湖路口新设一处公交站,三条线路停靠。"),
    ("● 南园社区开办老年书法班", "本报讯(通讯员 许晴) 南园社区老年书法班日前开班,二十多位老人报名。"),
    ("▲ 滨江步道夜间亮灯", "本报11月21日讯 滨江步道新装的路灯昨晚亮灯,全长两公里。"),
)


@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("width", [0, 14])
def test_each_bullet_title_over_a_dateline_opens_its_article(blank: str, width: int) -> None:
    lines = [f"{title}\n{body}\n{blank}" for title, body in ITEMS]
    text = "".join(lines)
    if width:
        text = hard_wrap(text, width)
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    assert [squeeze(article.title or "") for article in parsed.articles] == [
        squeeze(title) for title, _ in ITEMS
    ]
    for article in parsed.articles:
        assert [block.role.value for block in article.blocks] == ["title", "paragraph"]


def test_a_bullet_subheading_over_a_paragraph_with_no_dateline_stays_in_its_article() -> None:
    title, body = ITEMS[0]
    text = f"{title}\n{body}\n● 市民反映\n不少市民说,等车的时间短了,出行方便多了。\n"
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    assert len(parsed.articles) == 1
    assert [block.role.value for block in parsed.articles[0].blocks] == [
        "title",
        "paragraph",
        "subheading",
        "paragraph",
    ]


def test_a_caption_that_is_a_sentence_stays_a_caption_over_a_dateline() -> None:
    title, body = ITEMS[0]
    text = f"{title}\n{body}\n▲ 乘客在新站台候车。\n本报讯 南园社区老年书法班日前开班。\n"
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    roles = [block.role.value for article in parsed.articles for block in article.blocks]
    assert "caption" in roles
