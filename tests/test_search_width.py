"""Full-text search folds the width of punctuation and symbols, on both engines (qa22, finding 1).

``main.py search "近日，"`` found nothing where the OCR wrote ``近日,`` (nor ``（`` for ``(``,
``５＋２＋１`` for ``5+2+1``), while ``ＡＢＣ`` and ``１７位`` were found: the index folded only
letters and digits.  After ``fix --rules safe`` turns ``,`` into ``，``, a search typed with ``,``
missed the articles it fixed.  The highlights must cover the very characters matched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.script import fold, search_fold, search_fold_table
from reader.core.search_index import find_hits, snippet
from reader.services.importing import import_files
from reader.services.searching import matching_ids, search
from reader.services.tag_aliases import add_alias
from reader.services.tagging import add_tag
from reader.services.tracking.revisions import article_blocks
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE

HALF = "近日,街道(外滩)推进“5+2+1”任务:成效显著!"
FULL = "近日，街道（外滩）推进“５＋２＋１”任务：成效显著！"
TRADITIONAL_FULL = "近日，街道（外灘）推進“５＋２＋１”任務：成效顯著！"
MIXED = "近日，街道(外滩）推进“5＋2+１”任务:成效显著！"  # as OCR and a keyboard mixed them
VARIANTS = {"half": HALF, "full": FULL, "traditional": TRADITIONAL_FULL, "mixed": MIXED}
QUERIES = {  # a query and where it starts in every variant (they are aligned character by character)
    "近日,": 0,
    "近日，": 0,
    "近日，街道": 0,
    "(外滩)": 5,
    "（外滩）": 5,
    "（外灘）": 5,
    "５＋２＋１": 12,
    "5+2+1": 12,
    "任务:成效显著!": 18,
    "任務：成效顯著！": 18,
    "，": 2,  # a one-character word: the characters' table
    "（": 5,
    "近日，\u3000５＋２": 0,  # two words, split at the ideographic space
}


def test_search_fold_folds_every_width_pair_and_nothing_else() -> None:
    assert search_fold(FULL) == search_fold(HALF) == search_fold(TRADITIONAL_FULL) == search_fold(MIXED)
    assert search_fold("\u3000￥｡､ｱ") == " ¥。、ア"  # the other true width pairs, both ways
    assert search_fold("、。《》“”") == "、。《》“”"  # no ASCII twin: kept
    assert fold("近日，（５＋２）") == "近日，（5＋2）"  # fold itself is unchanged: tags key on it
    table = search_fold_table()
    assert all(len(v) == 1 and table.get(ord(v), v) == v for v in table.values())  # one to one, idempotent
    for text in VARIANTS.values():  # folding a fold()-ed text (what older libraries stored) is the same
        assert search_fold(fold(text)) == search_fold(text)


@pytest.mark.parametrize("query", list(QUERIES))
@pytest.mark.parametrize("stored", list(VARIANTS))
def test_find_hits_and_the_snippet_mark_the_characters_matched(stored: str, query: str) -> None:
    text = "头条\n" + VARIANTS[stored] + "\n尾"
    spans = find_hits(text, query)
    first = query.split()[0]
    assert spans[0] == (3 + QUERIES[query], 3 + QUERIES[query] + len(first))
    assert search_fold(text[spans[0][0] : spans[0][1]]) == search_fold(first)
    passage, marks = snippet(text, spans, 12)
    for start, end in marks:
        assert search_fold(passage[start:end]) in {search_fold(w) for w in query.split()}


def _article_saying(library: Library, text: str) -> tuple[int, int]:
    """The sample issue imported, ``text`` put before its first article's first paragraph."""
    with library.write_session() as session:
        import_files(session, [Path(SAMPLE_ISSUE)])
    with library.writing() as session:
        article_id = session.scalars(select(Article.id).order_by(Article.position)).first()
        assert article_id is not None
        block = next(b for b in article_blocks(session, article_id) if b.role == "paragraph")
        save_article_text(session, article_id, {block.id: text + block.text}, author="ann", base_version=1)
        return article_id, block.position


@pytest.mark.both_engines
@pytest.mark.parametrize("stored", list(VARIANTS))
def test_search_finds_punctuation_of_either_width(library: Library, stored: str) -> None:
    article_id, position = _article_saying(library, VARIANTS[stored])
    with library.session() as session:
        for query, start in QUERIES.items():
            assert article_id in matching_ids(session, query), query
            hit = next(h for h in search(session, query) if h.article_id == article_id)
            first = query.split()[0]
            assert (hit.block_position, hit.offset_in_block, hit.hit_length) == (position, start, len(first))
            marked = [search_fold(hit.snippet[s:e]) for s, e in hit.highlights]
            assert search_fold(first) in marked, (query, hit.snippet, hit.highlights)
        assert article_id not in matching_ids(session, "近日;")  # the width is folded, not the character


@pytest.mark.both_engines
def test_an_edit_to_full_width_punctuation_is_found_by_the_half_width_query(library: Library) -> None:
    """What ``fix --rules safe`` does (``,`` -> ``，``): the article stays found by ``近日,``."""
    article_id, _ = _article_saying(library, HALF)
    with library.writing() as session:
        block = next(b for b in article_blocks(session, article_id) if b.role == "paragraph")
        save_article_text(
            session, article_id, {block.id: block.text.replace(",", "，")}, author="ann", base_version=2
        )
    with library.session() as session:
        for query in ("近日,", "近日，", "近日,街道"):
            assert article_id in matching_ids(session, query), query


@pytest.mark.both_engines
@pytest.mark.parametrize(
    "query", ["恒源祥（集团）", "恒源祥(集团)", "恒源祥(集團）", "绒绣（厂）", "绒绣(厂)"]
)
def test_a_tag_named_with_punctuation_of_either_width_is_found(library: Library, query: str) -> None:
    """Tags key on ``fold`` (``（`` is no ``(``); a search by the tag's name in either width finds it."""
    article_id, _ = _article_saying(library, "")
    with library.writing() as session:
        tag = add_tag(session, [article_id], "恒源祥（集团）", kind="organisation", author="test")
        add_alias(session, tag.tag_id, "绒绣（厂）")
    with library.session() as session:
        assert article_id in matching_ids(session, query)  # tagged, though its text names neither
        assert article_id in {hit.article_id for hit in search(session, query)}
