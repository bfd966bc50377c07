"""Which inputs of an import are page scans to read through OCR, and how they make issues (Qt-free).

- A PDF is one issue (its pages in order).
- Page images (PNG, JPEG, TIFF) of one folder are one issue, in natural page
  order (``p2`` before ``p10``), named after the folder (a folder's only image
  after itself: one page scanned among other things); page images named on
  the command line are grouped the same way, by the folder they lie in.
- With ``issue_per_file`` every image file is an issue of its own.
- A folder holding any ``.txt`` file is a folder of text issues, as before:
  the scans in it are attached to the issue they lie beside, not read.
- Inside a folder, as for text issues (:func:`reader.core.files.collect_inputs`),
  hidden entries are passed over, and a symbolic link whose target lies outside
  the folder, or a subfolder that cannot be read, is refused with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import InputError
from reader.core.files import within
from reader.core.scan_discovery import is_scan_name, natural_key
from reader.core.scan_formats import PDF, SCAN_SUFFIXES


@dataclass(frozen=True, slots=True)
class ScanGroup:
    """The scan files of one issue to read, in page order, and the name the issue is stored under."""

    name: str
    files: tuple[Path, ...]


def _is_pdf(path: Path) -> bool:
    return SCAN_SUFFIXES.get(path.suffix.lower()) == PDF


def _holds_text(folder: Path) -> bool:
    for _root, _dirs, names in os.walk(folder):
        if any(name.lower().endswith(".txt") for name in names):
            return True
    return False


def _groups_of(folder: Path, images: list[Path], pdfs: list[Path], per_file: bool) -> list[ScanGroup]:
    groups = [ScanGroup(pdf.name, (pdf,)) for pdf in sorted(pdfs, key=lambda p: natural_key(p.name))]
    ordered = sorted(images, key=lambda p: natural_key(p.name))
    if per_file:
        groups.extend(ScanGroup(image.name, (image,)) for image in ordered)
    elif ordered:
        name = ordered[0].name if len(ordered) == 1 else folder.name or str(folder)
        groups.append(ScanGroup(name, tuple(ordered)))
    return groups


def split_scan_inputs(
    paths: Iterable[Path], *, issue_per_file: bool = False, refused: list[InputError] | None = None
) -> tuple[list[Path], list[ScanGroup]]:
    """The inputs left for the text import, and the scan issues to read (see the module's docstring).

    ``refused`` (when given) receives an InputError for each link or subfolder passed over.
    """
    text: list[Path] = []
    groups: list[ScanGroup] = []
    loose: dict[Path, list[Path]] = {}
    for path in paths:
        if path.is_dir() and not _holds_text(path):
            groups.extend(_folder_groups(path, issue_per_file, refused if refused is not None else []))
        elif path.is_file() and is_scan_name(path):
            if _is_pdf(path):
                groups.append(ScanGroup(path.name, (path,)))
            else:
                loose.setdefault(path.parent, []).append(path)
        else:
            text.append(path)
    for folder, images in loose.items():
        groups.extend(_groups_of(folder.resolve(), images, [], issue_per_file))
    return text, groups


def _folder_groups(folder: Path, per_file: bool, refused: list[InputError]) -> list[ScanGroup]:
    inside = os.path.realpath(folder)
    groups: list[ScanGroup] = []
    walked = {inside}  # a link back to a folder already walked (a loop) is not walked again

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        refused.append(InputError(where, f"cannot read the folder: {error.strerror or error}"))

    for root, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        kept = []
        for name in sorted(dirs, key=natural_key):
            child = os.path.join(root, name)
            if name.startswith("."):
                continue
            if os.path.islink(child) and not within(os.path.realpath(child), inside):
                refused.append(_outside(child))
            elif os.path.realpath(child) not in walked:
                walked.add(os.path.realpath(child))
                kept.append(name)
        dirs[:] = kept
        scans: list[Path] = []
        for name in names:
            child = os.path.join(root, name)
            if name.startswith(".") or not is_scan_name(Path(name)):
                continue
            if os.path.islink(child) and not within(os.path.realpath(child), inside):
                refused.append(_outside(child))
            else:
                scans.append(Path(child))
        images = [p for p in scans if not _is_pdf(p)]
        groups.extend(_groups_of(Path(root), images, [p for p in scans if _is_pdf(p)], per_file))
    return groups


def _outside(child: str) -> InputError:
    return InputError(child, f"skipped: the link points outside the folder ({os.path.realpath(child)})")


__all__ = ["ScanGroup", "split_scan_inputs"]
