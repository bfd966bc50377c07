"""A verified backup before any bulk change: the services call it, so every caller gets it.

Bulk changes (the safe fixes, accept-all, batch replace, tag merges, JSON
import with ``replace``) back up the library's committed state first, once per
transaction, with SQLite's online backup API.  In-memory libraries have
nothing to back up.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

_DONE = "bulk_backup_transaction"


def backup_before_bulk(session: Session) -> None:
    """Back up the library behind ``session`` (reason ``pre-bulk``), unless this transaction did already."""
    from db.backup import backup_before
    from db.safety import library_path
    from reader.core.paths import legacy_backup_folder

    transaction = session.get_transaction()
    if transaction is not None and session.info.get(_DONE) is transaction:
        return
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    path = library_path(engine.url.render_as_string(hide_password=False))
    if path is not None:
        backup_before(path, "pre-bulk", legacy_backup_folder(path))
    session.info[_DONE] = transaction
