"""A photo page's trailing footer is no photo's title (qaseg23's class 8).

Layout: after a run of untitled items (photo news: a caption's text and its credit), a heading
line at the very end with no text after it is the page's footer, a leftover; the last item keeps
its credit.  An untitled article alone at the end still takes a trailing heading as its title.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

PHOTOS = (
    ("端午将至,北门社区的老人们聚在一起包粽子,\n包好的粽子将送给辖区独居老人和环卫工人。", "(记者 韩冰 摄)"),
    ("6月8日,第二届城市龙舟赛在西江举行,\n二十四支队伍同场竞技。", "通讯员 马超 摄"),
    ("新建成的滨河绿道全长八公里,连接五个公园,\n成为市民夏日晚间散步、骑行的好去处。", "本报记者 韩冰 摄"),
)
FOOTERS = ("图片新闻征稿:欢迎读者投稿,邮箱 photo@example.com", "欢迎读者踊跃投稿", "来稿请寄本报摄影部")


@pytest.mark.parametrize("footer", FOOTERS)
@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize("order", ["forward", "reversed"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_trailing_footer_after_photo_items_is_a_leftover(
    footer: str, count: int, order: str, script: str
) -> None:
    photos = PHOTOS[:count] if order == "forward" else PHOTOS[::-1][:count]
    text = (
        "图片新闻 第3版 2024年6月10日\n\n"
        + "".join(f"{body}\n{credit}\n\n" for body, credit in photos)
        + footer
        + "\n"
    )
    if script == "traditional":
        text = _trad(text)
    convert = _trad if script == "traditional" else str
    parsed = _cut(text)
    assert len(parsed.articles) == count
    assert all(article.title is None for article in parsed.articles)
    assert squeeze(convert(footer)) in [squeeze(left.text) for left in parsed.leftovers]
    for article, (_, credit) in zip(parsed.articles, photos, strict=True):
        assert squeeze(article.blocks[-1].text) == squeeze(convert(credit))


def test_an_untitled_article_alone_still_takes_a_trailing_heading_as_its_title() -> None:
    text = "6月8日,第二届城市龙舟赛在西江举行,二十四支队伍同场竞技。\n\n龙舟赛在西江举行\n"
    parsed = _cut(text)
    assert [a.title for a in parsed.articles] == ["龙舟赛在西江举行"]
    assert Role.TITLE in [b.role for b in parsed.articles[0].blocks]
