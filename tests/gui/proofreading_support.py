"""Helpers for the editing, history/status and find/replace GUI tests: typing, reading the real library."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import event, select, text

from db.editing_models import Revision
from db.engine import Library
from db.models import Article, Block

FIRST = 1  # 深化“家门口”服务…: eleven blocks, its first paragraph is block 4
RIVER = 4  # 梅园街道河长制工作再上新台阶: kicker, title, byline, then a paragraph (block 3)
RIVER_TITLE = "梅园街道河长制工作再上新台阶"
RIVER_PARAGRAPH = 3


def type_text(widget: QWidget, typed: str) -> None:
    """Type text as a keyboard (or an input method's commit) delivers it: one key event per character.

    ``QTest.keyClicks`` only handles Latin-1 characters.
    """
    for char in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def block_texts(library: Library, article_id: int) -> list[str]:
    with library.session() as session:
        query = select(Block.text).where(Block.article_id == article_id).order_by(Block.position)
        return list(session.scalars(query))


def block_id(library: Library, article_id: int, position: int) -> int:
    with library.session() as session:
        query = select(Block.id).where(Block.article_id == article_id, Block.position == position)
        return session.execute(query).scalar_one()


def article(library: Library, article_id: int) -> Article:
    with library.session() as session:
        return session.get_one(Article, article_id)


def revision_authors(library: Library, article_id: int) -> list[tuple[str, str]]:
    """(author, reason) of every revision of an article, oldest first."""
    with library.session() as session:
        query = select(Revision.author, Revision.reason).where(Revision.article_id == article_id)
        return [(a, r) for a, r in session.execute(query.order_by(Revision.number))]


def fill_disk(library: Library) -> Any:
    """Cap the library at its current size (every write needing a page fails with SQLITE_FULL).

    Returns the function that frees the space again.
    """
    with library.session() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
    library.engine.dispose()

    def cap(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(library.engine, "connect", cap)

    def free() -> None:
        event.remove(library.engine, "connect", cap)
        library.engine.dispose()

    return free
