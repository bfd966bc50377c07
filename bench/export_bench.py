"""Export benchmark: a synthetic library of N issues exported as text, traditional text and TEI.

    python bench/export_bench.py [--n 1000] [--seed 0] [--keep DIR]

Builds the archive with ``bench/synth.py``, imports it with two worker
processes, then times: cleaned text in the original script (target < 10 s),
cleaned text in traditional script with one process and with two (script
conversion is the bottleneck: the speed-up is printed, next to what two
processes gain on pure Python arithmetic on this machine, the ceiling), and
TEI (target < 30 s).  Every export writes into a fresh folder.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TEXT_TARGET_S = 10.0
TEI_TARGET_S = 30.0


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_ceiling(n: int = 6_000_000) -> float:
    """How much faster two processes run two CPU-bound jobs than one process runs both."""
    start = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # workers started before timing
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        parallel = time.perf_counter() - start
    return serial / parallel


def build_library(work: Path, n: int, seed: int) -> Path:
    """The library of ``n`` synthetic issues in ``work`` (reused when it is already there)."""
    from bench.synth import build_archive
    from db.opening import open_library
    from reader.services.importing import import_files

    db = work / "library.sqlite3"
    if db.exists():
        return db
    archive = work / "archive"
    build_archive(archive, n, seed)
    start = time.perf_counter()
    library = open_library(db)
    with library.write_session() as session:
        report = import_files(session, [archive], workers=1)
    library.close()
    print(f"import:                 {len(report.imported)} issues in {time.perf_counter() - start:.1f} s")
    return db


def timed_export(db: Path, out: Path, fmt: str, script: str, workers: int) -> tuple[float, int, int]:
    """Seconds, files and bytes of one export into a fresh folder."""
    from db.opening import open_library
    from reader.core.script import Script
    from reader.services.exporting import ExportFormat, ExportOptions, export

    shutil.rmtree(out, ignore_errors=True)
    library = open_library(db)
    try:
        with library.session() as session:
            start = time.perf_counter()
            report = export(
                session, out, ExportOptions(format=ExportFormat(fmt), script=Script(script)), workers=workers
            )
            elapsed = time.perf_counter() - start
    finally:
        library.close()
    return elapsed, len(report.files), sum(p.stat().st_size for p in report.files)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="issues in the library (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the archive and library in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = build_library(work, args.n, args.seed)
        out = work / "export"

        seconds, files, size = timed_export(db, out, "txt", "original", 2)
        verdict = "ok" if seconds < TEXT_TARGET_S else "SLOWER than the target"
        print(f"text, original script:  {seconds:6.2f} s  {files} files, {size / 1e6:.1f} MB  "
              f"(target < {TEXT_TARGET_S:.0f} s: {verdict})")  # fmt: skip
        one, files, size = timed_export(db, out, "txt", "traditional", 1)
        print(f"text, traditional, 1 process:   {one:6.2f} s  {size / one / 1e6:.2f} MB/s")
        two, files, size = timed_export(db, out, "txt", "traditional", 2)
        print(f"text, traditional, 2 workers:   {two:6.2f} s  {size / two / 1e6:.2f} MB/s")
        ceiling = parallel_ceiling()
        print(f"speed-up with 2 workers:        {one / two:.2f}x "
              f"(2 CPU-bound processes run {ceiling:.2f}x as fast as 1 here)")  # fmt: skip
        seconds, files, size = timed_export(db, out, "tei", "original", 2)
        verdict = "ok" if seconds < TEI_TARGET_S else "SLOWER than the target"
        print(f"TEI:                    {seconds:6.2f} s  {files} files, {size / 1e6:.1f} MB  "
              f"(target < {TEI_TARGET_S:.0f} s: {verdict})")  # fmt: skip
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
