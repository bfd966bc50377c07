"""A library on a read-only medium opens read-only: banner, import disabled, reading works, nothing written.

As in tests/test_read_only.py the medium is real: as root, a read-only bind
mount in a private mount namespace (``unshare -m``); as an ordinary user, a
folder and file without write permission.  The window runs in a subprocess
that sees the folder read-only, and reports what it showed as JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_ISSUE
from tests.safety_support import make_library

pytestmark = pytest.mark.gui

PROBE = r"""
import json, sys
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

QSettings.setDefaultFormat(QSettings.Format.IniFormat)
for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
    QSettings.setPath(QSettings.Format.IniFormat, scope, sys.argv[2])
app = QApplication([])
from reader.gui.main_window import MainWindow

window = MainWindow(sys.argv[1])
changes = []
window.read_only_changed.connect(changes.append)
window.show()
loop = QEventLoop()
window.library_loaded.connect(loop.quit)
QTimer.singleShot(60_000, loop.quit)
window.open_library()
loop.exec()
a = window.actions_
page = window.welcome_page
shown = QEventLoop()
window.navigator.article_shown.connect(lambda _article_id: shown.quit())
QTimer.singleShot(60_000, shown.quit)
opened = window.navigator.open_article(1, 1)
shown.exec()  # read in the background
out = {
    "loaded": window.library is not None,
    "read_only": window.read_only,
    "changes": changes,
    "banner_visible": window.safety.banner.isVisible(),
    "banner_text": window.safety.banner.label.text(),
    "banner_tooltip": window.safety.banner.label.toolTip(),
    "actions_enabled": [a.import_files.isEnabled(), a.import_folder.isEnabled(), a.open_sample.isEnabled()],
    "buttons_enabled": [b.isEnabled() for b in (page.import_files_button, page.import_folder_button)],
    "export_enabled": a.export.isEnabled(),
    "issues": window.library_model.issue_count(),
    "article_opened": opened,
    "text": window.reading_view.toPlainText(),
    "import_refused": window.import_paths([__import__("pathlib").Path(sys.argv[3])]) is None,
    "status": window.statusBar().currentMessage(),
    "backup_started": window.safety.backup_task is not None,
}
window.runner.wait()
app.processEvents()
window.close()
print("RESULT " + json.dumps(out, ensure_ascii=False))
"""


def _read_only_mode() -> str | None:
    if os.geteuid() != 0:
        return "chmod"
    if shutil.which("unshare") and shutil.which("mount"):
        probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return "mount"
    return None


def _window_on_read_only_medium(folder: Path, library: Path, settings: Path) -> dict[str, object]:
    """Run the window in a subprocess that sees ``folder`` as a read-only medium."""
    mode = _read_only_mode()
    if mode is None:
        pytest.skip("needs a read-only medium: not root-with-unshare, and chmod does not bind root")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    command = [sys.executable, "-c", PROBE, str(library), str(settings), str(SAMPLE_ISSUE)]
    if mode == "mount":
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", str(folder), *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, check=False)
        if result.returncode != 0 and result.stderr.startswith("mount:"):
            pytest.skip(f"cannot make a read-only bind mount here: {result.stderr.strip()}")
    else:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, check=False)
        finally:
            for path, old in modes.items():
                path.chmod(old)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr
    return dict(json.loads(lines[-1].removeprefix("RESULT ")))


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_read_only_library_opens_with_the_banner_and_import_disabled(tmp_path: Path) -> None:
    folder = tmp_path / "medium"
    folder.mkdir()
    lib = folder / "lib.sqlite3"
    make_library(lib)
    before = _snapshot(folder)
    settings = tmp_path / "settings"
    settings.mkdir()

    out = _window_on_read_only_medium(folder, lib, settings)
    assert out["loaded"] is True and out["read_only"] is True
    assert out["changes"] == [True]  # read_only_changed told the other features
    assert out["banner_visible"] is True
    banner = str(out["banner_text"])
    assert banner.startswith("This library is read-only:") and "editing" in banner and "disabled" in banner
    assert "read-only" in str(out["banner_tooltip"])
    assert out["actions_enabled"] == [False, False, False]
    assert out["buttons_enabled"] == [False, False]
    assert out["export_enabled"] is True  # reading and exporting still work
    assert out["issues"] == 1 and out["article_opened"] is True
    assert "第0篇第0段。" in str(out["text"])
    assert out["import_refused"] is True and "read-only" in str(out["status"])
    assert out["backup_started"] is False  # no backup beside a library on a read-only medium
    assert _snapshot(folder) == before  # nothing written: no -wal, -shm or backup folder
