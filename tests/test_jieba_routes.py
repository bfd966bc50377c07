"""jieba's word graph and best route, computed faster (reader/core/jieba_routes.py), are jieba's own."""

from __future__ import annotations

import random
import re

import pytest

from reader.core import jieba_routes, segmenter
from tests.conftest import CORPUS_DIR, SAMPLE_ISSUE


def _texts() -> list[str]:
    """The corpus when it is beside the clone, and the sample issue always."""
    return [p.read_text(encoding="utf-8") for p in [*sorted(CORPUS_DIR.glob("*.txt")), SAMPLE_ISSUE]]


@pytest.fixture(scope="module")
def tokenizer() -> object:
    segmenter.ensure_loaded()
    import jieba

    return jieba.dt


def test_the_segmenter_installs_them(tokenizer: object) -> None:
    assert tokenizer.get_DAG.__func__ is jieba_routes.get_dag  # type: ignore[attr-defined]
    assert tokenizer.calc.__func__ is jieba_routes.calc  # type: ignore[attr-defined]


def test_the_same_graph_and_route_as_jieba(tokenizer: object) -> None:
    import jieba

    texts = _texts()
    assert texts
    sentences = [s for t in texts for s in re.split(r"[^\u4e00-\u9fffA-Za-z0-9]+", t) if s]
    chars = sorted({c for t in texts for c in t})
    rnd = random.Random(3)
    sentences += ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 30))) for _ in range(2000)]
    sentences += ["x", "社区", "\u3400" * 5]
    for sentence in sentences:
        expected_dag = jieba.Tokenizer.get_DAG(tokenizer, sentence)
        assert jieba_routes.get_dag(tokenizer, sentence) == expected_dag, sentence
        expected: dict[int, tuple[float, int]] = {}
        route: dict[int, tuple[float, int]] = {}
        jieba.Tokenizer.calc(tokenizer, sentence, expected_dag, expected)
        jieba_routes.calc(tokenizer, sentence, expected_dag, route)
        assert route == expected, sentence
