"""The user's preferences, kept in an INI file through QSettings (typed accessors)."""

from __future__ import annotations

import hashlib
from enum import StrEnum

from PySide6.QtCore import QByteArray, QObject, QSettings

ORGANIZATION = "Jiaokan"
APPLICATION = "Jiaokan"

DEFAULT_FONT_SIZE = 14
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 40
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


class Theme(StrEnum):
    """Which palette the window uses."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def open_settings(parent: QObject | None = None) -> QSettings:
    """The application's settings file (INI format, per user, under the organisation's name)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION, parent)


RECENT_LIBRARIES = 10
"""How many libraries File > Open Library… remembers."""


def default_editor_name() -> str:
    """Who edits are recorded as when no editor name is set: the login name."""
    import getpass

    try:
        return getpass.getuser() or "editor"
    except (KeyError, OSError):
        return "editor"


class AppSettings(QObject):
    """Typed access to the preferences the window remembers between sessions."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = open_settings(self)
        self.account_name = ""  # the open library's account (a PostgreSQL role), set when it opens

    def _int(self, key: str, default: int) -> int:
        value = self._store.value(key, default, type=int)
        return value if isinstance(value, int) else default

    def _str(self, key: str, default: str) -> str:
        value = self._store.value(key, default, type=str)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key, QByteArray(), type=QByteArray)
        return value if isinstance(value, QByteArray) else QByteArray()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()

    # reading
    @property
    def font_size(self) -> int:
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, self._int("reading/font_size", DEFAULT_FONT_SIZE)))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._store.setValue("reading/font_size", max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size)))

    @property
    def script(self) -> str:
        return self._str("reading/script", "original")

    @script.setter
    def script(self, value: str) -> None:
        self._store.setValue("reading/script", value)

    @property
    def traditional_script(self) -> str:
        """The traditional script chosen last (Next Script steps to it); Taiwan's standard at first."""
        return self._str("reading/traditional_script", "tw")

    @traditional_script.setter
    def traditional_script(self, value: str) -> None:
        self._store.setValue("reading/traditional_script", value)

    def last_article(self, library: str) -> int | None:
        """The article last read in ``library`` (its URL): each library remembers its own."""
        return self._int(_library_key("reading/last_article", library), 0) or None

    def set_last_article(self, library: str, article_id: int | None) -> None:
        self._store.setValue(_library_key("reading/last_article", library), article_id or 0)

    # interface
    @property
    def theme(self) -> Theme:
        value = self._str("ui/theme", Theme.SYSTEM.value)
        return Theme(value) if value in Theme._value2member_map_ else Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._store.setValue("ui/theme", theme.value)

    @property
    def language(self) -> str:
        value = self._str("ui/language", DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    # editing
    @property
    def editor_name(self) -> str:
        """Who edits are recorded as: the preferences' name, else the account, else the login name."""
        return self._str("editing/editor_name", "").strip() or self.account_name or default_editor_name()

    @editor_name.setter
    def editor_name(self, name: str) -> None:
        self._store.setValue("editing/editor_name", name.strip())

    # window
    @property
    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    # libraries
    @property
    def recent_libraries(self) -> list[str]:
        """Libraries opened with File > Open Library…, newest first (files and server URLs, no passwords)."""
        value = self._store.value("library/recent", [], type=list)
        return [str(v) for v in value] if isinstance(value, list) else []

    def remember_library(self, location: str) -> None:
        """Put a library first in the recent list (a URL's password is never stored)."""
        from sqlalchemy.engine import URL, make_url

        if "://" in location:
            u = make_url(location)
            url = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
            location = url.render_as_string(hide_password=False)
        kept = [location, *(r for r in self.recent_libraries if r != location)][:RECENT_LIBRARIES]
        self._store.setValue("library/recent", kept)


def _library_key(key: str, library: str) -> str:
    """A settings key of one library (its URL hashed: a URL's slashes would make groups)."""
    return f"{key}/{hashlib.sha1(library.encode('utf-8')).hexdigest()[:16]}"
