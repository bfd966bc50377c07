"""Restoring a backup is a step on the undo stack: undo restores the library as it was, redo the backup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.backup import KEEP_LAST, backup_before
from db.engine import Library
from db.models import Issue
from reader.gui.commands.operation import OperationCommand
from reader.gui.commands.restore import RESTORED, RestoreCommand, push_restore
from reader.services.operations import delete_issues_operation
from tests.gui.builders import add_issue
from tests.gui.command_support import Bench, FileRestorer

pytestmark = pytest.mark.gui


def _issue_sources(library: Library | None) -> list[str]:
    assert library is not None
    with library.session() as session:
        return list(session.scalars(select(Issue.source_name).order_by(Issue.id)))


@pytest.fixture
def restorer(bench: Bench) -> Iterator[FileRestorer]:
    made = FileRestorer(bench)
    yield made
    made.close()


def _restored_once(bench: Bench, restorer: FileRestorer, tmp_path: Path) -> tuple[Path, Path]:
    """The sample backed up, a second issue added, then the backup restored (as the Backups dialog does)."""
    library = bench.runner.library
    assert library is not None and restorer.path is not None
    chosen = backup_before(restorer.path, "manual").path
    add_issue(library, "second.txt", [("巡河日记", "正文", "new")])
    assert _issue_sources(library) == ["sample_issue.txt", "second.txt"]
    done = restorer.restore_backup(chosen)
    assert done is not None and not isinstance(done, bool)
    pre_restore = done.pre_restore  # type: ignore[attr-defined]
    assert pre_restore is not None
    return chosen, pre_restore.path


def test_a_restore_is_one_step_undone_and_redone_on_a_bare_stack(
    qtbot: QtBot, bench: Bench, restorer: FileRestorer, tmp_path: Path
) -> None:
    library = bench.runner.library
    assert library is not None
    second = add_issue(library, "doomed.txt", [("删掉的", "正文", "new")])
    bench.stack.push(OperationCommand(bench.context, "Delete Issue", delete_issues_operation([second])))
    assert bench.stack.count() == 1 and not bench.failures
    chosen, pre_restore = _restored_once(bench, restorer, tmp_path)

    command = push_restore(bench.context, restorer, chosen, pre_restore, "12:00")
    assert bench.stack.count() == 1  # the delete named the library as it was: it cannot be undone now
    assert bench.stack.command(0) is command and command.text() == "Restore Backup “12:00”"
    assert bench.seen[-1] == (RESTORED, command)
    assert _issue_sources(bench.runner.library) == ["sample_issue.txt"]  # the push restores nothing more

    bench.stack.undo()  # the library as it was before the restore
    assert _issue_sources(bench.runner.library) == ["sample_issue.txt", "second.txt"]
    assert bench.seen[-1] == (RESTORED, command)
    assert [source for _, source in bench.seen].count(command) == 2  # the push, the undo
    assert not bench.context.busy
    bench.stack.redo()  # the chosen backup again
    assert _issue_sources(bench.runner.library) == ["sample_issue.txt"]
    bench.stack.undo()
    assert _issue_sources(bench.runner.library) == ["sample_issue.txt", "second.txt"]
    # each step backs the library up first ("pre-restore"): its own rotation spares the two it goes between
    for _ in range(KEEP_LAST // 2 + 1):
        bench.stack.redo()
        bench.stack.undo()
    assert _issue_sources(bench.runner.library) == ["sample_issue.txt", "second.txt"]
    assert bench.failures == [] and bench.stack.count() == 1
    assert chosen.exists() and pre_restore.exists()


def test_a_restore_that_fails_leaves_the_library_and_the_stack(
    qtbot: QtBot, bench: Bench, restorer: FileRestorer, tmp_path: Path
) -> None:
    chosen, pre_restore = _restored_once(bench, restorer, tmp_path)
    command = push_restore(bench.context, restorer, chosen, pre_restore, "12:00")
    pre_restore.write_bytes(b"not a library")  # the backup to go back to was damaged meanwhile
    bench.stack.undo()
    assert len(bench.failures) == 1 and bench.failures[0].startswith("Restore Backup “12:00”: ")
    assert _issue_sources(bench.runner.library) == ["sample_issue.txt"]  # left as it was, and open
    assert bench.stack.count() == 0  # the step left the stack
    assert not bench.context.busy
    del command


def test_unsaved_typing_that_cannot_be_saved_stops_the_restore(
    qtbot: QtBot, bench: Bench, restorer: FileRestorer, tmp_path: Path
) -> None:
    chosen, pre_restore = _restored_once(bench, restorer, tmp_path)
    command = push_restore(bench.context, restorer, chosen, pre_restore, "12:00")
    assert isinstance(command, RestoreCommand)
    bench.context.add_flusher(lambda _inside_step: False)  # an editor whose text cannot be saved
    bench.stack.undo()
    assert bench.failures and "could not be saved" in bench.failures[0]
    assert _issue_sources(bench.runner.library) == ["sample_issue.txt"]
