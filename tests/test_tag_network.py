"""The ranker's second stage: a network that scores again what the linear model kept.

The network is read from the model file and must refuse a malformed one by name; it must score a
candidate as its formula says; and in the app (the fast path: every phrase screened by the linear
model's score, only the kept ones named and scored again) it must rank exactly as the training tool
ranks the named features it recorded, screened the same way (``bench/tagging_train.py``'s ``score``).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from reader.core import segmenter, tag_spans
from reader.core.script import fold
from reader.core.tag_learned import generic
from reader.core.tag_network import Network, parse
from reader.core.tag_ranker import (
    SCORED_AGAIN,
    Described,
    Ranker,
    best_scored,
    default_ranker,
    describe,
    load,
)
from reader.core.tag_ranking import Candidate

TINY = {
    "hidden": 2,
    "bias": [0.5, -1.0],
    "output": [2.0, -3.0],
    "inputs": {"a": [1.0, 1.0, 0.5], "b": [-0.25, -2.0, 1.0]},
}


def test_a_network_scores_its_linear_part_and_its_rectified_units() -> None:
    net = parse(TINY, "tiny")
    # a=1, b=2: linear 1 - 0.5 = 0.5; unit 1: 0.5 + 1 - 4 = -2.5 → 0; unit 2: -1 + 0.5 + 2 = 1.5 → -4.5
    assert net.score([("a", 1.0), ("b", 2.0)]) == pytest.approx(0.5 - 4.5)
    # a=3: linear 3; unit 1: 0.5 + 3 = 3.5 → 7; unit 2: -1 + 1.5 = 0.5 → -1.5
    assert net.score([("a", 3.0), ("unknown", 9.0)]) == pytest.approx(3 + 7 - 1.5)
    assert net.score([]) == pytest.approx(2.0 * 0.5)  # the biases alone: unit 1 on, unit 2 off


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"hidden": 3}, "3 units"),
        ({"bias": [0.5]}, "1 biases"),
        ({"inputs": {"a": [1.0, 2.0]}}, "'a' has 2 weights"),
        ({"inputs": {"a": [1.0, None, 2.0]}}, "not a ranker network"),
        ({"inputs": {"a": [1.0, "x", 2.0]}}, "not a ranker network"),
        ({"inputs": [1, 2]}, "not a ranker network"),
        ({"output": None}, "not a ranker network"),
    ],
)
def test_a_malformed_network_is_refused_by_name(change: dict[str, object], words: str) -> None:
    with pytest.raises(ValueError, match=re.escape("model.json")) as caught:
        parse({**TINY, **change}, "model.json")
    assert words in str(caught.value)


def test_a_model_file_with_a_broken_network_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": {"bias": 1.0}, "network": {"hidden": 1}}), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(path))):
        load(path)


def test_a_model_file_gives_its_network_and_screen(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    model = {"weights": {"bias": 1.0}, "phrase_threshold": 0.1, "screen_threshold": 0.05, "network": TINY}
    path.write_text(json.dumps(model), encoding="utf-8")
    ranker = load(path)
    assert isinstance(ranker.network, Network)
    assert ranker.floor() == pytest.approx(math.log(0.05 / 0.95))  # the screen, not the offer
    assert ranker.phrase_threshold == 0.1


def test_with_a_network_the_named_features_decide_not_the_linear_screen() -> None:
    net = parse(TINY, "tiny")
    ranker = Ranker({"a": 1.0}, 0.0, 0.0, net)
    first = Candidate("甲乙", "甲乙", "", "phrase")
    second = Candidate("丙丁", "丙丁", "", "phrase")
    # the linear score says 甲乙 first; the network says 丙丁 (a=3 scores 8.5, a=1 & b=2 scores -4)
    ranked = ranker.rank(
        [Described(first, [("a", 1.0), ("b", 2.0)], True, 9.0), Described(second, [("a", 3.0)], True, -9.0)]
    )
    assert [c.key for c in ranked] == ["丙丁", "甲乙"]
    assert ranked[0].score == pytest.approx(10 / (1 + math.exp(-8.5)))


def test_the_bundled_model_has_a_network_over_the_linear_models_features() -> None:
    ranker = default_ranker()
    assert ranker.network is not None
    assert len(ranker.network.bias) >= 4
    shared = set(ranker.network.inputs) & set(ranker.weights)
    assert len(shared) > 0.9 * len(ranker.weights)
    assert ranker.floor() is not None


ARTICLE = (
    "“邻里汇”开进石泉路街道",
    "本报讯(记者 王晓)石泉路街道第三个“邻里汇”日前在金沙新村开张。街道党工委书记李国强说,"
    "“邻里汇”设有助餐点、阅览室和卫生服务站,居民在家门口就能办事。\n"
    "71岁的居民陈阿婆说:“以前去卫生服务中心要坐两站公交车,现在走五分钟就到了。”"
    "石泉路街道将在年底前再开两个“邻里汇”。金沙新村居委会主任周红英说,助餐点每天供应一百多份午餐。",
)


def test_the_app_ranks_as_the_training_tool_ranks_what_it_recorded() -> None:
    """The fast path (screen, then name the kept features) against the recording path (every feature
    named, screened afterwards by the linear weight of the named features)."""
    headings, body = ARTICLE
    original = headings + "\n" + body
    text = fold(original)
    tokens = segmenter.tokens(original)
    ranker = default_ranker()
    rules = [
        Candidate(k, k, "place", "suffix", 14.0 - n, positions=tag_spans.positions_in(text, k))
        for n, k in enumerate(("石泉路街道", "金沙新村", "李国强"))
    ]
    args = (rules, tokens, original, text, len(headings), _rarity, generic, set(), lambda _k: False)
    floor = ranker.floor()
    assert floor is not None
    recorded = [
        Described(d.candidate, d.features, d.phrase, tag_spans.weigh(ranker.weights, d.features))
        for d in describe(*args)
        if not d.phrase or tag_spans.weigh(ranker.weights, d.features) >= floor
    ]
    recorded = [recorded[i] for i in sorted(best_scored(recorded))]
    fast = describe(*args, weights=ranker.weights, floor=floor, named=True)
    assert [d.candidate.key for d in fast] == [d.candidate.key for d in recorded]
    assert [d.features for d in fast] == [d.features for d in recorded]
    by_tool, by_app = ranker.rank(recorded), ranker.rank(fast)
    assert [c.key for c in by_app] == [c.key for c in by_tool]
    assert {"石泉路街道", "金沙新村", "李国强"} <= {c.key for c in by_app}
    assert [round(c.score, 9) for c in by_app] == [round(c.score, 9) for c in by_tool]
    assert any(d.phrase for d in fast) and all(d.features for d in fast)


def _rarity(word: str) -> float:
    return (len(word) % 4) / 4


def test_the_network_scores_again_only_the_linear_models_best_and_the_byline() -> None:
    """A long article's hundreds of candidates: the network (and naming the features) only for the best
    :data:`SCORED_AGAIN` by the linear score, and the byline's people and the source wherever they rank."""
    items = [
        Described(Candidate(f"名{i:03d}", f"名{i:03d}", "", "phrase"), [], True, float(i)) for i in range(100)
    ]
    items[3] = Described(Candidate("王小明", "王小明", "person", "byline"), [], False, -5.0)
    best = best_scored(items)
    assert len(best) == SCORED_AGAIN + 1
    assert set(best) == {*range(100 - SCORED_AGAIN, 100), 3}
    assert sorted(best_scored(items[:10])) == list(range(10))  # fewer than SCORED_AGAIN: every one
