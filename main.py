"""Jiaokan (校勘) entry point: ``python main.py [COMMAND …]``; no command opens the window."""

import sys

from reader.core.startup_trace import mark

mark("main.py started")

from reader.entry import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
