"""Work the window does in the background once the library is open, so the first article opens fast."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.gui.scripts import SCRIPT_ORDER

if TYPE_CHECKING:
    from reader.gui.tasks import TaskContext


def warm_up(_context: TaskContext) -> None:
    """Load what opening the first article and toggling its script need, off the GUI thread.

    Every OpenCC dictionary, the document service's modules (with the
    proofreading and tagging parts they merge in) and the ORM mappers.
    """
    from sqlalchemy.orm import configure_mappers

    import reader.services.documents
    import reader.services.proofreading_export
    import reader.services.tag_queries
    import reader.services.tagging  # noqa: F401
    from reader.core.script import convert

    configure_mappers()
    for script in SCRIPT_ORDER:
        convert("校勘", script)
