"""qaseg24: are the 14 blind issue layouts cut into the expected articles?

For each issues/NN_name.txt: import it into a fresh temporary library with this checkout's main.py,
export the issue as JSON, and place each expected article's first and last 8 body characters (see
expected/NN_name.json; offsets first_at/last_at, or searched for) in the app's articles through the
blocks' pieces.  An issue is RIGHT when the app has as many articles as expected, every expected
article's first and last characters fall in one app article, no two expected articles share an app
article, and the app articles follow the expected order.  Expected leftovers (masthead, page headers,
ads) found inside an article are reported as a note; they do not make an issue wrong.

Usage: python bench/qaseg24/check.py [-v] [-d] [--min] [NAME_PART ...]
  -v: the app's titles, -d: the app's blocks and leftovers, --min: the minimal texts of min/ instead
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


def app_cut(issue: Path, tmp: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    db = tmp / "lib.sqlite3"
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    subprocess.run([*run, "import", str(issue)], env=env, check=True, capture_output=True)
    out = tmp / "out"
    subprocess.run(
        [*run, "export", "--format", "json", "--out", str(out)], env=env, check=True, capture_output=True
    )
    (file,) = out.glob("*.json")
    return json.loads(file.read_text(encoding="utf-8"))


def locate(text: str, snippet: str, hint: int | None, start: int) -> int:
    """Offset of the snippet's first character (blanks between its characters allowed), or -1."""

    def at(pos: int) -> bool:
        k = pos
        for ch in snippet:
            while k < len(text) and text[k].isspace():
                k += 1
            if k >= len(text) or text[k] != ch:
                return False
            k += 1
        return True

    if hint is not None and 0 <= hint < len(text) and at(hint):
        return hint
    for pos in range(start, len(text)):
        if at(pos) and not text[pos].isspace():
            return pos
    return -1


def last_char(text: str, pos: int, snippet: str) -> int:
    """Offset of the snippet's last character when it begins at pos."""
    k, n = pos, 0
    while True:
        if not text[k].isspace():
            n += 1
            if n == len(snippet):
                return k
        k += 1


def owner_map(doc: dict) -> dict[int, int]:
    owner: dict[int, int] = {}
    for i, art in enumerate(doc["articles"]):
        for block in art["blocks"]:
            for s, e in block["pieces"]:
                for k in range(s, e):
                    owner[k] = i
    for lf in doc["leftovers"]:
        s, e = lf["span"]
        for k in range(s, e):
            owner.setdefault(k, -1)
    return owner


def judge(issue: Path, exp: dict, doc: dict) -> tuple[bool, list[str]]:
    text = doc["original_text"]
    owner = owner_map(doc)
    apps = doc["articles"]
    notes: list[str] = []
    places: list[tuple[int, int]] = []
    cursor = 0
    for i, ea in enumerate(exp["articles"], 1):
        f = locate(text, ea["first"], ea.get("first_at"), cursor)
        l0 = locate(text, ea["last"], ea.get("last_at"), max(f, 0))
        if f < 0 or l0 < 0:
            notes.append(f"#{i} not found in the text (expected file out of date?)")
            places.append((-2, -2))
            continue
        cursor = f + 1
        places.append((owner.get(f, -1), owner.get(last_char(text, l0, ea["last"]), -1)))
    ok = len(apps) == len(exp["articles"])
    used: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(places, 1):
        title = exp["articles"][i - 1]["title"] or "(untitled)"
        if a == -1 or b == -1:
            ok = False
            where = "start" if a == -1 else "end"
            notes.append(f"#{i} {title}: {where} is in no article (leftovers)")
        elif a != b:
            ok = False
            notes.append(f"#{i} {title}: cut (begins in app article {a + 1}, ends in {b + 1})")
        for x in {a, b} - {-1, -2}:
            used.setdefault(x, []).append(i)
    for x, who in sorted(used.items()):
        if len(set(who)) > 1:
            ok = False
            notes.append(
                f"merged: expected {'+'.join(f'#{w}' for w in sorted(set(who)))} in app article {x + 1}"
            )
    firsts = [a for a, _ in places if a >= 0]
    if firsts != sorted(firsts):
        ok = False
        notes.append("misplaced: the app articles are not in the expected order")
    extra = [x for x in range(len(apps)) if x not in used]
    for x in extra:
        ok = False
        t = apps[x]["title"] or "(untitled)"
        body = "".join((apps[x]["paragraphs"] or [""])[0].split())[:12]
        notes.append(f"extra app article {x + 1}: {t[:24]} / {body}")
    for lf in exp.get("leftovers", []):
        p = locate(text, lf, None, 0)
        if p >= 0 and owner.get(p, -1) >= 0:
            notes.append(f"note: leftover {lf} is inside app article {owner[p] + 1}")
    return ok, notes


def main(here: Path = HERE) -> int:
    """Check the issues of the set in ``here`` (this folder, or another set built the same way)."""
    verbose = "-v" in sys.argv
    dump = "-d" in sys.argv
    folder, exp_dir = (
        (here / "min", here / "min") if "--min" in sys.argv else (here / "issues", here / "expected")
    )
    wanted = [a for a in sys.argv[1:] if a not in ("-v", "-d", "--min")]
    issues = sorted(p for p in folder.glob("*.txt") if not wanted or any(w in p.name for w in wanted))
    right = 0
    for issue in issues:
        exp = json.loads((exp_dir / (issue.stem + ".json")).read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            doc = app_cut(issue, Path(tmp))
        ok, notes = judge(issue, exp, doc)
        right += ok
        n_exp, n_got = len(exp["articles"]), len(doc["articles"])
        print(f"{issue.stem:34} expected {n_exp:2}  got {n_got:2}  {'RIGHT' if ok else 'wrong'}")
        for note in notes:
            if verbose or not note.startswith("note:") or not ok:
                print(f"    {note}")
        if verbose:
            for k, art in enumerate(doc["articles"], 1):
                print(f"      app {k}: {(art['title'] or '(untitled)')[:30]}")
        if dump:
            for k, art in enumerate(doc["articles"], 1):
                print(f"      == app article {k}")
                for b in art["blocks"]:
                    print(f"         {b['role']:10} {' '.join(b['text'].split())[:40]}")
            for lf in doc["leftovers"]:
                print(f"      -- leftover {lf['kind']:8} {' '.join(lf['text'].split())[:40]}")
    print(f"{right} of {len(issues)} right")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
