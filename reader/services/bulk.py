"""A verified backup before any bulk change: the services call it, so every caller gets it.

Bulk changes (the safe fixes, accept-all, batch replace, tag merges, JSON
import with ``replace``) back up the library's committed state first, once per
transaction, with SQLite's online backup API (``pg_dump`` for a team library
on PostgreSQL).  In-memory libraries have nothing to back up.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

_DONE = "bulk_backup_transaction"


def backup_before_bulk(session: Session) -> None:
    """Back up the library behind ``session`` (reason ``pre-bulk``), unless this transaction did already."""
    from db.backup import backup_before
    from db.dialect import is_postgres_url
    from db.safety import library_path
    from reader.core.paths import legacy_backup_folder

    transaction = session.get_transaction()
    if transaction is not None and session.info.get(_DONE) is transaction:
        return
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    url = engine.url.render_as_string(hide_password=False)
    path = library_path(url)
    if path is not None:
        backup_before(path, "pre-bulk", legacy_backup_folder(path))
    elif is_postgres_url(url):  # a team library: a pg_dump (BackupError, saying why, when it cannot)
        from db.pg_backup import backup_before as dump_before

        dump_before(url, "pre-bulk")
    session.info[_DONE] = transaction
