"""Why an export failed, in the interface language (the exporter's reasons are English sentences)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from reader.core.errors import ExportError
from reader.gui.reasons import translated_reason

# (pattern of the exporter's reason, template with %1… for its groups); unknown reasons are shown as given
_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"cannot write into the folder: (.+)$"), "cannot write into the folder: %1"),
    (
        re.compile(r"cannot write the file: a folder of that name is in the way$"),
        "a folder of that name is in the way",
    ),
    (
        re.compile(
            r"cannot write the file: something that is not a regular file of that name is in the way$"
        ),
        "something that is not a file has that name",
    ),
    (re.compile(r"cannot write the file: (.+)$"), "cannot write the file: %1"),
    (
        re.compile(r"not a folder: a file of that name is in the way.*$"),
        "not a folder: a file of that name is in the way; choose a folder to export into",
    ),
]


def _tr_reasons() -> None:  # pragma: no cover - only marks the strings for lupdate
    QCoreApplication.translate("ExportReasons", "cannot write into the folder: %1")
    QCoreApplication.translate("ExportReasons", "a folder of that name is in the way")
    QCoreApplication.translate("ExportReasons", "something that is not a file has that name")
    QCoreApplication.translate("ExportReasons", "cannot write the file: %1")
    QCoreApplication.translate(
        "ExportReasons", "not a folder: a file of that name is in the way; choose a folder to export into"
    )


def export_error_text(error: BaseException) -> str:
    """The file (or folder) an export failed on and why, the reason translated when it is a known one."""
    if not isinstance(error, ExportError):
        return str(error)
    return f"{error.target}\n{translated_reason(error.reason, _REASONS, 'ExportReasons')}"
