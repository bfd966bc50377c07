"""A briefs section (``社区简讯``): every title line under it opens an item of its own.

Inside an article a marked line (``■ …``) or an enumerated one (``一、…``) is a
subheading; under a briefs label each is the title of a short item, until a
whole article's heading (a kicker, subtitle or byline with the title), a page
header or another section label ends the briefs.
"""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment import segment
from tests.corpus_shapes import SHAPES, reshaped, signature
from tests.test_segment_coverage import assert_covers_exactly

BRIEFS = """\
社区简讯

■梅园街道举办消防演练

11月5日,梅园街道在锦绣小区开展消防应急演练,200余名居民参加。

■桂花居民区开设“四点半课堂”

近日,桂花居民区“四点半课堂”开课,30名小学生参加。课堂由大学生志愿者授课。

一、街道召开安全生产工作会议

11月10日,街道召开安全生产工作会议,部署冬季安全检查。

社区卫生服务中心开展义诊

中心广场上,社区卫生服务中心的医生为居民量血压、测血糖,服务150余人次。

老旧小区改造惠及2000余户

——西兴街道推进老旧小区改造

今年以来,西兴街道推进老旧小区改造,涉及5个小区2000余户居民。

■ 居民议事

街道设立临时议事点,收集居民意见180余条。

■ 下一步

街道将继续推进雨污分流改造。
"""


def _titles(parsed: ParsedIssue) -> list[str]:
    return [next((b.text for b in a.blocks if b.role is Role.TITLE), "") for a in parsed.articles]


def test_each_brief_is_an_item_and_the_article_after_keeps_its_subheadings() -> None:
    parsed = segment(BRIEFS)
    assert_covers_exactly(BRIEFS, parsed)
    assert _titles(parsed) == [
        "■梅园街道举办消防演练",
        "■桂花居民区开设“四点半课堂”",
        "一、街道召开安全生产工作会议",
        "社区卫生服务中心开展义诊",
        "老旧小区改造惠及2000余户",
    ]
    assert [str(b.role) for b in parsed.articles[-1].blocks].count("subheading") == 2


def test_a_section_label_ends_the_briefs_too() -> None:
    text = BRIEFS.replace(
        "老旧小区改造惠及2000余户\n\n——西兴街道推进老旧小区改造", "【民生】\n\n老旧小区改造惠及2000余户"
    )
    parsed = segment(text)
    assert _titles(parsed)[-1] == "老旧小区改造惠及2000余户"
    assert [str(b.role) for b in parsed.articles[-1].blocks].count("subheading") == 2


def test_the_same_lines_without_the_label_are_one_article() -> None:
    text = BRIEFS.replace("社区简讯\n\n", "街道动态一览表\n\n")
    parsed = segment(text)
    assert len(parsed.articles) < 5


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("width", [16, 22])
def test_the_same_in_other_shapes(shape: str, width: int) -> None:
    text = reshaped(BRIEFS, shape, width)
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    assert signature(parsed) == signature(segment(BRIEFS))
