"""Jiaokan (校勘) entry point: ``python main.py [COMMAND …]``; no command opens the window."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
