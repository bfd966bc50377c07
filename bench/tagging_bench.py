"""Tagging benchmark: suggestions, filtering by tags, recomputing the library IDF.

    python bench/tagging_bench.py [--issues 1000] [--filter-issues 10000] [--keep DIR]

1. imports a synthetic archive of ``--issues`` issues (``bench/synth.py``) and
   recomputes the library IDF from it (target < 20 s for 1,000 issues);
2. suggests tags for a 3,000-character article once jieba is loaded
   (target < 100 ms), with the library IDF of step 1;
3. builds a ``--filter-issues`` library with Core inserts (15 articles per
   issue, 3 tags per article) and filters it by two tags (target < 100 ms).

Prints the figures; exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from sqlalchemy import insert, select  # noqa: E402

from db.engine import Library  # noqa: E402
from db.models import Article, Block, Issue, utcnow  # noqa: E402
from db.opening import open_library  # noqa: E402
from db.tagging_models import ArticleTag, Tag  # noqa: E402
from reader.core import segmenter  # noqa: E402

ARTICLES_PER_ISSUE = 15
TAGS = 300
TAGS_PER_ARTICLE = 3


def _timed(
    fn: Callable[[], object], runs: int, before: Callable[[], object] | None = None
) -> tuple[float, float, float, float]:
    """Median, worst and best wall time and median CPU time (``time.process_time``) of ``runs`` calls,
    in ms.

    CPU time is what to compare on a machine other processes load; ``before``
    runs ahead of each call, untimed.
    """
    times = []
    cpu = []
    for _ in range(runs):
        if before is not None:
            before()
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), min(times), statistics.median(cpu)


def _report(label: str, value: float, unit: str, target: float) -> bool:
    ok = value < target
    print(f"{label:<52} {value:>9.1f} {unit:<3} (target < {target:g} {unit}) {'ok' if ok else 'MISSED'}")
    return ok


def bench_idf(work: Path, n_issues: int) -> tuple[Library, bool]:
    """Import a synthetic archive, then recompute and refresh the IDF."""
    from synth import build_archive  # type: ignore[import-not-found]

    from reader.core import segmenter
    from reader.services.importing import import_files
    from reader.services.tag_idf import recompute_idf, refresh_idf

    archive = work / "archive"
    if not archive.exists():
        build_archive(archive, n_issues, seed=0)
    db = work / "idf.sqlite3"
    db.unlink(missing_ok=True)
    library = open_library(db)
    start = time.perf_counter()
    with library.write_session() as session:
        report = import_files(session, [archive])
    print(f"imported {len(report.imported)} issues in {time.perf_counter() - start:.1f} s")
    segmenter.ensure_loaded()
    start = time.perf_counter()
    with library.writing() as session:
        articles = recompute_idf(session)
    elapsed = time.perf_counter() - start
    print(f"library IDF: {articles} articles counted")
    ok = _report(f"recompute IDF after importing {n_issues} issues", elapsed, "s", 20)
    from reader.services.tag_phrases import recompute_phrases

    start = time.perf_counter()
    with library.writing() as session:
        phrases = recompute_phrases(session)
    elapsed = time.perf_counter() - start
    print(f"{f'recurring phrases found ({phrases}, in the background)':<52} {elapsed:>9.1f} s")
    with library.writing() as session:
        start = time.perf_counter()
        refresh_idf(session)  # nothing new: the cheap path taken after every import
        print(f"{'refresh IDF with nothing new':<52} {(time.perf_counter() - start) * 1000:>9.1f} ms")
    return library, ok


def _long_article(library: Library, chars: int = 3000) -> int:
    """Insert an article of about ``chars`` characters made of the library's paragraphs."""
    with library.writing() as session:
        texts: list[str] = []
        total = 0
        rng = random.Random(1)
        pool = list(session.scalars(select(Block.text).where(Block.role == "paragraph").limit(2000)))
        while total < chars:
            texts.append(rng.choice(pool))
            total += len(texts[-1])
        now = utcnow()
        issue = session.scalars(
            insert(Issue).returning(Issue.id),
            [
                {
                    "source_name": "long.txt",
                    "source_stem": "long",
                    "sha256": "f" * 64,
                    "encoding": "utf-8",
                    "char_count": total,
                    "imported_at": now,
                }
            ],
        ).one()
        article = session.scalars(
            insert(Article).returning(Article.id),
            [{"issue_id": issue, "position": 0, "span_start": 0, "span_end": total, "updated_at": now}],
        ).one()
        session.execute(
            insert(Block),
            [
                {"article_id": article, "position": i, "role": "paragraph", "text": t, "pieces": [[0, 1]]}
                for i, t in enumerate(texts)
            ],
        )
    print(f"long article: {total} characters in {len(texts)} paragraphs")
    return article


def bench_suggestions(library: Library) -> bool:
    """Suggestions for a 3,000-character article, jieba loaded and the IDF counted."""
    from reader.services.tag_suggesting import suggest_for_article

    article = _long_article(library)
    with library.session() as session:
        start = time.perf_counter()
        first = suggest_for_article(session, article)  # reads jieba's bundled IDF the first time
        warm_up = (time.perf_counter() - start) * 1000
        print(f"{'first suggestion (bundled IDF read)':<52} {warm_up:>9.1f} ms")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        median, worst, best, cpu = _timed(
            lambda: suggest_for_article(session, article), 20, segmenter.clear_token_cache
        )
        *_, refresh_cpu = _timed(lambda: suggest_for_article(session, article), 20)
        body = "\n".join(session.scalars(select(Block.text).where(Block.article_id == article)))
        *_, cut_cpu = _timed(lambda: segmenter.tokens(body), 20, segmenter.clear_token_cache)
    print("suggested: " + ", ".join(f"{s.name}({s.kind})" for s in first))
    ok = _report("suggestions for a 3,000-character article (median)", median, "ms", 100)
    print(f"{'  worst of 20':<52} {worst:>9.1f} ms")
    print(f"{'  best of 20 (the least disturbed run)':<52} {best:>9.1f} ms")
    print(f"{'  load average (1 min) when it started':<52} {load:>9.2f}")
    ok &= _report("  the same, CPU time (process_time, median)", cpu, "ms", 100)
    print(f"{'  of which jieba cutting the article (CPU)':<52} {cut_cpu:>9.1f} ms")
    print(f"{'  refreshed, the tokens of the article kept (CPU)':<52} {refresh_cpu:>9.1f} ms")
    return ok


def build_tagged_library(path: Path, n_issues: int) -> tuple[Library, list[int]]:
    """A library of bare issues and articles with random tags, inserted with Core executemany."""
    path.unlink(missing_ok=True)
    library = open_library(path)
    rng = random.Random(0)
    now = utcnow()
    start = time.perf_counter()
    with library.writing() as session:
        conn = session.connection()
        conn.execute(
            insert(Issue),
            [
                {
                    "id": i,
                    "source_name": f"i{i}.txt",
                    "source_stem": f"i{i}",
                    "sha256": f"{i:064x}",
                    "encoding": "utf-8",
                    "char_count": 0,
                    "imported_at": now,
                }
                for i in range(1, n_issues + 1)
            ],
        )
        n_articles = n_issues * ARTICLES_PER_ISSUE
        conn.execute(
            insert(Article),
            [
                {
                    "id": a,
                    "issue_id": (a - 1) // ARTICLES_PER_ISSUE + 1,
                    "position": (a - 1) % ARTICLES_PER_ISSUE,
                    "span_start": 0,
                    "span_end": 0,
                    "updated_at": now,
                }
                for a in range(1, n_articles + 1)
            ],
        )
        conn.execute(
            insert(Tag),
            [
                {"id": t, "name": f"标签{t}", "name_key": f"标签{t}", "kind": "topic", "created_at": now}
                for t in range(1, TAGS + 1)
            ],
        )
        # Zipf-like popularity: tag 1 is on about a fifth of the articles.
        weights = [1 / t for t in range(1, TAGS + 1)]
        links = []
        for a in range(1, n_articles + 1):
            for t in set(rng.choices(range(1, TAGS + 1), weights, k=TAGS_PER_ARTICLE)):
                links.append({"article_id": a, "tag_id": t, "added_by": "bench", "added_at": now})
        conn.execute(insert(ArticleTag), links)
    print(
        f"tagged library: {n_issues} issues, {n_articles} articles, {len(links)} tag links "
        f"built in {time.perf_counter() - start:.1f} s"
    )
    return library, [1, 2, 40]


def bench_filter(work: Path, n_issues: int) -> bool:
    from reader.services.tag_queries import articles_with_tags

    library, (popular, second, rare) = build_tagged_library(work / "filter.sqlite3", n_issues)
    ok = True
    try:
        with library.session() as session:
            cases: list[tuple[str, Callable[[], list[int]]]] = [
                ("all of two popular tags", lambda: articles_with_tags(session, [popular, second])),
                ("all of a popular and a rare tag", lambda: articles_with_tags(session, [popular, rare])),
                (
                    "any of two popular tags",
                    lambda: articles_with_tags(session, [popular, second], mode="any"),
                ),
                (
                    "two tags, excluding a third",
                    lambda: articles_with_tags(session, [popular, second], exclude_ids=[rare]),
                ),
            ]
            for label, fn in cases:
                count = len(fn())
                median, *_ = _timed(fn, 20)
                ok &= _report(f"filter {n_issues} issues: {label} ({count})", median, "ms", 100)
    finally:
        library.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--issues", type=int, default=1000, help="issues imported for the IDF (default 1000)")
    parser.add_argument("--filter-issues", type=int, default=10_000, help="issues in the filter library")
    parser.add_argument("--keep", type=Path, help="keep the archive and libraries in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        library, ok = bench_idf(work, args.issues)
        try:
            ok &= bench_suggestions(library)
        finally:
            library.close()
        ok &= bench_filter(work, args.filter_issues)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
