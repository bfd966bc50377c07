"""Issues printed in traditional script are cut as their simplified forms are, and keep every character.

The segmenter's rules read simplified Han (``han_simplified``, one character for
one); blocks, leftovers, the masthead and the people keep the original's
characters: ``本報訊(記者 張三)``, ``(下轉第2版)``, ``責任編輯:王芳`` work as
their simplified forms do.
"""

from __future__ import annotations

import pytest

from reader.core.model import ParsedIssue, Person
from reader.core.script import han_simplified
from reader.core.segment import segment
from tests.corpus_shapes import MASTHEAD, indent_wrap, with_masthead
from tests.segment_support import converter
from tests.test_segment_coverage import assert_covers_exactly
from tests.test_segment_datelines import ISSUE as DATELINES
from tests.test_segment_interviews_lists import ISSUE as INTERVIEW
from tests.test_segment_jumps import TWO_PAGES
from tests.test_segment_shapes import corpus_texts

CONFIGS = ["s2t", "s2hk", "s2tw"]


def _roles(parsed: ParsedIssue) -> list[list[str]]:
    return [[str(b.role) for b in a.blocks] for a in parsed.articles]


def _same_cut(simplified: str, converted: str) -> None:
    """``converted`` (the same length as ``simplified``) is cut the same way, with its own characters."""
    assert len(converted) == len(simplified)
    ours, theirs = segment(simplified), segment(converted)
    assert_covers_exactly(converted, theirs)
    assert _roles(theirs) == _roles(ours)
    for mine, other in zip(ours.articles, theirs.articles, strict=True):
        assert [b.pieces for b in other.blocks] == [b.pieces for b in mine.blocks]
        for block in other.blocks:
            assert block.text == "".join(converted[s:e] for s, e in block.pieces)
        assert [(p.name, p.role) for p in other.people] == [
            (converted_slice(simplified, converted, p.name), converted_slice(simplified, converted, p.role))
            for p in mine.people
        ]
    assert [left.span for left in theirs.leftovers] == [left.span for left in ours.leftovers]


def converted_slice(simplified: str, converted: str, part: str) -> str:
    """``part`` of ``simplified`` as ``converted`` writes it at the same place."""
    at = simplified.find(part)
    return converted[at : at + len(part)] if part and at >= 0 else part


def _convert(config: str, text: str) -> str:
    convert = converter(config).convert
    out = convert(text)
    if len(out) != len(text):  # a phrase conversion changed the length: convert character by character
        out = "".join(convert(c) for c in text)
    return out


def test_simplified_text_is_not_copied() -> None:
    text = "本报讯(记者 张三)近日,街道召开会议。"
    assert han_simplified(text) is text
    assert han_simplified("本報訊(記者 張三)") == "本报讯(记者 张三)"


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("name", ["jumps", "datelines", "interview"])
def test_written_layouts_in_traditional_script(config: str, name: str) -> None:
    text = {"jumps": TWO_PAGES, "datelines": DATELINES, "interview": INTERVIEW}[name]
    converted = _convert(config, text)
    assert converted != text
    _same_cut(text, converted)


def test_the_people_keep_their_characters() -> None:
    parsed = segment(_convert("s2t", DATELINES))
    assert parsed.articles[0].people == [Person("張小川", "記者"), Person("劉曉梅", "通訊員")]


@pytest.mark.corpus
@pytest.mark.parametrize("config", CONFIGS)
def test_the_corpus_in_traditional_script(config: str) -> None:
    for text in corpus_texts():
        _same_cut(text, _convert(config, text))


@pytest.mark.corpus
@pytest.mark.parametrize("width", [16, 20])
def test_the_corpus_wrapped_in_traditional_script_with_a_masthead(width: int) -> None:
    for text in corpus_texts():
        shaped = with_masthead(indent_wrap(text, width), MASTHEAD)
        converted = _convert("s2hk", shaped)
        _same_cut(shaped, converted)
        parsed = segment(converted)
        assert parsed.title == converted_slice(shaped, converted, segment(shaped).title or "")
        assert parsed.title is not None and parsed.title != segment(shaped).title  # 幸福社區報, as printed
