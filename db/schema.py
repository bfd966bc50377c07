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
