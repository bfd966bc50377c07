"""Which SQL statements run on the GUI thread (they should not: reads belong on the task runner)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow


class GuiThreadSql:
    """Records the statements any library runs on the GUI thread while ``armed``."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.armed = False

    def record(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if self.armed and threading.current_thread() is threading.main_thread():
            self.seen.append(statement)


@contextmanager
def sql_on_the_gui_thread(window: MainWindow | None = None) -> Iterator[GuiThreadSql]:
    """Record while the block runs: armed from the start, or (given a window) armed by the test.

    With a window, recording stops when the reading pane shows the new text:
    what the features told of the new article (``article_shown``) read
    afterwards is theirs, not the reading pane's (the tag pane reads the
    article's tags, the library pane the rows of an issue it had not listed).
    """
    sql = GuiThreadSql()
    sql.armed = window is None
    if window is not None:
        window.reading_view.cursorPositionChanged.connect(lambda: setattr(sql, "armed", False))
    event.listen(Engine, "before_cursor_execute", sql.record)
    try:
        yield sql
    finally:
        event.remove(Engine, "before_cursor_execute", sql.record)
