"""Search over the library: Chinese-aware, script-insensitive, exact, kept up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from db.engine import Library
from db.models import Article, Block
from reader.core.script import search_fold
from reader.services.importing import import_files
from reader.services.searching import matching_ids, reindex_articles, search
from tests.conftest import SAMPLE_ISSUE
from tests.test_cli import run

pytestmark = pytest.mark.both_engines


@pytest.fixture
def sample_library(library: Library) -> Library:
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    return library


def _all_texts(library: Library) -> dict[int, str]:
    with library.session() as session:
        texts: dict[int, list[str]] = {}
        for article_id, text in session.execute(
            select(Block.article_id, Block.text).order_by(Block.position)
        ):
            texts.setdefault(article_id, []).append(text)
    return {k: "\n".join(v) for k, v in texts.items()}


MATCHING = ["河", "河长", "青溪河", "梅园 志愿者", "“家门口”", "3月底", "AND (", "(街道"]
NOT_MATCHING = ['"', "*", "NEAR(", "a OR b", "'", "河道 不存在的词"]


@pytest.mark.parametrize("query", MATCHING + NOT_MATCHING)
def test_results_equal_a_substring_scan(sample_library: Library, query: str) -> None:
    """Query text is data: FTS syntax characters are searched for literally."""
    texts = {i: search_fold(t) for i, t in _all_texts(sample_library).items()}
    words = search_fold(query).split()
    expected = sorted((i for i, t in texts.items() if all(w in t for w in words)), reverse=True)
    with sample_library.session() as session:
        assert matching_ids(session, query) == expected
    assert bool(expected) == (query in MATCHING)


def test_a_traditional_query_finds_simplified_text(sample_library: Library) -> None:
    with sample_library.session() as session:
        simplified = matching_ids(session, "河长制")
        traditional = matching_ids(session, "河長制")
    assert simplified and simplified == traditional


def test_hits_carry_a_highlighted_snippet_and_the_block(sample_library: Library) -> None:
    with sample_library.session() as session:
        [hit] = search(session, "清淤疏浚")
        s, e = hit.highlights[0]
        assert hit.snippet[s:e] == "清淤疏浚"
        block = session.scalars(
            select(Block).where(Block.article_id == hit.article_id, Block.position == hit.block_position)
        ).one()
        assert block.text[hit.offset_in_block : hit.offset_in_block + hit.hit_length] == "清淤疏浚"


def test_filters_by_issue_and_status(sample_library: Library, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("另一期报纸\n\n梅园街道的另一则新闻,讲述河道。\n", encoding="utf-8")
    with sample_library.write_session() as session:
        import_files(session, [other])
    with sample_library.session() as session:
        both = matching_ids(session, "梅园")
        only_first = matching_ids(session, "梅园", issue_id=1)
        assert set(only_first) < set(both)
        assert matching_ids(session, "梅园", status="approved") == []
        for query in ("梅 河道", "园 梅园 讲"):  # words of one character too: the other table, merged
            every = matching_ids(session, query)
            first = matching_ids(session, query, issue_id=1)
            assert first and set(first) < set(every)
            assert matching_ids(session, query, issue_id=1, limit=1) == first[:1]
            assert matching_ids(session, query, status="approved") == []


def test_index_follows_edits(sample_library: Library) -> None:
    with sample_library.writing() as session:
        article_id = matching_ids(session, "清淤疏浚")[0]
        session.execute(
            update(Block)
            .where(Block.article_id == article_id, Block.text.contains("清淤疏浚"))
            .values(text=Block.text.op("||")("校勘新词"))
        )
        session.execute(
            update(Block).where(Block.article_id == article_id).values(text=Block.text.op("||")(""))
        )
        reindex_articles(session, [article_id])
    with sample_library.session() as session:
        assert matching_ids(session, "校勘新词") == [article_id]
    with sample_library.writing() as session:
        session.execute(update(Block).where(Block.article_id == article_id).values(text="全新内容"))
        reindex_articles(session, [article_id])
    with sample_library.session() as session:
        assert matching_ids(session, "清淤疏浚") == []
        assert matching_ids(session, "全新内容") == [article_id]
        assert session.get(Article, article_id) is not None


def test_cli_search_json_lines(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    run("import", "--db", db, str(SAMPLE_ISSUE))
    result = run("search", "--db", db, "--json", "志愿者")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(set(r) == {"issue_id", "article_id", "title", "snippet"} for r in rows)
    assert all("志愿者" in r["snippet"] for r in rows)
    plain = run("search", "--db", db, "志願者")
    assert plain.returncode == 0 and "志愿者" in plain.stdout


def test_index_follows_every_kind_of_edit_through_the_services(sample_library: Library) -> None:
    """Saves, segmentation edits and deletions keep the index equal to a substring scan."""
    from reader.services.segmentation_edits import merge_articles
    from reader.services.tracking.saving import save_article_text

    with sample_library.writing() as session:
        article_id = matching_ids(session, "清淤疏浚")[0]
        article = session.get_one(Article, article_id)
        texts = [b.text.replace("清淤疏浚", "疏浚校勘") for b in article.blocks]
        save_article_text(session, article_id, texts, author="tester", base_version=article.version)
    with sample_library.session() as session:
        assert matching_ids(session, "清淤疏浚") == []
        assert matching_ids(session, "疏浚校勘") == [article_id]
    with sample_library.writing() as session:
        merge_articles(session, article_id, "previous", author="tester")
    texts = _all_texts(sample_library)
    with sample_library.session() as session:
        for query in ("疏浚校勘", "梅园", "河", "志愿者 河道"):
            expected = sorted(
                (i for i, t in texts.items() if all(w in t for w in query.split())), reverse=True
            )
            assert matching_ids(session, query) == expected, query
        assert article_id not in matching_ids(session, "梅园")  # merged away
