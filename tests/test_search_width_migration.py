"""Migration 0014: an index written by the previous version (punctuation's width not folded) is refolded.

Its rows hold the texts folded by ``fold`` alone (``近日，`` kept full-width); after the upgrade
``近日,`` and ``近日，`` both find them, on SQLite and on PostgreSQL, and nothing else changes.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.migrate import HEAD, upgrade_to_head
from db.opening import open_library
from reader.core import search_index_pg
from reader.core.script import fold_table, search_fold
from reader.core.search_index import CHARS_TABLE, FTS_TABLE, search_ids
from reader.core.search_tokens import _characters, _pack, _tokens
from tests.safety_support import library_at

TEXTS = {
    2: "近日，街道（外滩）推进“５＋２＋１”任务",
    5: "近日,街道(外滩)推进“5+2+1”任务",
    7: "近日，街道（外灘）推進“５＋２＋１”任務\n第二段：完",
    9: "近日，\u3000街道(外滩）“5＋2+１”",
    12: "陆家嘴 书 ABC Ａｂｃ 17位 １７位",
}
QUERIES = [
    "近日,",
    "近日，",
    "（外滩）",
    "(外滩)",
    "５＋２＋１",
    "5+2+1",
    "，",
    ",",
    "（",
    "：完",
    "近日, 5+2",
    "陆家嘴",
    "abc",
    "１７位",
    "任务",
]


def _old_fold(text: str) -> str:
    """The folded text as the previous version indexed it: ``fold`` and control characters as spaces."""
    table: dict[int, str] = dict(fold_table())
    table.update({cp: " " for cp in [*range(0x20), 0x7F]})
    return text.translate(table)


def _scan(query: str) -> list[int]:
    words = search_fold(query).split()
    return sorted((i for i, t in TEXTS.items() if all(w in search_fold(t) for w in words)), reverse=True)


def test_the_old_fold_missed_what_the_new_one_finds() -> None:
    assert "，" in _old_fold(TEXTS[2]) and "," not in _old_fold(TEXTS[2])
    assert _scan("近日,") == _scan("近日，") == [9, 7, 5, 2]


def test_upgrading_a_sqlite_library_refolds_its_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    library_at(path, "0013_fts_characters")
    with sqlite3.connect(path) as conn:
        for aid, text in TEXTS.items():
            old = _old_fold(text)
            packed = zlib.compress(old.encode("utf-8"), 1) if aid == 7 else _pack(old)  # both ways of keeping
            conn.execute(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", (aid, _tokens(old)))
            conn.execute(f"INSERT INTO {CHARS_TABLE}(rowid, terms) VALUES (?, ?)", (aid, _characters(old)))
            conn.execute("INSERT INTO article_search_terms(article_id, folded) VALUES (?, ?)", (aid, packed))
        found = conn.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH '\"近日 日,\"'"
        ).fetchall()
        assert [row[0] for row in found] == [5]  # the old index: the half-width query misses 2, 7, 9
    conn.close()
    library = open_library(path)
    try:
        with library.engine.begin() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
            for query in QUERIES:
                assert search_ids(conn, query) == _scan(query), query
            for table in (FTS_TABLE, CHARS_TABLE):
                conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            # the stored texts are the new fold's, so an edit deletes exactly the tokens inserted
            from reader.core.search_index import index_rows, remove_rows

            index_rows(conn, [(7, "全新的文字，")])
            remove_rows(conn, [2])
            for table in (FTS_TABLE, CHARS_TABLE):
                conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            assert search_ids(conn, "近日,") == [9, 5]
            assert search_ids(conn, "文字,") == [7]
    finally:
        library.close()


@pytest.mark.postgres
def test_upgrading_a_postgres_library_refolds_its_index(postgres_url: str) -> None:
    library = open_library(postgres_url)
    try:
        with library.engine.begin() as conn:
            search_index_pg.write(conn, [(aid, _old_fold(text)) for aid, text in TEXTS.items()])
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '0013_fts_characters'"))
            assert search_ids(conn, "近日,", limit=10) == [5]
        assert upgrade_to_head(library.engine)
        with library.engine.connect() as conn:
            for query in QUERIES:
                for limit in (None, 1, 10):
                    expected = _scan(query)
                    assert search_ids(conn, query, limit=limit) == expected[:limit], query
            stored = {
                int(a): str(f)
                for a, f in conn.execute(sa.text("SELECT article_id, folded FROM article_search"))
            }
            assert stored == {aid: search_fold(_old_fold(text)) for aid, text in TEXTS.items()}
    finally:
        library.close()
