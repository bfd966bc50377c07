"""Helpers of the segmentation tests: cut a text and check that no character is lost or doubled; the
same text in traditional script."""

from __future__ import annotations

from functools import cache
from typing import Any

import opencc

from reader.core.model import ParsedIssue
from reader.core.segment import segment
from tests.test_segment_coverage import assert_covers_exactly


def cut(text: str) -> ParsedIssue:
    """``text`` segmented, every character in exactly one block or leftover."""
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    return parsed


@cache
def converter(config: str) -> Any:
    """OpenCC's converter for ``config``, made once per test process (it reads its dictionaries)."""
    return opencc.OpenCC(config)


def traditional(text: str, config: str = "s2t") -> str:
    """``text`` in traditional script, character by character (so offsets stay as they are)."""
    convert = converter(config).convert
    return "".join(convert(char) for char in text)
