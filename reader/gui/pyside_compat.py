"""Guard against a shiboken bug: None returned without a reference on Python 3.11.

PySide6/shiboken 6.12.0 (abi3 wheels) return ``None`` from every void method
without taking a reference, as if ``None`` were immortal, which it is only
from Python 3.12 on.  On 3.11 each call such as ``widget.update()`` lowers
``None``'s reference count by one, and after some tens of thousands of calls
the interpreter aborts with "Fatal Python error: none_dealloc".

:func:`guard_none` detects the bug with a few harmless calls and, only when it
is present, gives ``None`` a reserve of 2**40 references (what Python 3.12's
immortal objects do), which no session can exhaust.  The real fix is a
PySide6 without the bug or Python 3.12+; this guard then does nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

NONE_RESERVE = 1 << 40
_PROBE_CALLS = 16
_guarded = False


def leaks_none() -> bool:
    """True when PySide void calls lose references to None (the bug is present)."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal: nothing to lose
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def guard_none() -> bool:
    """Protect None's reference count when the bug is present; True when the guard is on."""
    global _guarded
    if not _guarded and leaks_none():
        refcount = ctypes.c_ssize_t.from_address(id(None))
        refcount.value += NONE_RESERVE
        _guarded = True
    return _guarded
