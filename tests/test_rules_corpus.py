"""The rules over the three real issues, imported with the real importer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Block, Issue
from db.original_text import read_text
from reader.core.rules import CjkSpace, HalfwidthPunctuation
from reader.core.rules.base import CJK
from reader.core.rules.halfwidth import FULL_WIDTH
from reader.services.importing import import_files
from reader.services.suggesting import article_suggestions, fix_safe, iter_suggestions

pytestmark = pytest.mark.corpus

_NUMBER = re.compile(r"\d[\d,.:]*\d|\d")
_HALF_NEXT_TO_CJK = re.compile(f"[{CJK}][,;:?!]|[,;:?!][{CJK}]")
_COMMA_BETWEEN_CJK = re.compile(f"[{CJK}][ ]*,[ ]*[{CJK}]")


def _blocks(library: Library) -> dict[int, tuple[str, str]]:
    with library.session() as session:
        return {b.id: (b.role, b.text) for b in session.scalars(select(Block))}


@pytest.fixture
def corpus_library(library: Library, corpus_files: list[Path]) -> Library:
    with library.write_session() as session:
        report = import_files(session, corpus_files)
    assert len(report.imported) == len(corpus_files)
    return library


def test_safe_fix_converts_every_chinese_comma_and_touches_no_number(corpus_library: Library) -> None:
    before = _blocks(corpus_library)
    assert any("," in text for _, text in before.values())
    with corpus_library.writing() as session:
        report = fix_safe(session, author="test")
    after = _blocks(corpus_library)

    assert report.changes > 300
    assert sum(text.count(",") for _, text in before.values()) <= report.changes
    for block_id, (_, text) in after.items():
        old = before[block_id][1]
        assert not _COMMA_BETWEEN_CJK.search(text), text
        assert not _HALF_NEXT_TO_CJK.search(text), text
        assert "," not in text  # every comma of these issues is in Chinese text
        assert _NUMBER.findall(text) == _NUMBER.findall(old)
        assert len(text) == len(old)
        changed = [(a, b) for a, b in zip(old, text, strict=True) if a != b]
        assert all(FULL_WIDTH[a] == b for a, b in changed)


def test_safe_fix_leaves_the_original_text_verbatim(
    corpus_library: Library, corpus_files: list[Path]
) -> None:
    with corpus_library.writing() as session:
        fix_safe(session, author="test")
    with corpus_library.session() as session:
        originals = {i.source_name: read_text(session, i.id) for i in session.scalars(select(Issue))}
    for path in corpus_files:
        assert originals[path.name] == path.read_text(encoding="utf-8")


def test_the_stray_and_is_flagged_with_its_chinese_word(corpus_library: Library) -> None:
    with corpus_library.session() as session:
        issue_id = session.scalar(select(Issue.id).where(Issue.source_name.startswith("000_")))
        assert issue_id is not None
        found = [
            item.suggestion
            for item in iter_suggestions(session, issue_ids=[issue_id])
            if item.suggestion.rule == "latin_word"
        ]
    assert [(s.text, s.replacement) for s in found] == [(" and ", "和")]


def test_no_false_alarms_in_headings_and_bylines(corpus_library: Library) -> None:
    """Headings and bylines separate their parts with spaces: the space rule stays quiet there."""
    with corpus_library.session() as session:
        spaced = [b for b in session.scalars(select(Block)) if " " in b.text]
        assert spaced
        for block in spaced:
            if block.role != "paragraph":
                assert CjkSpace().find(block.text, role=block.role) == [], (block.role, block.text)
        flagged = {
            item.suggestion.rule
            for block in spaced
            for item in article_suggestions(session, block.article_id)
            if item.block_id == block.id and item.role != "paragraph"
        }
    assert "cjk_space" not in flagged


def test_every_remaining_halfwidth_mark_is_outside_chinese_text(corpus_library: Library) -> None:
    with corpus_library.writing() as session:
        fix_safe(session, author="test")
    rule = HalfwidthPunctuation()
    for role, text in _blocks(corpus_library).values():
        assert rule.find(text, role=role) == []
