"""Tag suggestions, round 23:

- a county or city made a district keeps its first character when jieba, knowing only the old name,
  reads it as a preposition (从 + 化区人民法院: 从化市 is a place to jieba's dictionary);
- a name listed after a person introduced by a role is a person too (律师张明远、李晓红为居民解答…).
"""

from __future__ import annotations

import pytest

from reader.core.script import fold
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


def _suggested(body: str, title: str = "社区新闻") -> dict[str, tuple[str, str]]:
    found = suggest(ArticleContent(title, body), FLAT_IDF, limit=40, ranker=default_ranker())
    return {fold(s.name): (s.kind, s.reason) for s in found}


@pytest.mark.parametrize(
    ("body", "name", "cut"),
    [
        ("10月12日，从化区人民法院在街口街道开展普法活动。", "从化区人民法院", "化区人民法院"),
        ("活动由从化区人民法院主办，从化区人民法院的法官到场。", "从化区人民法院", "化区人民法院"),
        ("记者来到从化区，从化区文化馆正在排练。", "从化区文化馆", "化区文化馆"),
    ],
)
def test_a_district_that_was_a_county_keeps_its_first_character(body: str, name: str, cut: str) -> None:
    for text in (body, "　　" + body, traditional(body)):
        found = _suggested(text)
        assert found.get(fold(name), ("",))[0] == "organisation", (text, found)
        assert fold(cut) not in found, (text, found)


@pytest.mark.parametrize(
    "body",
    [
        "在黄浦区人民法院门口，居民排队咨询。",  # 在 is a preposition; 黄浦区 is a district of its own
        "给海珠区人民法院送锦旗的是一位老人。",
    ],
)
def test_a_preposition_before_a_known_district_stays_out(body: str) -> None:
    found = _suggested(body)
    assert not any(k.startswith(("在黄浦", "给海珠")) for k in found), found


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("律师张明远、李晓红为居民解答婚姻家庭、劳动争议等法律问题。", "李晓红"),
        ("社区医生陈建华、周丽娟为老人测量血压，讲解用药常识。", "周丽娟"),
        ("退休教师刘志强、郑秀兰两位老人报了名。", "郑秀兰"),
    ],
)
def test_a_name_listed_after_a_person_with_a_role_is_a_person(body: str, person: str) -> None:
    for text in (body, traditional(body)):
        found = _suggested(text)
        assert found.get(fold(person), ("",))[0] == "person", (text, found)


def test_a_list_of_things_after_a_role_word_is_no_person() -> None:
    found = _suggested("社区主任办公室、会议室和活动室都向居民开放，书记工作室、调解室也开门了。")
    assert all(kind != "person" for kind, _ in found.values()), found
