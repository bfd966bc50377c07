"""A team library whose server asks for a password: the command line says where the password goes.

The role used here must give a password (SCRAM) on the test server; no
``PGPASSWORD`` and no ``~/.pgpass`` are visible to the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from db.server_auth import (
    forget_for_session,
    is_auth_failure,
    needs_password,
    remember_for_session,
    session_password,
    without_password,
)
from reader.cli import main
from tests.pg_server import PostgresServer, password_role

pytestmark = pytest.mark.postgres

SECRET = "hunter2-校对"


def _with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


@pytest.fixture
def locked_url(
    postgres_server: PostgresServer, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    return password_role(postgres_server, postgres_url, "jk_editor", SECRET)


def test_the_cli_says_where_the_password_goes(locked_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", locked_url]) == 1
    err = capsys.readouterr().err
    assert "refused the login of jk_editor" in err and "PGPASSWORD" in err and "~/.pgpass" in err
    assert "Traceback" not in err


def test_the_cli_reads_pgpassword_and_pgpass(
    locked_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PGPASSWORD", SECRET)
    assert main(["list", "--db", locked_url]) == 0
    monkeypatch.delenv("PGPASSWORD")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:jk_editor:{SECRET}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert main(["list", "--db", locked_url]) == 0
    pgpass.write_text("*:*:*:jk_editor:wrong\n")
    assert main(["list", "--db", locked_url]) == 1
    assert "refused the login" in capsys.readouterr().err


def test_a_password_given_for_the_session_opens_the_library_and_is_never_in_the_url(locked_url: str) -> None:
    from db.opening import open_library

    with pytest.raises(Exception) as refused:
        open_library(locked_url)
    assert needs_password(locked_url, refused.value) and is_auth_failure(refused.value)
    assert not needs_password(_with_password(locked_url, "x"), refused.value)  # it had one: wrong
    remember_for_session(locked_url, SECRET)
    try:
        library = open_library(locked_url)
        try:
            assert SECRET not in str(library.engine.url) and session_password(locked_url) == SECRET
        finally:
            library.close()
    finally:
        forget_for_session(locked_url)
    assert session_password(locked_url) is None
    assert without_password(_with_password(locked_url, SECRET)) == locked_url
