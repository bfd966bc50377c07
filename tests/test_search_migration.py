"""Migration 0009_speed_search: the search index rebuilt without positions finds exactly what it found."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from db.engine import create_library_engine, database_url, open_library
from db.migrate import HEAD, alembic_config, current_revisions
from reader.core.search_index import FTS_TABLE, search_ids
from reader.services.importing import import_files
from tests.conftest import SAMPLE_ISSUE

QUERIES = ["的", "社区", "陆家嘴", "居民 活动", "新时代文明", "不存在的词"]


def _fts_sql(path: Path) -> str:
    engine = create_library_engine(database_url(path))
    try:
        with engine.connect() as conn:
            sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).scalar()
    finally:
        engine.dispose()
    return str(sql)


def _results(path: Path) -> dict[str, list[int]]:
    library = open_library(path)
    try:
        with library.engine.connect() as conn:
            return {query: search_ids(conn, query) for query in QUERIES}
    finally:
        library.close()


def test_the_index_is_rebuilt_without_positions_and_finds_the_same(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = open_library(path)
    with library.write_session() as session:
        assert import_files(session, [SAMPLE_ISSUE]).ok
    library.close()
    expected = _results(path)
    assert expected["社区"] and expected["居民 活动"] and not expected["不存在的词"]
    assert "detail=none" in _fts_sql(path)

    engine = create_library_engine(database_url(path))
    with engine.connect() as conn:  # back to the index with positions, as older libraries have it
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0009_struct")
        conn.commit()
    engine.dispose()
    assert "detail=full" in _fts_sql(path)
    assert _results(path) == expected  # opening upgrades it again

    assert "detail=none" in _fts_sql(path)
    engine = create_library_engine(database_url(path))
    assert current_revisions(engine) == {HEAD}
    engine.dispose()
