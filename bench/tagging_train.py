"""Train the learned tag ranker on the labelled development parts; write its model.

    python bench/tagging_train.py [--corpus ../shared/corpus] [--l2 1.0] [--cross] [--out PATH]

Builds the labelled library of ``bench/tagging_quality.py`` and, for every article of the parts it
was tuned or developed on (never a ``HELD_OUT`` part), describes every candidate the suggester
considers (the rules' candidates and the article's phrases, :mod:`reader.core.tag_spans`); a candidate
is positive when it is one of the article's labels.  Fits a logistic regression with an L2 penalty
(numpy, full-batch Adam) on the features seen at least ``MIN_SEEN`` times and writes the weights to
``resources/dictionaries/tag_ranker.json`` (or ``--out``).  ``--cross`` first prints recall@10 and
precision@5 part by part, each part ranked by a model trained on the other development parts
(leave one part out), beside the rules' own ranking.
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
from reader.core.tag_ranker import Described, Ranker, model_path, select  # noqa: E402
from reader.core.tag_ranking import Candidate  # noqa: E402

MIN_SEEN = 3
THRESHOLDS = (0.0, 0.05, 0.1, 0.2)  # tried for the rules' candidates by --cross
PHRASE_THRESHOLD = 0.1  # a phrase only the model found is offered from this probability
RULE_THRESHOLD = 0.05  # and one of the rules' candidates (not the byline's people or the source)
EPOCHS = 400
RATE = 0.05


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


def fit(articles: Sequence[Article], l2: float) -> dict[str, float]:
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
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    s = np.zeros_like(w)
    n = len(rows)
    for t in range(1, EPOCHS + 1):
        z = (w[idx] * val).sum(axis=1)
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        g = np.bincount(idx.ravel(), weights=((p - y)[:, None] * val).ravel(), minlength=len(w)) / n
        g += l2 * w / n
        m = 0.9 * m + 0.1 * g
        s = 0.999 * s + 0.001 * g * g
        w -= RATE * (m / (1 - 0.9**t)) / (np.sqrt(s / (1 - 0.999**t)) + 1e-8)
    return {name: round(float(x), 5) for name, x in zip(names, w, strict=True) if abs(x) >= 1e-4}


def score(
    articles: Sequence[Article], weights: dict[str, float], threshold: float, rule_threshold: float = 0.0
) -> tuple[int, int, int, int, int]:
    ranker = Ranker(weights, threshold, rule_threshold)
    found = labels = right5 = shown5 = rules_found = 0
    for a in articles:
        described = [Described(c, f, p) for c, f, p in zip(a.candidates, a.features, a.phrases, strict=True)]
        top = [c.key for c in select(ranker.rank(described), 10)]
        found += len(a.labels & set(top))
        labels += len(a.labels)
        right5 += sum(1 for k in top[:5] if k in a.labels)
        shown5 += len(top[:5])
        rules_found += len(a.labels & set(a.rules_top))
    return found, labels, right5, shown5, rules_found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--cross", action="store_true")
    parser.add_argument("--cache", type=Path, help="keep the described candidates here (same features)")
    parser.add_argument("--threshold", type=float, default=PHRASE_THRESHOLD)
    parser.add_argument("--rule-threshold", type=float, default=RULE_THRESHOLD)
    parser.add_argument("--out", type=Path, default=model_path())
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
        totals = {t: [0, 0, 0, 0, 0] for t in THRESHOLDS}
        for part in parts:
            weights = fit([a for a in articles if a.part != part], args.l2)
            line = f"{part:<8}"
            for t in THRESHOLDS:
                figures = score([a for a in articles if a.part == part], weights, args.threshold, t)
                totals[t] = [x + y for x, y in zip(totals[t], figures, strict=True)]
                found, labels, right5, shown5, rules = figures
                line += f"  {found / labels:.3f}/{right5 / shown5:.3f}"
            print(line + f"  (rules {rules / labels:.3f})", flush=True)
        for t, (found, labels, right5, shown5, rules) in totals.items():
            print(
                f"all, phrases from p >= {args.threshold:.2f}, the rules' from {t:.2f}:"
                f" recall@10 {found / labels:.3f} (rules {rules / labels:.3f})"
                f"  precision@5 {right5 / shown5:.3f}"
            )
    weights = fit(articles, args.l2)
    model = {
        "about": "Jiaokan's learned tag ranker: a logistic model over reader/core/tag_spans.py's features,"
        " written by bench/tagging_train.py",
        "trained_on": parts,
        "l2": args.l2,
        "phrase_threshold": args.threshold,
        "rule_threshold": args.rule_threshold,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
