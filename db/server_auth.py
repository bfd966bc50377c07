"""Passwords for a team library: when a server refuses a URL without one, and what to do then.

A library URL is stored and shown without its password (recent libraries,
settings, messages).  libpq finds the password itself in ``PGPASSWORD`` or in
``~/.pgpass``; when neither holds it the server refuses the connection, and
:func:`needs_password` tells the window to ask for it (kept in memory for the
session only, :func:`remember_for_session`) and the command line to say where it
belongs (:func:`password_hint`).
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

from db.dialect import is_postgres_url

_session_passwords: dict[str, str] = {}

AUTH_SQLSTATES = frozenset({"28P01", "28000"})
"""invalid_password, invalid_authorization_specification."""

_AUTH_MESSAGES = ("password authentication failed", "no password supplied", "password is required")


def is_auth_failure(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) is the server refusing the login."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) in AUTH_SQLSTATES:
            return True
        if any(text in str(current) for text in _AUTH_MESSAGES):
            return True
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return False


def has_password(url: str) -> bool:
    """True when a PostgreSQL URL carries its password."""
    return make_url(url).password is not None


def needs_password(location: str, error: BaseException) -> bool:
    """True when a server URL without a password was refused for authentication: ask for one."""
    return is_postgres_url(location) and not has_password(location) and is_auth_failure(error)


def remember_for_session(location: str, password: str) -> None:
    """Use ``password`` for this server URL until the program ends (in memory only, never stored)."""
    _session_passwords[without_password(location)] = password


def forget_for_session(location: str) -> None:
    """Stop using a password given for this URL (the server refused it)."""
    _session_passwords.pop(without_password(location), None)


def session_password(location: str) -> str | None:
    """The password given for this URL in this session: the URL's own, else one typed in the window."""
    if not is_postgres_url(location):
        return None
    own = make_url(location).password
    return str(own) if own is not None else _session_passwords.get(without_password(location))


def without_password(location: str) -> str:
    """The URL as shown and stored: its password, if any, left out."""
    if not is_postgres_url(location):
        return location
    u = make_url(location)
    return URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query).render_as_string(
        hide_password=False
    )


def password_hint(location: str) -> str:
    """The command line's message for a refused login: where the password goes."""
    url = make_url(location)
    host = url.host or url.query.get("host") or "localhost"
    port = url.port or url.query.get("port") or 5432
    return (
        f"{without_password(location)}: the server refused the login of {url.username or 'this user'} "
        f"(wrong or missing password). The password is read from PGPASSWORD or from ~/.pgpass (a line "
        f"{host}:{port}:{url.database}:{url.username or '*'}:PASSWORD, the file readable by you only); "
        "a password in the URL works too but stays in the shell history"
    )
