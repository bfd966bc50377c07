"""The article editor's saving states (reader.gui.autosave_session), without Qt or a window."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reader.gui.autosave_session import AutosaveSession, EditorState
from reader.services.recovery import RecoveryFile


def _file(path: Path) -> RecoveryFile:
    return RecoveryFile(path, 7, 3, {1: "我的"}, "ed", datetime.now(UTC), None, "test")


def _opened() -> AutosaveSession:
    session = AutosaveSession()
    assert session.state is EditorState.CLOSED and not session.dirty
    session.opened(3)
    return session


def test_typing_makes_it_dirty_and_a_save_clean_again() -> None:
    session = _opened()
    assert session.state is EditorState.CLEAN and session.base_version == 3
    session.edited()
    assert session.state is EditorState.DIRTY and session.dirty
    session.saved(4)
    assert session.state is EditorState.CLEAN and not session.dirty and session.base_version == 4
    session.closed()
    assert session.state is EditorState.CLOSED and not session.dirty


def test_a_failing_save_stays_dirty_is_reported_once_and_typing_does_not_reset_it(tmp_path: Path) -> None:
    session = _opened()
    session.edited()
    kept = _file(tmp_path / "a.json")
    assert session.failed(kept)  # the first failure is told
    assert session.state is EditorState.FAILING and session.dirty and session.kept
    session.edited()
    assert session.state is EditorState.FAILING and not session.kept  # newer text, not in the file yet
    newer = _file(tmp_path / "b.json")
    assert not session.failed(newer)  # failing again: not told again
    assert session.recoveries == [newer]
    assert session.take_recoveries() == [newer] and session.recoveries == [] and not session.kept
    session.saved(4)
    assert session.state is EditorState.CLEAN
    session.edited()
    assert session.failed(None)  # a new run of failures is told again
    assert not session.kept
    session.not_kept()
    assert session.state is EditorState.FAILING and session.dirty


def test_a_conflict_asks_and_nothing_is_saved_until_answered(tmp_path: Path) -> None:
    session = _opened()
    session.edited()
    session.conflicted(kept=True, asking=True)
    assert session.state is EditorState.CONFLICT and session.asking and session.dirty and session.kept
    session.answered()
    assert session.state is EditorState.DIRTY and not session.asking
    session.answered()  # a second answer changes nothing
    assert session.state is EditorState.DIRTY


def test_merging_by_hand_goes_on_from_the_newer_version(tmp_path: Path) -> None:
    session = _opened()
    session.edited()
    session.conflicted(kept=True, asking=True)
    session.answered()
    kept = _file(tmp_path / "mine.json")
    session.merging(5, kept)
    assert session.state is EditorState.DIRTY and session.base_version == 5
    assert session.kept and session.recoveries == [kept]
    session.saved(6)
    assert session.state is EditorState.CLEAN


def test_a_conflict_met_while_closing_does_not_ask() -> None:
    session = _opened()
    session.edited()
    session.conflicted(kept=True, asking=False)
    assert session.state is EditorState.DIRTY and session.kept and not session.asking


def test_taking_the_newer_text_reads_the_article_again() -> None:
    session = _opened()
    session.edited()
    session.conflicted(kept=False, asking=True)
    session.answered()
    session.opened(5)
    assert session.state is EditorState.CLEAN and session.base_version == 5 and not session.kept
