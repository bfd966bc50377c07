"""qaseg28: how many expected titles does the app give its articles, exactly (blanks ignored)?

bench/qaseg25/titles.py, run on this folder.

Usage: python bench/qaseg28/titles.py [NAME_PART ...]
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("qaseg25_titles", HERE.parent / "qaseg25" / "titles.py")
assert _SPEC is not None and _SPEC.loader is not None
_TOOL = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_TOOL)

if __name__ == "__main__":
    _TOOL.main(HERE)
