"""How far two archivists agree, and the suggester against each of them and against both.

    python bench/tagging_agreement.py [--corpus ../shared/corpus]

NEW12 and NEW13 were each labelled twice, by two helpers who never saw each other's labels nor
the suggester's rules: the first labels are in ``bench/tagging_labels_newN.py`` (a set per
article), the second in ``bench/tagging_labels_newNb.py`` (a tuple per article, in the second
archivist's order of importance).  For each part the bench prints (names compared script- and
width-insensitively, as ``bench/tagging_quality.py`` does):

* the second archivist's first ten tags as if they were suggestions: their recall@10 against the
  first archivist's labels (the measure of ``tagging_quality.py``) and their precision@5;
* the share of each archivist's labels the other gave at all;
* the suggester's recall@10 against the first archivist, the second, the labels both gave, and
  the labels either gave; and its precision@5 against either.

Only totals are printed: the held-out parts' articles are not shown.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from tagging_quality import build_library  # type: ignore[import-not-found]  # noqa: E402

from reader.core.script import fold  # noqa: E402

PARTS = ("new12", "new13")


@dataclass(slots=True)
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, hits: int, total: int) -> None:
        self.hits += hits
        self.total += total

    def __str__(self) -> str:
        share = self.hits / self.total if self.total else 0.0
        return f"{share:.3f} ({self.hits}/{self.total})"


def second_labels(name: str) -> tuple[tuple[str, ...], ...]:
    module = importlib.import_module(f"tagging_labels_{name}b")
    labels: tuple[tuple[str, ...], ...] = getattr(module, f"{name.upper()}B")
    return labels


def main(argv: list[str] | None = None) -> int:
    from reader.services.tag_suggesting import suggest_for_article

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        library, parts = build_library(Path(tmp), args.corpus)
        try:
            with library.session() as session:
                for name in PARTS:
                    second = second_labels(name)
                    if len(second) != len(parts[name]):
                        count = len(parts[name])
                        raise SystemExit(f"{name}: {len(second)} second labellings for {count} articles")
                    human_recall, human_precision = Ratio(), Ratio()
                    a_in_b, b_in_a = Ratio(), Ratio()
                    vs_a, vs_b, vs_both, vs_either = Ratio(), Ratio(), Ratio(), Ratio()
                    precision_either = Ratio()
                    for (article_id, first_tags), ordered in zip(parts[name], second, strict=True):
                        a = {fold(t) for t in first_tags}
                        b_order = [fold(t) for t in ordered]
                        b = set(b_order)
                        human_recall.add(len(a & set(b_order[:10])), len(a))
                        human_precision.add(sum(1 for t in b_order[:5] if t in a), len(b_order[:5]))
                        a_in_b.add(len(a & b), len(a))
                        b_in_a.add(len(a & b), len(b))
                        top = [fold(s.name) for s in suggest_for_article(session, article_id, limit=10)]
                        found = set(top)
                        vs_a.add(len(a & found), len(a))
                        vs_b.add(len(b & found), len(b))
                        vs_both.add(len(a & b & found), len(a & b))
                        vs_either.add(len((a | b) & found), len(a | b))
                        precision_either.add(sum(1 for t in top[:5] if t in a | b), len(top[:5]))
                    print(f"{name}:")
                    print(f"  second archivist's first ten against the first: recall@10 {human_recall}")
                    print(f"    precision@5 {human_precision}")
                    print(f"  first's labels the second gave at all: {a_in_b}")
                    print(f"  second's labels the first gave at all: {b_in_a}")
                    print(f"  suggester recall@10 against the first: {vs_a}")
                    print(f"    against the second: {vs_b}")
                    print(f"    against the labels both gave: {vs_both}")
                    print(f"    against the labels either gave: {vs_either}")
                    print(f"  suggester precision@5 against either: {precision_either}")
        finally:
            library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
