"""The library database: pragmas, explicit transactions, migrations matching the models."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from db.engine import Library, create_library_engine, database_url
from db.migrate import HEAD, create_at_head, current_revisions, head_revisions, upgrade_with_alembic
from db.models import Article, Issue, utcnow
from db.opening import open_library
from db.original_text import read_text, read_window
from db.schema import include_name, metadata
from tests.safety_support import add_old_issue, library_at


def test_every_connection_has_foreign_keys_wal_and_busy_timeout(library: Library) -> None:
    with library.session() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_the_known_head_is_the_single_head_of_the_scripts() -> None:
    assert head_revisions() == {HEAD}


def test_new_library_is_created_at_head_and_reopening_changes_nothing(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.sqlite3")
    assert current_revisions(lib.engine) == head_revisions()
    lib.close()
    again = open_library(tmp_path / "lib.sqlite3")
    assert current_revisions(again.engine) == head_revisions()
    again.close()


def test_migrations_produce_exactly_the_models(library: Library) -> None:
    with library.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, metadata)
    assert diff == []


def _schema(path: Path) -> dict[str, tuple[str, ...]]:
    """Every schema object's SQL, normalised: quotes and spacing dropped, a table's clauses sorted."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    schema: dict[str, tuple[str, ...]] = {}
    for name, sql in rows:
        flat = re.sub(r"\s+", " ", sql.replace('"', "")).strip()
        head, _, body = flat.partition("(")
        body = body.rsplit(")", 1)[0]
        # split the body at top-level commas (constraint order differs between the two ways)
        parts, depth, start = [], 0, 0
        for i, char in enumerate(body):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if char == "," and depth == 0:
                parts.append(body[start:i].strip())
                start = i + 1
        parts.append(body[start:].strip())
        schema[name] = (head.strip(), *sorted(parts))
    return schema


def test_a_new_library_created_at_head_has_the_schema_the_migrations_build(tmp_path: Path) -> None:
    """The shortcut for new libraries (no Alembic) and the migrations give the same schema and stamp."""
    direct = open_library(tmp_path / "direct.sqlite3")
    direct.close()
    migrated = create_library_engine(database_url(tmp_path / "migrated.sqlite3"))
    with migrated.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # as db.migrate does
        conn.begin()
        upgrade_with_alembic(conn)
        conn.commit()
    assert current_revisions(migrated) == {HEAD}
    with migrated.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        assert compare_metadata(context, metadata) == []
    migrated.dispose()
    expected = _schema(tmp_path / "migrated.sqlite3")
    assert "article_search" in expected and "tag" in expected  # both ways really built something
    assert _schema(tmp_path / "direct.sqlite3") == expected
    assert _search_config(tmp_path / "direct.sqlite3") == _search_config(tmp_path / "migrated.sqlite3")


def _search_config(path: Path) -> dict[str, object]:
    """The search index's FTS5 settings (kept in its config table, not in the schema)."""
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT k, v FROM article_search_config").fetchall())


def test_the_search_index_writes_a_transaction_out_in_large_pieces(tmp_path: Path) -> None:
    """A new library holds 64 MB of new index entries before writing them (hashsize; a migrated one
    has the same settings: the test above compares them)."""
    direct = open_library(tmp_path / "direct.sqlite3")
    direct.close()
    assert _search_config(tmp_path / "direct.sqlite3")["hashsize"] == 64 * 1024 * 1024


def test_creating_at_head_is_one_transaction(tmp_path: Path) -> None:
    """A failure while creating leaves an empty database, which the next open creates again."""
    engine = create_library_engine(database_url(tmp_path / "lib.sqlite3"))
    with engine.connect() as conn:
        conn.begin()
        create_at_head(conn)
        conn.rollback()
    assert current_revisions(engine) == set()
    engine.dispose()
    with sqlite3.connect(tmp_path / "lib.sqlite3") as raw:
        assert raw.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    again = open_library(tmp_path / "lib.sqlite3")
    assert current_revisions(again.engine) == {HEAD}
    again.close()


def test_write_sessions_begin_immediate(library: Library, tmp_path: Path) -> None:
    """While a write transaction is open, another writer cannot even begin."""
    path = tmp_path / "library.sqlite3"
    with library.writing() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_read_sessions_do_not_take_the_write_lock(library: Library, tmp_path: Path) -> None:
    with library.session() as session, session.begin():
        session.execute(text("SELECT count(*) FROM issue"))
        other = sqlite3.connect(tmp_path / "library.sqlite3", timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        finally:
            other.close()


def _issue(sha: str) -> Issue:
    return Issue(
        source_name="a.txt",
        source_stem="a",
        sha256=sha,
        encoding="utf-8",
        char_count=2,
        imported_at=utcnow(),
    )


def test_a_failed_write_leaves_the_library_as_it_was(library: Library) -> None:
    with library.writing() as session:
        session.add(_issue("a" * 64))
    with pytest.raises(IntegrityError), library.writing() as session:
        session.add(_issue("b" * 64))
        session.flush()
        session.add(_issue("a" * 64))  # duplicate hash: the whole transaction rolls back
        session.flush()
    with library.session() as session:
        assert session.execute(text("SELECT count(*) FROM issue")).scalar() == 1


def test_timestamps_come_back_timezone_aware(library: Library) -> None:
    with library.writing() as session:
        session.add(_issue("c" * 64))
    with library.session() as session:
        issue = session.query(Issue).one()
        assert issue.imported_at.tzinfo is not None


def test_database_url_accepts_paths_and_urls(tmp_path: Path) -> None:
    assert database_url("sqlite://") == "sqlite://"
    assert database_url(tmp_path / "x.sqlite3") == f"sqlite:///{tmp_path / 'x.sqlite3'}"


def test_in_memory_library_works() -> None:
    lib = open_library("sqlite://")
    with lib.writing() as session:
        session.add(_issue("d" * 64))
    with lib.session() as session:
        assert session.execute(text("SELECT count(*) FROM issue")).scalar() == 1
    lib.close()


def test_upgrading_moves_every_original_text_verbatim_and_keeps_every_article(tmp_path: Path) -> None:
    """0008 drops ``issue.original_text`` in place: a table rebuild would cascade-delete the articles."""
    path = tmp_path / "old.sqlite3"
    library_at(path, "0007")
    texts = ["第一期\r\n正文，𠀀 Ünïcode\n\n", "第二期" * 1000]
    for original in texts:
        add_old_issue(path, original, articles=2)
    library = open_library(path)  # upgrades (after a backup)
    try:
        assert current_revisions(library.engine) == {HEAD}
        with library.session() as session:
            ids = list(session.scalars(select(Issue.id).order_by(Issue.id)))
            assert [read_text(session, i) for i in ids] == texts
            assert session.scalar(select(func.count()).select_from(Article)) == 4
            assert read_window(session, ids[1], 2998, 3001).text == "二期"
    finally:
        library.close()


_OLD_ARTICLES = {
    "臺灣銀行公布新匯率": ["中央銀行今日宣佈，新臺幣對美元匯率上升。", "專家認為：出口將受影響（ＡＢＣ）"],
    "體育新聞": ["足球比賽在上海舉行", "觀眾 2,000 人；門票售罄！"],
    "副刊": ["春天來了，花開了。"],
}


def test_a_library_migrated_from_before_the_search_index_has_the_schema_and_search_of_today(
    tmp_path: Path,
) -> None:
    """Migration 0002 (frozen: its own SQL) indexes an old library's articles as today's code does."""
    from reader.services.searching import matching_ids, rebuild_index

    old = tmp_path / "old.sqlite3"
    library_at(old, "0001")
    add_old_issue(old, "原文", articles=0)
    with sqlite3.connect(old) as conn:
        for position, (title, blocks) in enumerate(_OLD_ARTICLES.items()):
            conn.execute(
                "INSERT INTO article (issue_id, position, title, span_start, span_end, status, version, "
                "updated_at) VALUES (1, ?, ?, 0, 1, 'new', 1, '2020-01-01 00:00:00')",
                (position, title),
            )
            article_id = conn.execute("SELECT max(id) FROM article").fetchone()[0]
            for block, text_ in enumerate(reversed(blocks)):  # stored out of reading order
                conn.execute(
                    "INSERT INTO block (article_id, position, role, text, pieces) "
                    "VALUES (?, ?, 'paragraph', ?, '[[0, 1]]')",
                    (article_id, len(blocks) - 1 - block, text_),
                )
    conn.close()
    fresh = open_library(tmp_path / "fresh.sqlite3")
    fresh.close()

    library = open_library(old)  # migrates 0001 -> head, through 0002's indexing
    queries = [
        "银行",
        "銀行",
        "匯率 出口",
        "ABC",
        "足球",
        "2,000",
        "售罄！",
        "花",
        "出口將受影響",
        "上海 春天",
    ]
    try:
        with library.session() as session:
            migrated = {query: matching_ids(session, query) for query in queries}
            terms = session.execute(text("SELECT article_id, folded FROM article_search_terms")).all()
        assert migrated["银行"] == migrated["銀行"] != []
        assert migrated["上海 春天"] == [] and len(migrated["花"]) == 1
        with library.writing() as session:
            rebuild_index(session.connection())  # what today's code indexes for the same articles
        with library.session() as session:
            assert {query: matching_ids(session, query) for query in queries} == migrated
            rebuilt = session.execute(text("SELECT article_id, folded FROM article_search_terms")).all()
        assert sorted(rebuilt) == sorted(terms) and len(terms) == len(_OLD_ARTICLES)
    finally:
        library.close()
    assert _schema(old) == _schema(tmp_path / "fresh.sqlite3")


def test_a_session_made_before_close_and_first_used_after_it_keeps_no_connection(tmp_path: Path) -> None:
    """A background task's session made just before a restore closes the library, and run just after,
    takes its connection from the pool ``dispose`` leaves: handed back, it is closed, not kept, so the
    restore can take the file (it switches the journal out of WAL, which needs every connection gone)."""
    import sqlite3
    from contextlib import closing

    from sqlalchemy import text

    path = tmp_path / "lib.sqlite3"
    library = open_library(path)
    session = library.session()
    library.close()
    with session:
        assert session.execute(text("SELECT count(*) FROM issue")).scalar_one() == 0
    with closing(sqlite3.connect(path, timeout=1, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
