"""What the import's workers send back survives pickling unchanged (its classes pickle their own way)."""

from __future__ import annotations

import pickle
from pathlib import Path

from reader.core.model import Block, LeftoverKind, ParsedLeftover, Person
from reader.core.preparing import prepare_file


def test_prepared_files_come_back_from_pickling_equal(corpus_files: list[Path]) -> None:
    prepared = [prepare_file(path) for path in corpus_files]
    back = pickle.loads(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == prepared
    articles = [article for issue in back for article in issue.parsed.articles]
    people = [person for article in articles for person in article.people]
    assert articles and people and back[0].articles[0].heads[2]  # a title
    assert all(type(block) is Block for article in articles for block in article.blocks)
    assert all(type(person) is Person for person in people)


def test_a_leftover_comes_back_from_pickling_equal() -> None:
    leftover = ParsedLeftover(LeftoverKind.MASTHEAD, (0, 4), "某某日报")
    assert pickle.loads(pickle.dumps(leftover)) == leftover


def test_the_segmentation_does_not_travel_and_is_rebuilt_equal_when_asked_for(
    corpus_files: list[Path],
) -> None:
    prepared = prepare_file(corpus_files[0])
    sent = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(sent)
    assert back._parsed is None  # what storing needs came without it
    assert len(sent) < len(pickle.dumps(prepared.parsed, protocol=pickle.HIGHEST_PROTOCOL)) + len(
        pickle.dumps(prepared.articles, protocol=pickle.HIGHEST_PROTOCOL)
    )
    assert (back.title, back.date, back.leftovers) == (
        prepared.parsed.title,
        prepared.parsed.date,
        prepared.parsed.leftovers,
    )
    assert [(a.span, a.people) for a in back.articles] == [
        (a.span, [(p.name, p.role) for p in a.people]) for a in prepared.parsed.articles
    ]
    assert back.parsed == prepared.parsed  # rebuilt from the prepared articles, the text too
    assert back.parsed.text is back.decoded.text


def test_a_rebuilt_segmentation_keeps_blocks_of_several_pieces(
    corpus_files: list[Path], tmp_path: Path
) -> None:
    from tests.corpus_shapes import hard_wrap

    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text(hard_wrap(corpus_files[0].read_text(encoding="utf-8"), 16), encoding="utf-8")
    prepared = prepare_file(wrapped)
    joined = [b for a in prepared.parsed.articles for b in a.blocks if len(b.pieces) > 1]
    assert joined  # the wrapped paragraphs are re-flowed: blocks of several pieces
    back = pickle.loads(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.parsed == prepared.parsed
    assert all(type(piece) is tuple for a in back.parsed.articles for b in a.blocks for piece in b.pieces)
