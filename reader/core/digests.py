"""Content hashes of an article: its text and its structure (pure, so the import's workers compute them).

``db.safety_models`` stores them and re-exports these functions.  Both hash
a compact JSON text (``json.dumps`` with ``ensure_ascii=False`` and no spaces);
the import's workers write that text by hand (:func:`structure_digest_of_shapes`),
character for character the same, which is several times faster than
``json.dumps`` for the many small lists of an issue.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any

json_string = encode_basestring
"""A string as ``json.dumps(text, ensure_ascii=False)`` writes it (the same C function)."""


def article_text_digest(block_texts: Iterable[str]) -> str:
    """SHA-256 of an article's block texts in reading order (a JSON list, so unambiguous)."""
    data = "[" + ",".join(map(json_string, block_texts)) + "]"
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def article_structure_digest(title: str | None, blocks: Iterable[tuple[int, str, Any]]) -> str:
    """SHA-256 of an article's structure: its title and its blocks' (position, role, pieces) in order."""
    data = json.dumps(
        [title, [[position, role, pieces] for position, role, pieces in blocks]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def block_shape(position: int, role_json: str, pieces_json: str) -> str:
    """One block of :func:`article_structure_digest`'s JSON: ``[position,"role",[[start,end],…]]``.

    ``role_json`` is ``json_string(role)``; ``pieces_json`` the pieces as compact JSON.
    """
    return f"[{position:d},{role_json},{pieces_json}]"


def structure_digest_of_shapes(title: str | None, shapes: Iterable[str]) -> str:
    """:func:`article_structure_digest` of the blocks written by :func:`block_shape`, in order."""
    head = "[null,[" if title is None else "[" + json_string(title) + ",["
    data = head + ",".join(shapes) + "]]"
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


__all__ = [
    "article_structure_digest",
    "article_text_digest",
    "block_shape",
    "json_string",
    "structure_digest_of_shapes",
]
