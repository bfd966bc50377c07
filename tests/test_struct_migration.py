"""Migration 0009_struct: the article table rebuilt with AUTOINCREMENT keeps every child row."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from db.engine import Library
from db.models import Article
from db.opening import open_library
from reader.services.importing import import_files
from reader.services.notes import add_note
from reader.services.segmentation_edits import merge_articles, split_article
from reader.services.tagging import add_tag
from reader.services.tracking.revisions import article_blocks
from tests.conftest import SAMPLE_ISSUE
from tests.safety_support import copy_into_older, library_at

CHILDREN = (
    "block",
    "contributor",
    "article_tag",
    "note",
    "revision",
    "change_record",
    "article_hash",
)


def _counts(library: Library) -> dict[str, int]:
    with library.session() as session:
        return {t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in CHILDREN}


def test_upgrading_a_0008_library_keeps_every_child_and_ids_are_never_reused(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    made = tmp_path / "made.sqlite3"  # the data is written by today's services, then moved into 0008's schema
    old = open_library(made)
    with old.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with old.writing() as session:
        articles = list(session.scalars(select(Article).order_by(Article.position)))
        add_tag(session, [a.id for a in articles], "社区", author="a")
        blocks = article_blocks(session, articles[0].id)
        add_note(session, articles[0].id, blocks[0].id, 0, 1, "注", author="a")
        merge_articles(session, articles[-1].id, "previous", author="a")  # the highest id is gone
        deleted = articles[-1].id
    before = _counts(old)
    assert all(before[t] > 0 for t in ("block", "article_tag", "note", "revision"))
    old.close()
    library_at(path, "0008")
    copy_into_older(made, path)

    library = open_library(path)
    try:
        assert _counts(library) == before
        with library.session() as session:
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA foreign_key_check")).all() == []
            schema = session.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'article'")
            ).scalar_one()
            assert "AUTOINCREMENT" in schema
        with library.writing() as session:
            last = session.scalars(select(Article).order_by(Article.position.desc())).first()
            assert last is not None
            top = last.id
            merge_articles(session, last.id, "previous", author="a")
        with library.writing() as session:
            last = session.scalars(select(Article).order_by(Article.position.desc())).first()
            assert last is not None
            result = split_article(session, article_blocks(session, last.id)[-1].id, author="a")
        # an id freed before the upgrade is unknowable; from the upgrade on none is handed out twice
        assert deleted not in {a.id for a in articles[:-1]}
        assert min(set(result.articles) - {last.id}) > top
    finally:
        library.close()
