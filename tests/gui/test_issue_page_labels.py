"""The issue page's field labels stay whole in a narrow reading pane ("Publicati/on", "待处理的建/议").

Found by qa22 at the default window size, in both languages.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.gui.proofreading import issue_review_rows
from reader.gui.reading_document import ReadingStyle, render_issue_page
from reader.services.browsing import IssuePage
from reader.services.issues import set_issue_properties

pytestmark = pytest.mark.gui

_PAGE = IssuePage(
    id=1,
    source_name="bom0.txt",
    title="外滩 Waitan News",
    publication_date="2021-04-16",
    encoding="utf-8-sig",
    imported_at=datetime(2026, 12, 7, 12, 19, tzinfo=UTC),
    char_count=2515,
    article_count=8,
    leftovers=[],
    publication="外滩街道社区报",
    number="第12期",
)
_LONG_TITLE = "街道“书记工作室”举办第二季活动 聚焦“零距离家园”建设 助推社区新发展" * 2


def _lines(qapp: QApplication, width: int, review: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Every text block of the rendered issue page with the lines it is laid out on, at ``width``."""
    style = ReadingStyle.from_palette(qapp.palette(), None, 15.0)
    doc = QTextDocument()
    render_issue_page(doc, _PAGE, "外滩 2021-04-16", style, str, review=review, doubts=[(_LONG_TITLE, "why")])
    doc.setTextWidth(width)
    doc.documentLayout().documentSize()  # lay it out
    found: dict[str, list[str]] = {}
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        text = block.text()
        found[text] = [
            text[line.textStart() : line.textStart() + line.textLength()]
            for line in (layout.lineAt(n) for n in range(layout.lineCount()))
        ]
        block = block.next()
    return found


@pytest.mark.parametrize("width", [540, 420, 330])
@pytest.mark.parametrize(
    "review",
    [
        issue_review_rows({"new": 7, "in_progress": 1}, 92),
        [("已校对或已审定", "0 / 8"), ("待处理的建议", "92"), ("校對中", "1")],
        [("  Remaining   suggestions ", "92"), ("Proofread or approved", "12 / 345")],
    ],
    ids=["english", "chinese", "spaced"],
)
def test_labels_are_never_cut(qapp: QApplication, width: int, review: list[tuple[str, str]]) -> None:
    lines = _lines(qapp, width, review)
    labels = [
        "Title",
        "Publication",
        "Date",
        "Number",
        "Source file",
        "Encoding",
        "Imported at",
        "Characters",
        "Articles",
    ]
    for label in labels + [label for label, _ in review]:
        assert lines[label] == [label], (width, label, lines[label])


def test_a_long_article_title_among_the_doubts_still_wraps(qapp: QApplication) -> None:
    lines = _lines(qapp, 420, issue_review_rows({"new": 8}, 0))
    assert len(lines[_LONG_TITLE]) > 1
    assert "".join(lines[_LONG_TITLE]) == _LONG_TITLE


@pytest.mark.parametrize(
    ("title", "publication", "number"),
    [
        ("外滩", "外滩街道社区报", "第12期"),
        ("外灘", "外灘街道社區報", "第１２期"),  # traditional script, full-width digits
        (None, "Waitan Community News", "No. 12"),
        ("外滩", None, None),
    ],
)
def test_the_issue_page_names_each_property_as_issue_properties_does(
    qtbot: QtBot,
    window: MainWindow,
    gui_library: Library,
    title: str | None,
    publication: str | None,
    number: str | None,
) -> None:
    """The masthead title was shown as "Publication", and the publication and number not at all."""
    with gui_library.session() as session, session.begin():
        set_issue_properties(
            session,
            1,
            title=title or "",
            publication=publication or "",
            number=number or "",
            publication_date="2021-04-16",
        )
    with qtbot.waitSignal(window.issue_shown, timeout=5000):
        assert window.navigator.open_issue(1)
    shown = window.reading_view.toPlainText().splitlines()
    expected = {"Title": title, "Publication": publication, "Date": "2021-04-16", "Number": number}
    for label, value in expected.items():
        if value is None:
            assert not any(line.startswith(label + "\n") or line == label for line in shown), label
        else:
            at = shown.index(label)
            assert shown[at + 1] == value, (label, shown[at : at + 2])
