"""Large-file benchmark: one issue file of N MB imported streamed, with peak memory and cancel latency.

    python bench/large_import_bench.py [--sizes 50 200] [--keep DIR]

For each size, builds one UTF-8 file of that many megabytes (synthetic issues
from ``bench/synth.py`` joined end to end, CRLF newlines) and imports it in a
fresh child process, as ``python main.py import`` does.  Prints the time, the
child's peak RSS (memory must not grow with the file), the characters and
articles stored, and, from a second child that cancels in the storing pass
(at 80 % of the progress), how long the cancel took and that nothing of the
file was kept.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def build_file(path: Path, megabytes: int, archive: Path) -> int:
    """Write synthetic issues end to end until the file holds ``megabytes`` MB; returns its size."""
    issues = [p.read_text(encoding="utf-8").replace("\n", "\r\n") for p in sorted(archive.glob("*.txt"))]
    target = megabytes * 1_000_000
    written = 0
    with path.open("wb") as out:
        while written < target:
            for text in issues:
                data = (text + "\r\n\r\n").encode("utf-8")
                out.write(data)
                written += len(data)
                if written >= target:
                    break
    return written


def child(db: Path, path: Path, cancel_at: float | None) -> None:
    """Import ``path`` into the library ``db`` and print what happened as JSON (runs in its own process)."""
    from sqlalchemy import func, select

    from db.models import Article, Issue
    from db.opening import open_library
    from reader.services.importing import import_files

    library = open_library(db)
    cancel_requested: list[float] = []
    passes: list[float] = []
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done * 3 >= total * (len(passes) + 1):  # the end of a pass
            passes.append(time.perf_counter() - started)
        if cancel_at is not None and not cancel_requested and done >= cancel_at * total:
            cancel_requested.append(time.perf_counter())

    with library.write_session() as session:
        report = import_files(
            session, [path], file_progress=progress, cancelled=lambda: bool(cancel_requested)
        )
    ended = time.perf_counter()
    with library.session() as session:
        issues = session.scalar(select(func.count()).select_from(Issue))
        articles = session.scalar(select(func.count()).select_from(Article))
    library.close()
    [result] = report.results
    print(
        json.dumps(
            {
                "outcome": result.outcome.value,
                "message": result.message,
                "seconds": ended - started,
                "passes": passes,
                "cancel_seconds": ended - cancel_requested[0] if cancel_requested else None,
                "characters": result.characters,
                "articles_stored": articles,
                "issues_stored": issues,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "library_mb": sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6,
            }
        )
    )


def run_child(db: Path, path: Path, cancel_at: float | None = None) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter (it reports its own peak memory)."""
    command = [sys.executable, __file__, "--child", str(db), str(path)]
    if cancel_at is not None:
        command += ["--cancel-at", str(cancel_at)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[50, 200], help="file sizes in MB (default 50 200)"
    )
    parser.add_argument("--keep", type=Path, help="keep the files and libraries in this folder")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cancel-at", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.cancel_at)
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        archive = work / "archive"
        synth = [sys.executable, str(REPO / "bench" / "synth.py"), "--n", "400", "--out", str(archive)]
        subprocess.run(synth, check=True, capture_output=True)
        for megabytes in args.sizes:
            path = work / f"合订本_{megabytes}MB.txt"
            size = build_file(path, megabytes, archive)
            done = run_child(work / f"library_{megabytes}.sqlite3", path)
            chars, seconds = done["characters"], done["seconds"]
            passes = ", ".join(f"{t:.1f}" for t in done["passes"])
            what = f"{size / 1e6:.0f} MB file ({chars / 1e6:.1f} M characters)"
            print(
                f"{what}: {done['outcome']} in {seconds:.1f} s "
                f"({chars / seconds / 1e6:.2f} M characters/s; passes ended at {passes} s), "
                f"{done['articles_stored']:,} articles, peak RSS {done['peak_rss_mb']:.0f} MB, "
                f"library {done['library_mb']:.0f} MB"
            )
            cancelled = run_child(work / f"cancelled_{megabytes}.sqlite3", path, cancel_at=0.8)
            print(
                f"  cancel in the storing pass (at 80 %): {cancelled['outcome']}, "
                f"stopped {cancelled['cancel_seconds']:.2f} s "
                f"after the request, {cancelled['issues_stored']} issues and {cancelled['articles_stored']} "
                f"articles kept, peak RSS {cancelled['peak_rss_mb']:.0f} MB"
            )
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
