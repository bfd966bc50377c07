"""Import of page scans through OCR: pages per minute (A4 at 300 dpi), character error rate, peak memory.

    python bench/ocr_bench.py [--stories 6] [--workers 2]

Sets corpus stories as newspaper pages (``tests/newspaper_pages.py``: a
masthead, headlines over two to four columns, a picture with its caption, a
sidebar) in an A4 PDF, which the import renders at 300 dpi (2480 × 3508
pixels a page), reads through the PP-OCR model in worker processes, lays out,
segments and stores in a temporary library.  Prints the pages, the time, pages
per minute, the character error rate of the articles' text against the same
stories imported as text, whether the titles match, and the peak RSS of this
process and of the largest worker.  Needs the ``[ocr]`` extra.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _stories(count: int) -> list[object]:
    from tests.newspaper_pages import corpus_stories

    corpus = sorted((REPO.parent / "shared" / "corpus").glob("*.txt"))
    if not corpus:
        raise SystemExit("the corpus is not at ../shared/corpus")
    stories = []
    for path in corpus:
        stories.extend(corpus_stories(path.read_text(encoding="utf-8"), count, 3))
    chosen = stories[:count]
    for number, story in enumerate(chosen):
        story.columns = 2 + number % 3  # type: ignore[attr-defined]
    if chosen:
        chosen[0].picture_caption = "图为活动现场"  # type: ignore[attr-defined]
    return chosen


def _cer(expected: str, read: str) -> float:
    from reader.core.rereading import edit_distance

    want, got = "".join(expected.split()), "".join(read.split())
    return edit_distance(want, got) / max(1, len(want))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=6, help="corpus stories to set (default 6)")
    parser.add_argument("--workers", type=int, default=2, help="OCR worker processes (default 2)")
    parser.add_argument("--verbose", action="store_true", help="also print the titles found")
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])
    from sqlalchemy import select

    from db.models import Article
    from db.opening import open_library
    from reader.core.ocr import ocr_available
    from reader.core.ocr_inputs import split_scan_inputs
    from reader.core.segment import segment
    from reader.services.import_ocr import import_scan_groups
    from tests.newspaper_pages import save_pages_pdf, story_text

    if not ocr_available():
        raise SystemExit('the OCR extra is not installed: pip install -e ".[ocr]"')
    stories = _stories(args.stories)
    with tempfile.TemporaryDirectory(prefix="jiaokan-ocr-bench-") as folder:
        pdf = save_pages_pdf(stories, Path(folder) / "bench.pdf")  # type: ignore[arg-type]
        _texts, groups = split_scan_inputs([pdf])
        library = open_library(Path(folder) / "library.sqlite3")
        pages: list[int] = []
        start = time.perf_counter()
        with library.write_session() as session:
            [result] = import_scan_groups(
                session, groups, workers=args.workers, progress=lambda done, total, _n: pages.append(total)
            )
        elapsed = time.perf_counter() - start
        if result.issue_id is None:
            raise SystemExit(f"the import failed: {result.message}")
        expected = segment(story_text(stories))  # type: ignore[arg-type]
        with library.session() as session:
            articles = list(
                session.scalars(
                    select(Article).where(Article.issue_id == result.issue_id).order_by(Article.position)
                )
            )
            read = "".join(b.text for a in articles for b in sorted(a.blocks, key=lambda b: b.position))
            titles = [a.title or "" for a in articles]
        library.close()
    del app
    count = pages[-1] if pages else 0
    want = "".join(b.text for a in expected.articles for b in a.blocks)
    wanted_titles = [a.title or "" for a in expected.articles]
    same_titles = sum(1 for t in wanted_titles if any(_cer(t, r) <= 0.15 for r in titles))
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"pages: {count} (A4 at 300 dpi, 2480 x 3508), workers: {args.workers}")
    print(f"time: {elapsed:.1f} s, {count / elapsed * 60:.2f} pages per minute")
    print(f"character error rate of the articles' text against the text import: {_cer(want, read):.2%}")
    print(
        f"articles: {len(articles)} read, {len(expected.articles)} in the text; titles found: "
        f"{same_titles} of {len(wanted_titles)}"
    )
    if args.verbose:
        print(f"titles of the text import: {wanted_titles}")
        print(f"titles of the OCR import:  {titles}")
    print(f"peak RSS: this process {self_rss:.0f} MB, largest worker {worker_rss:.0f} MB")
    print(f"load average: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
