"""What follows a noun or a role is no person when jieba read a word there (round 19): 冬泳 + 时 + 抽筋 and
云霄 + 路 + 办起 are a character and a verb, 手把手教 + 他 holds a pronoun, 黎晓多 + 问 ends on a verb;
names read after a noun (骑手韦小军说) or a role (调解员巴特尔说) are still offered."""

from __future__ import annotations

import pytest

from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


def _people(body: str) -> set[str]:
    found = suggest(ArticleContent("社区新闻", body), FLAT_IDF, limit=30, ranker=default_ranker())
    return {s.name for s in found if s.kind == "person"}


@pytest.mark.parametrize(
    ("body", "not_a_person"),
    [
        ("培训师还讲了冬泳时抽筋、低温失温的自救办法。", "时抽筋"),
        ("扎啤配蛤蜊 云霄路办起“暖冬邻里啤酒节”", "路办起"),
        ("“一听就是家乡的味儿。”董老师手把手教他念白,小鞠现在已经会唱了。", "手把手教他"),
        ("是银行柜员黎晓多问了两句,觉得不对劲,当场联系了派出所。", "黎晓多问"),
    ],
)
def test_a_word_after_a_noun_or_a_role_is_no_person(body: str, not_a_person: str) -> None:
    for text in (body, "　　" + body):
        assert not_a_person not in _people(text)


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("骑手韦小军说,送餐路上要注意安全。", "韦小军"),
        ("调解员巴特尔说,两家的矛盾化解了。", "巴特尔"),
        ("学生志愿者刘思源说,这次活动让他学到了很多。", "刘思源"),
    ],
)
def test_a_name_after_a_noun_or_a_role_is_still_a_person(body: str, person: str) -> None:
    for text in (body, traditional(body)):
        assert any(p in (person, traditional(person)) for p in _people(text)), _people(text)
