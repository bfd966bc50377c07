"""Why a Jiaokan JSON export was refused, in the interface language (it was shown in English in Chinese)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from db.engine import Library
from reader.gui.import_summary import result_detail
from reader.services.json_import import import_json_files

pytestmark = pytest.mark.gui

ENGLISH_WORDS = re.compile(r"[A-Za-z]{3,}")


def _refusal(library: Library, path: Path) -> str:
    with library.write_session() as session:
        report = import_json_files(session, [path])
    (result,) = report.results
    return result_detail(result)


def test_a_broken_json_export_is_refused_in_chinese_with_its_place(
    chinese: None, gui_library: Library, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "jiaokan-issue", "version": 2, "issues": [\n', encoding="utf-8")
    detail = _refusal(gui_library, broken)
    assert "JSON" in detail and "第 2 行" in detail and "第 1 列" in detail
    assert ENGLISH_WORDS.findall(detail.replace("JSON", "")) == []

    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"format": "jiaokan-issue", "title": "é"}'.encode("latin-1"))
    detail = _refusal(gui_library, latin1)
    assert "UTF-8" in detail and ENGLISH_WORDS.findall(detail.replace("UTF", "")) == []


def test_a_json_that_is_not_an_export_is_refused_in_chinese(
    chinese: None, gui_library: Library, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "jiaokan-issue", "version": 2}), encoding="utf-8")
    detail = _refusal(gui_library, other)
    assert detail.startswith("不是校勘期次导出文件")


def test_english_keeps_the_whole_reason(gui_library: Library, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "jiaokan-issue",\n', encoding="utf-8")
    detail = _refusal(gui_library, broken)
    assert detail.startswith("not valid JSON: ") and "(line 2, column 1)" in detail
