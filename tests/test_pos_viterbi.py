"""The faster POS Viterbi gives jieba's own result: the same path and probability, the same cut."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from typing import Any

import pytest

from reader.core import pos_viterbi, segmenter
from reader.core.script import fold
from tests.conftest import CORPUS_DIR, SAMPLE_ISSUE


@pytest.fixture(scope="module")
def jieba_viterbi() -> Callable[..., Any]:
    """jieba's own function (the package attribute is ours once the segmenter has loaded)."""
    segmenter.ensure_loaded()
    return sys.modules["jieba.posseg.viterbi"].viterbi  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The corpus and the sample issue, folded as the segmenter folds them."""
    paths = [*sorted(CORPUS_DIR.glob("*.txt")), SAMPLE_ISSUE]
    if len(paths) < 2:
        pytest.skip(f"corpus not found at {CORPUS_DIR} (it lives in ../shared/corpus beside the clone)")
    return [fold(path.read_text(encoding="utf-8")) for path in paths]


def _cut(viterbi: Callable[..., Any], text: str) -> list[tuple[str, str]]:
    import jieba.posseg

    installed = jieba.posseg.viterbi
    jieba.posseg.viterbi = viterbi
    try:
        return [(str(pair.word), str(pair.flag)) for pair in jieba.posseg.cut(text)]
    finally:
        jieba.posseg.viterbi = installed


def test_the_segmenter_installs_it() -> None:
    import jieba.posseg

    segmenter.ensure_loaded()
    assert jieba.posseg.viterbi is pos_viterbi.cached_viterbi


def test_the_cached_path_is_the_computed_one_and_cannot_be_changed_from_outside(
    jieba_viterbi: Callable[..., Any], texts: list[str]
) -> None:
    """A run read again gives the same path (a copy: a caller changing it changes nothing kept); other
    tables forget what was kept; clearing the token cache clears it."""
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    tables = (char_state_tab_P, start_P, trans_P, emit_P)
    pos_viterbi.clear_cache()
    runs = sorted({t[i : i + n] for t in texts for i in range(0, 400, 7) for n in (2, 3, 5)})
    for run in runs:
        first = pos_viterbi.cached_viterbi(run, *tables)
        first[1].append(("S", "x"))
        assert pos_viterbi.cached_viterbi(run, *tables) == jieba_viterbi(run, *tables), run
    assert pos_viterbi._cache
    other_emit = {state: dict(probs) for state, probs in emit_P.items()}
    other_emit[("S", "nr")]["社"] = 0.0  # another model: 社 a one-character name, certainly
    other = (char_state_tab_P, start_P, trans_P, other_emit)
    assert pos_viterbi.cached_viterbi("社", *other) == jieba_viterbi("社", *other)
    assert len(pos_viterbi._cache) == 1
    segmenter.clear_token_cache()
    assert not pos_viterbi._cache


def test_the_same_path_and_probability_on_random_runs(
    jieba_viterbi: Callable[..., Any], texts: list[str]
) -> None:
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    chars = sorted({c for text in texts for c in text if "\u4e00" <= c <= "\u9fff"})
    chars += ["\u9fa5", "\u3400", "x"]  # characters the model's tables lack: every state is allowed
    rnd = random.Random(16)
    for _ in range(1500):
        run = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 25)))
        tables = (char_state_tab_P, start_P, trans_P, emit_P)
        assert pos_viterbi.viterbi(run, *tables) == jieba_viterbi(run, *tables), run


def test_long_runs_the_tables_lack_as_jieba_does(jieba_viterbi: Callable[..., Any]) -> None:
    """Characters no state emits add jieba's floor (-3.14e100) at every step: the sums fall far below it
    and the path is still jieba's."""
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    tables = (char_state_tab_P, start_P, trans_P, emit_P)
    for run in ("\u3400" * 30, "x" * 12 + "\u9fa5" * 12, "社\u3400" * 15):
        assert pos_viterbi.viterbi(run, *tables) == jieba_viterbi(run, *tables), run


def test_the_same_cut_of_whole_issues(jieba_viterbi: Callable[..., Any], texts: list[str]) -> None:
    assert texts
    for text in texts:
        ours = _cut(pos_viterbi.viterbi, text)
        assert ours == _cut(jieba_viterbi, text)
        assert "".join(word for word, _ in ours) == text


def test_unexpected_states_and_dead_ends_as_jieba_does(jieba_viterbi: Callable[..., Any]) -> None:
    """A character whose states nothing leads to takes the states that can follow; a dead end raises."""
    b, e, s, dead = ("B", "n"), ("E", "n"), ("S", "v"), ("B", "ag")
    trans: dict[tuple[str, str], dict[tuple[str, str], float]] = {
        b: {e: -0.1},
        e: {s: -0.2, b: -0.3},
        s: {b: -0.5, s: -0.5},
        dead: {},
    }
    start = {b: -0.7, e: -9.0, s: -0.2, dead: -0.1}
    emit = {b: {"甲": -1.0}, e: {"乙": -1.0}, s: {"甲": -2.0, "丙": -0.5}, dead: {"丁": -0.1}}
    states = {"甲": (b, s), "乙": (e,), "丙": (b,), "丁": (dead,)}
    tables = (states, start, trans, emit)
    for run in ("甲乙", "甲丙", "甲乙丙", "丙丙", "乙", "甲乙甲乙", "戊戊", "甲丁", "丙戊丙"):
        assert pos_viterbi.viterbi(run, *tables) == jieba_viterbi(run, *tables)
    for run in ("丁甲", "丁丁"):
        with pytest.raises(ValueError):
            jieba_viterbi(run, *tables)
        with pytest.raises(ValueError):
            pos_viterbi.viterbi(run, *tables)
