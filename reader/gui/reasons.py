"""A service's reason (English, the words of the core and services) in the interface language: the
import summary's and the export's tables of known reasons go through :func:`translated_reason`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

ReasonTable = Sequence[tuple[re.Pattern[str], str]]


def translated_reason(reason: str, table: ReasonTable, context: str) -> str:
    """``reason`` translated by the first pattern of ``table`` it matches (its groups fill %1, %2…);
    as given when it is not a known one."""
    for pattern, template in table:
        match = pattern.match(reason)
        if match:
            text = QCoreApplication.translate(context, template)
            for number, value in enumerate(match.groups(), 1):
                text = text.replace(f"%{number}", value)
            return text
    return reason
