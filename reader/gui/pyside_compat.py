"""Guard against a shiboken bug: None returned without a reference on Python 3.11.

PySide6/shiboken 6.12.0 (abi3 wheels) return ``None`` from every void method
without taking a reference, as if ``None`` were immortal, which it is only
from Python 3.12 on.  On 3.11 each call such as ``widget.update()`` lowers
``None``'s reference count by one, and after some tens of thousands of calls
the interpreter aborts with "Fatal Python error: none_dealloc".  The same
happens to ``True`` with every ``Signal.emit()`` ("bool_dealloc").

:func:`guard_none` detects the bug with a few harmless calls and, only when it
is present, gives ``None`` (and ``True`` and ``False`` when ``emit`` leaks) a
reserve of 2**40 references (what Python 3.12's immortal objects do), which
no session can exhaust.  ``pyproject.toml`` excludes 6.12.0, so the guard
matters only where that release was installed by hand; with a PySide6 without
the bug, or Python 3.12+, it does nothing.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

NONE_RESERVE = 1 << 40
_PROBE_CALLS = 16
_guarded = False
_bools_guarded = False


def leaks_none() -> bool:
    """True when PySide void calls lose references to None (the bug is present)."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal: nothing to lose
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


class _Probe(QObject):
    signal = Signal()


def leaks_bools() -> bool:
    """True when ``Signal.emit()`` loses a reference to the bool it returns (the same bug, for True)."""
    if sys.version_info >= (3, 12):
        return False  # True and False are immortal too
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_CALLS):
        probe.signal.emit()
    return sys.getrefcount(True) < before


def guard_none() -> bool:
    """Protect None's (and True's and False's) reference counts when the bug is present.

    Returns True when the guard of None is on.  Every ``emit()`` of a Python
    signal drops a reference to True: an editor emitting on each keystroke
    would exhaust it within a working day.
    """
    global _guarded, _bools_guarded
    # ctypes is imported only where the bug is: not on the way to every window's first paint
    if not _guarded and leaks_none():
        import ctypes

        refcount = ctypes.c_ssize_t.from_address(id(None))
        refcount.value += NONE_RESERVE
        _guarded = True
    if not _bools_guarded and leaks_bools():
        import ctypes

        for value in (True, False):
            ctypes.c_ssize_t.from_address(id(value)).value += NONE_RESERVE
        _bools_guarded = True
    return _guarded
