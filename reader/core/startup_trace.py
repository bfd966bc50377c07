"""Start-up timestamps for diagnosing the first paint (``JIAOKAN_STARTUP_TRACE=1``).

With the environment variable set, :func:`mark` prints one line per step to
stderr: seconds since this module was first imported (``main.py`` imports it
first, so: since the interpreter started running Jiaokan's code) and the step's
name. Without it, :func:`mark` does nothing.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "JIAOKAN_STARTUP_TRACE"
_ORIGIN = time.perf_counter()
ENABLED = bool(os.environ.get(ENV))


def mark(step: str) -> None:
    """Print ``[startup] 0.123 s step`` to stderr when tracing is on."""
    if ENABLED:
        print(f"[startup] {time.perf_counter() - _ORIGIN:.3f} s {step}", file=sys.stderr, flush=True)
