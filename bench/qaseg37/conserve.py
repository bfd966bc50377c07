"""qaseg37: is every non-blank character of each issue in exactly one place after segmentation?

For each issues/NN_name.txt (or min/*.txt with --min): import it into a fresh temporary library with this
checkout's main.py, export the issue as JSON, and count how many times each non-blank character of the
issue's original text is covered by the pieces of the articles' blocks and by the leftovers' spans.
Prints, per issue, the characters covered by nothing (lost) and by more than one piece (doubled).

Usage: python bench/qaseg37/conserve.py [--min] [NAME_PART ...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def export(issue: Path, tmp: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    db = tmp / "lib.sqlite3"
    main = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    subprocess.run([*main, "import", str(issue)], check=True, env=env, capture_output=True)
    subprocess.run(
        [*main, "export", "--format", "json", "--out", str(tmp / "out")],
        check=True,
        env=env,
        capture_output=True,
    )
    return json.loads(next((tmp / "out").glob("*.json")).read_text(encoding="utf-8"))


def runs(text: str, offsets: list[int]) -> str:
    parts, start, prev = [], None, None
    for i in offsets:
        if start is None or i != prev + 1:
            if start is not None:
                parts.append(text[start : prev + 1])
            start = i
        prev = i
    if start is not None:
        parts.append(text[start : prev + 1])
    return " | ".join(p.replace("\n", "⏎") for p in parts)


def main(here: Path = HERE) -> None:
    """Check the issues (or, with --min, the minimal texts) of the blind set in ``here``."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    folder = here / "min" if "--min" in sys.argv else here / "issues"
    bad = 0
    files = [p for p in sorted(folder.glob("*.txt")) if not args or any(a in p.name for a in args)]
    for issue in files:
        with tempfile.TemporaryDirectory() as tmp:
            doc = export(issue, Path(tmp))
        text = doc["original_text"]
        count = [0] * len(text)
        for art in doc["articles"]:
            for block in art["blocks"]:
                for a, b in block["pieces"]:
                    for i in range(a, b):
                        count[i] += 1
        for left in doc["leftovers"]:
            a, b = left["span"]
            for i in range(a, b):
                count[i] += 1
        lost = [i for i, c in enumerate(text) if not c.isspace() and count[i] == 0]
        doubled = [i for i, c in enumerate(text) if not c.isspace() and count[i] > 1]
        ok = not lost and not doubled
        bad += not ok
        print(f"{issue.stem:34} {len(text):5} chars  lost {len(lost):3}  doubled {len(doubled):3}")
        if lost:
            print("    lost:   ", runs(text, lost)[:300])
        if doubled:
            print("    doubled:", runs(text, doubled)[:300])
    print(f"{len(files) - bad} of {len(files)} conserve every character")


if __name__ == "__main__":
    main()
