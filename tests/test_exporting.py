"""Exporting issues as cleaned text and JSON, with atomic writes and stable names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.engine import Library
from reader.core.script import Script
from reader.services.exporting import ExportFormat, export_issues
from reader.services.importing import import_files
from reader.services.library import NotFoundError
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.both_engines


@pytest.fixture
def sample_library(library: Library) -> Library:
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    return library


def test_json_export_carries_the_documented_structure(sample_library: Library, tmp_path: Path) -> None:
    with sample_library.session() as session:
        [path] = export_issues(session, tmp_path, ExportFormat.JSON)
    assert path.name == "sample_issue.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["original_text"] == SAMPLE_ISSUE.read_text(encoding="utf-8")
    assert set(doc["issue"]) >= {"id", "source_name", "sha256", "encoding", "imported_at", "title"}
    assert doc["issue"]["source_name"] == "sample_issue.txt"
    assert doc["issue"]["imported_at"].endswith("Z")
    for article in doc["articles"]:
        assert set(article) >= {
            "id",
            "position",
            "section",
            "kicker",
            "title",
            "subtitle",
            "byline",
            "source",
            "status",
            "paragraphs",
            "captions",
            "span",
        }
        start, end = article["span"]
        assert 0 <= start < end <= len(doc["original_text"])
    for leftover in doc["leftovers"]:
        start, end = leftover["span"]
        assert doc["original_text"][start:end] == leftover["text"]


def test_text_export_is_cleaned_utf8_with_lf(sample_library: Library, tmp_path: Path) -> None:
    with sample_library.session() as session:
        [path] = export_issues(session, tmp_path, ExportFormat.TXT)
    raw = path.read_bytes()
    assert b"\r" not in raw
    text = raw.decode("utf-8")
    assert "梅园街道河长制工作再上新台阶" in text
    # the cut paragraph is joined and the dropped caption is not inside it
    assert "以前这里一到夏天就有异味" in text
    assert "HEADLINE" not in text


def test_text_export_in_traditional_script(sample_library: Library, tmp_path: Path) -> None:
    with sample_library.session() as session:
        [path] = export_issues(session, tmp_path, ExportFormat.TXT, script=Script.TRADITIONAL)
    text = path.read_text(encoding="utf-8")
    assert "梅園街道河長制工作再上新臺階" in text or "梅園街道河長制工作再上新台階" in text
    with sample_library.session() as session:
        [path] = export_issues(session, tmp_path / "tw", ExportFormat.TXT, script=Script.SIMPLIFIED)
    assert "梅园街道河长制工作再上新台阶" in path.read_text(encoding="utf-8")


def test_issues_sharing_a_stem_get_a_suffix(library: Library, tmp_path: Path) -> None:
    for folder, body in (("a", "第一期正文。"), ("b", "第二期正文。")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "issue.txt").write_text(f"标题\n\n{body}\n", encoding="utf-8")
    with library.write_session() as session:
        import_files(session, [tmp_path / "a" / "issue.txt", tmp_path / "b" / "issue.txt"])
    with library.session() as session:
        paths = export_issues(session, tmp_path / "out", ExportFormat.TXT)
    assert [p.name for p in paths] == ["issue.txt", "issue-2.txt"]
    assert "第一期正文" in paths[0].read_text(encoding="utf-8")
    assert "第二期正文" in paths[1].read_text(encoding="utf-8")


def test_exporting_an_unknown_issue_says_so(sample_library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with sample_library.session() as session, pytest.raises(NotFoundError, match="999"):
        export_issues(session, out, ExportFormat.JSON, issue_ids=[999])
    assert not out.exists() or not list(out.iterdir())


def test_export_leaves_no_temporary_files(sample_library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with sample_library.session() as session:
        export_issues(session, out, ExportFormat.JSON)
        export_issues(session, out, ExportFormat.TXT)
    assert sorted(p.name for p in out.iterdir()) == ["sample_issue.json", "sample_issue.txt"]
