"""A throw-away PostgreSQL server for the tests and the team benchmark.

``initdb`` into a temporary folder, ``pg_ctl start`` on a free port with the
Unix socket in that folder, ``pg_ctl stop`` at the end.  When this process
runs as root the server runs as the ``postgres`` user (``runuser``), which
must be able to write the folder.  :func:`find_binaries` says why the server
cannot be started (no binaries), so tests can skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_SEARCH = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15", "14", "13")]


def find_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when PostgreSQL is not installed."""
    for folder in _SEARCH:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    """A running server: its folder, port and socket folder; :meth:`stop` ends it."""

    bindir: Path
    root: Path
    port: int
    user: str
    _as_postgres: bool

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server, over the Unix socket."""
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.root}&port={self.port}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def createdb(self, name: str) -> str:
        """Create an empty database and return its URL."""
        self._run("createdb", "-h", str(self.root), "-p", str(self.port), "-U", self.user, name)
        return self.url(name)

    def dropdb(self, name: str) -> None:
        self._run("dropdb", "-h", str(self.root), "-p", str(self.port), "-U", self.user, "--force", name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PostgresServer:
    """Initialise and start a server in a new temporary folder (raises RuntimeError when it cannot)."""
    bindir = find_binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="jiaokan-pg-"))
    user = "postgres" if as_postgres else os.environ.get("USER", "postgres")
    if as_postgres:
        shutil.chown(root, "postgres")
        root.chmod(0o700)
    server = PostgresServer(bindir, root, _free_port(), user, as_postgres)
    try:
        server._run("initdb", "-D", str(server.data), "-U", user, "-A", "trust", "-E", "UTF8", "--no-locale")
        options = (
            f"-p {server.port} -k {root} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        log = str(root / "server.log")
        server._run("pg_ctl", "-D", str(server.data), "-l", log, "-o", options, "-w", "-t", "60", "start")
    except (subprocess.SubprocessError, OSError) as error:
        detail = getattr(error, "stderr", "") or ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {error} {detail}".strip()) from error
    return server


def password_role(server: PostgresServer, database_url: str, role: str, password: str) -> str:
    """A superuser ``role`` that must give ``password`` (SCRAM) over the socket; its URL for the database.

    Its line goes first in ``pg_hba.conf`` (the server trusts everyone else), and
    the server reloads its configuration.
    """
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    hba = server.data / "pg_hba.conf"
    line = f"local all {role} scram-sha-256\n"
    text = hba.read_text()
    if line not in text:
        hba.write_text(line + text)
    admin = sa.create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
            verb = "ALTER" if exists else "CREATE"
            conn.exec_driver_sql(f"{verb} ROLE {role} LOGIN SUPERUSER PASSWORD '{password}'")
            conn.exec_driver_sql("SELECT pg_reload_conf()")
    finally:
        admin.dispose()
    url = make_url(database_url).set(username=role)
    probe = sa.create_engine(url, connect_args={"password": ""})
    try:  # the reload is asynchronous: wait until the server asks the role for its password
        for _ in range(100):
            try:
                probe.connect().close()
            except sa.exc.OperationalError:
                break
            time.sleep(0.05)
    finally:
        probe.dispose()
    return url.render_as_string(hide_password=False)
