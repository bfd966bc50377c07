"""Build qaseg37's issue files and expected answers from the annotated sources in src/ (and min/src/).

The builder of bench/qaseg24 (its docstring describes the markers and options), run on this folder.
Run: python bench/qaseg37/build.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "qaseg24"))

import build as qaseg24_build  # noqa: E402  (bench/qaseg24/build.py)

if __name__ == "__main__":
    qaseg24_build.main(HERE)
