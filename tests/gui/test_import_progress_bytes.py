"""The import's progress bar weighs files by their bytes, not by their count (qa22 finding 2).

A folder of ten files, one of them a hundred times the others: the real
import task on real files, the bar read on every progress report.  Where the
big file comes first, the bar used to say 7 % at three quarters of it and
then jump; now at every report it shows the share of the bytes done.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reader.core import preparing
from reader.gui.main_window import MainWindow
from reader.services.importing import Outcome

pytestmark = pytest.mark.gui


def _folder(folder: Path, sample: Path, big_at: int) -> list[int]:
    """Ten issue files, the one at ``big_at`` about 70 times the size of the others; their sizes."""
    text = sample.read_text(encoding="utf-8")
    folder.mkdir()
    sizes = []
    for n in range(10):
        body = "\n\n".join(f"{text}\n本期编号 {n}-{k} 号。" for k in range(200 if n == big_at else 3))
        path = folder / f"issue_{n:02d}.txt"
        path.write_bytes(body.encode("utf-8"))
        sizes.append(path.stat().st_size)
    return sizes


@pytest.mark.parametrize("big_at", [0, 4, 9], ids=["big first", "big in the middle", "big last"])
def test_the_bar_weighs_files_by_their_bytes(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    sample_issue: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    big_at: int,
) -> None:
    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", 64 * 1024)  # the big file is streamed in, as 30 MB is
    sizes = _folder(tmp_path / "folder", sample_issue, big_at)
    window = open_window()
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    seen: list[tuple[float, float, str]] = []  # (bar's share, share of the bytes done, label)

    def watch(_done: int, _total: int, _name: str) -> None:
        """The bar against the bytes of the files before the one the label names, and its part done."""
        dialog = window.import_flow.progress_dialog
        if dialog is None:  # the last report, after the import closed it
            return
        label = dialog.labelText()
        found = re.match(r"Importing file (\d+) of 10:\n\S+(?:\n(\d+)% of this file)?$", label)
        assert found is not None, label
        index, percent = int(found[1]) - 1, int(found[2] or 0)
        bytes_done = sum(sizes[:index]) + sizes[index] * percent / 100
        seen.append((dialog.value() / dialog.maximum(), bytes_done / sum(sizes), label))

    with qtbot.waitSignal(window.import_flow.finished, timeout=120_000) as blocker:
        task = window.import_paths([tmp_path / "folder"])
        assert task is not None
        task.signals.progress.connect(watch)
    timer.stop()
    assert blocker.args is not None
    assert [r.outcome for r in blocker.args[0].results] == [Outcome.IMPORTED] * 10
    assert ticks, "the event loop was blocked during the import"
    assert any("% of this file" in label for _bar, _share, label in seen)  # the big file moved the bar
    for bar, share, _label in seen:
        assert abs(bar - share) < 0.02, "\n".join(map(repr, [*seen, sizes]))
    bars = [bar for bar, _share, _label in seen]
    assert bars == sorted(bars)
