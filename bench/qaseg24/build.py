"""Build qaseg24's issue files and expected answers from the annotated sources in src/.

Each src/NN_name.src is the issue as printed, one source line per printed line (or per paragraph when
the file hard-wraps), with a marker at the start of the lines that matter:

  {K} kicker line: a new article starts (no title yet)     {T} title line (a new article, or more of
  {S} subtitle / byline / label line, not body                 the title when its body has not begun)
  {B} the body begins on this line                          {N} a new untitled article; body begins here
  {E} the body ends with this line                          {J3} the body of article 3 goes on here (jump)
  {L} a leftover (masthead, header, ad...) begins here;     {H} a leftover line inside a body (a page
      unmarked lines after it belong to it                      header between two halves); the body goes on
  {F} a furniture line inside an article (下转第2版): neither body nor leftover; the body goes on

Directives before the text: %wrap=N (hard-wrap body paragraphs at N columns, ASCII counts half),
%indent=X (put X before each body paragraph; \u3000 escapes allowed), %script=s2hk|s2tw|s2t (OpenCC),
%halfwidth (，；：（）！？ printed half-width), %cornerquotes (“” printed 「」).
<FF> in a source line is a form feed.  Unmarked lines before {B} are headings (not body).

The expected JSON keeps, per article, the title as printed, the first and last 8 non-blank characters
of its body, and their code-point offsets in the issue file (first_at, last_at) so check.py can find
them without searching.  min/src/*.src (the minimal texts of the failure classes) are built the same
way into min/*.txt and min/*.json.  Run: python bench/qaseg24/build.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})
CORNER = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
NO_START = set("，。、；：？！”’）》」』…%,.;:?!)")
MARK = re.compile(r"^\{(K|T|S|B|N|E|L|H|F|J\d+)\}")


def width(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2E80 else 1.0


def wrap(text: str, cols: int) -> list[str]:
    lines, cur, w = [], "", 0.0
    for ch in text:
        if w + width(ch) > cols and cur and ch not in NO_START:
            lines.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += width(ch)
    if cur:
        lines.append(cur)
    return lines or [""]


def build(src: Path) -> tuple[str, dict]:
    conv = None
    cols = 0
    indent = ""
    halfwidth = False
    corner = False
    raw = src.read_text(encoding="utf-8").replace("<FF>", "\f").split("\n")
    while raw and raw[0].startswith("%"):
        key, _, val = raw.pop(0)[1:].partition("=")
        if key == "wrap":
            cols = int(val)
        elif key == "indent":
            indent = val.encode().decode("unicode_escape") if "\\u" in val else val
        elif key == "script":
            import opencc

            conv = opencc.OpenCC(val)
        elif key == "halfwidth":
            halfwidth = True
        elif key == "cornerquotes":
            corner = True
    while raw and raw[-1] == "":
        raw.pop()

    def tr(s: str) -> str:
        if conv is not None:
            s = conv.convert(s)
        if corner:
            s = s.translate(CORNER)
        return s.translate(HALF) if halfwidth else s

    out = ""
    arts: list[dict] = []
    lefts: list[dict] = []
    cur: dict | None = None  # article receiving body or headings
    state = "none"  # none | pending | body | closed | left
    for n, line in enumerate(raw, 1):
        m = MARK.match(line)
        tag = m.group(1) if m else ""
        text = tr(line[m.end() :] if m else line)
        if not text.strip() and not tag:
            out += text + "\n"
            continue
        if state == "left" and tag:
            lefts[-1]["end"] = len(out)
        if tag in ("K", "N") or (tag == "T" and state != "pending"):
            cur = {"title": "", "spans": []}
            arts.append(cur)
            state = "pending"
        if tag == "L":
            lefts.append({"start": len(out), "text": text})
            state = "left"
        elif tag.startswith("J"):
            cur = arts[int(tag[1:]) - 1]
            state = "body"
        elif tag == "T":
            cur["title"] += text.strip()
        elif tag in ("B", "N"):
            if state != "pending":
                sys.exit(f"{src.name}:{n}: body start outside a pending article")
            state = "body"
        elif tag in ("S", "K", "H", "F"):
            if tag == "H":
                lefts.append({"start": len(out), "end": len(out) + len(text), "text": text})
        elif tag == "E":
            if state != "body":
                sys.exit(f"{src.name}:{n}: {{E}} outside a body")
        elif state in ("closed", "none"):
            sys.exit(f"{src.name}:{n}: unmarked line outside any article or leftover: {text[:20]}")
        is_body = state == "body" and tag not in ("H", "F")
        if is_body and cols:
            pieces = wrap(indent + text.strip(), cols)
        elif is_body and indent:
            pieces = [indent + text.strip()]
        else:
            pieces = [text]
        for p in pieces:
            if is_body:
                cur["spans"].append((len(out), len(out) + len(p)))
            out += p + "\n"
        if tag == "E":
            state = "closed"
    result = {"articles": [], "leftovers": []}
    for i, a in enumerate(arts, 1):
        idx = [k for s, e in a["spans"] for k in range(s, e) if not out[k].isspace()]
        if len(idx) < 8:
            sys.exit(f"{src.name}: article {i} ({a['title']}) has too little body")
        first = "".join(out[k] for k in idx[:8])
        last = "".join(out[k] for k in idx[-8:])
        result["articles"].append(
            {"title": a["title"], "first": first, "last": last, "first_at": idx[0], "last_at": idx[-8]}
        )
    for lf in lefts:
        idx = [k for k in range(lf["start"], lf.get("end", len(out))) if not out[k].isspace()][:8]
        result["leftovers"].append("".join(out[k] for k in idx))
    return out, result


def main(here: Path = HERE) -> None:
    """Build the set in ``here`` (this folder, or another set written the same way)."""
    jobs = [(src, here / "issues", here / "expected") for src in sorted((here / "src").glob("*.src"))]
    jobs += [(src, here / "min", here / "min") for src in sorted((here / "min" / "src").glob("*.src"))]
    for src, txt_dir, exp_dir in jobs:
        text, exp = build(src)
        (txt_dir / (src.stem + ".txt")).write_text(text, encoding="utf-8")
        (exp_dir / (src.stem + ".json")).write_text(
            json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(
            f"{src.stem}: {len(text)} chars, {len(exp['articles'])} articles,"
            f" {len(exp['leftovers'])} leftovers"
        )


if __name__ == "__main__":
    main()
