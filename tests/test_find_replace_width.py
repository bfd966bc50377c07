"""Find and replace's "Ignore script, width and case" ignores the width of punctuation too.

qa22: ``近日，`` (as a Chinese keyboard types it) found nothing in an issue whose OCR wrote
``近日,``; ``fold`` makes only full-width letters and digits half-width.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from reader.services.find_replace import apply_replacements, find_matches
from reader.services.importing import import_files
from reader.services.tracking.revisions import article_blocks
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.both_engines

HALF = "近日,街道(外滩)推进“5+2+1”任务:成效显著!"
FULL = "近日，街道（外滩）推进“５＋２＋１”任务：成效显著！"
TRADITIONAL_FULL = "近日，街道（外灘）推進“５＋２＋１”任務：成效顯著！"
SPACED = "近日,\u3000街道"


def _paragraph(library: Library, text: str) -> tuple[int, int]:
    """The sample issue imported, ``text`` put before its first article's first paragraph."""
    with library.write_session() as session:
        import_files(session, [Path(SAMPLE_ISSUE)])
    with library.writing() as session:
        article_id = session.scalars(select(Article.id).order_by(Article.position)).first()
        assert article_id is not None
        block = next(b for b in article_blocks(session, article_id) if b.role == "paragraph")
        save_article_text(session, article_id, {block.id: text + block.text}, author="ann", base_version=1)
        return article_id, block.id


QUERIES = {  # a query and the same text in HALF (HALF, FULL and TRADITIONAL_FULL are aligned)
    "近日，街道": "近日,街道",
    "近日,街道": "近日,街道",
    "（外滩）": "(外滩)",
    "(外灘)": "(外滩)",
    "５＋２＋１": "5+2+1",
    "5+2+1": "5+2+1",
    "任务:成效显著!": "任务:成效显著!",
    "任務：成效顯著！": "任务:成效显著!",
}


@pytest.mark.parametrize("stored", [HALF, FULL, TRADITIONAL_FULL], ids=["half", "full", "traditional"])
@pytest.mark.parametrize("query", list(QUERIES))
def test_a_literal_matches_whatever_the_width_of_its_punctuation(
    library: Library, stored: str, query: str
) -> None:
    assert len(HALF) == len(FULL) == len(TRADITIONAL_FULL)
    article_id, block_id = _paragraph(library, stored)
    start = HALF.index(QUERIES[query])
    with library.session() as session:
        found = find_matches(session, query, scope="article", scope_id=article_id, script_insensitive=True)
        assert [(m.block_id, m.start, m.end, m.text) for m in found] == [
            (block_id, start, start + len(query), stored[start : start + len(query)])
        ]


def test_a_full_width_bracket_in_a_regex_is_a_character_not_a_group(library: Library) -> None:
    article_id, block_id = _paragraph(library, HALF)
    with library.writing() as session:
        (found,) = find_matches(
            session,
            r"（(外.)）",
            regex=True,
            scope="article",
            scope_id=article_id,
            script_insensitive=True,
            replacement=r"【\1】",
        )
        assert (found.text, found.replacement) == ("(外滩)", "【外滩】")
        assert apply_replacements(session, [found], r"【\1】", author="ann").count == 1
        assert session.get_one(Block, block_id).text.startswith("近日,街道【外滩】推进")


def test_the_ideographic_space_is_a_space(library: Library) -> None:
    article_id, _ = _paragraph(library, SPACED)
    with library.session() as session:
        (found,) = find_matches(
            session, ", 街道", scope="article", scope_id=article_id, script_insensitive=True
        )
        assert found.text == ",\u3000街道"
        assert find_matches(session, ", 街道", scope="article", scope_id=article_id) == []
