"""The reasons a page scan or an OCR import is refused, in the interface language (qa25: every one of them
was shown in English in the Chinese import summary).  The patterns follow the words of
``reader.core.scan_formats``, ``reader.core.page_reading``, ``reader.core.pdf_pages`` and
``reader.services.import_ocr`` / ``pages``; a reason not listed is shown as given."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

SCAN_REASONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"page (\d+): the OCR model could not read it \((.+)\)$"),
        "page %1: the OCR model could not read it (%2)",
    ),
    (re.compile(r"page (\d+): not enough memory to read it$"), "page %1: not enough memory to read it"),
    (re.compile(r"page (\d+) could not be decoded as an image$"), "page %1 could not be decoded as an image"),
    (
        re.compile(r"page (\d+) is too large \((\d+) × (\d+) pixels\)$"),
        "page %1 is too large (%2 × %3 pixels)",
    ),
    (
        re.compile(r"is the same file as (.+) \(a page given twice\?\)$"),
        "is the same file as %1 (a page given twice?)",
    ),
    (
        re.compile(r"is already attached to issue (\d+) \(as (.+)\)$"),
        "is already attached to issue %1 (as %2)",
    ),
    (
        re.compile(r"not an image or PDF \(PNG, JPEG, TIFF or PDF expected\)$"),
        "not an image or PDF (PNG, JPEG, TIFF or PDF expected)",
    ),
    (
        re.compile(r"unreadable (\S+): the file is truncated or damaged$"),
        "unreadable %1: the file is truncated or damaged",
    ),
    (
        re.compile(r"the PDF is encrypted \(password protected\)$"),
        "the PDF is encrypted (password protected)",
    ),
    (re.compile(r"the PDF has no pages$"), "the PDF has no pages"),
    (re.compile(r"the file is over (\d+) GiB$"), "the file is over %1 GiB"),
    (re.compile(r"no text was read on its pages$"), "no text was read on its pages"),
    (
        re.compile(r"a process reading its pages stopped \(out of memory\?\)$"),
        "a process reading its pages stopped (out of memory?)",
    ),
]

SCAN_FILE = re.compile(r"^([^:]+\.(?:png|jpe?g|tiff?|pdf)): (.+)$", re.IGNORECASE)
"""A reason naming one file of the issue first: ``p2.png: is the same file as p1.png …``."""


def _tr_scan_reasons() -> None:  # pragma: no cover - only marks the strings for lupdate
    QCoreApplication.translate("ImportReasons", "page %1: the OCR model could not read it (%2)")
    QCoreApplication.translate("ImportReasons", "page %1: not enough memory to read it")
    QCoreApplication.translate("ImportReasons", "page %1 could not be decoded as an image")
    QCoreApplication.translate("ImportReasons", "page %1 is too large (%2 × %3 pixels)")
    QCoreApplication.translate("ImportReasons", "is the same file as %1 (a page given twice?)")
    QCoreApplication.translate("ImportReasons", "is already attached to issue %1 (as %2)")
    QCoreApplication.translate("ImportReasons", "not an image or PDF (PNG, JPEG, TIFF or PDF expected)")
    QCoreApplication.translate("ImportReasons", "unreadable %1: the file is truncated or damaged")
    QCoreApplication.translate("ImportReasons", "the PDF is encrypted (password protected)")
    QCoreApplication.translate("ImportReasons", "the PDF has no pages")
    QCoreApplication.translate("ImportReasons", "the file is over %1 GiB")
    QCoreApplication.translate("ImportReasons", "no text was read on its pages")
    QCoreApplication.translate("ImportReasons", "a process reading its pages stopped (out of memory?)")
    QCoreApplication.translate("ImportReasons", "%1: %2")
