"""The shown article's text converted in the background to the scripts Next Script goes to.

OpenCC converts a 3,000-character article in 15–40 ms, on the GUI thread when the reader toggles the
script: most of a toggle's time.  Once an article is on screen (and again after the script changes),
:class:`ScriptWarmer` converts its texts, off the GUI thread, to the other scripts of the cycle
(simplified and the traditional script chosen last): the results land in
:func:`reader.core.script.convert`'s cache, so the toggle only lays the text out.  Only the newest
article counts: opening another cancels the conversions of the one before, and they run after every
other background task queued (a lower priority).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.core.script import Script, convert_all
from reader.gui.tasks import LatestTask, TaskRunner

if TYPE_CHECKING:
    from reader.gui.scripts import ScriptChoice
    from reader.gui.tasks import TaskContext

log = logging.getLogger(__name__)

WARM_PRIORITY = -10
"""After every other task queued: a conversion the reader may never ask for waits for the rest."""


class ScriptWarmer(QObject):
    """Converts the texts of the article shown to the scripts the script toggle reaches next."""

    def __init__(self, runner: TaskRunner, script: ScriptChoice, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("scriptWarmer")
        self._script = script
        self._latest = LatestTask(runner, "script warm-up", priority=WARM_PRIORITY)
        self._texts: tuple[str, ...] = ()
        script.changed.connect(lambda _script: self._start())

    @property
    def running(self) -> bool:
        return self._latest.running

    def targets(self) -> list[Script]:
        """The scripts of the cycle (:meth:`ScriptChoice.cycle`) other than the one shown."""
        shown = self._script.script
        return [s for s in self._script.steps() if s is not shown and s is not Script.ORIGINAL]

    def warm(self, texts: Sequence[str]) -> None:
        """Convert ``texts`` (what the reading pane shows, in the stored script) in the background, in
        place of the texts warmed before."""
        self._texts = tuple(t for t in texts if t)
        self._start()

    def clear(self) -> None:
        """Nothing is shown any more: stop converting."""
        self._texts = ()
        self._latest.cancel()

    def _start(self) -> None:
        texts, scripts = self._texts, self.targets()
        if not texts or not scripts:
            self._latest.cancel()
            return

        def work(context: TaskContext) -> None:
            convert_all(texts, scripts, context.check_cancelled)

        def failed(error: BaseException) -> None:  # the toggle converts on the GUI thread then
            log.warning("converting the article shown to %s failed: %s", scripts, error)

        self._latest.start(work, lambda _none: None, failed)


__all__ = ["WARM_PRIORITY", "ScriptWarmer"]
