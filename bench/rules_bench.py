"""Artefact-rules benchmark: suggestions for a 3,000-character article, ``fix_safe`` over an archive.

    python bench/rules_bench.py [--n 1000] [--tracked-n 100] [--keep DIR]

Prints the median time (of 50) to compute every rule's suggestions for a
3,000-character article (target < 50 ms), both on its blocks alone and through
``article_suggestions`` (with the database), and the time of ``fix_safe`` over
an N-issue synthetic library (target < 30 s for 1,000 issues).  ``fix_safe``
is timed twice on copies of the library: with the tracked-changes hook
disabled (the rules and the edits alone) and with ``reader.services.tracking``
as shipped, over the first ``--tracked-n`` issues, extrapolated to N.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from db.engine import Library, open_library  # noqa: E402
from db.models import Article, Block, Issue  # noqa: E402
from reader.core.rules import run_rules  # noqa: E402
from reader.services import text_edits  # noqa: E402
from reader.services.importing import import_files  # noqa: E402
from reader.services.suggesting import article_suggestions, fix_safe  # noqa: E402

ARTICLE_CHARS = 3000
RUNS = 50


def _median_ms(run: object, runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def _article_near_3000(library: Library) -> tuple[int, list[tuple[str, str]]]:
    """The article whose text is closest to 3,000 characters, with its (role, text) blocks."""
    with library.session() as session:
        best: tuple[int, int] | None = None
        for article_id in session.scalars(select(Article.id)):
            size = sum(
                len(t) for t in session.scalars(select(Block.text).where(Block.article_id == article_id))
            )
            if best is None or abs(size - ARTICLE_CHARS) < abs(best[1] - ARTICLE_CHARS):
                best = (article_id, size)
        assert best is not None
        rows = session.execute(
            select(Block.role, Block.text).where(Block.article_id == best[0]).order_by(Block.position)
        )
        return best[0], [(role, text) for role, text in rows]


def _grown(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks repeated or cut so that their text is exactly 3,000 characters."""
    body = [b for b in blocks if b[0] == "paragraph"] or blocks
    out: list[tuple[str, str]] = []
    size = 0
    while size < ARTICLE_CHARS:
        for role, text in body:
            text = text[: ARTICLE_CHARS - size]
            out.append((role, text))
            size += len(text)
            if size >= ARTICLE_CHARS:
                break
    return out


def _fix(db: Path, issues: list[int] | None, tracking: bool) -> tuple[float, int]:
    text_edits.tracking_module.cache_clear()
    original = text_edits.tracking_module
    if not tracking:
        text_edits.tracking_module = lambda: None  # type: ignore[assignment]
    library = open_library(db)
    try:
        start = time.perf_counter()
        with library.writing() as session:
            report = fix_safe(session, issue_ids=issues, author="bench")
        return time.perf_counter() - start, report.changes
    finally:
        library.close()
        text_edits.tracking_module = original


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="issues in the archive (default 1000)")
    parser.add_argument(
        "--tracked-n", type=int, default=100, help="issues fixed with tracking on (default 100)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="keep archive and libraries in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        archive = work / "archive"
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "synth.py"), "--n", str(args.n), "--out", str(archive),
             "--seed", str(args.seed)],
            check=True,
        )  # fmt: skip
        db = work / "library.sqlite3"
        db.unlink(missing_ok=True)
        library = open_library(db)
        start = time.perf_counter()
        with library.write_session() as session:
            report = import_files(session, [archive])
        elapsed = time.perf_counter() - start
        print(f"imported: {len(report.imported)} issues in {elapsed:.1f} s")

        article_id, blocks = _article_near_3000(library)
        grown = _grown(blocks)
        chars = sum(len(t) for _, t in grown)
        rules_ms = _median_ms(lambda: [run_rules(text, role) for role, text in grown])
        print(f"suggestions, {chars} chars: {rules_ms:.2f} ms (median of {RUNS}; target < 50 ms)")
        size = sum(len(t) for _, t in blocks)
        with library.session() as session:
            service_ms = _median_ms(lambda: article_suggestions(session, article_id))
        print(
            f"article_suggestions ({size} chars, with the database): {service_ms:.2f} ms (median of {RUNS})"
        )
        with library.session() as session:
            ids = list(session.scalars(select(Issue.id).order_by(Issue.id)))
        library.close()

        untracked, tracked = work / "untracked.sqlite3", work / "tracked.sqlite3"
        shutil.copy(db, untracked)
        shutil.copy(db, tracked)
        seconds, changes = _fix(untracked, None, tracking=False)
        print(
            f"fix_safe, {len(ids)} issues, tracking hook off: {seconds:.1f} s, {changes:,} changes "
            f"(target < 30 s)"
        )
        if text_edits.tracking_module() is None:
            print("fix_safe with tracking: reader.services.tracking is absent")
        elif args.tracked_n > 0:
            subset = ids[: args.tracked_n]
            seconds, changes = _fix(tracked, subset, tracking=True)
            print(
                f"fix_safe, {len(subset)} issues, with tracking: {seconds:.1f} s, {changes:,} changes "
                f"(~{seconds * len(ids) / len(subset):.0f} s for {len(ids)} issues)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
