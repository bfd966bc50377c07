"""Crash-safety benchmark: SIGKILL a writer at random moments, verify every acknowledged save.

    python bench/crash_bench.py            # 50 kills (as the test suite)
    python bench/crash_bench.py --long     # 1000 kills, every 20th writer a cold interpreter
    python bench/crash_bench.py --kills N [--articles N] [--seed S] [--checks ARTICLES]

The writer (``tests/crash_writer.py``) saves whole articles through the real
save path and acknowledges each commit; after every kill the library must pass
``integrity_check``, hold every acknowledged save and no half-written one, and
have each article's content hash saved with its text.  ``--checks N`` also
times the safety operations (quick_check, integrity_check, hash verification,
backup) on a library of N articles, to decide what can run at every opening.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def crash_figures(kills: int, articles: int, seed: int, cold_every: int, work: Path) -> int:
    from tests.crash_writer import crash_loop, make_library

    library = work / "crash.sqlite3"
    make_library(library, articles=articles)
    start = time.perf_counter()
    stats = crash_loop(library, kills, work, seed=seed, cold_every=cold_every)
    elapsed = time.perf_counter() - start
    print(f"kills survived:          {stats.kills - bool(stats.problems)} of {stats.kills}")
    print(f"  while saving:          {stats.kills_while_saving}")
    print(f"  cold interpreters:     {stats.cold_starts}")
    print(f"acknowledged saves:      {stats.acks} (all verified present after every kill)")
    print(f"committed, unacked:      {stats.in_flight} (found after the kill; allowed, and whole)")
    print(f"half-written saves:      {sum('different saves' in p for p in stats.problems)}")
    print(
        f"time:                    {elapsed:.1f} s ({elapsed / max(stats.kills, 1) * 1000:.0f} ms per kill)"
    )
    print(f"library size:            {library.stat().st_size / 1e6:.2f} MB")
    for problem in stats.problems:
        print(f"PROBLEM: {problem}")
    return 1 if stats.problems else 0


def check_figures(articles: int, work: Path) -> None:
    from sqlalchemy import text

    from db.backup import backup_before
    from db.integrity import full_check, quick_check
    from db.opening import open_library
    from tests.crash_writer import make_library

    path = work / "big.sqlite3"
    make_library(path, articles=articles, blocks=12)
    library = open_library(path)
    with library.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    size = path.stat().st_size / 1e6
    timings = []
    for name, run in (
        ("quick_check", lambda: quick_check(library.engine)),
        ("full check (integrity, fk, hashes)", lambda: full_check(library)),
        ("verified backup", lambda: backup_before(path, "manual")),
    ):
        start = time.perf_counter()
        run()
        timings.append((name, time.perf_counter() - start))
    library.close()
    print(f"\nlibrary of {articles} articles x 12 blocks (about 460 characters each): {size:.1f} MB")
    for name, seconds in timings:
        print(f"  {name + ':':<36} {seconds * 1000:8.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--long", action="store_true", help="1000 kills with cold starts, and the timing figures"
    )
    parser.add_argument("--kills", type=int, help="number of kills (default 50, 1000 with --long)")
    parser.add_argument("--articles", type=int, default=6, help="articles the writer edits (default 6)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--checks", type=int, metavar="ARTICLES", help="also time the checks on this many articles"
    )
    args = parser.parse_args()
    kills = args.kills or (1000 if args.long else 50)
    checks = args.checks or (10_000 if args.long else 0)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("JIAOKAN_DATA_DIR", str(Path(tmp) / "data"))
        status = crash_figures(kills, args.articles, args.seed, 20 if args.long else 0, Path(tmp))
        if checks:
            check_figures(checks, Path(tmp))
    return status


if __name__ == "__main__":
    sys.exit(main())
