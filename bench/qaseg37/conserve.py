"""qaseg37: is every non-blank character of each issue in exactly one place after segmentation?

bench/qaseg25/conserve.py, run on this folder.

Usage: python bench/qaseg37/conserve.py [--min] [NAME_PART ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "qaseg25"))

import conserve as qaseg25_conserve  # noqa: E402  (bench/qaseg25/conserve.py)

if __name__ == "__main__":
    qaseg25_conserve.main(HERE)
