"""Automatic and before-a-bulk-change backups of a team library: ``pg_dump`` where SQLite copies its file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.errors import BackupError
from db.opening import open_library
from db.pg_backup import backup_if_due, list_dumps, server_folder
from db.tagging_models import Tag
from reader.services.importing import import_files
from reader.services.tagging import add_tag, merge_tags
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.postgres


def _tagged(url: str) -> tuple[int, int]:
    library = open_library(url)
    try:
        with library.write_session() as session:
            import_files(session, [SAMPLE_ISSUE])
        with library.writing() as session:
            first = add_tag(session, [1], "浦东", author="王芳").tag_id
            second = add_tag(session, [2], "浦東新区", author="王芳").tag_id
        return first, second
    finally:
        library.close()


def test_a_bulk_change_on_a_server_library_is_dumped_first(postgres_url: str) -> None:
    source, target = _tagged(postgres_url)
    assert list_dumps(server_folder(postgres_url)) == []
    library = open_library(postgres_url)
    try:
        with library.writing() as session:
            merge_tags(session, source, target)
    finally:
        library.close()
    [dump] = list_dumps(server_folder(postgres_url))
    assert dump.name.endswith("-pre-bulk.dump") and dump.stat().st_size > 0


def test_without_pg_dump_a_bulk_change_is_refused_saying_why(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = _tagged(postgres_url)
    library = open_library(postgres_url)
    monkeypatch.setenv("PATH", str(tmp_path))  # no PostgreSQL client program to be found
    try:
        with pytest.raises(BackupError, match="pg_dump is not on the PATH"), library.writing() as session:
            merge_tags(session, source, target)
        with library.session() as session:
            assert session.scalar(select(func.count()).select_from(Tag)) == 2  # nothing merged
    finally:
        library.close()


def test_automatic_dumps_when_due_and_before_a_migration(postgres_url: str) -> None:
    _tagged(postgres_url)
    first = backup_if_due(postgres_url, interval_hours=24)
    assert first is not None and first.name.endswith("-auto.dump")
    assert backup_if_due(postgres_url, interval_hours=24) is None  # the newest is fresh
    library = open_library(postgres_url)
    with library.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0010_team'")
        conn.exec_driver_sql("DROP TABLE ocr_line")  # a library at 0010 had none (0011_ocr adds it)
    library.close()
    open_library(postgres_url).close()  # migrates to head, dumping first
    names = [p.name for p in list_dumps(server_folder(postgres_url))]
    assert any(name.endswith("-pre-migration.dump") for name in names), names
