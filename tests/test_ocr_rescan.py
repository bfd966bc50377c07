"""Importing the same scans again is skipped at once, from their bytes, before any page is read.

Before, the pages were read through OCR again (minutes for a 20-page PDF on
two cores) only for the text to be found in the library at the end.  Run on
SQLite and on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import Library
from reader.core.ocr import ocr_available
from reader.core.ocr_inputs import ScanGroup
from reader.services.import_ocr import import_scan_issue, store_read_issue
from reader.services.importing import Outcome
from tests.scan_support import save_page
from tests.test_ocr_store import BODY, TITLE, reading

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)
pytestmark = [pytest.mark.usefixtures("qapp"), pytest.mark.both_engines, pytest.mark.ocr, needs_ocr]


def test_scans_already_read_into_an_issue_are_skipped_without_reading_a_page(
    library: Library, tmp_path: Path
) -> None:
    first = save_page(tmp_path / "p1.png", [TITLE, *BODY])
    second = save_page(tmp_path / "p2.png", BODY[:2])
    with library.write_session() as session:
        stored = store_read_issue(session, ScanGroup("第9期", (first, second)), [reading(), reading()])
    assert stored.outcome is Outcome.IMPORTED, stored.message
    pages_read: list[int] = []
    with library.write_session() as session:
        again = import_scan_issue(
            session,
            ScanGroup("第9期 again", (first, second)),
            progress=lambda done, _total, _name: pages_read.append(done),
            cancelled=lambda: bool(pages_read),  # a page read would be cancelled, not skipped
        )
        other_order = import_scan_issue(session, ScanGroup("p2 p1", (second, first)), cancelled=lambda: True)
        one_of_them = import_scan_issue(session, ScanGroup("p1", (first,)), cancelled=lambda: True)
    assert (again.outcome, again.issue_id) == (Outcome.DUPLICATE, stored.issue_id), again.message
    assert again.message == f"already in the library as issue {stored.issue_id}"
    assert not pages_read
    assert other_order.outcome is Outcome.CANCELLED  # other pages in other order: read
    assert one_of_them.outcome is Outcome.CANCELLED
