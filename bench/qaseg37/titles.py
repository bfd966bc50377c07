"""qaseg37: how many expected titles does the app give its articles, exactly (blanks ignored)?

A second figure beside check.py's (which does not judge titles): for each issues/NN_name.txt, import it
into a fresh temporary library with this checkout's main.py, export the issue as JSON, and count the
expected non-empty titles (expected/NN_name.json) that are the title of some app article.  A two-line
title must come out whole; a kicker or a subtitle is not part of the title.

Usage: python bench/qaseg37/titles.py [NAME_PART ...]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # this folder's conserve.py, also when another set's titles.py runs this one

from conserve import export  # noqa: E402


def squash(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


def main(here: Path = HERE) -> None:
    """Count the expected titles of the blind set in ``here`` the app gives whole."""
    args = sys.argv[1:]
    total = found = 0
    for issue in sorted((here / "issues").glob("*.txt")):
        if args and not any(a in issue.name for a in args):
            continue
        expected = json.loads((here / "expected" / (issue.stem + ".json")).read_text(encoding="utf-8"))
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
