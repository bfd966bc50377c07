"""The fast path of the learned ranker scores every candidate exactly as its named features weigh.

Training sees the named features (:func:`reader.core.tag_spans.features`); the suggestions are ranked by
:class:`reader.core.tag_scoring.Scorer`.  If the two drifted apart, the model would rank with weights it
was not trained for, silently.  Checked on whole articles of the three kinds the corpus has, under the
bundled model and under random weights that give every feature a say.
"""

from __future__ import annotations

import random

import pytest

from reader.core import segmenter, tag_spans
from reader.core.script import fold
from reader.core.tag_learned import generic
from reader.core.tag_ranker import Ranker, default_ranker, describe
from reader.core.tag_ranking import Candidate
from reader.core.tag_scoring import Scorer

ARTICLES = (
    (
        "“邻里汇”开进石泉路街道",
        "本报讯(记者 王晓)石泉路街道第三个“邻里汇”日前在金沙新村开张。街道党工委书记李国强说,"
        "“邻里汇”设有助餐点、阅览室和卫生服务站,居民在家门口就能办事。\n"
        "71岁的居民陈阿婆说:“以前去卫生服务中心要坐两站公交车,现在走五分钟就到了。”"
        "石泉路街道将在年底前再开两个“邻里汇”。",
    ),
    (
        "防汛应急演练",
        "7月2日上午,宜黄县防汛抗旱指挥部在梨溪镇上湾圩堤开展防汛应急演练。\n演练模拟暴雨红色预警后"
        "圩堤出现管涌,梨溪镇龙舟队、民兵应急分队和县消防救援大队共120余人参加。县水利局局长占国良"
        "说,今年汛期已组织演练11次。\n\n　　(通讯员 谌卫国)",
    ),
    ("", "社区 工作 活动。“”《》——\n\n12月3日 3:1 ABC 2024年第9期"),  # edges: no heading, marks only
)


def _cases() -> list[tuple[str, str]]:
    return [(h, b) for h, b in ARTICLES]


@pytest.mark.parametrize(("headings", "body"), _cases())
@pytest.mark.parametrize("weights", ["bundled", "random"])
def test_the_fast_score_equals_the_named_features_weight(headings: str, body: str, weights: str) -> None:
    original = headings + "\n" + body
    text = fold(original)
    tokens = segmenter.tokens(original)
    found = tag_spans.spans(tokens)
    names = {name for key in found for name, _ in _features(key, found, tokens, text, len(headings), None)}
    if weights == "bundled":
        table = dict(default_ranker().weights)
    else:
        rng = random.Random(7)
        table = {name: rng.uniform(-2, 2) for name in names}
        table.update({n: rng.uniform(-2, 2) for n in ("bias", "tf", "first", "once", "rule_score", "known")})
    rules = [
        Candidate(k, k, "place", "suffix", 12.5 - n, positions=tag_spans.positions_in(text, k))
        for n, k in enumerate(sorted(found)[:5])
    ]
    views = tag_spans.rule_views([(c.key, c.score, c.reason, c.kind) for c in rules])
    scorer = Scorer(table, tokens, text, len(headings), _rarity, generic)
    checked = 0
    for key in [*found, "不在文中的名字"]:
        positions = tag_spans.positions_in(text, key)
        span = found.get(key)
        for view in (None, views.get(key)):
            feats = tag_spans.features(
                key, span, tokens, text, positions, len(headings), view, _rarity, generic
            )
            assert scorer.score(key, span, positions, view) == pytest.approx(
                tag_spans.weigh(table, feats), abs=1e-9
            ), key
            checked += 1
    assert checked == 2 * (len(found) + 1) and found


@pytest.mark.parametrize(("headings", "body"), _cases()[:2])
def test_the_fast_overlap_equals_the_named_overlap_features(headings: str, body: str) -> None:
    """How a phrase lies over the rules' candidates (their characters and where they start)."""
    original = headings + "\n" + body
    text = fold(original)
    tokens = segmenter.tokens(original)
    found = tag_spans.spans(tokens)
    rng = random.Random(11)
    table = {n: rng.uniform(-2, 2) for n in ("ruled_share", "rule_starts_inside", "rule_starts_here")}
    scorer = Scorer(table, tokens, text, len(headings), _rarity, generic)
    for trial in range(20):
        ruled, starts = bytearray(len(text)), bytearray(len(text) + 1)
        for key in rng.sample(sorted(found), 4):
            for at in tag_spans.positions_in(text, key):
                ruled[at : at + len(key)] = b"\x01" * len(key)
                starts[at] = 1
        for key in found:
            at = tag_spans.positions_in(text, key)[0]
            named = tag_spans.weigh(table, tag_spans.overlap_features(key, at, ruled, starts))
            assert scorer.overlap(key, at, ruled, starts) == pytest.approx(named, abs=1e-12), (trial, key)


def test_ranking_by_fast_scores_or_by_named_features_is_the_same() -> None:
    headings, body = ARTICLES[0]
    original = headings + "\n" + body
    text = fold(original)
    tokens = segmenter.tokens(original)
    bundled = default_ranker()  # its linear model (the network's part: tests/test_tag_network.py)
    ranker = Ranker(bundled.weights, bundled.phrase_threshold, bundled.rule_threshold)
    rules = [
        Candidate(
            "石泉路街道",
            "石泉路街道",
            "place",
            "suffix",
            14.0,
            positions=tag_spans.positions_in(text, "石泉路街道"),
        )
    ]
    args = (rules, tokens, original, text, len(headings), _rarity, generic, set(), lambda _k: False)
    named = ranker.rank(describe(*args))
    fast = ranker.rank(describe(*args, weights=ranker.weights))
    assert [c.key for c in named] == [c.key for c in fast]
    assert [round(c.score, 9) for c in named] == [round(c.score, 9) for c in fast]


def _rarity(word: str) -> float:
    return (len(word) % 4) / 4


def _features(
    key: str, found: dict[str, tag_spans.Span], tokens: list[segmenter.Token], text: str, heading_end: int,
    view: tag_spans.RuleView | None,
) -> list[tag_spans.Feature]:  # fmt: skip
    positions = tag_spans.positions_in(text, key)
    return tag_spans.features(
        key, found.get(key), tokens, text, positions, heading_end, view, _rarity, generic
    )
