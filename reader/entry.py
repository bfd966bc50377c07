"""The entry point (``main.py``, the ``jiaokan`` script): the window straight away, or the command line.

``python main.py``, ``python main.py --db LIBRARY`` (with ``--lang`` and
``--sample``) open the application window. Importing reader.cli and building the
parser of every command would cost the window's first paint about a tenth of its
time, so these few options are read here and the window starts at once. Anything
else (a command, ``--help``, a value the full parser would refuse, an abbreviated
option) goes to reader.cli, whose parser decides with its usual messages.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import NamedTuple

# the values reader.cli's parser accepts for --lang (tests/test_entry.py compares them)
LANGUAGES = ("zh_CN", "en")


class WindowOptions(NamedTuple):
    """What ``run_gui`` takes: the library, the language, whether to open the sample issue."""

    db: str | None
    lang: str | None
    sample: bool


def window_options(argv: Sequence[str]) -> WindowOptions | None:
    """The window's options when ``argv`` only opens the window; None when the full parser must read it."""
    values: dict[str, str] = {}
    sample = False
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        if token == "--sample":
            sample = True
            continue
        name, equals, value = token.partition("=")
        if name not in ("--db", "--lang"):
            return None  # a command, --help, a typo: the full parser's business
        if not equals:
            if not tokens:
                return None
            value = tokens.pop(0)
            if value.startswith("-"):
                return None  # argparse reads it as an option, not as the value
        values[name] = value  # the last one wins, as with argparse
    lang = values.get("--lang")
    if lang is not None and lang not in LANGUAGES:
        return None
    return WindowOptions(values.get("--db"), lang, sample)


def main() -> int:
    """Open the window, or run the command that ``sys.argv`` names (reader.cli); returns the exit status."""
    window = window_options(sys.argv[1:])
    if window is not None:
        # Starting the window makes tens of thousands of objects that all live on (modules, classes,
        # Qt's enums): the collector would walk them some fifty times before the first paint, for
        # nothing (a few ms). It is paused until the window has painted (reader.gui.app.start).
        gc.disable()
        from reader.gui.app import run_gui

        return run_gui(*window)
    from reader.cli import main as command_line

    return command_line()
