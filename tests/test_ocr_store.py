"""Storing an issue read from scans: its text, OCR lines, regions per block; JSON and Web Annotations.

The readings are given (lines with boxes, as the model returns them) so these
tests need no OCR model; the page images are real files drawn by Qt, stored
as scans.  Run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from db.ocr_models import OcrLine
from db.original_text import read_text
from db.scan_models import ScanRegion
from reader.core.errors import InputError
from reader.core.exporters.options import ExportFormat, ExportOptions
from reader.core.ocr_inputs import ScanGroup, split_scan_inputs
from reader.core.page_layout import PageLine, PageRead
from reader.services.exporting import export
from reader.services.import_ocr import store_read_issue
from reader.services.importing import Outcome
from reader.services.json_import import import_json
from reader.services.page_regions import Box
from tests.scan_support import save_page
from tests.test_json_roundtrip import assert_schema_valid, normalised

pytestmark = [pytest.mark.usefixtures("qapp"), pytest.mark.both_engines]

H = 30
TITLE = "街道召开垃圾分类推进会"
BODY = [
    "近日，街道召开垃圾分类工作推进会，各居民区",
    "书记参加。会议通报了前一阶段的工作情况，并",
    "部署了下一步任务。",
    "会上，三个居民区交流了经验做法，大家表示要",
    "把好事办好。",
]


def reading(width: int = 1200, height: int = 1600) -> PageRead:
    """A page as the model reads it: a title set large, two indented paragraphs (one unsure line)."""
    lines = [PageLine(TITLE, (40, 40, 56 * len(TITLE), 62), 0.97, tuple([0.99] * len(TITLE)))]
    y = 150
    for row, text in enumerate(BODY):
        indent = 2 * H if row in (0, 3) else 0
        confidence = 0.62 if row == 1 else 0.98
        chars = tuple(0.5 if row == 1 and n == 3 else 0.99 for n in range(len(text)))
        lines.append(PageLine(text, (40 + indent, y, H * len(text), 34), confidence, chars))
        y += 46
    return PageRead(width, height, tuple(lines))


def stored_issue(library: Library, tmp_path: Path) -> int:
    page = save_page(tmp_path / "第8期.png", [TITLE, *BODY])
    with library.write_session() as session:
        result = store_read_issue(session, ScanGroup("第8期.png", (page,)), [reading()])
    assert result.outcome is Outcome.IMPORTED, result.message
    assert result.issue_id is not None
    return result.issue_id


def test_every_line_keeps_its_page_box_and_confidences_and_every_block_its_region(
    library: Library, tmp_path: Path
) -> None:
    issue_id = stored_issue(library, tmp_path)
    with library.session() as session:
        text = read_text(session, issue_id)
        lines = list(
            session.scalars(select(OcrLine).where(OcrLine.issue_id == issue_id).order_by(OcrLine.position))
        )
        [article] = session.scalars(select(Article).where(Article.issue_id == issue_id)).all()
        blocks = list(
            session.scalars(select(Block).where(Block.article_id == article.id).order_by(Block.position))
        )
        regions = list(session.scalars(select(ScanRegion).where(ScanRegion.article_id == article.id)))
    # the original text is the lines read, in the line-based shape, verbatim
    indent = "\u3000\u3000"  # the paragraphs' first lines open two characters in
    assert text == f"{TITLE}\n\n{indent}{BODY[0]}\n{BODY[1]}\n{BODY[2]}\n\n{indent}{BODY[3]}\n{BODY[4]}\n"
    assert [text[line.span_start : line.span_end] for line in lines] == [TITLE, *BODY]
    assert (lines[0].x, lines[0].y, lines[0].w, lines[0].h, lines[0].role) == (
        40,
        40,
        56 * len(TITLE),
        62,
        "headline",
    )
    assert [line.unsure for line in lines] == [False, False, True, False, False, False]
    assert json.loads(lines[2].char_confidences or "[]")[3] == 0.5
    # the article and its blocks, the title decided by its size, each block linked to its lines' box
    assert article.title == TITLE
    assert [b.role for b in blocks] == ["title", "paragraph", "paragraph"]
    by_block = {region.block_id: (region.x, region.y, region.w, region.h) for region in regions}
    assert all(region.origin == "ocr" for region in regions)
    assert by_block[blocks[0].id] == (40, 40, 56 * len(TITLE), 62)
    assert by_block[blocks[1].id] == (40, 150, H * len(BODY[0]) + 2 * H, 2 * 46 + 34)
    assert by_block[blocks[2].id] == (40, 150 + 3 * 46, H * len(BODY[3]) + 2 * H, 46 + 34)


def test_a_scan_issue_whose_file_cannot_be_stored_leaves_nothing(library: Library, tmp_path: Path) -> None:
    missing = tmp_path / "gone.png"
    with library.write_session() as session:
        result = store_read_issue(session, ScanGroup("gone.png", (missing,)), [reading()])
    assert result.outcome is Outcome.FAILED and result.path == "gone.png"
    assert result.message == "no such file"  # the name said once, by the path
    with library.session() as session:
        assert session.scalars(select(Article)).first() is None
        assert session.scalars(select(OcrLine)).first() is None


def _export(library: Library, out: Path, **options: Any) -> dict[str, Any]:
    with library.session() as session:
        [path] = export(session, out, ExportOptions(format=ExportFormat.JSON, **options)).files
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_the_json_export_carries_the_line_boxes_and_confidences_and_imports_back(
    library: Library, tmp_path: Path
) -> None:
    stored_issue(library, tmp_path)
    document = _export(library, tmp_path / "json", include_scans=True)
    assert_schema_valid(document)
    lines = document["ocr_lines"]
    assert [(line["page"], document["original_text"][line["start"] : line["end"]]) for line in lines] == [
        (1, text) for text in [TITLE, *BODY]
    ]
    assert lines[0] | {"char_confidences": None} == {
        "page": 1,
        "start": 0,
        "end": len(TITLE),
        "x": 40,
        "y": 40,
        "w": 56 * len(TITLE),
        "h": 62,
        "confidence": 0.97,
        "char_confidences": None,
        "role": "headline",
        "size": lines[0]["size"],
        "block": 0,
        "unsure": False,
    }
    assert lines[2]["unsure"] and lines[2]["char_confidences"][3] == 0.5
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "target"
    from db.opening import open_library

    copy = open_library(target.with_suffix(".sqlite3"))
    try:
        with copy.write_session() as session:
            [result] = import_json(session, path).results
        assert result.outcome is Outcome.IMPORTED, result.message
        assert normalised(_export(copy, tmp_path / "again", include_scans=True)) == normalised(document)
    finally:
        copy.close()
    # a line whose span lies outside the text is refused with the reason
    document["ocr_lines"][0]["end"] = len(document["original_text"]) + 5
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with library.write_session() as session:
        [refused] = import_json(session, path, on_conflict="copy").results
    assert refused.outcome is Outcome.FAILED and "ocr_lines[0]" in refused.message


def test_the_web_annotation_export_links_each_article_to_its_page_regions(
    library: Library, tmp_path: Path
) -> None:
    stored_issue(library, tmp_path)
    document = _export(library, tmp_path / "json")
    with library.session() as session:
        [path] = export(session, tmp_path / "anno", ExportOptions(format=ExportFormat.ANNOTATIONS)).files
    items = json.loads(path.read_text(encoding="utf-8"))["first"]["items"]
    linking = [item for item in items if item["motivation"] == "linking"]
    sha = document["issue"]["sha256"]
    assert [item["target"] for item in linking] == [
        f"urn:jiaokan:issue:{sha}:page:1#xywh={r['x']},{r['y']},{r['w']},{r['h']}"
        for r in sorted(document["articles"][0]["regions"], key=lambda r: (r["y"], r["x"]))
    ]
    assert len(linking) == 3


def test_scan_inputs_make_one_issue_per_pdf_or_folder_of_images(tmp_path: Path) -> None:
    folder = tmp_path / "第9期"
    folder.mkdir()
    for name in ("p10.png", "p2.png", "p1.png"):
        (folder / name).write_bytes(b"")
    (tmp_path / "a.pdf").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    texts, groups = split_scan_inputs([folder, tmp_path / "a.pdf", tmp_path / "notes.txt"])
    assert texts == [tmp_path / "notes.txt"]
    assert [(g.name, [f.name for f in g.files]) for g in groups] == [
        ("第9期", ["p1.png", "p2.png", "p10.png"]),
        ("a.pdf", ["a.pdf"]),
    ]
    _texts, each = split_scan_inputs([folder], issue_per_file=True)
    assert [g.name for g in each] == ["p1.png", "p2.png", "p10.png"]
    # a folder holding text issues is left to the text import (its scans are attached beside them)
    assert split_scan_inputs([tmp_path]) == ([tmp_path], [])


def test_a_scan_folder_refuses_links_out_of_it_as_the_text_import_does(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "p3.png").write_bytes(b"")
    folder = tmp_path / "第9期"
    (folder / "inserts").mkdir(parents=True)
    (folder / "p1.png").write_bytes(b"")
    (folder / "inserts" / "i1.png").write_bytes(b"")
    (folder / ".p0.png").write_bytes(b"")  # hidden: passed over
    (folder / "p3.png").symlink_to(elsewhere / "p3.png")  # outside: refused, named
    (folder / "more").symlink_to(elsewhere, target_is_directory=True)  # outside: refused
    (folder / "p2.png").symlink_to(folder / "p1.png")  # inside: read
    (folder / "inserts" / "loop").symlink_to(folder, target_is_directory=True)  # walked once
    refused: list[InputError] = []
    _texts, groups = split_scan_inputs([folder], refused=refused)
    assert [(g.name, [f.name for f in g.files]) for g in groups] == [
        ("第9期", ["p1.png", "p2.png"]),
        ("i1.png", ["i1.png"]),
    ]
    assert sorted((Path(e.source).name, e.reason.split(" (")[0]) for e in refused) == [
        ("more", "skipped: the link points outside the folder"),
        ("p3.png", "skipped: the link points outside the folder"),
    ]


def test_unsure_characters_are_suggestions_of_ocr_unsure_and_accepting_clears_the_mark(
    library: Library, tmp_path: Path
) -> None:
    from db.rules_models import SuggestionDecision
    from reader.services.ocr_unsure import OCR_UNSURE, next_unsure, unsure_passages
    from reader.services.suggesting import accept, article_suggestions

    issue_id = stored_issue(library, tmp_path)
    with library.session() as session:
        [article_id] = session.scalars(select(Article.id).where(Article.issue_id == issue_id)).all()
        [item] = [i for i in article_suggestions(session, article_id) if i.suggestion.rule == OCR_UNSURE]
        block = session.get_one(Block, item.block_id)
        [passage] = unsure_passages(session, article_id)
        first = next_unsure(session, issue_id)
        after = next_unsure(session, issue_id, (0, passage.block_position, passage.suggestion.start))
    # the one character read at 0.5, in the first paragraph, with the box of its line on page 1
    at = len(BODY[0]) + 3
    assert (item.block_position, item.suggestion.start, item.suggestion.end) == (1, at, at + 1)
    assert item.suggestion.text == BODY[1][3] == block.text[at]
    assert item.suggestion.replacement is None
    assert passage.box == Box(40, 150 + 46, H * len(BODY[1]), 34)
    assert first == passage and after == passage  # the only one: the next wraps round to it
    with library.write_session() as session:
        unchanged = accept(session, item, author="校对员")
        session.commit()
        assert unchanged.text == block.text
    with library.session() as session:
        assert unsure_passages(session, article_id) == []
        assert not any(session.scalars(select(OcrLine.unsure).where(OcrLine.issue_id == issue_id)))
        [decision] = session.scalars(select(SuggestionDecision)).all()
        assert (decision.rule, decision.decision, decision.author) == (OCR_UNSURE, "accepted", "校对员")
        assert next_unsure(session, issue_id) is None


def test_without_the_ocr_extra_page_scans_are_refused_with_how_to_install_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    page = save_page(tmp_path / "第10期.png", [TITLE])
    blocked = (
        "import sys; sys.modules['rapidocr_onnxruntime'] = None; "  # as if the extra were not installed
        "from reader.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    repo = Path(__file__).resolve().parents[1]
    run = subprocess.run(
        [sys.executable, "-c", blocked, "import", "--db", str(tmp_path / "lib.sqlite3"), str(page)],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode != 0, run.stdout
    assert "error: 第10期.png: page scans are read by the OCR extra, not installed" in run.stderr
    assert 'pip install -e ".[ocr]"' in run.stderr
    assert "Traceback" not in run.stderr


def test_deleting_a_scan_issue_deletes_its_lines_and_regions(library: Library, tmp_path: Path) -> None:
    from reader.services.json_import import delete_issue

    issue_id = stored_issue(library, tmp_path)
    with library.write_session() as session:
        delete_issue(session, issue_id)
        session.commit()
    with library.session() as session:
        assert session.scalars(select(OcrLine)).first() is None
        assert session.scalars(select(ScanRegion)).first() is None
