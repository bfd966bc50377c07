"""The complete metadata: importing this module imports every model module."""

from __future__ import annotations

import importlib
import pkgutil

import db
from db.models import Base

# Every ``db/*_models.py`` module (one per feature area) registers its tables on Base.
for _info in pkgutil.iter_modules(db.__path__):
    if _info.name.endswith("_models"):
        importlib.import_module(f"db.{_info.name}")

metadata = Base.metadata

# Tables the migrations create with raw SQL (FTS5 virtual tables and their shadows)
# and that no model describes; autogenerate and the schema test skip them.
UNMODELLED_PREFIXES = ("article_search",)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: leave the unmodelled search tables alone."""
    return not (type_ == "table" and name is not None and name.startswith(UNMODELLED_PREFIXES))
