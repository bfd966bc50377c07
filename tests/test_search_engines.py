"""The same search gives the same ids on SQLite and on PostgreSQL, and both equal a substring scan.

One-, two-, three- and longer-character words, several words, queries in the
other script, and every page size, over ids spread across many of the
PostgreSQL index's id buckets (where the newest-first first page is searched
bucket by bucket).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.opening import open_library
from reader.core.script import search_fold
from reader.core.search_index import index_rows, remove_rows, search_ids
from reader.core.search_index_pg import BUCKET

pytestmark = pytest.mark.postgres

ALPHABET = "陆家嘴里书着的一是国ＡAab，。 \n"
TRADITIONAL = str.maketrans({"陆": "陸", "里": "裡", "书": "書", "着": "著", "国": "國"})


@pytest.fixture
def engines(tmp_path: Path, postgres_url: str) -> Iterator[tuple[sa.Engine, sa.Engine]]:
    sqlite, postgres = open_library(tmp_path / "library.sqlite3"), open_library(postgres_url)
    try:
        yield sqlite.engine, postgres.engine
    finally:
        sqlite.close()
        postgres.close()


def _scan(texts: dict[int, str], query: str) -> list[int]:
    words = search_fold(query).split()
    return sorted(
        (i for i, t in texts.items() if words and all(w in search_fold(t) for w in words)), reverse=True
    )


def _queries(rng: random.Random, texts: list[str]) -> list[str]:
    queries = [
        "的",
        "國",
        "是的",
        "陸家",
        "家嘴里",
        "陆家嘴里",
        "書着的一是",
        "a",
        "Ab",
        "，",
        "的 是",
        "嘴里 书着",
    ]
    for size in (1, 2, 3, 4, 5, 6, 8):
        for _ in range(6):
            text = rng.choice([t for t in texts if len(t) > size])
            start = rng.randrange(len(text) - size)
            piece = text[start : start + size]
            queries += [piece, piece.translate(TRADITIONAL)]
    return [q for q in dict.fromkeys(queries) if q.split()]


def test_both_engines_give_the_same_hits_in_the_same_order(engines: tuple[sa.Engine, sa.Engine]) -> None:
    rng = random.Random(13)
    ids = sorted(rng.sample(range(1, 9 * BUCKET), 400))  # spread over nine buckets, with gaps
    texts = {i: "".join(rng.choices(ALPHABET, k=rng.randint(0, 50))) for i in ids}
    texts[ids[-1]] = "陆家嘴里书着的一是國"  # the newest article holds every word of the fixed queries
    sqlite, postgres = engines
    with sqlite.connect() as lite, postgres.connect() as pg:
        for conn in (lite, pg):
            conn.begin()
            index_rows(conn, texts.items())
        queries = _queries(rng, list(texts.values()))
        for query in queries:
            expected = _scan(texts, query)
            assert expected, query
            for limit in (None, 1, 5, 100):
                page = expected[:limit] if limit is not None else expected
                assert search_ids(lite, query, limit=limit) == page, (query, limit)
                assert search_ids(pg, query, limit=limit) == page, (query, limit)
        gone = ids[-40:]  # the newest buckets lose articles: the first page comes from older ones
        for conn in (lite, pg):
            remove_rows(conn, gone)
        kept = {i: t for i, t in texts.items() if i not in gone}
        for query in queries[:30]:
            expected = _scan(kept, query)[:5]
            assert search_ids(lite, query, limit=5) == search_ids(pg, query, limit=5) == expected, query
        lite.rollback()
        pg.rollback()


def test_a_rare_word_among_many_articles_is_found_in_old_buckets(
    engines: tuple[sa.Engine, sa.Engine],
) -> None:
    _sqlite, postgres = engines
    filler = "的一是国家" * 4
    texts = {i: filler for i in range(1, 3 * BUCKET)}
    texts[5] = filler + "陆家嘴"
    texts[BUCKET + 7] = "陸家嘴里"
    with postgres.connect() as pg, pg.begin():
        index_rows(pg, texts.items())
        assert search_ids(pg, "陆家嘴", limit=100) == [BUCKET + 7, 5]
        assert search_ids(pg, "陆家嘴里", limit=1) == [BUCKET + 7]
        assert search_ids(pg, "是国", limit=3) == [3 * BUCKET - 1, 3 * BUCKET - 2, 3 * BUCKET - 3]
        pg.rollback()


def test_the_migration_gives_an_older_postgres_index_its_new_tokens(postgres_url: str) -> None:
    from db.migrate import upgrade_to_head

    library = open_library(postgres_url)
    try:
        with library.engine.begin() as conn:
            index_rows(conn, [(1, "陆家嘴里的书"), (2, "陆家嘴"), (3, "的一是")])
            # as revision 0010 wrote them: characters and bigrams only, no trigram, no id bucket
            conn.exec_driver_sql(
                "UPDATE article_search SET tokens = CAST("
                "CASE article_id WHEN 1 THEN '陆 家 嘴 里 的 书 陆家 家嘴 嘴里 里的 的书' "
                "WHEN 2 THEN '陆 家 嘴 陆家 家嘴' ELSE '的 一 是 的一 一是' END AS tsvector)"
            )
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0010_team'")
            conn.exec_driver_sql("DROP TABLE ocr_line")  # a library at 0010 had none (0011_ocr adds it)
            assert search_ids(conn, "陆家嘴", limit=10) == []
        assert upgrade_to_head(library.engine)
        with library.engine.connect() as conn:
            assert search_ids(conn, "陆家嘴", limit=10) == [2, 1]
            assert search_ids(conn, "家嘴里的", limit=10) == [1]
            assert search_ids(conn, "一是", limit=10) == [3]
    finally:
        library.close()
