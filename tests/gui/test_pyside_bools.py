"""The guard against shiboken's lost references also covers True: every Signal.emit() drops one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]


def test_a_long_session_of_signal_emits_does_not_exhaust_true(tmp_path: Path) -> None:
    """An editor emitting on every keystroke would otherwise abort with bool_dealloc within a day."""
    code = """
        import reader.gui  # installs the guard when the bug is present
        from PySide6.QtCore import QObject, Signal

        class Probe(QObject):
            signal = Signal()

        probe = Probe()
        for _ in range(300_000):
            probe.signal.emit()
        print("DONE")
        """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "DONE" in done.stdout and "bool_dealloc" not in done.stderr
