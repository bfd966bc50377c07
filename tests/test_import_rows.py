"""The importer's rows written through the driver's cursor: stored as the ORM stores them, refused whole."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Issue
from reader.services.importing import Outcome, import_files

REFUSE_BAD_FILE = """
CREATE TRIGGER refuse_bad BEFORE INSERT ON block
WHEN (SELECT issue.source_name FROM article JOIN issue ON issue.id = article.issue_id
      WHERE article.id = NEW.article_id) = 'bad.txt'
BEGIN SELECT RAISE(ABORT, 'blocks of bad.txt refused'); END
"""


def test_a_file_the_database_refuses_is_reported_and_leaves_nothing(
    library: Library, corpus_files: list[Path], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    shutil.copyfile(corpus_files[0], bad)
    with library.writing() as session:
        session.connection().exec_driver_sql(REFUSE_BAD_FILE)
    with library.write_session() as session:
        report = import_files(session, [bad, *corpus_files[1:]])
    outcomes = {Path(r.path).name: r for r in report.results}
    assert outcomes["bad.txt"].outcome is Outcome.FAILED
    assert outcomes["bad.txt"].message.startswith("could not be stored: IntegrityError")
    assert "blocks of bad.txt refused" in outcomes["bad.txt"].message
    assert [r.outcome for r in report.imported] == [Outcome.IMPORTED] * (len(corpus_files) - 1)
    with library.session() as session:
        names = set(session.scalars(select(Issue.source_name)))
        conn = session.connection()
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM issue_text WHERE issue_id NOT IN (SELECT id FROM issue)"
        ).scalar()
    assert "bad.txt" not in names and len(names) == len(corpus_files) - 1
    assert orphans == 0  # nothing of the refused file: its text, issue and articles rolled back


@pytest.mark.both_engines
def test_timestamps_are_stored_as_the_models_store_them(library: Library, corpus_files: list[Path]) -> None:
    with library.write_session() as session:
        assert import_files(session, corpus_files[:1]).ok
    with library.session() as session:
        issue = session.scalars(select(Issue)).one()
        article = session.scalars(select(Article)).first()
        assert article is not None
        assert issue.imported_at.utcoffset() is not None and article.updated_at.utcoffset() is not None
        assert article.status == "new" and article.version == 1
        if library.engine.dialect.name == "sqlite":  # the text SQLAlchemy's SQLite dialect writes
            stored = session.connection().exec_driver_sql("SELECT imported_at FROM issue").scalar()
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", str(stored))


@pytest.mark.both_engines
def test_many_articles_get_their_ids_in_their_order(library: Library) -> None:
    """More articles than one statement inserts: each id belongs to the row at its place in the list."""
    from db.models import utcnow
    from reader.services.import_rows import RowWriter

    count = 250  # three statements: 100, 100 and 50 rows
    with library.writing() as session:
        rows = RowWriter(session.connection())
        try:
            issue_id = rows.issue(("many.txt", "many", "0" * 64, "utf-8", 1, None, None), utcnow())
            article_rows = [
                (
                    issue_id,
                    position,
                    None,
                    None,
                    f"title {position}",
                    None,
                    None,
                    None,
                    position,
                    position + 1,
                )
                for position in reversed(range(count))  # not in position order
            ]
            ids = rows.articles(article_rows, utcnow())
        finally:
            rows.close()
    assert len(set(ids)) == count
    with library.session() as session:
        stored = {
            article_id: title for article_id, title in session.execute(select(Article.id, Article.title))
        }
    assert [stored[article_id] for article_id in ids] == [row[4] for row in article_rows]
