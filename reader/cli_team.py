"""Team-library commands: ``copy-library SOURCE_URL TARGET_URL``.

Wired into ``reader.cli`` by ``add_commands``; the output is a public
interface (see README.md, "Team library").
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

EXIT_OK = 0

Command = Callable[[argparse.Namespace], int]


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add ``copy-library``; returns its handler by name."""
    copy = subparsers.add_parser(
        "copy-library",
        help="copy a whole library, history included, into a new empty one (SQLite or PostgreSQL); verified",
    )
    copy.add_argument("source", metavar="SOURCE_URL", help="library file or URL to copy from")
    copy.add_argument(
        "target", metavar="TARGET_URL", help="new library file or URL to copy into (must be empty)"
    )
    return {"copy-library": cmd_copy_library}


def cmd_copy_library(args: argparse.Namespace) -> int:
    """Copy SOURCE into the empty TARGET; prints each table's rows and the verification."""
    from db.opening import open_library
    from db.safety import library_path
    from reader.services.library_copy import copy_library

    source = open_library(args.source)
    try:
        if library_path(args.source) is not None and library_path(args.source) == library_path(args.target):
            from reader.services.library_copy import CopyError

            raise CopyError("the source and the target are the same library")
        target = open_library(args.target)
        try:
            report = copy_library(source, target)
        finally:
            target.close()
    finally:
        source.close()
    for table in report.tables:
        print(f"{table.name:<28} {table.rows:>9} rows  sha256 {table.digest[:16]}")
    print(
        f"copied {report.rows} rows from {source.url} to {target.url}; verified: every table's rows, "
        f"{report.articles_verified} article hashes, {report.issues_verified} original texts"
    )
    return EXIT_OK
