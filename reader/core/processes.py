"""Which process does a thing, and whether it still runs (a crashed window's traces are no one's).

A window names itself ``host:pid`` (:func:`this_process`) where it leaves traces others read: the typing it
keeps between saves (:mod:`reader.services.recovery`), its claims on the articles it edits
(:mod:`reader.services.presence`).  When that process has ended on this host, what it left is a crash's
leftover: its typing is offered back, its claims block nobody.  A process of another host is taken to run
(its claims lapse by time, as before).
"""

from __future__ import annotations

import os
import socket

_HOST_CHARACTERS = 40  # a name fits the claim's client column with a window's id before it


def _host() -> str:
    return socket.gethostname()[:_HOST_CHARACTERS]


def this_process() -> str:
    """This process: ``host:pid``."""
    return f"{_host()}:{os.getpid()}"


def running(owner: str) -> bool:
    """Whether the process ``owner`` (``host:pid``, or ``window@host:pid``) still runs."""
    host, _, pid = owner.rpartition("@")[2].rpartition(":")
    if host != _host() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: it runs
    except OSError:
        return False
    return True
