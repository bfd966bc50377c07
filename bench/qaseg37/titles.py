"""qaseg37: how many expected titles does the app give its articles, exactly (blanks ignored)?

bench/qaseg25/titles.py, run on this folder.

Usage: python bench/qaseg37/titles.py [NAME_PART ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "qaseg25"))

import titles as qaseg25_titles  # noqa: E402  (bench/qaseg25/titles.py)

if __name__ == "__main__":
    qaseg25_titles.main(HERE)
