"""Use cases over a SQLAlchemy Session, shared by the GUI and the CLI. Never imports Qt.

Importing this package installs the session hooks that keep the search index
and the content hashes in step with every text edit (``text_sync``).
"""

from reader.services import text_sync as _text_sync  # noqa: F401  (installs the session hooks)
