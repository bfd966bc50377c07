"""Argument types of the command line: numbers that fit the library, file names safe to print."""

from __future__ import annotations

import argparse
from pathlib import Path

MAX_ID = 2**63 - 1  # SQLite's largest integer
SEVERAL = "several, or repeat the option"  # the help of an option that takes several values


def database_id(text: str) -> int:
    """An id or a count for ``--issue``, ``--article``, ``--limit``: a whole number SQLite can hold.

    Anything else is a usage error (argparse exits with status 2 and says why).
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is out of range (0 to {MAX_ID})")
    return value


def add_ids(parser: argparse.ArgumentParser, option: str, help_text: str) -> None:
    """An option taking several database ids (``--issue 1 2`` or ``--issue 1 --issue 2``)."""
    parser.add_argument(
        option, type=database_id, nargs="+", action="extend", metavar="ID", help=f"{help_text} ({SEVERAL})"
    )


def shown(path: str | Path) -> str:
    """A file name as printed: control characters, line breaks and terminal escape codes escaped.

    A name holding a newline or ``\\x1b[…`` could otherwise forge an ``error:``
    line or drive the terminal; printable characters (Chinese too) are kept.
    """
    text = str(path)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


__all__ = ["MAX_ID", "database_id", "shown"]
