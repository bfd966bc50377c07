"""A paragraph that opens with a dateline and a byline in brackets names the article's people.

``本报讯(记者 张三 通讯员 李四)…`` and ``新华社武汉11月20日电(记者 王五)…``: the
paragraph keeps every character; the people are the article's, as a byline line's are.
"""

from __future__ import annotations

import pytest

from reader.core.model import Person, Role
from reader.core.segment import segment
from tests.corpus_shapes import SHAPES, reshaped
from tests.test_segment_coverage import assert_covers_exactly

ISSUE = """\
百步亭街道启动“暖冬行动”

本报讯(记者 张小川 通讯员 刘晓梅)11月18日,百步亭街道“暖冬行动”正式启动,为32户困难家庭送去过冬物资。

街道党工委书记张建国带队走访慰问。

长江新区举办招聘会

新华社武汉11月20日电(记者 王五)长江新区20日举办冬季招聘会,120家企业提供岗位3000多个。

社区课堂开课

本报讯(街道党群办)近日,后湖社区“四点半课堂”开课,30名小学生参加。
"""


def _people(text: str) -> list[tuple[Person, ...]]:
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    return [tuple(article.people) for article in parsed.articles]


def test_the_datelines_people_are_the_articles() -> None:
    parsed = segment(ISSUE)
    assert _people(ISSUE) == [
        (Person("张小川", "记者"), Person("刘晓梅", "通讯员")),
        (Person("王五", "记者"),),
        (),  # 本报讯(街道党群办): an office, not a person
    ]
    assert [a.blocks[0].text for a in parsed.articles] == [
        "百步亭街道启动“暖冬行动”",
        "长江新区举办招聘会",
        "社区课堂开课",
    ]
    first = parsed.articles[0].blocks[1]
    assert first.role is Role.PARAGRAPH and first.text.startswith("本报讯(记者 张小川 通讯员 刘晓梅)11月18日")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("width", [14, 18, 22])
def test_the_same_in_other_shapes(shape: str, width: int) -> None:
    text = reshaped(ISSUE, shape, width)
    assert _people(text) == _people(ISSUE)


def test_a_datelined_paragraph_after_a_body_starts_an_untitled_article() -> None:
    """Briefs without titles, one 本报讯 each: one article per item."""
    text = (
        "简讯\n\n"
        "本报讯(通讯员 刘晓梅)后湖社区为12栋老楼更换了楼道声控灯,居民晚上回家不再摸黑\n"
        "本报讯(记者 张小川)长江新区冬季招聘会20日举办,120家企业提供岗位3000多个\n"
        "本报讯(通讯员 王丽)百步亭花园社区新建的公办幼儿园月底开园,可提供学位270个\n"
    )
    assert _people(text) == [
        (Person("刘晓梅", "通讯员"),),
        (Person("张小川", "记者"),),
        (Person("王丽", "通讯员"),),
    ]
