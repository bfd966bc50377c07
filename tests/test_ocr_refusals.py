"""Pages the OCR model cannot read are refused naming the file, the page and why; nothing is kept.

A strip of 20000 × 20 pixels (a scanner's calibration strip, a cropped rule)
made the model raise its own error in the worker, which the import let
through as a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select

from db.engine import Library
from db.models import Issue
from db.scan_models import ScanFile
from reader.core.ocr import ocr_available
from reader.core.ocr_inputs import split_scan_inputs
from reader.services.import_ocr import import_scan_groups
from reader.services.importing import Outcome

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)
pytestmark = [pytest.mark.ocr, needs_ocr]


def _strip(path: Path) -> Path:
    image = QImage(20000, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    assert image.save(str(path))
    return path


@pytest.mark.parametrize("workers", [0, 1])
def test_a_page_the_model_cannot_read_is_refused_naming_the_file_and_page(
    qapp: object, library: Library, tmp_path: Path, workers: int
) -> None:
    strip = _strip(tmp_path / "条.png")
    _texts, groups = split_scan_inputs([strip])
    with library.write_session() as session:
        [result] = import_scan_groups(session, groups, workers=workers)
    assert result.outcome is Outcome.FAILED
    assert result.path == "条.png" and result.message.startswith("page 1: "), result.message
    assert "the OCR model could not read it" in result.message, result.message
    with library.session() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == 0
        assert session.scalar(select(func.count()).select_from(ScanFile)) == 0


def test_the_command_line_says_why_without_a_traceback(
    qapp: object, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    strip = _strip(tmp_path / "strip.png")
    assert main(["import", "--db", str(tmp_path / "library.sqlite3"), "--issue-per-file", str(strip)]) == 1
    _out, err = capfd.readouterr()
    assert "Traceback" not in err
    assert "error: strip.png: page 1: the OCR model could not read it" in err, err  # the name said once


def test_a_folder_holding_the_same_page_twice_is_refused_before_any_page_is_read(
    qapp: object, library: Library, tmp_path: Path
) -> None:
    """qa25: a copy of a page in the folder was refused only once every page had been read (45 s for six),
    as "p3.png: is already attached to issue 2 (as p1.png)", an issue that was never stored."""
    folder = tmp_path / "第48期"
    folder.mkdir()
    page = _strip(folder / "p1.png")
    (folder / "p2.png").write_bytes(page.read_bytes())
    _texts, groups = split_scan_inputs([folder])
    read: list[int] = []
    with library.write_session() as session:
        [result] = import_scan_groups(session, groups, workers=0, progress=lambda d, _t, _n: read.append(d))
    assert result.outcome is Outcome.FAILED
    assert result.message == "p2.png: is the same file as p1.png (a page given twice?)", result.message
    assert read == []  # refused before the first page was read
    with library.session() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == 0
