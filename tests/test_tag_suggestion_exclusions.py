"""A name the article already has as a tag, or one the archivist dismissed, still covers its parts.

Dismissing 芷江西路街道 must not bring up 芷江西 (its short form, named once alone) in its
place, and an article tagged 芷江西路街道 is not offered the short form either.
"""

from __future__ import annotations

from reader.core.script import fold
from reader.core.tag_suggestions import ArticleContent, Idf, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)
CONTENT = ArticleContent(
    "王立新一行调研芷江西路街道文明实践工作",
    "日前,区委常委、宣传部部长王立新一行到芷江西路街道调研新时代文明实践工作,"
    "就街道今年如何做好宣传思想文化工作进行交流。芷江西路街道党工委书记周红介绍了相关情况,"
    "表示将打造文明实践阵地,扩大芷江西文化品牌影响力。",
)


def _names(**excluded: set[str]) -> list[str]:
    return [s.name for s in suggest(CONTENT, FLAT_IDF, **excluded)]


def test_without_exclusions_the_whole_name_is_offered() -> None:
    found = _names()
    assert "芷江西路街道" in found
    assert not any(name != "芷江西路街道" and name in "芷江西路街道" for name in found), found


def test_a_dismissed_name_brings_up_none_of_its_pieces() -> None:
    found = _names(dismissed={fold("芷江西路街道")})
    assert "芷江西路街道" not in found
    assert not any(name in "芷江西路街道" for name in found), found
    assert "王立新" in found  # the rest is still offered


def test_a_name_the_article_has_brings_up_none_of_its_pieces() -> None:
    found = _names(applied={fold("芷江西路街道")})
    assert "芷江西路街道" not in found
    assert not any(name in "芷江西路街道" for name in found), found
