"""Under a briefs label, each one-sentence item opened by a bullet is an item of its own (qaseg23 file 12).

Layout: ``【简讯】`` then lines like ``■ 市博物馆特展12月5日开展,…。``: no title, the bullet opens each
item.  Each becomes an untitled article (they were one article of several paragraphs).  Without a
briefs label, bullet paragraphs stay the paragraphs of one article, as before.
"""

from __future__ import annotations

import pytest

from tests.corpus_shapes import squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

ITEMS = (
    "市博物馆“长河古韵”特展12月5日开展,展期三个月,免费预约参观。",
    "市人民医院新院区12月16日起开诊,首批开放内科、外科、儿科等十二个科室。",
    "全市首批十个口袋公园建成开放,市民步行五分钟即可到达一处绿地。",
)
LEAD = "市政府召开常务会议\n本报讯(记者 罗毅) 12月1日,市政府召开常务会议,研究部署今冬明春保供工作。\n"


@pytest.mark.parametrize("label", ["【简讯】", "简讯", "社区简讯", "〖快讯〗"])
@pytest.mark.parametrize("bullet", ["■ ", "●", "◆ ", "★"])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_each_bullet_item_under_a_briefs_label_is_an_item(
    label: str, bullet: str, blank: str, count: int, script: str
) -> None:
    items = [bullet + item for item in ITEMS[:count]]
    text = LEAD + "\n" + label + "\n" + blank + ("\n" + blank).join(items) + "\n"
    if script == "traditional":
        text = _trad(text)
    convert = _trad if script == "traditional" else str
    parsed = _cut(text)
    assert len(parsed.articles) == 1 + count
    for article, item in zip(parsed.articles[1:], items, strict=True):
        assert [squeeze(p) for p in article.paragraphs] == [squeeze(convert(item))]


def test_bullet_paragraphs_without_a_briefs_label_stay_one_article() -> None:
    text = LEAD + "".join("■ " + item + "\n" for item in ITEMS)
    parsed = _cut(text)
    assert len(parsed.articles) == 1
