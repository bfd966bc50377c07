"""Service time of opening an article: the reading pane's read model against the export document.

    python bench/article_view_bench.py [--issues 10000] [--runs 200]

Builds the synthetic library of ``bench/gui_bench.py`` (10,000 issues, 8
articles each, one article of 3,000 characters), then times, in one process
with warm caches, reading the long article and random others with
``reader.services.article_view.article_view`` (what opening an article
reads now) and with ``reader.services.documents.article_document`` (the
export document it read before).  Target: article_view <= 5 ms at 10,000
issues.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TARGET_MS = 5.0


def _times(read: Callable[[int], object], ids: list[int]) -> list[float]:
    out = []
    for article_id in ids:
        start = time.perf_counter()
        read(article_id)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    from bench.gui_bench import ARTICLES_PER_ISSUE, build_library
    from db.opening import open_library
    from reader.services.article_view import article_view
    from reader.services.documents import article_document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        started = time.perf_counter()
        _issue_id, long_id = build_library(path, args.issues)
        print(f"library of {args.issues:,} issues built in {time.perf_counter() - started:.1f} s")
        library = open_library(path)
        rng = random.Random(1)
        others = [rng.randint(1, args.issues * ARTICLES_PER_ISSUE) for _ in range(args.runs)]
        try:
            with library.session() as session:
                for name, read in (
                    ("article_view", lambda i: article_view(session, i)),
                    ("article_document (before)", lambda i: article_document(session, i)),
                ):
                    read(long_id)  # warm
                    long_ms = _times(read, [long_id] * args.runs)
                    other_ms = _times(read, others)
                    print(
                        f"{name:28s} long article: median {statistics.median(long_ms):.2f} ms, "
                        f"p95 {sorted(long_ms)[int(len(long_ms) * 0.95)]:.2f} ms; "
                        f"random articles: median {statistics.median(other_ms):.2f} ms"
                    )
                    if name == "article_view":
                        ok = statistics.median(long_ms) <= TARGET_MS
                        print(f"  target <= {TARGET_MS} ms: {'met' if ok else 'MISSED'}")
        finally:
            library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
