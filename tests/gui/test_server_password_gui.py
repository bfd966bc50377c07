"""A team library's server asks for a password: the window asks for it, and keeps it in memory only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from db.server_auth import forget_for_session
from reader.gui.main_window import MainWindow
from reader.gui.settings import open_settings
from tests.pg_server import PostgresServer, password_role

pytestmark = [pytest.mark.gui, pytest.mark.postgres]

SECRET = "s3cret-校对"


def _asking(window: MainWindow) -> QInputDialog | None:
    shown = [d for d in window.findChildren(QInputDialog, "serverPasswordDialog") if d.isVisible()]
    return shown[0] if shown else None


def test_a_refused_login_asks_for_the_password_and_never_stores_it(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    url = password_role(postgres_server, postgres_url, "jk_window", SECRET)
    window = MainWindow(url)
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_library()
        qtbot.waitUntil(lambda: _asking(window) is not None, timeout=20_000)
        dialog = _asking(window)
        assert dialog is not None and "jk_window" in dialog.labelText()
        dialog.setTextValue("wrong")
        dialog.accept()
        qtbot.waitUntil(
            lambda: (d := _asking(window)) is not None and "refused" in d.labelText(), timeout=20_000
        )
        dialog = _asking(window)
        assert dialog is not None
        dialog.setTextValue(SECRET)
        with qtbot.waitSignal(window.library_loaded, timeout=20_000):
            dialog.accept()
        assert window.library is not None and window.library_path == url
        window.settings.remember_library(url)
        window.settings.sync()
        store = open_settings()  # the settings file as any reader of it sees it
        assert all(SECRET not in repr(store.value(key)) for key in store.allKeys())
        assert SECRET not in Path(store.fileName()).read_text(encoding="utf-8", errors="replace")
    finally:
        forget_for_session(url)
        window.close()


def test_cancelling_the_password_says_the_library_is_not_open(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    window = MainWindow(password_role(postgres_server, postgres_url, "jk_window", SECRET))
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_library()
        qtbot.waitUntil(lambda: _asking(window) is not None, timeout=20_000)
        dialog = _asking(window)
        assert dialog is not None
        dialog.reject()
        assert window.library is None
        assert "no password was given" in window.reading_view.toPlainText()
    finally:
        window.close()


def test_a_url_typed_with_its_password_opens_and_is_kept_without_it(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy.engine import make_url

    from reader.gui.open_library_dialog import open_in_new_window

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    url = password_role(postgres_server, postgres_url, "jk_window", SECRET)
    typed = make_url(url).set(password=SECRET).render_as_string(hide_password=False)
    window = MainWindow(url)
    qtbot.addWidget(window)
    other = open_in_new_window(window.workbench, typed)  # deletes itself when closed
    try:
        qtbot.waitUntil(lambda: other.library is not None, timeout=20_000)
        assert other.library_path == url and _asking(other) is None
        assert window.settings.recent_libraries[0] == url
    finally:
        forget_for_session(url)
        other.close()
        window.close()


def test_the_password_prompt_speaks_chinese(
    qtbot: QtBot,
    chinese: None,
    postgres_server: PostgresServer,
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    window = MainWindow(password_role(postgres_server, postgres_url, "jk_window", SECRET))
    qtbot.addWidget(window)
    try:
        window.open_library()
        qtbot.waitUntil(lambda: _asking(window) is not None, timeout=20_000)
        dialog = _asking(window)
        assert dialog is not None and dialog.windowTitle() == "团队文库的密码"
        assert dialog.labelText().startswith("服务器要求 jk_window 访问文库")
        dialog.reject()
    finally:
        window.close()
