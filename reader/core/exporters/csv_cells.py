"""Writing CSV cells that a spreadsheet program will not run as formulas.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is read by spreadsheet programs as a formula (``=SUM(1+2)``, ``@SUM(1)``,
``-2+3``…), so a tag or a title from a stranger's file could run code there.
Such a cell is written with a leading ``'`` (OWASP's rule for CSV
injection), which spreadsheets show as text; plain numbers (``-12``,
``+3.5``, ``-1e5``) are left as they are.  Numbers given as Python ints and
floats are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(cell: object) -> object:
    """The cell as written: a text that a spreadsheet would read as a formula gets a leading ``'``."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class SafeWriter:
    """A ``csv.writer`` whose rows have every cell neutralised (see module docstring)."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> Any:
        """Write one row, its cells neutralised."""
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write several rows, their cells neutralised."""
        for row in rows:
            self.writerow(row)


__all__ = ["FORMULA_STARTS", "SafeWriter", "neutralise"]
