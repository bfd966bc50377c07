"""The reading pane's read model: the same article as the export document, without its extras."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import NoResultFound

from db.engine import Library
from db.models import Article
from reader.services.article_view import BlockView, article_view
from reader.services.documents import article_document
from reader.services.importing import import_files
from tests.conftest import SAMPLE_ISSUE


def test_the_read_model_says_what_the_export_document_says_of_the_article(library: Library) -> None:
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with library.session() as session:
        ids = list(session.scalars(select(Article.id).order_by(Article.position)))
        assert len(ids) == 4
        for article_id in ids:
            view = article_view(session, article_id)
            document = article_document(session, article_id)
            for key in ("id", "issue_id", "position", "title", "status", "version"):
                assert getattr(view, key) == document[key], key
            assert view.blocks == tuple(BlockView(b["role"], b["text"]) for b in document["blocks"])
            assert view.as_mapping()["blocks"] == [{"role": b.role, "text": b.text} for b in view.blocks]
            assert "tags" not in view.as_mapping()  # the export's extras are not read


def test_an_article_no_longer_there_is_not_found(library: Library) -> None:
    with library.session() as session, pytest.raises(NoResultFound):
        article_view(session, 12345)
