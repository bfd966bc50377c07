"""How long loading jieba in a worker holds the other threads (the window's) back, and how long it takes.

    python bench/jieba_load_bench.py [--runs 5] [--repo PATH]

Each run is a fresh Python process with its own cache folder: the first run of
each folder loads jieba its own way (and, since ``reader/core/jieba_tables.py``,
saves its tables in slices); the runs after it load as every later start of the
application does.  While ``segmenter.ensure_loaded()`` runs in a thread, the
main thread (standing in for the GUI thread) wakes every 2 ms; the longest time
it had to wait is what a window would freeze.  ``--repo`` measures another
checkout (the code before a change) with this interpreter.

Target: the GUI thread never waits more than 50 ms (a frame or three); loading
itself is background work.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 50.0

_PROBE = """
import json, sys, threading, time
sys.path.insert(0, sys.argv[1])
from reader.core import segmenter
waits, done = [], threading.Event()
def load():
    start = time.perf_counter()
    segmenter.ensure_loaded()
    waits.append(time.perf_counter() - start)
    done.set()
worker = threading.Thread(target=load)
worker.start()
last = time.perf_counter()
longest = 0.0
while not done.is_set():
    time.sleep(0.002)
    now = time.perf_counter()
    longest = max(longest, now - last - 0.002)
    last = now
worker.join()
print(json.dumps({"load_s": waits[0], "longest_wait_ms": longest * 1000,
                  "cache": str(segmenter.loaded_cache_file())}))
"""


def run_once(repo: Path, cache: Path) -> dict[str, float | str]:
    env = {"JIAOKAN_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(repo)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    figures: dict[str, float | str] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="loads after the first (default 5)")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to measure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        first = run_once(args.repo, cache)
        later = [run_once(args.repo, cache) for _ in range(args.runs)]
    print(f"checkout {args.repo}")
    print(
        f"  first load (no cache yet)   {float(first['load_s']):.3f} s,"
        f" longest wait of the GUI thread {float(first['longest_wait_ms']):.0f} ms"
    )
    waits = [float(r["longest_wait_ms"]) for r in later]
    loads = [float(r["load_s"]) for r in later]
    worst = max(waits)
    verdict = "ok" if worst <= TARGET_MS else "MISSED"
    print(
        f"  later loads, median of {len(later)}   {statistics.median(loads):.3f} s (from {later[0]['cache']})"
    )
    print(
        f"  longest wait of the GUI thread: median {statistics.median(waits):.0f} ms, worst {worst:.0f} ms"
        f"  (target {TARGET_MS:.0f} ms) {verdict}"
    )
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
