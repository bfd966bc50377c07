"""Artefact-rules benchmark: suggestions for a 3,000-character article, ``fix_safe`` over an archive.

    python bench/rules_bench.py [--n 1000] [--keep DIR]

Prints the median time (of 50) to compute every rule's suggestions for a
3,000-character article (target < 50 ms), both on its blocks alone and through
``article_suggestions`` (with the database), and the time of ``fix --rules
safe`` (``fix_safe``, with tracked changes and revisions, as the CLI runs it)
over an N-issue synthetic library (target < 30 s for 1,000 issues).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from db.engine import Library  # noqa: E402
from db.models import Article, Block, Issue  # noqa: E402
from db.opening import open_library  # noqa: E402
from reader.core.rules import run_rules  # noqa: E402
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


def _fix(db: Path) -> tuple[float, int]:
    library = open_library(db)
    try:
        start = time.perf_counter()
        with library.writing() as session:
            report = fix_safe(session, author="bench")
        return time.perf_counter() - start, report.changes
    finally:
        library.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="issues in the archive (default 1000)")
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
            report = import_files(session, [archive], workers=1)
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

        seconds, changes = _fix(db)
        print(
            f"fix --rules safe, {len(ids)} issues, tracked changes and revisions: {seconds:.1f} s, "
            f"{changes:,} changes (target < 30 s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
