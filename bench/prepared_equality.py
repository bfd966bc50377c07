"""Prepared files from two checkouts compared field by field: a speed change must not change any output.

    python bench/prepared_equality.py --old /path/to/other/checkout [--synthetic 300] [--keep DIR]

Writes the inputs once (the corpus in ``../shared/corpus``, its reshaped
variants of ``tests/test_segment_shapes.py``, some of them in GB18030, UTF-16
and with CRLF, and ``--synthetic`` issues of ``bench/synth.py``), then prepares
every file with this checkout's code and with ``--old``'s, each in a process of
its own (``reader.core.preparing.prepare_file``, pickled and unpickled as it
comes from a worker), and compares the results: the decoded text, its encoding
and hash, the masthead, the articles (span, blocks with role, pieces and text,
people), the leftovers, and each prepared article's headings, block rows,
people, both hashes and search payload.  A long issue (every reshaped input
joined) is also segmented section by section (``segment_sections``) by both
(its usual gap compared in the place of the decoded text).  Prints the first
differences and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"

# Run in the checkout under test (its own code first on the path): prepare every file, pickle the results.
_CHILD = r"""
import pickle, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from reader.core.preparing import prepare_file
from reader.core.segment import segment_sections
files = [Path(line) for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()]
out = []
for path in files:
    issue = pickle.loads(pickle.dumps(prepare_file(path)))  # as the storing process gets it
    parsed = issue.parsed
    out.append((path.name, issue.decoded, parsed.title, parsed.date, parsed.articles, parsed.leftovers,
                issue.articles))
long_text = Path(sys.argv[4]).read_text(encoding="utf-8")
pieces = [long_text[i : i + 100_000] for i in range(0, len(long_text), 100_000)]
for n, section in enumerate(segment_sections(pieces, section_chars=60_000)):
    out.append((f"section{n}", section.usual_gap, section.title, section.date, section.articles,
                section.leftovers, []))
Path(sys.argv[3]).write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
"""


def write_inputs(folder: Path, synthetic: int) -> list[Path]:
    """The input files: the corpus in every shape and encoding, and ``synthetic`` generated issues."""
    sys.path.insert(0, str(REPO))
    from tests.corpus_shapes import MASTHEAD, hard_wrap, indent_wrap, with_masthead

    texts: dict[str, str] = {}
    for file in sorted(CORPUS.glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        texts[file.stem] = text
        for width in range(14, 23):
            texts[f"{file.stem}_hard{width}"] = hard_wrap(text, width)
            texts[f"{file.stem}_indent{width}"] = indent_wrap(text, width)
        for width in (14, 17, 18, 22):
            texts[f"{file.stem}_dense{width}"] = indent_wrap(text, width, dense=True)
            texts[f"{file.stem}_mast_hard{width}"] = with_masthead(hard_wrap(text, width), MASTHEAD)
            texts[f"{file.stem}_mast_indent{width}"] = with_masthead(indent_wrap(text, width), MASTHEAD)
        texts[f"{file.stem}_mast"] = with_masthead(text, MASTHEAD)
    files: list[Path] = []
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    for name in list(texts)[:6]:
        for encoding in ("gb18030", "utf-16"):
            path = folder / f"{name}_{encoding}.txt"
            path.write_bytes(texts[name].encode(encoding))
            files.append(path)
        crlf = folder / f"{name}_crlf.txt"
        crlf.write_bytes(texts[name].replace("\n", "\r\n").encode("utf-8"))
        files.append(crlf)
    if synthetic:
        archive = folder / "synthetic"
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "synth.py"), "--n", str(synthetic), "--out", str(archive)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        files.extend(sorted(archive.glob("*.txt")))
    (folder / "long.txt").write_text("\n\n\n".join(texts.values()), encoding="utf-8")
    return files


def prepare_with(checkout: Path, listing: Path, out: Path, long_text: Path) -> list[Any]:
    """Every file prepared by the code of ``checkout``, in a process of its own."""
    subprocess.run(
        [sys.executable, "-c", _CHILD, str(checkout), str(listing), str(out), str(long_text)], check=True
    )
    results: list[Any] = pickle.loads(out.read_bytes())
    return results


FIELDS = ("decoded", "title", "date", "articles", "leftovers", "prepared")


def differences(old: list[Any], new: list[Any], limit: int = 10) -> list[str]:
    """Where two runs' results differ, field by field (at most ``limit``)."""
    found: list[str] = []
    if len(old) != len(new):
        return [f"{len(old)} results against {len(new)}"]
    for mine, theirs in zip(new, old, strict=True):
        name = mine[0]
        for field, a, b in zip(FIELDS, mine[1:], theirs[1:], strict=True):
            if a == b:
                continue
            if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
                at = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
                found.append(f"{name}: {field}[{at}]: new {a[at]!r:.300} old {b[at]!r:.300}")
            else:
                found.append(f"{name}: {field}: new {a!r:.300} old {b!r:.300}")
            if len(found) >= limit:
                return found
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--old", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--synthetic", type=int, default=300, help="generated issues (default 300)")
    parser.add_argument("--keep", type=Path, help="write the inputs and results in this folder")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: comparing generated issues only")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = write_inputs(folder, args.synthetic)
        listing = folder / "files.list"
        listing.write_text("\n".join(str(path) for path in files), encoding="utf-8")
        long_text = folder / "long.txt"
        new = prepare_with(REPO, listing, folder / "new.pickle", long_text)
        old = prepare_with(args.old.resolve(), listing, folder / "old.pickle", long_text)
    found = differences(old, new)
    articles = sum(len(result[6]) for result in new)
    print(f"{len(files)} files and one long issue, {articles} prepared articles: {len(found)} differences")
    for line in found:
        print(" ", line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
