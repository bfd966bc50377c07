"""qaseg37: are the 14 blind issue layouts cut into the expected articles?

The checker of bench/qaseg24 (see its docstring: an issue is RIGHT when the app has as many articles as
expected, each expected article's first and last characters fall in one app article, in order, no two
sharing one), run on this folder's issues/ and expected/ (or min/ with --min).

Usage: python bench/qaseg37/check.py [-v] [-d] [--min] [NAME_PART ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "qaseg24"))

import check as qaseg24_check  # noqa: E402  (bench/qaseg24/check.py)

if __name__ == "__main__":
    raise SystemExit(qaseg24_check.main(HERE))
