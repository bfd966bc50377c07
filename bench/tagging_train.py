"""Train the learned tag ranker on the labelled development parts; write its model.

    python bench/tagging_train.py [--corpus ../shared/corpus] [--l2 1.0] [--hidden 16] [--screen 0.1]
        [--cross] [--out PATH]

Builds the labelled library of ``bench/tagging_quality.py`` and, for every article of the parts it
was tuned or developed on (never a ``HELD_OUT`` part), describes every candidate the suggester
considers (the rules' candidates and the article's phrases, :mod:`reader.core.tag_spans`); a candidate
is positive when it is one of the article's labels.  Fits a logistic regression with an L2 penalty
(numpy, full-batch Adam) on the features seen at least ``MIN_SEEN`` times and, with ``--hidden`` units
(16 unless 0 is given), a network of one hidden layer over the same features
(:mod:`reader.core.tag_network`), which in the app scores again the phrases the linear model gives at
least ``--screen``; writes both to ``resources/dictionaries/tag_ranker.json`` (or ``--out``).
``--cross`` first prints recall@10 and precision@5 part by part, each part ranked by models trained on
the other development parts (leave one part out), beside the rules' own ranking.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import tagging_quality  # type: ignore[import-not-found]  # noqa: E402

from reader.core.script import fold  # noqa: E402
from reader.core.tag_network import Network  # noqa: E402
from reader.core.tag_ranker import Described, Ranker, best_scored, model_path, select  # noqa: E402
from reader.core.tag_ranking import Candidate  # noqa: E402
from reader.core.tag_spans import weigh  # noqa: E402

MIN_SEEN = 3
PHRASE_THRESHOLD = 0.1  # a phrase only the model found is offered from this probability
RULE_THRESHOLD = 0.05  # and one of the rules' candidates (not the byline's people or the source)
EPOCHS = 400
RATE = 0.05
NETWORK_RATE = 0.02
HIDDEN = 16  # the network's units (0: the linear model alone)
SCREEN_THRESHOLD = 0.03  # with a network, a phrase the linear model gives less than this is not scored again


class Recorder(Ranker):
    """Keeps what it is asked to rank (its features named); ranks by the rules' order."""

    names_features = True

    def __init__(self) -> None:
        super().__init__({})
        self.described: list[Described] = []

    def rank(self, described: Sequence[Described]) -> list[Candidate]:
        self.described = list(described)
        return [d.candidate for d in described]


@dataclass
class Article:
    part: str
    labels: frozenset[str]
    keys: list[str]
    counts: list[int]
    candidates: list[Candidate]
    features: list[list[tuple[str, float]]]
    phrases: list[bool]
    rules_top: list[str]


def collect(corpus: Path) -> list[Article]:
    from reader.services.tag_suggesting import suggest_for_article

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        library, parts = tagging_quality.build_library(Path(tmp), corpus)
        try:
            with library.session() as session:
                for part, articles in parts.items():
                    if part in tagging_quality.HELD_OUT:
                        continue
                    for article_id, tags in articles:
                        recorder = Recorder()
                        rules_top = suggest_for_article(session, article_id, limit=10, ranker=recorder)
                        described = recorder.described
                        out.append(
                            Article(
                                part,
                                frozenset(fold(t) for t in tags),
                                [d.candidate.key for d in described],
                                [len(d.candidate.positions) for d in described],
                                [d.candidate for d in described],
                                [d.features for d in described],
                                [d.phrase for d in described],
                                [fold(s.name) for s in rules_top],
                            )
                        )
        finally:
            library.close()
    return out


def _matrix(articles: Sequence[Article]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """The features seen at least ``MIN_SEEN`` times, and every candidate's as indices and values (padded
    with zeros), and whether each candidate is a label."""
    seen: Counter[str] = Counter(name for a in articles for feats in a.features for name, _ in feats)
    names = sorted(n for n, c in seen.items() if c >= MIN_SEEN)
    index = {n: i for i, n in enumerate(names)}
    rows = [[(index[n], v) for n, v in feats if n in index] for a in articles for feats in a.features]
    y = np.array([k in a.labels for a in articles for k in a.keys], dtype=float)
    width = max(len(r) for r in rows)
    idx = np.zeros((len(rows), width), dtype=np.int64)
    val = np.zeros((len(rows), width))
    for r, row in enumerate(rows):
        for c, (i, v) in enumerate(row):
            idx[r, c], val[r, c] = i, v
    return names, idx, val, y


def fit(articles: Sequence[Article], l2: float) -> dict[str, float]:
    """The linear model's weights."""
    names, idx, val, y = _matrix(articles)
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    s = np.zeros_like(w)
    n = len(y)
    for t in range(1, EPOCHS + 1):
        z = (w[idx] * val).sum(axis=1)
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        g = np.bincount(idx.ravel(), weights=((p - y)[:, None] * val).ravel(), minlength=len(w)) / n
        g += l2 * w / n
        m = 0.9 * m + 0.1 * g
        s = 0.999 * s + 0.001 * g * g
        w -= RATE * (m / (1 - 0.9**t)) / (np.sqrt(s / (1 - 0.999**t)) + 1e-8)
    return {name: round(float(x), 5) for name, x in zip(names, w, strict=True) if abs(x) >= 1e-4}


def fit_network(articles: Sequence[Article], l2: float, hidden: int) -> Network:
    """A network of ``hidden`` rectified units and a linear part over the same features (full-batch
    Adam on the logistic loss, an L2 penalty on every weight, a fixed seed: the same data give the same
    model)."""
    names, idx, val, y = _matrix(articles)
    n, width = len(y), len(names)
    rng = np.random.default_rng(0)
    params = {
        "linear": np.zeros(width),
        "into": rng.standard_normal((width, hidden)) * 0.05,
        "bias": np.zeros(hidden),
        "output": rng.standard_normal(hidden) * 0.05,
    }
    m = {k: np.zeros_like(p) for k, p in params.items()}
    s = {k: np.zeros_like(p) for k, p in params.items()}
    flat = idx.ravel()

    def gather(g: np.ndarray) -> np.ndarray:  # Σ over candidates of g × their feature values, by feature
        return np.bincount(flat, weights=(g[:, None] * val).ravel(), minlength=width)

    for t in range(1, EPOCHS + 1):
        linear, into, bias, output = params["linear"], params["into"], params["bias"], params["output"]
        pre = (into[idx] * val[:, :, None]).sum(axis=1) + bias
        units = np.maximum(pre, 0)
        z = (linear[idx] * val).sum(axis=1) + units @ output
        gz = (1 / (1 + np.exp(-np.clip(z, -30, 30))) - y) / n
        g_units = gz[:, None] * output[None, :] * (pre > 0)
        grads = {
            "linear": gather(gz) + l2 * linear / n,
            "into": np.stack([gather(g_units[:, k]) for k in range(hidden)], axis=1) + l2 * into / n,
            "bias": g_units.sum(axis=0),
            "output": units.T @ gz,
        }
        for k, g in grads.items():
            m[k] = 0.9 * m[k] + 0.1 * g
            s[k] = 0.999 * s[k] + 0.001 * g * g
            params[k] -= NETWORK_RATE * (m[k] / (1 - 0.9**t)) / (np.sqrt(s[k] / (1 - 0.999**t)) + 1e-8)
    inputs = {
        name: (round(float(params["linear"][i]), 5), tuple(round(float(x), 5) for x in params["into"][i]))
        for i, name in enumerate(names)
    }
    return Network(
        inputs,
        tuple(round(float(x), 5) for x in params["bias"]),
        tuple(round(float(x), 5) for x in params["output"]),
    )


def dump(model: dict[str, object]) -> str:
    """The model file's text: a weight per line, and the network's weights of a feature on one line."""
    network = model.get("network")
    text = json.dumps({k: v for k, v in model.items() if k != "network"}, ensure_ascii=False, indent=0)
    if isinstance(network, dict):
        head = json.dumps({k: v for k, v in network.items() if k != "inputs"}, ensure_ascii=False)
        inputs = network["inputs"]
        rows = ",\n".join(f"{json.dumps(n, ensure_ascii=False)}: {json.dumps(r)}" for n, r in inputs.items())
        text = text[:-1].rstrip() + ',\n"network": ' + head[:-1] + ', "inputs": {\n' + rows + "\n}}\n}"
    if json.loads(text) != model:
        raise AssertionError("the model file would not read back as written")
    return text + "\n"


def network_json(network: Network) -> dict[str, object]:
    """``network`` as stored in the model file (:func:`reader.core.tag_network.parse` reads it)."""
    return {
        "hidden": len(network.bias),
        "bias": list(network.bias),
        "output": list(network.output),
        "inputs": {name: [linear, *into] for name, (linear, into) in sorted(network.inputs.items())},
    }


def score(articles: Sequence[Article], ranker: Ranker) -> tuple[int, int, int, int, int]:
    """recall@10's and precision@5's counts under ``ranker`` (with a network, a phrase the linear model
    screens out is not ranked, nor what is not among its best, as in the app), and the rules' own recall@10
    count."""
    floor = ranker.floor() if ranker.network is not None else None
    found = labels = right5 = shown5 = rules_found = 0
    for a in articles:
        scored = [
            Described(c, f, p, weigh(ranker.weights, f))
            for c, f, p in zip(a.candidates, a.features, a.phrases, strict=True)
        ]
        described = [d for d in scored if floor is None or not d.phrase or (d.z or 0.0) >= floor]
        if floor is not None:  # the network scores again only the linear model's best, as in the app
            described = [described[i] for i in sorted(best_scored(described))]
        top = [c.key for c in select(ranker.rank(described), 10)]
        found += len(a.labels & set(top))
        labels += len(a.labels)
        right5 += sum(1 for k in top[:5] if k in a.labels)
        shown5 += len(top[:5])
        rules_found += len(a.labels & set(a.rules_top))
    return found, labels, right5, shown5, rules_found


def train(articles: Sequence[Article], args: argparse.Namespace, rule_threshold: float) -> Ranker:
    """The linear model, and the network when ``--hidden`` asks for one, trained on ``articles``."""
    weights = fit(articles, args.l2)
    network = fit_network(articles, args.l2, args.hidden) if args.hidden else None
    return Ranker(weights, args.threshold, rule_threshold, network, args.screen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--cross", action="store_true")
    parser.add_argument("--cache", type=Path, help="keep the described candidates here (same features)")
    parser.add_argument("--threshold", type=float, default=PHRASE_THRESHOLD)
    parser.add_argument("--rule-threshold", type=float, default=RULE_THRESHOLD)
    parser.add_argument("--out", type=Path, default=model_path())
    parser.add_argument("--hidden", type=int, default=HIDDEN, help="the network's units (0: none)")
    parser.add_argument("--screen", type=float, default=SCREEN_THRESHOLD)
    args = parser.parse_args(argv)
    if args.cache is not None and args.cache.exists():
        articles = pickle.loads(args.cache.read_bytes())
    else:
        articles = collect(args.corpus)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(articles))
    parts = list(dict.fromkeys(a.part for a in articles))
    print(f"{len(articles)} articles of {len(parts)} parts; held out: {', '.join(tagging_quality.HELD_OUT)}")
    if args.cross:
        totals = [0, 0, 0, 0, 0]
        for part in parts:
            ranker = train([a for a in articles if a.part != part], args, args.rule_threshold)
            figures = score([a for a in articles if a.part == part], ranker)
            totals = [x + y for x, y in zip(totals, figures, strict=True)]
            found, labels, right5, shown5, rules = figures
            print(
                f"{part:<8}  {found / labels:.3f}/{right5 / shown5:.3f}  (rules {rules / labels:.3f})",
                flush=True,
            )
        found, labels, right5, shown5, rules = totals
        print(
            f"all, phrases from p >= {args.threshold:.2f}, the rules' from {args.rule_threshold:.2f}"
            f"{f', a network of {args.hidden} units' if args.hidden else ''}:"
            f" recall@10 {found / labels:.3f} (rules {rules / labels:.3f})  precision@5 {right5 / shown5:.3f}"
        )
    ranker = train(articles, args, args.rule_threshold)
    model: dict[str, object] = {
        "about": "Jiaokan's learned tag ranker: a logistic model over reader/core/tag_spans.py's features"
        " and a network scoring again what it keeps, written by bench/tagging_train.py",
        "trained_on": parts,
        "l2": args.l2,
        "phrase_threshold": args.threshold,
        "rule_threshold": args.rule_threshold,
        "weights": dict(sorted(ranker.weights.items())),
    }
    if ranker.network is not None:
        model["screen_threshold"] = args.screen
        model["network"] = network_json(ranker.network)
    args.out.write_text(dump(model), encoding="utf-8")
    units = f" and a network of {args.hidden} units" if ranker.network is not None else ""
    print(f"{len(ranker.weights)} weights{units} written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
