"""CSV formula injection: cells a spreadsheet would run are written with a leading apostrophe."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from db.opening import open_library
from reader.cli import main
from reader.core.exporters.csv_cells import neutralise
from reader.services.importing import import_files
from reader.services.library import list_articles
from tests.conftest import SAMPLE_ISSUE

HOSTILE = ["=SUM(1+2)", "@SUM(1)", "+cmd|' /C calc'!A0", "-2+3", "\tTAB", "\rCR"]


@pytest.mark.parametrize("cell", HOSTILE)
def test_formula_cells_get_an_apostrophe(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-12", "+3.5", "-1e5", ".5", "12", "河长制", "a=b", "", 7, -3])
def test_plain_numbers_and_ordinary_text_are_kept(cell: object) -> None:
    assert neutralise(cell) == cell


def test_exported_tags_and_titles_cannot_run_as_formulas(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    library = open_library(db)
    with library.write_session() as session:
        assert import_files(session, [SAMPLE_ISSUE]).ok
    with library.session() as session:
        first = list_articles(session, 1)[0].id
    library.close()
    for name in ("=SUM(1+2)", "@SUM(1)", "+1+1"):
        assert main(["--db", db, "tags", "add", name, "--article", str(first), "--kind", "topic"]) == 0
    assert main(["--db", db, "export", "--format", "csv", "--out", str(tmp_path / "out")]) == 0
    [path] = (tmp_path / "out").glob("*.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    topics = next(r["topic"] for r in rows if r["topic"])
    assert topics.startswith("'") and not any(r["topic"].startswith(("=", "@", "-", "+")) for r in rows)
    assert all(r["issue_id"].isdigit() and r["position"].isdigit() for r in rows)
