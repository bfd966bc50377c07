"""Every kind of command on a bare QUndoStack and edit context (no window), on a real library.

Each test does the step, checks the library, undoes it, checks, redoes it,
checks again, and checks what the step told every view (its OpChanges).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.editing_models import Note
from db.engine import Library
from db.models import Article, Block, Issue
from db.rules_models import SuggestionDecision
from reader.core.op_changes import OpChanges
from reader.gui.changes_view import RevertChangeCommand
from reader.gui.commands.suggestions import AcceptAllCommand, AcceptCommand, RejectCommand
from reader.gui.find_replace import ReplaceCommand
from reader.gui.history import RestoreCommand
from reader.gui.issue_actions import DeleteIssuesCommand, IssuePropertiesCommand
from reader.gui.notes_pane import AddNoteCommand, EditNoteCommand, ResolveNoteCommand
from reader.gui.proofreading import StatusCommand
from reader.gui.tag_commands import TagEditor
from reader.services.issues import IssueProperties, issue_properties
from reader.services.suggesting import article_suggestions
from tests.gui.command_support import Bench, articles, texts
from tests.gui.tagging_support import tags_of

pytestmark = pytest.mark.gui


def _status(library: Library, article_id: int) -> str:
    with library.session() as session:
        return session.get_one(Article, article_id).status


def _note(library: Library, note_id: int) -> Note | None:
    with library.session() as session:
        return session.get(Note, note_id)


def _commas(library: Library, article_id: int) -> int:
    return sum(text.count(",") for text in texts(library, article_id))


def test_a_status_is_set_and_set_back(bench: Bench, gui_library: Library) -> None:
    first = articles(gui_library)[0]
    bench.stack.push(StatusCommand(bench.context, first, "题", "new", "proofread"))
    assert _status(gui_library, first) == "proofread"
    assert bench.last() == OpChanges.of([first], status=True)
    bench.stack.undo()
    assert _status(gui_library, first) == "new"
    bench.stack.redo()
    assert _status(gui_library, first) == "proofread"
    assert len(bench.seen) == 3 and bench.failures == []


def test_a_tag_change_is_pushed_made_then_undone_and_redone(bench: Bench, gui_library: Library) -> None:
    first = articles(gui_library)[0]
    editor = TagEditor(bench.context, bench.owner)
    told: list[object] = []
    editor.changed.connect(told.append)
    editor.add([first], "社区")
    assert tags_of(gui_library, first) == ["社区"] and bench.stack.count() == 1
    assert bench.last() == OpChanges.of([first], tags=True)
    bench.stack.undo()
    assert tags_of(gui_library, first) == []
    assert bench.last() == OpChanges.of([first], tags=True)
    bench.stack.redo()
    assert tags_of(gui_library, first) == ["社区"]
    assert len(told) == 3 and bench.failures == []


def test_a_note_is_added_edited_resolved_and_each_step_undone(bench: Bench, gui_library: Library) -> None:
    first = articles(gui_library)[0]
    reloads: list[int] = []

    def reload() -> None:
        reloads.append(1)

    add = AddNoteCommand(bench.context, first, 0, (0, 2), "查原报", reload)
    bench.stack.push(add)
    assert add.row is not None
    note_id = add.row.id
    assert bench.last() == OpChanges(notes=True)
    bench.stack.push(EditNoteCommand(bench.context, add.row, "查原报第二版", reload))
    bench.stack.push(ResolveNoteCommand(bench.context, add.row, True, reload))
    note = _note(gui_library, note_id)
    assert note is not None and note.body == "查原报第二版" and note.resolved
    bench.stack.undo()
    note = _note(gui_library, note_id)
    assert note is not None and not note.resolved
    bench.stack.undo()
    note = _note(gui_library, note_id)
    assert note is not None and note.body == "查原报"
    bench.stack.undo()
    assert _note(gui_library, note_id) is None
    bench.stack.redo()  # back with its id
    note = _note(gui_library, note_id)
    assert note is not None and note.body == "查原报"
    bench.stack.redo()
    bench.stack.redo()
    note = _note(gui_library, note_id)
    assert note is not None and note.body == "查原报第二版" and note.resolved
    assert len(reloads) == 9 and bench.failures == []


def test_a_note_on_a_block_that_is_not_there_is_refused(bench: Bench, gui_library: Library) -> None:
    first = articles(gui_library)[0]
    bench.stack.push(AddNoteCommand(bench.context, first, 99, (0, 2), "查", lambda: None))
    assert bench.failures and "no block 99" in bench.failures[0]
    assert bench.stack.count() == 0 and bench.seen == []


def test_issue_properties_are_set_and_set_back(bench: Bench, gui_library: Library) -> None:
    with gui_library.session() as session:
        old = issue_properties(session, 1)
    new = IssueProperties("新华日报", "1938-01-11", old.publication, "第3号")
    shown: list[int] = []
    bench.stack.push(IssuePropertiesCommand(bench.context, 1, old, new, shown.append))
    assert bench.last() == OpChanges.of(issue_ids=[1], issues=True)
    with gui_library.session() as session:
        assert issue_properties(session, 1) == new
    bench.stack.undo()
    with gui_library.session() as session:
        assert issue_properties(session, 1) == old
    bench.stack.redo()
    with gui_library.session() as session:
        assert issue_properties(session, 1).title == "新华日报"
    assert shown == [1, 1, 1]


class _IssueList:
    """What the issue actions do after a deletion or its undo (here: remember it)."""

    def __init__(self) -> None:
        self.deleted: list[list[int]] = []
        self.restored: list[list[int]] = []

    def issues_deleted(self, ids: list[int]) -> None:
        self.deleted.append(ids)

    def issues_restored(self, ids: list[int]) -> None:
        self.restored.append(ids)


def _issue_ids(library: Library) -> list[int]:
    with library.session() as session:
        return list(session.scalars(select(Issue.id)))


def test_deleted_issues_come_back_in_the_background_and_go_again(
    qtbot: QtBot, bench: Bench, gui_library: Library
) -> None:
    listing = _IssueList()
    command = DeleteIssuesCommand(bench.context, [1], "Delete", listing)  # type: ignore[arg-type]
    bench.settle(qtbot, lambda: bench.stack.push(command))
    assert _issue_ids(gui_library) == [] and listing.deleted == [[1]]
    assert bench.last() == OpChanges.of(issue_ids=[1], issues=True, tags=True)
    bench.settle(qtbot, bench.stack.undo)
    [restored] = _issue_ids(gui_library)
    assert listing.restored == [[restored]]
    assert len(articles(gui_library)) == 4
    assert bench.last().issue_ids == {restored}
    bench.settle(qtbot, bench.stack.redo)
    assert _issue_ids(gui_library) == [] and listing.deleted == [[1], [restored]]
    assert bench.failures == []


def test_a_replace_made_in_the_background_is_undone_unless_edited_since(
    qtbot: QtBot, bench: Bench, gui_library: Library
) -> None:
    from reader.services.find_replace import apply_replacements, find_matches
    from reader.services.tracking.saving import save_article_text

    first, second, *_ = articles(gui_library)
    with gui_library.session() as session:
        matches = find_matches(session, ",", scope="library", replacement="，")
    touched = {m.article_id for m in matches}
    assert {first, second} <= touched
    with gui_library.writing() as session:
        result = apply_replacements(session, matches, "，", author="ed")
    bench.stack.push(ReplaceCommand(bench.context, matches, "，", result))
    assert bench.seen == []  # pushed made: the dialog told the views already
    assert _commas(gui_library, first) == 0
    # the second article is edited again: undo leaves it, and says so
    edited = [text + "（校）" for text in texts(gui_library, second)]
    with gui_library.writing() as session:
        version = session.get_one(Article, second).version
        save_article_text(session, second, edited, author="other", base_version=version)
    bench.settle(qtbot, bench.stack.undo)
    assert _commas(gui_library, first) > 0
    assert texts(gui_library, second) == edited
    assert bench.last() == OpChanges.of(touched, text=True)
    assert len(bench.failures) == 1 and "1 article" in bench.failures[0]
    bench.settle(qtbot, bench.stack.redo)
    assert _commas(gui_library, first) == 0
    assert len(bench.failures) == 1


def test_accepting_every_suggestion_of_a_rule_is_one_background_step(
    qtbot: QtBot, bench: Bench, gui_library: Library
) -> None:
    first, *_ = articles(gui_library)
    before = texts(gui_library, first)
    counts: list[int] = []
    command = AcceptAllCommand(bench.context, "halfwidth_punctuation", "issue", 1, 36, counts.append)
    bench.settle(qtbot, lambda: bench.stack.push(command))
    assert _commas(gui_library, first) == 0 and counts and counts[0] > 0
    assert bench.last().text and first in bench.last().article_ids
    bench.settle(qtbot, bench.stack.undo)
    assert texts(gui_library, first) == before
    assert len(counts) == 1  # told of what was accepted only
    bench.settle(qtbot, bench.stack.redo)
    assert _commas(gui_library, first) == 0 and len(counts) == 2
    assert bench.failures == []


def _decisions(library: Library) -> int:
    with library.session() as session:
        return session.scalar(select(func.count()).select_from(SuggestionDecision)) or 0


def test_one_suggestion_is_accepted_or_rejected_and_undone(bench: Bench, gui_library: Library) -> None:
    first = articles(gui_library)[0]
    with gui_library.session() as session:
        one, two, *_ = article_suggestions(session, first)
    decided: list[int] = []
    bench.stack.push(RejectCommand(bench.context, one, lambda: decided.append(1)))
    assert _decisions(gui_library) == 1
    bench.stack.undo()
    assert _decisions(gui_library) == 0
    bench.stack.redo()
    assert _decisions(gui_library) == 1 and len(decided) == 3
    before = texts(gui_library, first)
    bench.stack.push(AcceptCommand(bench.context, two))
    assert _commas(gui_library, first) == before_commas(before) - 1
    assert bench.last() == OpChanges.of([first], text=True)
    bench.stack.undo()
    assert texts(gui_library, first) == before
    bench.stack.redo()
    assert _commas(gui_library, first) == before_commas(before) - 1
    assert bench.failures == []


def before_commas(lines: list[str]) -> int:
    return sum(text.count(",") for text in lines)


def test_a_revision_restored_and_a_change_reverted_are_undone(bench: Bench, gui_library: Library) -> None:
    from reader.services.tracking.attribution import article_changes
    from reader.services.tracking.revisions import revisions
    from reader.services.tracking.saving import save_article_text

    first = articles(gui_library)[0]
    original = texts(gui_library, first)
    edited = [original[0] + "（校）", *original[1:]]
    with gui_library.writing() as session:
        version = session.get_one(Article, first).version
        save_article_text(session, first, edited, author="ed", base_version=version)
    with gui_library.session() as session:
        baseline = revisions(session, first)[0]  # the OCR text, before the edit
        [change] = article_changes(session, first)
    bench.stack.push(RestoreCommand(bench.context, first, baseline))
    assert texts(gui_library, first) == original
    bench.stack.undo()
    assert texts(gui_library, first) == edited
    bench.stack.redo()
    assert texts(gui_library, first) == original
    bench.stack.undo()
    bench.stack.push(RevertChangeCommand(bench.context, first, change))
    assert texts(gui_library, first) == original
    assert bench.last() == OpChanges.of([first], text=True)
    bench.stack.undo()
    assert texts(gui_library, first) == edited
    assert bench.failures == []


def test_a_step_on_a_changed_block_fails_and_leaves_the_stack(bench: Bench, gui_library: Library) -> None:
    first = articles(gui_library)[0]
    with gui_library.session() as session:
        item = article_suggestions(session, first)[0]
    with gui_library.writing() as session:
        session.get_one(Block, item.block_id).text = "改过了"
    bench.stack.push(AcceptCommand(bench.context, item))
    assert bench.failures and bench.stack.count() == 0 and bench.seen == []


def test_a_region_is_linked_and_unlinked_undoably(bench: Bench, gui_library: Library, tmp_path: Path) -> None:
    from db.scan_models import ScanPage
    from reader.gui.scan_commands import LinkRegionCommand, UnlinkRegionCommand
    from reader.services.page_regions import Box, article_regions
    from reader.services.pages import attach_files
    from tests.scan_support import corpus_lines, save_page

    first = articles(gui_library)[0]
    with gui_library.writing() as session:
        assert not attach_files(session, 1, [save_page(tmp_path / "p1.png", corpus_lines(4))]).failed
    with gui_library.session() as session:
        page_id = session.scalars(select(ScanPage.id)).one()

    def regions() -> list[Box]:
        with gui_library.session() as session:
            return [row.box for row in article_regions(session, first)]

    box = Box(10, 20, 300, 120)
    changed: list[int] = []
    bench.stack.push(LinkRegionCommand(bench.context, page_id, first, None, box, lambda: changed.append(1)))
    assert regions() == [box]
    bench.stack.undo()
    assert regions() == []
    bench.stack.redo()
    assert regions() == [box]
    with gui_library.session() as session:
        [row] = article_regions(session, first)
    bench.stack.push(UnlinkRegionCommand(bench.context, row, lambda: changed.append(1)))
    assert regions() == []
    bench.stack.undo()
    assert regions() == [box]
    assert len(changed) == 5 and bench.failures == []


def test_an_unsure_reading_is_confirmed_and_taken_back(gui_library: Library, tmp_path: Path) -> None:
    from db.ocr_models import OcrLine
    from reader.gui.ocr_review import ConfirmReadingCommand
    from reader.services.suggesting import unsure_suggestions
    from tests.test_ocr_store import stored_issue

    issue_id = stored_issue(gui_library, tmp_path)
    bench = Bench(gui_library)
    try:
        with gui_library.session() as session:
            article_id = session.scalars(select(Article.id).where(Article.issue_id == issue_id)).one()
            [item] = unsure_suggestions(session, issue_id, article_id)

        def unsure() -> int:
            with gui_library.session() as session:
                query = select(func.count()).select_from(OcrLine).where(OcrLine.unsure)
                return session.scalar(query) or 0

        marked = unsure()
        assert marked > 0
        decided: list[int] = []
        bench.stack.push(ConfirmReadingCommand(bench.context, item, lambda: decided.append(1)))
        assert unsure() < marked and _decisions(gui_library) == 1  # the decision "accepted"
        bench.stack.undo()
        assert unsure() == marked and _decisions(gui_library) == 0
        bench.stack.redo()
        assert unsure() < marked and len(decided) == 3 and bench.failures == []
    finally:
        bench.close()


def test_typing_is_one_step_saved_before_it_is_undone(
    qtbot: QtBot, bench: Bench, gui_library: Library
) -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from reader.gui.article_editor import ArticleEditorPane
    from reader.gui.reading_document import ReadingStyle

    first = articles(gui_library)[0]
    original = texts(gui_library, first)
    style = ReadingStyle.from_palette(QApplication.palette(), None, 12.0)
    pane = ArticleEditorPane(bench.context, lambda: style)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=5000):  # read in the background
        assert pane.open_article(first)

    def type_at_end(text: str) -> None:
        cursor = pane.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        pane.editor.setTextCursor(cursor)
        pane.editor.insertPlainText(text)

    type_at_end("校")
    assert bench.stack.count() == 1 and texts(gui_library, first) == original  # pending, not saved yet
    bench.stack.undo()  # saves first, then goes back to the revision before
    assert texts(gui_library, first) == original
    bench.stack.redo()
    typed = texts(gui_library, first)
    assert typed[-1] == original[-1] + "校"
    assert bench.last() == OpChanges.of([first], text=True)
    pane.external_change()  # what the window does when told: the editor shows the text again
    assert pane.editor.texts() == typed
    type_at_end("对")
    assert pane.flush()  # a save completes the second step
    assert bench.stack.count() == 2 and texts(gui_library, first)[-1] == original[-1] + "校对"
    bench.stack.undo()
    assert texts(gui_library, first) == typed
    assert bench.failures == []
    pane.release()
