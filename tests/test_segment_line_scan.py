"""The line scan's one pass over the lines split at LF finds what the content-line regex finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.segment.lines import scan_content_lines

# The content lines as a regex finds them: their stripped content's span, and where each line starts.
CONTENT_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)
# Every kind of whitespace (what str.strip and the regex's \s both take), LF among them, and text.
ALPHABET = st.sampled_from(
    [
        "\n",
        "\n",
        " ",
        "\t",
        "\u3000",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x1f",
        "\x85",
        "\xa0",
        "\u2028",
        "\u200b",
        *"ab社区。【】",
    ]
)


def reference_lines(text: str, blank_lines_before: int) -> list[tuple[int, int, int]]:
    """(start, end, gap before) of every content line, found by the regex."""
    found: list[tuple[int, int, int]] = []
    previous_end = -1
    for match in CONTENT_LINE.finditer(text):
        start, end = match.span(1)
        if previous_end >= 0:
            gap = text.count("\n", previous_end, start) - 1
        else:
            gap = blank_lines_before + text.count("\n", 0, start)
        found.append((start, end, gap))
        previous_end = end
    return found


@settings(max_examples=500, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.integers(0, 3))
def test_the_scan_finds_the_regexs_lines_and_gaps(text: str, blank_lines_before: int) -> None:
    lines, _counted = scan_content_lines(text, blank_lines_before)
    expected = reference_lines(text, blank_lines_before)
    # One printed line per content line here unless lines touch (then a run re-flows: compare pieces).
    spans = [piece for line in lines for piece in (line.pieces or [(line.start, line.end)])]
    label_free = [(s, e) for s, e, _gap in expected]
    if all(text[s] not in "【〖" for s, _e, _g in expected):
        assert spans == label_free
        first_gaps = [line.gap_before for line in lines if line.gap_before]
        assert first_gaps == [gap for _s, _e, gap in expected if gap]
    for line in lines:
        assert line.text == "".join(text[s:e] for s, e in (line.pieces or [(line.start, line.end)]))
        assert line.text == line.text.strip()
