"""Tag suggestions, fifth round: general mechanisms, each on sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_name_after_a_role_closed_by_a_verb_is_a_person_whatever_its_characters_mean() -> None:
    # 光明 and 平 are common words; after a role and before 介绍 or 说 they are given names.
    names = found(
        "新书屋开放",
        "社区书屋昨天开放。书屋管理站站长孙光明介绍,书屋有图书三千册。所长何平说,书屋每天开放。",
    )
    assert names["孙光明"].kind == "person"
    assert names["孙光明"].reason == "role"
    assert names["何平"].kind == "person"
    assert "光明" not in names
