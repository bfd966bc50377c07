"""The learned ranker: which of the article's phrases and the rules' candidates an archivist would tag.

A logistic model (``resources/dictionaries/tag_ranker.json``, trained by ``bench/tagging_train.py`` on
the labelled development parts only) weighs each candidate's features (:mod:`reader.core.tag_spans`).
The rules' candidates keep their name and kind; a phrase only the model found takes its kind from its
suffix or its head noun (else it is a topic).  A phrase named once in the body, out of quotes and with
no proper noun is not ranked (:func:`reader.core.tag_spans.worth_ranking`).  A candidate that is part of
a better one named as often, or holds one, is not offered beside it (no 金项目 next to 自治金项目).  Pure,
apart from reading the model file once.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core import segmenter, tag_heads, tag_network, tag_spans
from reader.core.paths import resources_dir
from reader.core.segmenter import Token
from reader.core.tag_candidates import kind_by_suffix
from reader.core.tag_network import Network
from reader.core.tag_ranking import Candidate
from reader.core.tag_scoring import Scorer

MODEL_FILE = "tag_ranker.json"
SCORE_SCALE = 10.0  # a suggestion's score is its probability times this
LEARNED = "learned"  # the detail of a phrase only the model found
SCORED_AGAIN = 40  # a network scores again at most this many candidates of an article (see best_scored)


class Ranker:
    """A linear model over named features, and optionally a network (:mod:`reader.core.tag_network`) that
    scores again what the linear model kept."""

    def __init__(
        self,
        weights: Mapping[str, float],
        phrase_threshold: float = 0.0,
        rule_threshold: float = 0.0,
        network: Network | None = None,
        screen_threshold: float | None = None,
    ) -> None:
        self.weights = weights
        self.phrase_threshold = phrase_threshold  # a phrase only the model found is offered from here
        self.rule_threshold = rule_threshold  # and one of the rules' candidates
        self.network = network
        # the linear model's probability below which a phrase is not described at all (the network's
        # first screen); the phrase threshold when not given
        self.screen_threshold = phrase_threshold if screen_threshold is None else screen_threshold

    names_features = False  # whether :meth:`rank` needs the features named (training) or only scores

    def floor(self) -> float | None:
        """The linear score below which a phrase only the model found is not described."""
        t = self.screen_threshold
        return math.log(t / (1 - t)) if 0 < t < 1 else None

    def probability(self, feats: Sequence[tag_spans.Feature]) -> float:
        if self.network is not None:
            return _logistic(self.network.score(feats))
        return _logistic(tag_spans.weigh(self.weights, feats))

    def rank(self, described: Sequence[Described]) -> list[Candidate]:
        """The candidates by the model's probability (as ``score``, times :data:`SCORE_SCALE`), best first.
        With a network, a candidate whose features are named is scored by it (the linear score ``z``
        only screened it)."""
        kept = []
        for item in described:
            if item.z is not None and (self.network is None or not item.features):
                p = _logistic(item.z)
            else:
                p = self.probability(item.features)
            least = self.phrase_threshold if item.phrase else self.rule_threshold
            if p < least and not _kept(item.candidate):
                continue
            item.candidate.score = p * SCORE_SCALE
            kept.append(item)
        kept.sort(key=lambda d: (-d.candidate.score, _first(d.candidate), d.candidate.key))
        return [d.candidate for d in kept]


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _kept(cand: Candidate) -> bool:
    """The byline's people and the source are offered however unlikely (after the rest)."""
    return cand.reason in ("byline", "source")


def _first(cand: Candidate) -> int:
    return cand.positions[0] if cand.positions else -1


_lock = threading.Lock()
_default: Ranker | None = None


def model_path() -> Path:
    return resources_dir() / "dictionaries" / MODEL_FILE


def load(path: Path) -> Ranker:
    """The ranker stored at ``path`` (``{"weights": {feature: weight}}``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a ranker model ({exc})") from exc
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict):
        raise ValueError(f"{path}: no weights")
    network = tag_network.parse(data["network"], str(path)) if "network" in data else None
    try:  # a weight or a threshold that is no number (null, a list) makes the file unreadable too
        threshold = float(data.get("phrase_threshold", 0.0))
        rules = float(data.get("rule_threshold", 0.0))
        screen = float(data.get("screen_threshold", threshold))
        return Ranker({str(k): float(v) for k, v in weights.items()}, threshold, rules, network, screen)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path}: not a ranker model ({exc})") from exc


def default_ranker() -> Ranker:
    """The bundled ranker, read once."""
    global _default
    with _lock:
        if _default is None:
            _default = load(model_path())
        return _default


def settle_kinds(chosen: Sequence[Candidate]) -> None:
    """Give the phrases among ``chosen`` that only the model found their kind."""
    for cand in chosen:
        if not cand.kind:
            cand.kind = _kind(cand.key)


# Bodies by a last character the suffix lists leave out, in a name of four or more characters (消防救援站,
# 志愿服务队, 澜沧茶厂): a topic's last character seldom (加油站 is a word of jieba's, one of the places).
_BODY_ENDINGS = frozenset("站队厂")
# Rivers, lakes, hills, islands and bays are named by one character after a name (青溪河, 筼筜湖, 凤凰山).
_WATER_AND_LAND = frozenset("河江湖溪塘浦泾港湾岛山岭峰")
_COMMON_STEM = 500  # a word jieba's dictionary knows this well is no name (母亲: 8,010)


def _kind(key: str) -> str:
    """A phrase only the model found is a place or organisation by its suffix or by the head noun of its
    class jieba's dictionary shows (商会, 学校, 机场: :mod:`reader.core.tag_heads`), else a topic (the rules
    decide who is a person: a word jieba calls a name that they did not offer is none)."""
    kind = kind_by_suffix(key)
    if kind:
        return kind
    heads = tag_heads.dictionary_heads()
    for length in (3, 2):
        tail = key[-length:]
        if len(key) > length and tail in heads.organisation:
            return "organisation"
        if len(key) > length and tail in heads.place:
            return "place"
    if len(key) >= 3 and key[-1] in _WATER_AND_LAND and not segmenter.common_word(key[:-1], _COMMON_STEM):
        return "place"  # 青溪河, not 母亲河
    return "organisation" if len(key) >= 4 and key[-1] in _BODY_ENDINGS else "topic"


@dataclass(slots=True)
class Described:
    """A candidate and its features."""

    candidate: Candidate
    features: list[tag_spans.Feature]
    phrase: bool = False  # only the model found it: offered when likely enough, its kind settled then
    z: float | None = None  # the linear score, when computed without naming the features


def _covered(text: str, names: Collection[str]) -> bytearray:
    """1 where one of ``names`` occurs in ``text``: a phrase named only inside them is a piece of them."""
    covered = bytearray(len(text))
    for name in names:
        if name:
            for at in tag_spans.positions_in(text, name):
                covered[at : at + len(name)] = b"\x01" * len(name)
    return covered


def _inside(covered: bytearray, positions: Sequence[int], length: int) -> bool:
    """Whether every occurrence lies inside the ``covered`` characters."""
    return all(covered.find(0, p, p + length) < 0 for p in positions)


def _lowercase_word(original: str, text: str, positions: Sequence[int], key: str) -> bool:
    """Whether the phrase is a Latin word written in lower case wherever named (supported, project: the
    English of a sentence; names and acronyms are capitalised: AI, APP, WeChat, iPhone)."""
    if not key.isascii() or not key.isalpha() or len(original) != len(text):
        return False
    return all(original[p : p + len(key)].islower() for p in positions)


def describe(
    rules: Sequence[Candidate],
    tokens: Sequence[Token],
    original: str,
    text: str,
    heading_end: int,
    rarity: Callable[[str], float],
    generic: Callable[[str], bool],
    excluded: Collection[str],
    blocked: Callable[[str], bool],
    weights: Mapping[str, float] | None = None,
    floor: float | None = None,
    named: bool = False,
) -> list[Described]:
    """The rules' candidates (in the rules' order) and the article's phrases, with their features.

    ``excluded`` keys are never offered (applied, dismissed, the library's tags); ``blocked`` says which
    phrases are never offered unless the rules found them (generic words, common words that are no names,
    short forms of the library's tags).  With ``weights`` each candidate's linear score is computed
    directly (:class:`reader.core.tag_scoring.Scorer`) and its features are not named; a phrase whose
    score is below ``floor`` then is not described at all (it would not be offered).  With ``named`` too,
    only the best of what is described are kept (:func:`best_scored`), their features named as well (for a
    network to score them again).
    """
    scorer = Scorer(weights, tokens, text, heading_end, rarity, generic) if weights is not None else None
    views = tag_spans.rule_views([(c.key, c.score, c.reason, c.kind) for c in rules])
    by_key = {c.key: c for c in reversed(rules)}
    found = tag_spans.spans(tokens, scorer.breaks if scorer is not None else None)
    inside = _covered(text, excluded)
    ruled = _covered(text, by_key)
    starts = bytearray(len(text) + 1)
    for cand in rules:
        for at in cand.positions:
            starts[at] = 1
    out: list[Described] = []
    later: list[tuple[tag_spans.Span | None, Sequence[int], tag_spans.RuleView | None]] = []
    for key in {**found, **dict.fromkeys(by_key)}:  # the article's order, then the rules'
        if key in excluded or len(key) < 2:
            continue
        span = found.get(key)
        rule = by_key.get(key)
        if rule is None and blocked(key):
            continue
        positions = (
            rule.positions if rule is not None and rule.positions else tag_spans.positions_in(text, key)
        )
        if rule is None and (
            not positions
            or not tag_spans.worth_ranking(span, tokens, text, positions, heading_end)  # the cheaper test
            or (excluded and _inside(inside, positions, len(key)))
            or _inside(ruled, positions, len(key))
        ):
            continue  # a phrase named only inside a name given or found is a piece of it (the byline's
            #           people and the source need not occur in the text; a phrase must)
        view = views.get(key)
        z = None if scorer is None else scorer.score(key, span, positions, view)
        if rule is None and _lowercase_word(original, text, positions, key):
            continue
        if rule is None and scorer is not None and z is not None:  # the linear model's screen
            z += scorer.overlap(key, positions[0], ruled, starts)
            if floor is not None and z < floor:
                continue
        feats: list[tag_spans.Feature] = []
        if scorer is None:
            feats = tag_spans.features(key, span, tokens, text, positions, heading_end, view, rarity, generic)
            if rule is None:
                feats += tag_spans.overlap_features(key, positions[0], ruled, starts)
        later.append((span, positions, view))
        if rule is None:
            at = positions[0]
            name = original[at : at + len(key)] if len(original) == len(text) else key
            cand = Candidate(key, name, "", "phrase", positions=list(positions), detail=LEARNED)
            out.append(Described(cand, feats, True, z))
            continue
        out.append(Described(rule, feats, False, z))
    if not named or scorer is None:
        return out
    best = best_scored(out)
    for i in best:  # the features of what the network scores again, named as in training
        item = out[i]
        span, where, view = later[i]
        key = item.candidate.key
        feats = tag_spans.features(key, span, tokens, text, where, heading_end, view, rarity, generic)
        if item.phrase:
            feats += tag_spans.overlap_features(key, where[0], ruled, starts)
        item.features = feats
    return [out[i] for i in sorted(best)]


def best_scored(described: Sequence[Described]) -> list[int]:
    """Where in ``described`` the :data:`SCORED_AGAIN` candidates of the best linear score are, and the
    byline's people and the source wherever they are: what a network scores again (the rest is not
    offered: none of it would reach the first ten)."""
    order = sorted(range(len(described)), key=lambda i: -(described[i].z or 0.0))
    return [*order[:SCORED_AGAIN], *(i for i in order[SCORED_AGAIN:] if _kept(described[i].candidate))]


# A name's places before it: a province, city, district or county, one to three of them (青岛市崂山区).
_PLACES_BEFORE = re.compile(r"(?:[\u3400-\u9fff]{1,6}?(?:省|市|自治区|自治州|州|盟|新区|区|县|旗)){1,3}")


def same_body(a: str, b: str) -> bool:
    """Whether one of two names is the other with places before it (青岛市崂山区海贝幼儿园, 海贝幼儿园):
    one body, offered once (round 19)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return (
        len(short) >= 4
        and long.endswith(short)
        and _PLACES_BEFORE.fullmatch(long[: len(long) - len(short)]) is not None
    )


def select(ranked: Sequence[Candidate], limit: int, above: Sequence[Candidate] = ()) -> list[Candidate]:
    """The best ``limit`` candidates, leaving out one that is part of, or holds, a better one (or one of
    ``above``, offered before them) named as often, and one that is a better one with or without the
    places before it (:func:`same_body`)."""
    out: list[Candidate] = list(above)
    limit += len(out)
    for cand in ranked:
        count = len(cand.positions)
        if any(
            ((cand.key in o.key or o.key in cand.key) and len(o.positions) == count)
            or same_body(cand.key, o.key)
            for o in out
        ):
            continue
        out.append(cand)
        if len(out) >= limit:
            break
    return out[len(above) :]
