"""Presence (soft claims) and noticing other clients' changes, on both engines."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import text

from db.engine import Library, create_library_engine
from db.models import utcnow
from reader.core.processes import this_process
from reader.services.live_refresh import ChangeWatcher
from reader.services.presence import CLAIM_SECONDS, account_name, active_claims, claim, release
from tests.safety_support import add_articles

pytestmark = pytest.mark.both_engines


def test_a_claim_is_seen_by_others_renewed_by_its_holder_and_lapses(library: Library) -> None:
    [article, other] = add_articles(library, articles=2, blocks=1)
    now = utcnow()
    with library.writing() as session:
        assert claim(session, article, holder="王芳", client="w1", now=now) is None
    with library.writing() as session:  # another window is told who edits, and nothing changes
        held = claim(session, article, holder="李明", client="w2", now=now + timedelta(seconds=10))
        assert held is not None and held.holder == "王芳" and held.client == "w1"
        assert claim(session, other, holder="李明", client="w2", now=now) is None
    with library.writing() as session:  # the holder renews: the claim lasts from now on
        assert claim(session, article, holder="王芳", client="w1", now=now + timedelta(seconds=60)) is None
    with library.session() as session:
        claims = active_claims(session, now=now + timedelta(seconds=CLAIM_SECONDS + 30))
        assert {a: c.holder for a, c in claims.items()} == {article: "王芳"}
        assert claims[article].claimed_at == now  # renewing keeps "since when"
        assert active_claims(session, now=now + timedelta(seconds=CLAIM_SECONDS + 61)) == {}
    lapsed = now + timedelta(seconds=CLAIM_SECONDS + 61)
    with library.writing() as session:  # a lapsed claim blocks nobody
        assert claim(session, article, holder="李明", client="w2", now=lapsed) is None
    with library.writing() as session:  # asked and answered: take it over
        assert claim(session, article, holder="王芳", client="w1", now=lapsed) is not None
        assert claim(session, article, holder="王芳", client="w1", take_over=True, now=lapsed) is None
    with library.writing() as session:
        release(session, "w1")
    with library.session() as session:
        assert active_claims(session, now=lapsed) == {}  # 李明's claim on the other article lapsed too


def _ended_process() -> str:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return f"{this_process().rpartition(':')[0]}:{child.pid}"


def test_a_claim_of_a_window_whose_process_ended_blocks_nobody(library: Library) -> None:
    """qa23: after a crash the restarted window was told that its own user was editing, for 5 minutes."""
    [crashed, live, remote] = add_articles(library, articles=3, blocks=1)
    now = utcnow()
    with library.writing() as session:
        assert claim(session, crashed, holder="王芳", client=f"a1@{_ended_process()}", now=now) is None
        assert claim(session, live, holder="李明", client=f"b2@{this_process()}", now=now) is None
        assert claim(session, remote, holder="张强", client="c3@another-host:1", now=now) is None
    with library.session() as session:
        assert set(active_claims(session, now=now)) == {live, remote}
    with library.writing() as session:  # the crashed window's claim is taken without asking
        assert claim(session, crashed, holder="王芳", client=f"d4@{this_process()}", now=now) is None
        held = claim(session, live, holder="王芳", client=f"d4@{this_process()}", now=now)
        assert held is not None and held.holder == "李明"  # a running window's claim still asks first
        held = claim(session, remote, holder="王芳", client=f"d4@{this_process()}", now=now)
        assert held is not None and held.holder == "张强"  # another machine's lapses by time only


def test_another_connection_s_commit_is_noticed_and_a_rollback_is_not(library: Library) -> None:
    other = Library(create_library_engine(library.engine.url.render_as_string(hide_password=False)))
    watcher = ChangeWatcher(library)
    try:
        assert not watcher.changed()
        add_articles(other, articles=1, blocks=1)
        assert _soon(watcher)
        assert not watcher.changed()
        with pytest.raises(RuntimeError), other.writing() as session:
            session.execute(text("DELETE FROM block"))
            raise RuntimeError("rolled back")
        assert not _soon(watcher)
    finally:
        watcher.close()
        other.close()


def _soon(watcher: ChangeWatcher) -> bool:
    import time

    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        if watcher.changed():
            return True
        time.sleep(0.05)
    return False


def test_the_author_is_the_role_on_a_server_and_the_login_name_on_a_file(library: Library) -> None:
    import getpass

    expected = library.engine.url.username if "postgresql" in library.url else getpass.getuser()
    assert account_name(library) == expected
