"""Benchmark a team library on PostgreSQL: concurrent editors, and search at 80,000 articles.

Starts its own PostgreSQL server (``tests/pg_server.py``: initdb into a
temporary folder, run as the ``postgres`` user when root), unless ``--url``
names an existing server database to use (it must be empty).

Editors: ``--editors`` processes (default 8) edit a shared set of articles
for ``--seconds`` (default 60) through the real save path (the version
compared and swapped in the ``UPDATE``); every save appends the editor's own
token, so afterwards every acknowledged save must be found exactly once.
Prints saves per second, the p50/p95 save latency, conflicts detected and lost
updates (must be 0).

Search: ``--articles`` synthetic articles (default 80,000 of ~1,000
characters, as ``bench/search_bench.py``) indexed on PostgreSQL; p50/p95 of the
newest-first first page (100) and of all hits, checked against a substring scan.

    .venv/bin/python bench/team_bench.py
    .venv/bin/python bench/team_bench.py --seconds 10 --articles 20000
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FIRST_PAGE = 100
ARTICLES_EDITED = 12


def _p(times: list[float], q: int) -> float:
    if len(times) < 2:
        return times[0] if times else 0.0
    return statistics.quantiles(times, n=100)[q - 1]


def editor(
    url: str, name: str, articles: list[int], start_at: float, seconds: float, seed: int
) -> dict[str, Any]:
    """One editor process: save, save, save… until ``until``; returns its saves and latencies."""
    from sqlalchemy import select

    from db.models import Article, Block
    from db.opening import open_library
    from reader.services.tracking.saving import StaleVersion, save_article_text

    rng = random.Random(seed)
    library = open_library(url)
    saved: dict[int, list[str]] = {a: [] for a in articles}
    latencies: list[float] = []
    conflicts = 0
    n = 0
    time.sleep(max(0.0, start_at - time.time()))  # every editor starts together, once all are loaded
    until = start_at + seconds
    while time.time() < until:
        article = rng.choice(articles)
        with library.session() as session:
            version = session.get_one(Article, article).version
            blocks = list(session.execute(select(Block.id, Block.text).where(Block.article_id == article)))
        token = f"[{name}.{n}]"
        first_id, first_text = min(blocks)
        t0 = time.perf_counter()
        try:
            with library.writing() as session:
                save_article_text(
                    session, article, {first_id: first_text + token}, author=name, base_version=version
                )
        except StaleVersion:
            conflicts += 1
            continue
        latencies.append((time.perf_counter() - t0) * 1000)
        saved[article].append(token)
        n += 1
    library.close()
    return {"saved": saved, "latencies": latencies, "conflicts": conflicts}


def run_editors(url: str, editors: int, seconds: float) -> None:
    from sqlalchemy import select

    from db.models import Block
    from db.opening import open_library
    from tests.safety_support import add_articles

    library = open_library(url)
    ids = add_articles(library, articles=ARTICLES_EDITED, blocks=3)
    start_at = time.time() + 3 + 1.5 * editors  # time for every process to load
    timing = [str(start_at), str(seconds)]
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, "--editor", url, f"E{n}", json.dumps(ids), *timing, str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(editors)
    ]
    results = []
    errors = 0
    for process in processes:
        out, err = process.communicate(timeout=seconds + 120)
        if process.returncode != 0:
            errors += 1
            print(err[-2000:], file=sys.stderr)
            continue
        results.append(json.loads(out))
    latencies = [t for r in results for t in r["latencies"]]
    saves = len(latencies)
    conflicts = sum(r["conflicts"] for r in results)
    lost = 0
    with library.session() as session:
        texts = {
            article_id: text
            for article_id, text in session.execute(
                select(Block.article_id, Block.text).where(Block.article_id.in_(ids), Block.position == 0)
            )
        }
    for r in results:
        for article_id, tokens in r["saved"].items():
            lost += sum(texts[int(article_id)].count(token) != 1 for token in tokens)
    library.close()
    print(
        f"{editors} editors, {seconds:.0f} s, {ARTICLES_EDITED} shared articles: "
        f"{saves / seconds:.1f} saves/s, save latency p50 {_p(latencies, 50):.1f} ms "
        f"p95 {_p(latencies, 95):.1f} ms, "
        f"conflicts detected {conflicts}, lost updates {lost}, failed processes {errors}"
    )


def run_search(url: str, count: int, chars: int, seed: int) -> bool:
    import sqlalchemy as sa

    from bench.search_bench import _queries, synthesize
    from reader.core.script import fold
    from reader.core.search_index import create_index_ddl, index_rows, search_ids

    articles = synthesize(count, chars, seed)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for statement in create_index_ddl("postgresql"):
            conn.exec_driver_sql(statement)
    start = time.perf_counter()
    with engine.begin() as conn:
        index_rows(conn, enumerate(articles, start=1))
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE article_search")
        conn.commit()
    elapsed = time.perf_counter() - start
    total = sum(map(len, articles))
    print(f"indexed {count:,} articles on PostgreSQL in {elapsed:.1f} s ({total / elapsed:,.0f} chars/s)")
    folded = [fold(text) for text in articles]
    all_equal = True
    with engine.connect() as conn:
        search_ids(conn, "的", limit=FIRST_PAGE)
        for kind, queries in _queries(random.Random(seed + 1), articles).items():
            first_times: list[float] = []
            all_times: list[float] = []
            hits = []
            for query in queries:
                t0 = time.perf_counter()
                first = search_ids(conn, query, limit=FIRST_PAGE)
                first_times.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                ids = search_ids(conn, query)
                all_times.append((time.perf_counter() - t0) * 1000)
                hits.append(len(ids))
                words = fold(query).split()
                expected = [i + 1 for i in range(count - 1, -1, -1) if all(w in folded[i] for w in words)]
                all_equal &= ids == expected and first == ids[:FIRST_PAGE]
            print(
                f"{kind:>7}: first {FIRST_PAGE} p50 {statistics.median(first_times):6.2f} ms "
                f"p95 {_p(first_times, 95):6.2f} ms | all hits p50 {statistics.median(all_times):7.2f} ms "
                f"p95 {_p(all_times, 95):7.2f} ms | median hits {statistics.median(hits):,.0f}"
            )
    engine.dispose()
    print(f"results equal a substring scan over {count:,} articles: {all_equal}")
    return all_equal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", help="an empty PostgreSQL database to use (default: start a server)")
    parser.add_argument("--editors", type=int, default=8, help="editor processes (0: search only)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--articles", type=int, default=80_000, help="articles to search (0: editors only)")
    parser.add_argument("--chars", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args(argv)
    server = None
    if args.url is None:
        from tests.pg_server import start_server

        server = start_server()
        editors_url, search_url = server.createdb("team_bench"), server.createdb("team_search")
    else:
        editors_url = search_url = args.url
    try:
        if args.editors:
            run_editors(editors_url, args.editors, args.seconds)
        ok = run_search(search_url, args.articles, args.chars, args.seed) if args.articles else True
    finally:
        if server is not None:
            server.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--editor":
        _url, _name, _ids, _start, _seconds, _seed = sys.argv[2:]
        print(json.dumps(editor(_url, _name, json.loads(_ids), float(_start), float(_seconds), int(_seed))))
        raise SystemExit(0)
    raise SystemExit(main())
