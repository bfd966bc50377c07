"""Whatever edits an article, its search entry and content hash follow at commit."""

from __future__ import annotations

from sqlalchemy import select

from db.engine import Library
from db.integrity import verify_hashes
from db.models import Article
from reader.services.importing import import_files
from reader.services.searching import matching_ids
from reader.services.segmentation_edits import split_article
from reader.services.suggesting import fix_safe
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE


def test_imports_and_every_kind_of_edit_keep_hashes_and_index_right(library: Library) -> None:
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with library.session() as session:
        assert verify_hashes(session) == []
    with library.writing() as session:
        article = session.scalars(select(Article).where(Article.title.contains("河长制"))).one()
        texts = [b.text.replace("青溪河", "清溪河") for b in article.blocks]
        save_article_text(session, article.id, texts, author="ed", base_version=article.version)
        fix_safe(session, author="bot")
        split_article(session, article.blocks[-1].id, author="ed")
    with library.session() as session:
        assert verify_hashes(session) == []
        assert matching_ids(session, "青溪河") == []
        assert matching_ids(session, "清溪河")
