"""Command line for page scans: ``python main.py pages attach|list|detach``.

``reader.cli`` wires :func:`add_commands` in; the commands and their output are a
public interface (see README.md).  ``ISSUE`` is an issue id (``list``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from reader.cli_common import counted, open_cli_library
from reader.cli_types import database_id

EXIT_OK = 0
EXIT_FAILED = 1

Command = Callable[[argparse.Namespace], int]


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add the ``pages`` command and its actions; returns ``{"pages": handler}``."""
    pages = subparsers.add_parser("pages", parents=[db_parent], help="attach, list, detach page scans")
    actions = pages.add_subparsers(dest="pages_action", metavar="ACTION", required=True)

    att = actions.add_parser(
        "attach", parents=[db_parent], help="attach scan files (PNG, JPEG, TIFF, PDF) to an issue"
    )
    att.add_argument("issue", type=database_id, metavar="ISSUE", help="issue id")
    att.add_argument("files", nargs="+", metavar="FILE", help="scan files, in page order")

    lst = actions.add_parser("list", parents=[db_parent], help="the scan pages of an issue")
    lst.add_argument("issue", type=database_id, metavar="ISSUE", help="issue id")
    lst.add_argument("--json", action="store_true", help="one JSON object per page and line")

    det = actions.add_parser("detach", parents=[db_parent], help="remove one page (and its regions)")
    det.add_argument("issue", type=database_id, metavar="ISSUE", help="issue id")
    det.add_argument("page", type=database_id, metavar="PAGE", help="page number (1 is the first)")
    return {"pages": cmd_pages}


def cmd_pages(args: argparse.Namespace) -> int:
    """Run one ``pages`` action."""
    handlers: dict[str, Command] = {"attach": _attach, "list": _list, "detach": _detach}
    return handlers[args.pages_action](args)


def _attach(args: argparse.Namespace) -> int:
    from reader.services.pages import attach_files

    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.writing() as session:
            report = attach_files(session, args.issue, args.files)
    finally:
        library.close()
    for attached in report.attached:
        first, last = attached.pages[0], attached.pages[-1]
        numbers = str(first) if first == last else f"{first}-{last}"
        print(f"attached {attached.path}: issue {args.issue}, pages {numbers}")
    for error in report.failed:
        print(f"error: {error.source}: {error.reason}", file=sys.stderr)
    print(f"{len(report.attached)} attached ({counted(report.pages, 'page')}), {len(report.failed)} failed")
    return EXIT_FAILED if report.failed else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from reader.services.pages import list_pages

    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.session() as session:
            rows = list_pages(session, args.issue)
    finally:
        library.close()
    for row in rows:
        if args.json:
            record = {
                "page": row.number,
                "file": row.file_name,
                "media_type": row.media_type,
                "frame": row.frame,
                "width": row.width,
                "height": row.height,
                "regions": row.regions,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            frame = f" #{row.frame + 1}" if row.media_type in ("image/tiff", "application/pdf") else ""
            print(
                f"page {row.number}  {row.file_name}{frame}  {row.width}×{row.height}  {row.regions} regions"
            )
    if not args.json:
        print(counted(len(rows), "page"), file=sys.stderr)
    return EXIT_OK


def _detach(args: argparse.Namespace) -> int:
    from reader.services.pages import detach_page

    library = open_cli_library(getattr(args, "db", None))
    try:
        with library.writing() as session:
            row = detach_page(session, args.issue, args.page)
    finally:
        library.close()
    print(
        f"detached page {row.number} of issue {args.issue} ({row.file_name}, {row.regions} regions removed)"
    )
    return EXIT_OK
