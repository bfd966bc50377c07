"""Argument types of the command line: numbers that fit the library, file names safe to print."""

from __future__ import annotations

import argparse
from pathlib import Path

MAX_ID = 2**63 - 1  # SQLite's largest integer
SEVERAL = "several, or repeat the option"  # the help of an option that takes several values


def database_id(text: str) -> int:
    """An id or a count for ``--issue``, ``--article``, ``--limit``: a whole number SQLite can hold.

    Only ASCII digits make one (``-5`` is a number out of range): ``int`` would also read ``１２``,
    ``٣``, ``+1``, `` 1`` and ``1_0``. Anything else is a usage error (argparse exits with status 2
    and says why).
    """
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()):
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    value = int(text)
    if not 0 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is out of range (0 to {MAX_ID})")
    return value


class UsageError(Exception):
    """A command line that parsed but is incomplete: the CLI says why and exits with status 2."""


class _IdsThenName(argparse.Action):
    """``--article 1 2 外滩``: ids, then the command's NAME when it was not given before the option
    (an option taking several values would otherwise take the name too and refuse it as an id)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        ids = list(getattr(namespace, self.dest, None) or [])
        texts = [str(v) for v in values] if isinstance(values, list) else [str(values)]
        while texts and (_is_id(texts[0]) or not ids):
            try:
                ids.append(database_id(texts.pop(0)))
            except argparse.ArgumentTypeError as error:
                raise argparse.ArgumentError(self, str(error)) from None
        if texts:
            earlier = getattr(namespace, "name", None) or getattr(namespace, "trailing_name", None)
            if len(texts) > 1:
                raise argparse.ArgumentError(self, f"not a whole number: {texts[0]!r}")
            if earlier is not None:  # ``--article 1 外滩 --article 2 黄浦``: the last must not win
                raise argparse.ArgumentError(self, f"one name, not two: {earlier!r} and {texts[0]!r}")
            namespace.trailing_name = texts[0]
        setattr(namespace, self.dest, ids)


def _is_id(text: str) -> bool:
    """Whether ``--article``'s next value reads as an id (ASCII digits only: ``①``, ``²`` and ``１２``
    are digits to str.isdigit, and ``１２`` to int, but they are a name)."""
    try:
        database_id(text)
    except argparse.ArgumentTypeError:
        return False
    return True


class _Name(argparse.Action):
    """A NAME that may also come after ``--article``'s ids: a later empty match keeps it."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        if values is not None:
            setattr(namespace, self.dest, values)


def add_name_and_ids(parser: argparse.ArgumentParser, name_help: str, ids_help: str) -> None:
    """A NAME and ``--article ID…``, in either order (``NAME --article 1 2`` or ``--article 1 2 NAME``);
    :func:`name_of` reads the name."""
    parser.add_argument("name", metavar="NAME", nargs="?", action=_Name, help=name_help)
    parser.set_defaults(usage_parser=parser)  # a UsageError found after parsing shows this usage
    parser.add_argument(
        "--article", nargs="+", action=_IdsThenName, required=True, metavar="ID", help=ids_help
    )


def name_first_usage(parser: argparse.ArgumentParser) -> None:
    """Show NAME as required and before ``--article`` in the usage line (argparse writes ``[NAME]``
    last: the optional positional that lets it follow the ids); call once every option is added."""
    text = " ".join(parser.format_usage().split()[1:])  # one line, without "usage:"
    parser.usage = text.replace(" [NAME]", "").replace(" --article ID", " NAME --article ID", 1)


def name_of(args: argparse.Namespace) -> str:
    """The NAME of a command set up by :func:`add_name_and_ids`; a usage error when it is missing or
    given twice."""
    name: str | None = getattr(args, "name", None)
    trailing: str | None = getattr(args, "trailing_name", None)
    if name is not None and trailing is not None:
        raise UsageError(f"one tag name, not two: {name!r} and {trailing!r}")
    if name is None and trailing is None:
        raise UsageError(
            "the following arguments are required: NAME (a name made of digits, such as 2024, goes "
            "before --article or after --: --article 1 2 -- 2024)"
        )
    return name if name is not None else str(trailing)


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


__all__ = ["MAX_ID", "UsageError", "add_name_and_ids", "database_id", "name_first_usage", "name_of", "shown"]
