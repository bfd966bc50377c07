"""qaseg28: how many expected titles does the app give its articles, exactly (blanks ignored)?

A second figure beside check.py's (which does not judge titles): for each issues/NN_name.txt, import it
into a fresh temporary library with this checkout's main.py, export the issue as JSON, and count the
expected non-empty titles (expected/NN_name.json) that are the title of some app article.  A two-line
title must come out whole; a kicker or a subtitle is not part of the title.

Usage: python bench/qaseg28/titles.py [NAME_PART ...]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from conserve import export

HERE = Path(__file__).resolve().parent


def squash(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


def main() -> None:
    args = sys.argv[1:]
    total = found = 0
    for issue in sorted((HERE / "issues").glob("*.txt")):
        if args and not any(a in issue.name for a in args):
            continue
        expected = json.loads((HERE / "expected" / (issue.stem + ".json")).read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            doc = export(issue, Path(tmp))
        got = {squash(a["title"]) for a in doc["articles"]}
        want = [squash(a["title"]) for a in expected["articles"] if a["title"]]
        missing = [w for w in want if w not in got]
        total += len(want)
        found += len(want) - len(missing)
        print(f"{issue.stem:34} {len(want) - len(missing):2} of {len(want):2}  missing: {', '.join(missing)}")
    print(f"titles: {found} of {total}")


if __name__ == "__main__":
    main()
