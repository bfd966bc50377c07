"""Edit mode: the current article's blocks as editable text, saved as one types.

The text widget (``reader.gui.article_text_edit.ArticleEditor``) holds one
paragraph per block of the article, in the original script; a keystroke only
marks the text dirty and restarts a timer.

:class:`ArticleEditorPane` saves through ``reader.services.recovery.save_or_recover``
(retried while the library is locked; kept in a recovery file when the disk
fails): after :data:`SAVE_DELAY_MS` without typing, and at once when another
article or an issue is opened, when edit mode is left, before any other
change is made (``EditContext.flush``) and when the window closes.  The
typing between two saves is one :class:`TypingCommand` on the window's undo
stack.  A save refused because the article changed elsewhere keeps the text
in a recovery file and opens a :class:`~reader.gui.conflict_dialog.ConflictDialog`.
Where the text stands (clean, dirty, failing, in conflict) is the pane's
:class:`~reader.gui.autosave_session.AutosaveSession`, which makes every change of state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QTextCursor,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from reader.gui.article_loading import READ_PRIORITY, read_editable
from reader.gui.article_text_edit import ArticleEditor
from reader.gui.autosave_session import AutosaveSession
from reader.gui.commands.typing import TypingCommand, short
from reader.gui.conflict_dialog import ConflictBlock, ConflictDialog
from reader.gui.labels import status_label
from reader.gui.tasks import LatestTask
from reader.gui.typing_journal import Typing, TypingJournal
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from reader.gui.reading_document import ReadingStyle
    from reader.services.recovery import RecoveryFile, SaveAttempt
    from reader.services.review import EditableArticle
    from reader.services.tracking.saving import SaveResult, StaleVersion

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 1500
"""Typing pauses this long before the text is saved."""
RETRY_DELAY_MS = 30_000
"""After a failed save, the next attempt comes this much later (sooner on any forced save)."""


class ArticleEditorPane(QWidget):
    """Edit mode's pane: a header and the editor of one article; saves, undo steps and conflicts.

    ``open_requested`` (issue id, article id, then) asks the window to show an
    article again (to merge a conflict by hand after it was left), calling
    ``then()`` once it is shown.  An article is read in the background:
    ``loaded`` tells when it is in the editor, ``load_failed`` that it cannot
    be edited.
    """

    open_requested = Signal(int, int, object)
    loaded = Signal(int)
    load_failed = Signal(int)

    def __init__(
        self, context: EditContext, style: Callable[[], ReadingStyle], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditorPane")
        self.context = context
        self._style = style
        self.article: EditableArticle | None = None
        self._block_ids: list[int] = []
        self.session = AutosaveSession()  # where the text stands: every change of state is made there
        self.pending: TypingCommand | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self._state = ""
        self._reads = LatestTask(context.runner, "article to edit", priority=READ_PRIORITY)
        self.loading: int | None = None  # the article being read into the editor
        self._when_loaded: list[tuple[int, Callable[[], object]]] = []

        self.title_label = QLabel()
        self.title_label.setObjectName("editorTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        # a long title is cut (whole in the tooltip), never widening the middle and squeezing the side panes
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.state_label = QLabel()
        self.state_label.setObjectName("editorState")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head = QHBoxLayout()
        head.setContentsMargins(8, 4, 8, 4)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.state_label)
        self.editor = ArticleEditor()
        self.editor.on_edited = self._on_edited
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.editor, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._autosave)
        self.journal = TypingJournal(context.runner, self._typing, self)  # typing safe between saves
        context.add_flusher(lambda inside_step: self.flush(inside_step=inside_step))

    # which article
    @property
    def article_id(self) -> int | None:
        return None if self.article is None else self.article.id

    def open_article(self, article_id: int) -> bool:
        """Edit this article (the one edited so far is saved first, at once); False with no library."""
        if self.article is not None and self.article.id == article_id and self.loading is None:
            self.external_change()
            return True
        self.release()
        return self.load(article_id)

    def load(self, article_id: int, *, keep_place: bool = False) -> bool:
        """Read the article into the editor (unsaved text must have been dealt with); False with no library.

        Another article is read in the background, the text shown staying
        read-only until it is in (``loaded``; ``load_failed``).  The article
        edited is read again at once, keeping the place (``keep_place``: after
        a change made elsewhere or undone), so that no keystroke falls between
        the read and the text shown.
        """
        from reader.core.errors import JiaokanError
        from reader.services.review import editable_article

        library = self.context.library()
        if library is None:
            return False
        if keep_place and self.article_id == article_id and self.loading is None:
            try:
                with library.session() as session:
                    article = editable_article(session, article_id)
            except JiaokanError as error:
                log.warning("cannot edit article %s: %s", article_id, error)
                return False
            self._show(article, keep_place=True)
            return True
        self.editor.setReadOnly(True)
        self._set_state(self.tr("Reading…"))
        self.loading = article_id

        def failed(error: BaseException) -> None:
            self.loading = None
            log.warning("cannot edit article %s: %s", article_id, error)
            self.load_failed.emit(article_id)

        def read(article: EditableArticle) -> None:
            self.loading = None
            self._show(article, keep_place=False)

        self._reads.start(read_editable(article_id), read, failed)
        return True

    def when_loaded(self, article_id: int, then: Callable[[], object]) -> None:
        """Call ``then`` once this article is in the editor (now if it is; never if it is not coming)."""
        if self.loading == article_id:
            self._when_loaded.append((article_id, then))
        elif self._on_this(article_id):
            then()

    def _show(self, article: EditableArticle, *, keep_place: bool) -> None:
        article_id = article.id
        place = self.editor.place() if keep_place and self.article_id == article_id else None
        scroll = self.editor.verticalScrollBar().value() if place is not None else 0
        self.article = article
        self._block_ids = [b.id for b in article.blocks]
        self.session.opened(article.version)
        self.pending = None
        self.editor.setReadOnly(False)
        self.editor.set_blocks([(b.role, b.text) for b in article.blocks], self._style())
        if place is not None:
            self.editor.set_place(*place)
            self.editor.verticalScrollBar().setValue(scroll)
        else:
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self._show_header()
        self._set_state(self.tr("Saved"))
        self.loaded.emit(article_id)
        waiting, self._when_loaded = self._when_loaded, []
        for loaded_id, then in waiting:
            if loaded_id == article_id:
                then()

    def release(self) -> bool:
        """Save and stop editing the current article; True when its text is saved (or kept safe)."""
        saved = self.flush()
        self._reads.cancel()
        self.loading, self._when_loaded = None, []
        self._timer.stop()
        self.article = None
        self.pending = None
        self.session.closed()
        return saved or self.kept

    def external_change(self) -> None:
        """Another step may have changed the article: reload it unless there is unsaved typing."""
        from reader.services.review import article_states

        article, library = self.article, self.context.library()
        if article is None or library is None or self.dirty:
            return  # never over unsaved typing, nor under an open conflict
        with library.session() as session:
            state = article_states(session, [article.id]).get(article.id)
        if state is None:
            return
        if state.version != self.session.base_version:
            self.load(article.id, keep_place=True)
        elif state.status != article.status or state.title != article.title:
            from dataclasses import replace

            self.article = replace(article, status=state.status, title=state.title)
            self._show_header()

    # saving
    def flush(self, *, inside_step: bool = False) -> bool:
        """Save unsaved typing now; False when it could not be saved (then it is kept, and the user told)."""
        if self.article is None or not self.dirty:
            return True
        if self.session.asking:
            return False
        self._timer.stop()
        return self._save(push=not inside_step, interactive=True)

    def about_to_close(self) -> bool:
        """Save before the window closes; False only when the text is neither saved nor kept on disk."""
        if self.article is None or not self.dirty:
            return True
        self._timer.stop()
        if self.session.asking and self.kept:
            return True  # unanswered conflict: the text is in its recovery file already
        return self._save(push=False, interactive=False) or self.kept

    def save_for_undo(self, command: TypingCommand) -> bool:
        """Save the pending typing ``command`` stands for (undo is under way: nothing is pushed)."""
        if command is not self.pending:
            return False
        self._timer.stop()
        return self._save(push=False, interactive=True)

    def _autosave(self) -> None:
        if self.context.busy:  # a background change holds the library: try again shortly
            self._timer.start(SAVE_DELAY_MS)
            return
        self._save(push=True, interactive=True)

    def _save(self, *, push: bool, interactive: bool) -> bool:
        from reader.services.recovery import RecoveryError, save_or_recover
        from reader.services.tracking.saving import StaleVersion

        article, library = self.article, self.context.library()
        if article is None or library is None:
            return False
        payload = dict(zip(self._block_ids, self.editor.texts(), strict=True))
        try:
            attempt = save_or_recover(
                library,
                article.id,
                payload,
                author=self.context.author(),
                base_version=self.session.base_version,
                library_file=self.context.library_file(),
            )
        except StaleVersion as stale:
            self._conflict(stale, push=push, interactive=interactive)
            return False
        except RecoveryError as error:
            self._not_kept(str(error))
            return False
        except (
            Exception
        ) as error:  # a save the library refused (blocks re-segmented meanwhile…): keep the text
            log.warning("saving article %s failed: %s", article.id, error)
            self._keep(payload, str(error))
            return False
        if attempt.result is None:
            self._storage_failed(attempt)
            return False
        self._saved(attempt.result, push=push)
        return True

    def _saved(self, result: SaveResult, *, push: bool) -> None:
        article = self.article
        assert article is not None
        self._forget_recoveries()
        self.session.saved(result.version)
        pending, self.pending = self.pending, None
        if result.revision_id is None:
            if pending is not None:
                self._drop(pending, push=push)
        elif pending is not None:
            pending.complete(result)
        elif push:
            self.context.stack.push(TypingCommand(self, article.id, article.title, result=result))
        self._set_state(self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self.context.notify([article.id])

    def _drop(self, command: TypingCommand, *, push: bool) -> None:
        """Take a pending typing step off the stack: nothing of it reached the library."""
        if not shiboken6.isValid(command):
            return
        command.setObsolete(True)
        stack = self.context.stack
        on_top = push and 0 < stack.index() == stack.count()
        if on_top and stack.command(stack.index() - 1) is command:
            stack.undo()  # an obsolete command is deleted without being undone

    def _typing(self) -> Typing | None:
        article = self.article
        if article is None or not self.dirty:
            return None
        texts = dict(zip(self._block_ids, self.editor.texts(), strict=True))
        library = self.context.library_file()
        return Typing(article.id, self.session.base_version, texts, self.context.author(), library)

    def _forget_recoveries(self) -> None:
        from reader.services.recovery import discard

        self.journal.clear()  # the text is saved, or kept in a file of its own
        for recovery in self.session.take_recoveries():
            try:
                discard(recovery)
            except OSError as error:
                log.warning("cannot delete recovery file %s: %s", recovery.path, error)

    def _storage_failed(self, attempt: SaveAttempt) -> None:
        """The disk failed: the text stays in the editor and in a recovery file; saving is retried."""
        self._forget_recoveries()  # the new file holds this text and more
        first = self.session.failed(attempt.recovery)
        self._set_state(self.tr("Not saved: kept in a recovery file"))
        if first:
            self.context.report(
                self.tr("Saving “%1”").replace("%1", short(self._title())),
                self.tr(
                    "The library could not be written (%1). Your text stays in the editor and is kept in a "
                    "recovery file; saving is tried again."
                ).replace("%1", attempt.error),
            )
        self._timer.start(RETRY_DELAY_MS)

    def _not_kept(self, error: str) -> None:
        self.session.not_kept()
        self._set_state(self.tr("NOT SAVED"))
        self.context.report(self.tr("Saving “%1”").replace("%1", short(self._title())), error)
        self._timer.start(RETRY_DELAY_MS)

    def _keep(self, payload: dict[int, str], error: str) -> None:
        from reader.services.recovery import RecoveryError, write_recovery

        article = self.article
        assert article is not None
        try:
            kept = write_recovery(
                article.id,
                self.session.base_version,
                payload,
                self.context.author(),
                library=self.context.library_file(),
                reason=error,
            )
        except RecoveryError as failure:
            self._not_kept(f"{error}; {failure}")
            return
        self._forget_recoveries()
        self.session.failed(kept)
        self._set_state(self.tr("Not saved: kept in a recovery file"))
        self.context.report(
            self.tr("Saving “%1”").replace("%1", short(self._title())),
            self.tr(
                "The text could not be saved (%1). It stays in the editor and is kept in a recovery file."
            ).replace("%1", error),
        )

    # conflicts
    def _conflict(self, stale: StaleVersion, *, push: bool, interactive: bool) -> None:
        """The article changed elsewhere: keep this text in a recovery file, then let the user choose."""
        from reader.services.recovery import RecoveryError, write_recovery

        article = self.article
        assert article is not None
        if self.pending is not None:
            self._drop(self.pending, push=push)
            self.pending = None
        try:
            recovery: RecoveryFile | None = write_recovery(
                stale.article_id,
                stale.base_version,
                stale.submitted,
                self.context.author(),
                library=self.context.library_file(),
                reason=self.tr("changed elsewhere while being edited"),
            )
        except RecoveryError as error:
            log.warning("conflict on article %s not kept on disk: %s", stale.article_id, error)
            recovery = None
        else:
            self.journal.clear()  # the conflict's file holds this text: a crash now offers it once
        self.session.conflicted(kept=recovery is not None, asking=interactive)
        if not interactive:
            return
        self.editor.setReadOnly(True)
        self._set_state(self.tr("Changed elsewhere: choose which text to keep"))
        roles = dict(zip(self._block_ids, self.editor.roles, strict=True))
        order = list(stale.submitted) + [b for b in stale.stored if b not in stale.submitted]
        blocks = [
            ConflictBlock(b, roles.get(b, ""), stale.submitted.get(b, ""), stale.stored.get(b, ""))
            for b in order
        ]
        dialog = ConflictDialog(article.title or "", blocks, self.window())
        issue_id = article.issue_id
        dialog.keep_mine.connect(lambda: self._keep_mine(stale, recovery))
        dialog.take_newer.connect(lambda: self._take_newer(stale, recovery, keep_file=False))
        dialog.merge_by_hand.connect(lambda: self._merge(stale, recovery, issue_id))
        dialog.rejected.connect(
            lambda: self._take_newer(stale, recovery, keep_file=True) if dialog.choice == "later" else None
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.conflict_dialog = dialog
        dialog.open()

    def _on_this(self, article_id: int) -> bool:
        return self.article is not None and self.article.id == article_id

    def _answered(self, article_id: int) -> None:
        if self._on_this(article_id):
            self.session.answered()

    def _keep_mine(self, stale: StaleVersion, recovery: RecoveryFile | None) -> None:
        """Save one's own text on top of the newer one (which stays in the history)."""
        from reader.services.recovery import discard, save_or_recover
        from reader.services.tracking.saving import StaleVersion as Stale

        self._answered(stale.article_id)
        library = self.context.library()
        if library is None:
            return
        try:
            attempt = save_or_recover(
                library,
                stale.article_id,
                stale.submitted,
                author=self.context.author(),
                base_version=stale.stored_version,
                library_file=self.context.library_file(),
            )
        except Stale as again:  # changed once more meanwhile: ask again, on the newest text
            if recovery is not None:
                discard(recovery)
            if self._on_this(stale.article_id):
                self._conflict(again, push=True, interactive=True)
            return
        except Exception as error:  # the text stays in its recovery file
            self.context.report(self.tr("Keeping your text"), str(error))
            return
        if attempt.result is None:
            if attempt.recovery is not None:
                discard(attempt.recovery)  # the conflict's file already holds the same text
            self.context.report(self.tr("Keeping your text"), attempt.error)
            return
        if recovery is not None:
            discard(recovery)
        result = attempt.result
        if self._on_this(stale.article_id):
            self.session.saved(result.version)
            self.editor.setReadOnly(False)
            self._set_state(self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        if result.revision_id is not None:
            title = self.article.title if self._on_this(stale.article_id) and self.article else None
            self.context.stack.push(
                TypingCommand(self, stale.article_id, title, result=result, text=self.tr("Keep My Text"))
            )
        self.context.notify([stale.article_id])

    def _take_newer(self, stale: StaleVersion, recovery: RecoveryFile | None, *, keep_file: bool) -> None:
        """Edit the newer text; one's own is on the clipboard (and, when closed unanswered, still on disk)."""
        from reader.services.recovery import discard

        self._answered(stale.article_id)
        if recovery is not None and not keep_file:
            discard(recovery)
        if self._on_this(stale.article_id):
            self.load(stale.article_id, keep_place=True)
        if keep_file and recovery is not None:
            self.context.report(
                self.tr("The article changed elsewhere"),
                self.tr(
                    "The newer text is shown. Yours is kept in a recovery file, offered at the next start."
                ),
            )

    def _merge(self, stale: StaleVersion, recovery: RecoveryFile | None, issue_id: int) -> None:
        """Go on editing one's own text on top of the newer version; it is saved as usual."""
        self._answered(stale.article_id)
        if self._on_this(stale.article_id):
            self._merge_here(stale, recovery)
        else:  # shown again first (read in the background), then merged there
            self.open_requested.emit(
                issue_id,
                stale.article_id,
                lambda: self.when_loaded(stale.article_id, lambda: self._merge_here(stale, recovery)),
            )

    def _merge_here(self, stale: StaleVersion, recovery: RecoveryFile | None) -> None:
        if not self._on_this(stale.article_id):
            return  # not being edited (edit mode was left meanwhile)
        mine = [
            stale.submitted.get(b, text) for b, text in zip(self._block_ids, self.editor.texts(), strict=True)
        ]
        self.session.merging(stale.stored_version, recovery)
        self.editor.setReadOnly(False)
        roles = self.editor.roles
        self.editor.set_blocks(list(zip(roles, mine, strict=True)), self._style())
        self._set_state(self.tr("Merging by hand: not saved yet"))
        self._timer.start()

    # typing
    def _on_edited(self) -> None:
        article = self.article
        if article is None:
            return
        self.session.edited()
        self.journal.edited()
        if self.pending is None:
            self.pending = TypingCommand(self, article.id, article.title)
            self.context.stack.push(self.pending)
        self._timer.start(SAVE_DELAY_MS)
        self._set_state(self.tr("Edited"))

    # header
    def _title(self) -> str:
        article = self.article
        return "" if article is None else article.title or self.tr("(untitled)")

    def _show_header(self) -> None:
        article = self.article
        if article is None:
            self.title_label.clear()
            self.title_label.setToolTip("")
            return
        self.title_label.setText(
            self.tr("Editing “%1” · %2 · original script")
            .replace("%1", self._title())
            .replace("%2", status_label(article.status))
        )
        self.title_label.setToolTip(self.title_label.text())

    def _set_state(self, text: str) -> None:
        if text != self._state:  # a keystroke sets the same text again: no relayout
            self._state = text
            self.state_label.setText(text)

    @property
    def dirty(self) -> bool:
        """True while the text in the editor is not the one stored (typed, failing, or in conflict)."""
        return self.session.dirty

    @property
    def kept(self) -> bool:
        """True when the unsaved text is safe in a recovery file."""
        return self.session.kept

    @property
    def state(self) -> str:
        """What the header says of the text (saved, edited, not saved…)."""
        return self._state
