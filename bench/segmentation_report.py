"""Segmentation report: how a folder of issues is cut into articles, and what needs a look.

    python bench/segmentation_report.py FOLDER [--all]

For every ``.txt`` file under FOLDER (recursively, in name order): the number
of articles, the time segmentation took, and each doubtful article (its
position, title or first words, and the reasons of its segmentation
confidence, see ``reader/core/segment/confidence.py``).  ``--all`` lists every
article, not only the doubtful ones.  Then totals: issues, articles,
doubtful articles, and the mean and largest time per issue.  Nothing is
written to any library.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.decoding import read_issue_file  # noqa: E402
from reader.core.errors import JiaokanError  # noqa: E402
from reader.core.model import ParsedArticle  # noqa: E402
from reader.core.segment import segment  # noqa: E402
from reader.core.segment.confidence import assess  # noqa: E402

FIRST_WORDS = 16


def label(article: ParsedArticle) -> str:
    """The article's title, else the first words of its first paragraph."""
    if article.title:
        return article.title.replace("\n", " / ")
    body = next((text for text in article.paragraphs), "")
    return "(" + body[:FIRST_WORDS] + "…)"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--all", action="store_true", help="list every article, not only the doubtful ones")
    args = parser.parse_args()
    files = sorted(path for path in args.folder.rglob("*.txt") if path.is_file())
    if not files:
        print(f"no .txt files under {args.folder}", file=sys.stderr)
        return 1
    articles = doubtful = 0
    times: list[float] = []
    for path in files:
        try:
            text = read_issue_file(path).text
        except JiaokanError as error:
            print(f"{path.name}: not read ({error})")
            continue
        started = time.perf_counter()
        parsed = segment(text)
        took = time.perf_counter() - started
        times.append(took)
        articles += len(parsed.articles)
        counts = f"{len(parsed.articles)} articles, {len(parsed.leftovers)} leftovers"
        print(f"{path.name}: {counts}, {took * 1000:.1f} ms")
        for position, article in enumerate(parsed.articles, start=1):
            confidence = assess([(str(block.role), block.text) for block in article.blocks])
            if confidence.doubtful:
                doubtful += 1
            if confidence.doubtful or args.all:
                reasons = ", ".join(confidence.reasons) or "ok"
                print(f"  {position:3d}  {confidence.score:.2f}  {label(article)}  [{reasons}]")
    if not times:
        return 1
    print(
        f"issues: {len(times)}, articles: {articles}, doubtful: {doubtful}, "
        f"time per issue: mean {sum(times) / len(times) * 1000:.1f} ms, largest {max(times) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
