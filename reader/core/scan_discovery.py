"""Which scan files lie next to an issue file, in natural page order (Qt-free).

For an issue ``ISSUE.txt`` these are attached on import: ``ISSUE.pdf``,
``ISSUE.png`` (or ``.jpg``, ``.jpeg``, ``.tif``, ``.tiff``), numbered pages
``ISSUE-1.png``, ``ISSUE_p2.jpg``, ``ISSUE 3.tif`` and the images (and PDFs)
of a folder ``ISSUE/``.  "Natural" order reads digits as numbers, so page 10
comes after page 9.  Hidden files are skipped; names compare case-insensitively.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from reader.core.scan_formats import SCAN_SUFFIXES

_DIGITS = re.compile(r"(\d+)")
_PAGE_SUFFIX = re.compile(r"[-_ .]?(?:p|page|pg)?[-_ .]?\d+", re.IGNORECASE)


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key reading runs of digits as numbers (``p2`` before ``p10``)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold()) for part in _DIGITS.split(name) if part
    )


def is_scan_name(path: Path) -> bool:
    """True when the file name ends like a scan (PNG, JPEG, TIFF, PDF)."""
    return path.suffix.lower() in SCAN_SUFFIXES and not path.name.startswith(".")


def _pages_of(stem: str, name_stem: str) -> bool:
    """True when a file stem ``name_stem`` names the issue ``stem`` or one of its numbered pages."""
    if name_stem.casefold() == stem.casefold():
        return True
    if not name_stem.casefold().startswith(stem.casefold()):
        return False
    return _PAGE_SUFFIX.fullmatch(name_stem[len(stem) :]) is not None


@functools.lru_cache(maxsize=8)
def _scan_names(folder: str, _modified: int) -> tuple[str, ...]:
    """The names in ``folder`` that end like a scan (read once per folder and change, not per issue)."""
    return tuple(name for name in os.listdir(folder) if is_scan_name(Path(name)))


def scans_beside(issue_file: Path) -> list[Path]:
    """The scans of an issue file found next to it, in natural page order (none: empty)."""
    folder = issue_file.parent
    stem = issue_file.stem
    try:
        names = _scan_names(str(folder), folder.stat().st_mtime_ns)
    except OSError:
        return []
    matching = sorted((n for n in names if _pages_of(stem, Path(n).stem)), key=natural_key)
    found = [folder / name for name in matching if (folder / name).is_file()]
    pages_folder = folder / stem
    if pages_folder.is_dir():
        try:
            inside = sorted(pages_folder.iterdir(), key=lambda p: natural_key(p.name))
        except OSError:
            inside = []
        found.extend(p for p in inside if p.is_file() and is_scan_name(p))
    return found


__all__ = ["is_scan_name", "natural_key", "scans_beside"]
