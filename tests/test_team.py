"""A team library on PostgreSQL: search parity, copying libraries, server backups and checks, writers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.engine import Library
from db.models import Article, Block, Issue
from db.opening import open_library
from reader.cli import main
from reader.core.script import fold
from reader.core.search_index import index_rows, remove_rows, search_ids
from reader.services.importing import import_files
from reader.services.notes import add_note
from reader.services.searching import search
from reader.services.tagging import add_tag
from reader.services.tracking.saving import StaleVersion, save_article_text
from reader.services.version_swap import bump_version
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.postgres

ALPHABET = '陆陸家嘴里裡裏书書着著ＡAab1１"*()“”，。- \n'


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Library]:
    library = open_library(postgres_url)
    yield library
    library.close()


def _scan(texts: dict[int, str], query: str) -> list[int]:
    words = fold(query).split()
    if not words:
        return []
    return sorted((i for i, t in texts.items() if all(w in fold(t) for w in words)), reverse=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.dictionaries(st.integers(1, 40), st.text(alphabet=ALPHABET, max_size=30), max_size=12),
    data=st.data(),
)
def test_search_on_postgres_equals_a_substring_scan(
    pg: Library, texts: dict[int, str], data: st.DataObject
) -> None:
    queries: list[str] = data.draw(st.lists(st.text(alphabet=ALPHABET, max_size=5), max_size=6))
    for text in list(texts.values())[:4]:  # substrings of 1 to 4 characters, so that queries hit
        start = data.draw(st.integers(0, len(text)))
        queries.append(text[start : start + data.draw(st.integers(1, 4))])
    queries.append(" ".join(queries[-2:]))
    with pg.engine.connect() as conn, conn.begin():
        index_rows(conn, texts.items())
        for query in queries:
            assert search_ids(conn, query) == _scan(texts, query), query
        gone = list(texts)[::3]
        remove_rows(conn, gone)
        for query in queries:
            assert search_ids(conn, query) == _scan({i: t for i, t in texts.items() if i not in gone}, query)
        conn.rollback()


def test_search_filters_and_limits_on_postgres(pg: Library) -> None:
    with pg.write_session() as session:
        [result] = import_files(session, [SAMPLE_ISSUE]).results
    assert result.issue_id is not None
    with pg.session() as session:
        hits = search(session, "街道")
        assert hits and [h.article_id for h in hits] == sorted((h.article_id for h in hits), reverse=True)
        assert len(search(session, "街道", limit=1)) == 1
        assert search(session, "街道", issue_id=result.issue_id + 1) == []
        assert len(search(session, "街道", status="new")) == len(hits)
        assert search(session, "街道", status="approved") == []
        assert search(session, "街") and search(session, "衔") == []
        simplified = search(session, "梅园街道河长制")
        traditional = search(session, "梅園街道河長制")  # cross-script
        assert simplified and [h.article_id for h in traditional] == [h.article_id for h in simplified]


def _edited_library(path: Path) -> Library:
    library = open_library(path)
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with library.write_session() as session, session.begin():
        article = session.scalars(select(Article).order_by(Article.id)).first()
        assert article is not None
        blocks = session.scalars(select(Block).where(Block.article_id == article.id).order_by(Block.position))
        texts = {b.id: b.text + "（校）" for b in blocks}
        save_article_text(session, article.id, texts, author="王芳", base_version=article.version)
        add_tag(session, [article.id], "浦东", author="王芳")
        first_block = min(texts)
        add_note(session, article.id, first_block, 0, 2, "核对原报", author="王芳")
    return library


def test_copy_library_sqlite_to_postgres_and_back_keeps_everything(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _edited_library(tmp_path / "source.sqlite3")
    source.close()
    assert main(["copy-library", str(tmp_path / "source.sqlite3"), postgres_url]) == 0
    out = capsys.readouterr().out
    assert "verified" in out and "change_record" in out
    back = tmp_path / "back.sqlite3"
    assert main(["copy-library", postgres_url, str(back)]) == 0
    capsys.readouterr()
    for url in (postgres_url, str(back)):
        library = open_library(url)
        with library.session() as session:
            assert session.scalar(select(func.count()).select_from(Article)) > 0
            assert search(session, "（校）")
        library.close()
    # the copy continues the ids after the copied rows: importing again works on the server
    other = tmp_path / "other.txt"
    other.write_text(SAMPLE_ISSUE.read_text(encoding="utf-8") + "\n补记。\n", encoding="utf-8")
    server = open_library(postgres_url)
    with server.write_session() as session:
        [result] = import_files(session, [other]).results
    assert result.issue_id == 2
    server.close()
    assert main(["check", "--db", postgres_url]) == 0
    assert "article hashes ok" in capsys.readouterr().out


def test_copy_library_refuses_a_target_that_is_not_empty(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _edited_library(tmp_path / "a.sqlite3").close()
    assert main(["copy-library", str(tmp_path / "a.sqlite3"), postgres_url]) == 0
    capsys.readouterr()
    assert main(["copy-library", str(tmp_path / "a.sqlite3"), postgres_url]) == 1
    assert "not empty" in capsys.readouterr().err


def test_backup_check_and_restore_on_postgres(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = open_library(postgres_url)
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    assert main(["backup", "--db", postgres_url, "--to", str(tmp_path / "dumps")]) == 0
    assert "verified" in capsys.readouterr().out
    [dump] = list((tmp_path / "dumps").glob("*.dump"))
    with library.writing() as session:  # the issue and all it holds gone (deleting only its articles
        session.execute(sa.delete(Issue))  # would leave its original uncovered: damage to ``check``)
    assert main(["check", "--db", postgres_url]) == 0
    assert "0 article hashes ok" in capsys.readouterr().out
    assert main(["restore", "--db", postgres_url, str(dump)]) == 0
    with library.session() as session:
        assert session.scalar(select(func.count()).select_from(Article)) > 0
    with library.writing() as session:  # damage a text behind the app's back
        session.execute(sa.text("UPDATE block SET text = text || 'x' WHERE id = (SELECT min(id) FROM block)"))
    library.close()
    assert main(["check", "--db", postgres_url]) == 1
    assert "does not match its recorded hash" in capsys.readouterr().out


def test_postgres_writers_serialise_and_readers_do_not_wait(pg: Library) -> None:
    order: list[str] = []
    with pg.writing() as session:
        session.execute(sa.text("SELECT 1"))

        def other_writer() -> None:
            with pg.writing() as other:
                other.execute(sa.text("SELECT 1"))
                order.append("second writer")

        thread = threading.Thread(target=other_writer)
        thread.start()
        with pg.session() as reader:
            assert reader.scalar(select(func.count()).select_from(Article)) == 0
        time.sleep(0.3)
        order.append("first writer")
    thread.join(10)
    assert order == ["first writer", "second writer"]


def test_the_version_is_compared_and_swapped_in_the_update(pg: Library) -> None:
    with pg.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with pg.session() as stale_session:
        stale = stale_session.scalars(select(Article).order_by(Article.id)).first()
        assert stale is not None
    with pg.writing() as session:
        fresh = session.get_one(Article, stale.id)
        bump_version(session, fresh)
    with pg.writing() as session, pytest.raises(StaleVersion):
        article = session.merge(stale, load=False)  # the copy read before the other save
        bump_version(session, article)
    with pg.session() as session:
        assert session.get_one(Article, stale.id).version == stale.version + 1


def test_import_on_postgres_commits_every_file_on_its_own(pg: Library, tmp_path: Path) -> None:
    files = []
    for n in range(3):
        path = tmp_path / f"issue{n}.txt"
        path.write_text(SAMPLE_ISSUE.read_text(encoding="utf-8") + f"\n第{n}号。\n", encoding="utf-8")
        files.append(path)
    seen: list[int] = []

    def progress(done: int, _total: int, _name: str) -> None:
        with pg.session() as other:  # another connection: sees only what is committed
            seen.append(other.scalar(select(func.count()).select_from(Issue)) or 0)
        assert seen[-1] == done

    with pg.write_session() as session:
        report = import_files(session, files, progress=progress)
    assert [r.issue_id for r in report.results] == [1, 2, 3] and seen[:3] == [0, 1, 2]


def test_a_writer_waiting_too_long_for_the_writer_lock_is_told_the_library_is_busy(pg: Library) -> None:
    from sqlalchemy.exc import OperationalError

    from db import dialect
    from db.retry import is_busy_error

    with pg.writing() as session:
        session.execute(sa.text("SELECT 1"))
        other = pg.engine.connect()
        try:
            other.exec_driver_sql("SET lock_timeout = 200")
            with pytest.raises(OperationalError) as raised:
                other.exec_driver_sql(f"SELECT pg_advisory_xact_lock({dialect.WRITER_LOCK})")
            assert is_busy_error(raised.value)  # retried by with_write_retry, like "database is locked"
        finally:
            other.close()
