"""A prepared article's rows and hashes, written by hand for speed, equal what ``json.dumps`` gives."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.digests import article_structure_digest, article_text_digest
from reader.core.model import Block, ParsedArticle, Person, Role
from reader.core.preparing import prepare_article

# Text with what JSON escapes (quotes, backslashes, controls), CJK and characters past the BMP.
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from('"\\/\n\t\x00\x1f\x7f\u2028 ,:[]'), st.characters(codec="utf-8")),
    max_size=12,
)
PIECES = st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)), min_size=1, max_size=3).map(tuple)
BLOCK = st.builds(Block, st.sampled_from(list(Role)), PIECES, TEXT)
ARTICLE = st.builds(
    ParsedArticle,
    st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
    st.lists(BLOCK, max_size=12),
    st.lists(st.builds(Person, TEXT, TEXT), max_size=3),
)


def reference_text_digest(texts: list[str]) -> str:
    data = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@settings(max_examples=300, deadline=None)
@given(ARTICLE)
def test_a_prepared_article_equals_the_reference_derivation(article: ParsedArticle) -> None:
    prepared = prepare_article(article)
    blocks = article.blocks
    assert prepared.heads == (
        article.section,
        article.kicker,
        article.title,
        article.subtitle,
        article.byline,
        article.source,
    )
    assert prepared.blocks == [
        (position, block.role.value, block.text, json.dumps([list(piece) for piece in block.pieces]))
        for position, block in enumerate(blocks)
    ]
    assert prepared.digest == reference_text_digest([block.text for block in blocks])
    assert prepared.digest == article_text_digest(block.text for block in blocks)
    structure = [(position, block.role.value, block.pieces) for position, block in enumerate(blocks)]
    assert prepared.structure == article_structure_digest(article.title, structure)
    assert prepared.people == [(person.name, person.role) for person in article.people]


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=6))
def test_the_text_digest_hashes_the_compact_json_list(texts: list[str]) -> None:
    assert article_text_digest(texts) == reference_text_digest(texts)
    assert article_text_digest(iter(texts)) == reference_text_digest(texts)


def test_the_text_digest_tells_where_blocks_are_cut() -> None:
    assert article_text_digest(["ab", "c"]) != article_text_digest(["a", "bc"])
    assert article_text_digest([]) != article_text_digest([""])
