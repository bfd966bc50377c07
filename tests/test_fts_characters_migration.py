"""Migration 0013: one-character words from the characters' table; the prefix index goes, nothing is lost."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from db.migrate import HEAD
from db.opening import open_library
from reader.core.script import fold
from reader.core.search_index import CHARS_TABLE, FTS_TABLE, search_ids
from reader.core.search_tokens import _prepare, tokens_for
from tests.safety_support import library_at

TEXTS = {
    3: "陸家嘴社區舉辦“零距離”服務活動\n居民紛紛點贊",
    8: "浦东新区 图书馆：书香满城",
    11: "HEADLINE (photo) 5G智慧工厂",
    12: "书",
}
QUERIES = ["书", "陆", "嘴", "区", "图书", "陆家嘴 活动", "书 浦东", "居 赞", "h", "5g 厂", ")", "：", "无"]


def _scan(query: str) -> list[int]:
    words = fold(query).split()
    return sorted((i for i, t in TEXTS.items() if all(w in fold(t) for w in words)), reverse=True)


def _old_library(path: Path) -> None:
    """A library at 0012 whose index was written as the code of that time wrote it (with the prefix index)."""
    library_at(path, "0012_fts_hashsize")
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO article_search(rowid, terms) VALUES (?, ?)",
            [(i, tokens_for(t)) for i, t in TEXTS.items()],
        )
        conn.executemany(
            "INSERT INTO article_search_terms(article_id, folded) VALUES (?, ?)",
            [(i, zlib.compress(_prepare(t).encode("utf-8"), 1)) for i, t in TEXTS.items()],  # as it kept them
        )
    conn.close()


def _schema(path: Path, name: str) -> str | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    conn.close()
    return None if row is None else str(row[0])


def test_upgrading_rebuilds_the_index_without_the_prefix_and_every_search_stays_exact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_library(path)
    assert "prefix='1'" in (_schema(path, FTS_TABLE) or "")
    library = open_library(path)
    try:
        with library.engine.begin() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
            for query in QUERIES:
                assert search_ids(conn, query) == _scan(query), query
            for table in (FTS_TABLE, CHARS_TABLE):
                conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
                assert (
                    conn.exec_driver_sql(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").scalar()
                    == 64 * 1024 * 1024
                )
    finally:
        library.close()
    assert "prefix" not in (_schema(path, FTS_TABLE) or "")
    assert "detail=none" in (_schema(path, CHARS_TABLE) or "")


def test_downgrading_puts_the_prefix_index_back(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_library(path)
    open_library(path).close()
    library_at(path, "0012_fts_hashsize", down=True)
    assert _schema(path, CHARS_TABLE) is None
    assert "prefix='1'" in (_schema(path, FTS_TABLE) or "")
    with sqlite3.connect(path) as conn:
        found = conn.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH '\"书\"*' ORDER BY rowid DESC"
        ).fetchall()
        assert [row[0] for row in found] == _scan("书")
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
    conn.close()
