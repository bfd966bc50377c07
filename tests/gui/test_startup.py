"""Start-up: nothing heavy before the first paint; the guard against shiboken's None bug."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        JIAOKAN_DATA_DIR=str(tmp_path / "data"),
        JIAOKAN_CACHE_DIR=str(tmp_path / "cache"),
        PYTHONPATH=str(REPO),
    )
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )


def test_the_window_is_shown_before_the_database_text_tools_are_imported(tmp_path: Path) -> None:
    done = _run(
        f"""
        import sys
        from PySide6.QtCore import QSettings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
        from reader.gui.app import application, build_window
        app = application()
        window = build_window({str(tmp_path / "lib.sqlite3")!r}, "en", False)
        window.show()
        app.processEvents()
        heavy = [m for m in ("sqlalchemy", "alembic", "jieba", "opencc", "db.engine") if m in sys.modules]
        print("HEAVY", heavy)
        window.close()
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


def test_a_long_session_of_qt_calls_does_not_exhaust_none(tmp_path: Path) -> None:
    """shiboken 6.12 on Python 3.11 drops a reference to None on every void call."""
    done = _run(
        """
        import sys
        import reader.gui  # installs the guard when the bug is present
        from reader.gui.pyside_compat import leaks_none
        from PySide6.QtCore import QObject
        probe = QObject()
        for _ in range(200_000):
            probe.setObjectName("x")
        print("LEAKS", leaks_none())
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "none_dealloc" not in done.stderr


@pytest.mark.parametrize("lang, name", [("zh_CN", "校勘"), ("en", "Jiaokan 校勘")])
def test_the_window_system_names_the_application_once(tmp_path: Path, lang: str, name: str) -> None:
    """qa25: in Chinese the title bar read "社区新闻 — 校勘 — Jiaokan 校勘": Qt appends the application's
    display name (untranslated) to a title that does not end with it, and the title ended with 校勘."""
    done = _run(
        f"""
        from PySide6.QtCore import QSettings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
        from reader.gui.app import application, build_window
        app = application()
        window = build_window({str(tmp_path / "lib.sqlite3")!r}, {lang!r}, False)
        print("NAME", app.applicationDisplayName())
        print("TITLE", window.windowTitle())
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert f"NAME {name}\n" in done.stdout, done.stdout
    title = done.stdout.split("TITLE ", 1)[1].strip()
    assert title.endswith(name), title  # so Qt adds nothing (QPlatformWindow::formatWindowTitle)
