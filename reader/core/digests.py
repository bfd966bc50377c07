"""Content hashes of an article: its text and its structure (pure, so the import's workers compute them).

``db.safety_models`` stores them and re-exports these functions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any


def article_text_digest(block_texts: Iterable[str]) -> str:
    """SHA-256 of an article's block texts in reading order (a JSON list, so unambiguous)."""
    data = json.dumps(list(block_texts), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def article_structure_digest(title: str | None, blocks: Iterable[tuple[int, str, Any]]) -> str:
    """SHA-256 of an article's structure: its title and its blocks' (position, role, pieces) in order."""
    data = json.dumps(
        [title, [[position, role, pieces] for position, role, pieces in blocks]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


__all__ = ["article_structure_digest", "article_text_digest"]
