"""Use cases over a SQLAlchemy Session, shared by the GUI and the CLI. Never imports Qt.

Importing this package installs the session hooks that keep the search index in
step with every text edit (``reader.services.searching``).
"""

from reader.services import searching as _searching  # noqa: F401  (installs the index hooks)
