"""Background reads asked for when an article is shown, started once the window has painted it.

A pane that reads in the background when the reading pane shows an article (its
suggestions, its notes) asks for the read through :class:`Soon`: the request is
posted to the event loop, after the reading pane's paint, which was posted while
it laid the article out.  So the worker's Python does not compete with the
paint for the interpreter, and the article is on screen a few milliseconds
sooner; requests made before the call are folded into one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Soon(QObject):
    """Calls ``slot`` once from the event loop, however often it is asked for before then."""

    def __init__(self, slot: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(slot)

    def request(self) -> None:
        """Ask for the call (again: still one call)."""
        self._timer.start()

    @property
    def pending(self) -> bool:
        """True while the call is asked for and not made yet."""
        return self._timer.isActive()
