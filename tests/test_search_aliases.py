"""Search through tags and aliases: a word naming a tag finds every name of it and the tag's articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.services.importing import import_files
from reader.services.searching import matching_ids, search
from reader.services.tag_aliases import add_alias, remove_alias
from reader.services.tagging import add_tag

pytestmark = pytest.mark.both_engines

ISSUE = """\
外滩街道开展消防演练

11月5日,外滩街道在中山东一路开展消防应急演练,200余名居民参加。

外滩观光隧道恢复开放

近日,外滩观光隧道完成检修,恢复开放。游客可从外滩出发前往陆家嘴。

百年老楼完成修缮

11月8日,中山东一路上的百年老楼完成修缮,重新向市民开放参观。

梅园社区举办重阳活动

10月11日,梅园社区为辖区老人举办重阳敬老活动,居民们一起包饺子。
"""


STREET, TUNNEL, BUILDING, ELDERS = (
    "外滩街道开展消防演练",
    "外滩观光隧道恢复开放",
    "百年老楼完成修缮",
    "梅园社区举办重阳活动",
)


@pytest.fixture
def articles(library: Library, tmp_path: Path) -> dict[str, int]:
    """The four articles by title; 外滩街道 (alias 外滩) on the street's and the old building's."""
    path = tmp_path / "bund.txt"
    path.write_text(ISSUE, encoding="utf-8")
    with library.write_session() as session:
        import_files(session, [path])
    with library.writing() as session:
        ids = {title: i for i, title in session.execute(select(Article.id, Article.title))}
        tag = add_tag(session, [ids[STREET], ids[BUILDING]], "外滩街道", kind="place", author="test")
        add_alias(session, tag.tag_id, "外滩")
    return ids


def _newest_first(*ids: int) -> list[int]:
    return sorted(ids, reverse=True)


def test_the_tag_name_and_its_alias_find_the_same_articles(
    library: Library, articles: dict[str, int]
) -> None:
    expected = _newest_first(articles[STREET], articles[TUNNEL], articles[BUILDING])
    with library.session() as session:
        assert (
            matching_ids(session, "外滩街道") == expected
        )  # the tunnel says only 外滩; the building is tagged
        assert matching_ids(session, "外滩") == expected
        assert matching_ids(session, "外灘街道") == expected  # either script
        assert matching_ids(session, "外滩 中山东一路") == _newest_first(articles[STREET], articles[BUILDING])
        assert matching_ids(session, "外滩街道", limit=1) == expected[:1]
        assert matching_ids(session, "外滩", issue_id=999) == []
        assert matching_ids(session, "重阳") == [articles[ELDERS]]  # a word naming no tag: as before


def test_the_hits_show_where_a_name_is_said(library: Library, articles: dict[str, int]) -> None:
    with library.session() as session:
        hits = {hit.title: hit for hit in search(session, "外滩街道")}
    assert set(hits) == {STREET, TUNNEL, BUILDING}
    tunnel = hits[TUNNEL]
    assert next(tunnel.snippet[s:e] for s, e in tunnel.highlights) == "外滩"
    building = hits[BUILDING]  # tagged only: its start, nothing highlighted
    assert building.highlights == [] and building.snippet.startswith("百年老楼")


def test_without_the_alias_the_text_decides_again(library: Library, articles: dict[str, int]) -> None:
    with library.writing() as session:
        remove_alias(session, "外滩")
    with library.session() as session:
        assert articles[TUNNEL] in matching_ids(session, "外滩")  # its text says 外滩
        assert matching_ids(session, "外滩街道") == _newest_first(articles[STREET], articles[BUILDING])
