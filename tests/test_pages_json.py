"""Page scans through the JSON export and import, and regions as IIIF-style xywh Web Annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Block
from db.opening import open_library
from reader.core.exporters.options import ExportFormat, ExportOptions
from reader.services.exporting import export
from reader.services.importing import Outcome, import_files
from reader.services.json_import import import_json
from reader.services.library import list_articles
from reader.services.page_regions import Box, article_regions, link_region
from reader.services.pages import attach_files, list_pages, page_source
from tests.conftest import SAMPLE_ISSUE
from tests.scan_support import corpus_lines, save_page, save_pdf
from tests.test_json_roundtrip import assert_schema_valid, normalised

pytestmark = pytest.mark.usefixtures("qapp")


def _source(tmp_path: Path) -> tuple[Library, int, list[Path]]:
    library = open_library(tmp_path / "source.sqlite3")
    with library.write_session() as session:
        issue = import_files(session, [SAMPLE_ISSUE]).imported[0].issue_id
    assert issue is not None
    lines = corpus_lines(8)
    files = [
        save_page(tmp_path / "front.png", lines[:4]),
        save_pdf(tmp_path / "rest.pdf", [lines[4:], lines[:2]]),
    ]
    with library.writing() as session:
        attach_files(session, issue, files)
        pages = list_pages(session, issue)
        articles = list_articles(session, issue)
        block = session.scalars(
            select(Block).where(Block.article_id == articles[1].id).order_by(Block.position.desc())
        ).first()
        assert block is not None
        link_region(session, pages[0].id, articles[0].id, Box(40, 40, 1120, 240), author="t")
        link_region(
            session, pages[2].id, articles[1].id, Box(100, 200, 900, 300), block_id=block.id, author="t"
        )
    return library, issue, files


def _export(library: Library, out: Path, **options: Any) -> dict[str, Any]:
    with library.session() as session:
        [path] = export(session, out, ExportOptions(format=ExportFormat.JSON, **options)).files
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_json_with_scans_round_trips_pages_bytes_and_regions(tmp_path: Path) -> None:
    source, _issue, files = _source(tmp_path)
    first = _export(source, tmp_path / "first", include_scans=True)
    source.close()
    assert_schema_valid(first)
    assert first["pages"] == [
        {"number": 1, "file": 0, "frame": 0, "width": 1200, "height": 1600},
        {"number": 2, "file": 1, "frame": 0, "width": 2479, "height": 3508},
        {"number": 3, "file": 1, "frame": 1, "width": 2479, "height": 3508},
    ]
    assert [f["name"] for f in first["scan_files"]] == ["front.png", "rest.pdf"]
    assert all(f["data"] for f in first["scan_files"])
    second_article = first["articles"][1]
    assert second_article["regions"] == [
        {
            "page": 3,
            "block": len(second_article["blocks"]) - 1,
            "x": 100,
            "y": 200,
            "w": 900,
            "h": 300,
            "origin": "manual",
        }
    ]
    target = open_library(tmp_path / "target.sqlite3")
    try:
        path = tmp_path / "doc.json"
        path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
        with target.write_session() as session:
            [result] = import_json(session, path).results
        assert result.outcome is Outcome.IMPORTED, result.message
        assert result.issue_id is not None
        with target.session() as session:
            pages = list_pages(session, result.issue_id)
            assert [p.regions for p in pages] == [1, 0, 1]
            assert page_source(session, pages[2].id).data == files[1].read_bytes()
            assert page_source(session, pages[0].id).data == files[0].read_bytes()
            article = list_articles(session, result.issue_id)[1].id
            [region] = article_regions(session, article)
            assert (region.page_number, region.box) == (3, Box(100, 200, 900, 300))
            assert region.block_position == len(second_article["blocks"]) - 1
        again = _export(target, tmp_path / "second", include_scans=True)
        assert normalised(again) == normalised(first)
    finally:
        target.close()


def test_json_without_scans_describes_them_and_import_leaves_them_out(tmp_path: Path) -> None:
    source, _issue, _files = _source(tmp_path)
    document = _export(source, tmp_path / "out")
    source.close()
    assert_schema_valid(document)
    assert len(document["pages"]) == 3
    assert all("data" not in f for f in document["scan_files"])
    target = open_library(tmp_path / "target.sqlite3")
    try:
        with target.write_session() as session:
            [result] = import_json(session, document).results
        assert result.outcome is Outcome.IMPORTED
        assert result.message.endswith("; 3 scan pages left out (exported without their scans)")
        assert result.issue_id is not None
        with target.session() as session:
            assert list_pages(session, result.issue_id) == []
    finally:
        target.close()


def test_altered_scan_bytes_are_refused(tmp_path: Path) -> None:
    source, _issue, _files = _source(tmp_path)
    document = _export(source, tmp_path / "out", include_scans=True)
    source.close()
    document["scan_files"][0]["data"] = document["scan_files"][1]["data"]
    target = open_library(tmp_path / "target.sqlite3")
    try:
        with target.write_session() as session:
            [result] = import_json(session, document).results
        assert result.outcome is Outcome.FAILED
        assert "scan file front.png: its data does not match its sha256 and byte_count" in result.message
        document["articles"][0]["regions"][0]["page"] = 9
        with target.write_session() as session:
            [result] = import_json(session, document).results
        assert "article 0: a region lies on page 9, not a page" in result.message
    finally:
        target.close()


def test_regions_are_web_annotations_with_xywh_fragments(tmp_path: Path) -> None:
    source, _issue, _files = _source(tmp_path)
    try:
        document = _export(source, tmp_path / "json")
        with source.session() as session:
            [path] = export(session, tmp_path / "anno", ExportOptions(format=ExportFormat.ANNOTATIONS)).files
    finally:
        source.close()
    items = json.loads(path.read_text(encoding="utf-8"))["first"]["items"]
    linking = [item for item in items if item["motivation"] == "linking"]
    sha = document["issue"]["sha256"]
    assert [item["target"] for item in linking] == [
        f"urn:jiaokan:issue:{sha}:page:1#xywh=40,40,1120,240",
        f"urn:jiaokan:issue:{sha}:page:3#xywh=100,200,900,300",
    ]
    assert linking[0]["body"] == {"id": f"urn:jiaokan:article:{sha}:0", "type": "Text"}
    article = document["articles"][1]
    selector = linking[1]["body"]["selector"]
    text = "\n\n".join(b["text"] for b in article["blocks"])
    assert text[selector["start"] : selector["end"]] == article["blocks"][-1]["text"]
