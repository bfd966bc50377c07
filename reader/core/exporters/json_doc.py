"""The lossless JSON export: one issue document per file, or a bundle of them in one file."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

FORMAT_NAME = "jiaokan-issue"
FORMAT_VERSION = 2
BUNDLE_NAME = "jiaokan-issues"
"""``format`` of a single-file export: ``{"format", "version", "issues": [issue document, …]}``."""


def issue_text(document: Mapping[str, Any]) -> str:
    """One issue document as JSON text (indented, characters readable), no final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2)


def bundle_text(pieces: Iterable[str]) -> str:
    """A bundle of issue documents already rendered by :func:`issue_text`, with a final newline."""
    head = json.dumps({"format": BUNDLE_NAME, "version": FORMAT_VERSION}, indent=2)[:-2]
    items = ",\n".join(textwrap.indent(piece, "    ") for piece in pieces)
    return f'{head},\n  "issues": [\n{items}\n  ]\n}}\n' if items else f'{head},\n  "issues": []\n}}\n'
