"""Crash safety: a writer SIGKILLed at random moments never loses or half-writes a save.

See ``tests/crash_writer.py`` for the harness; ``bench/crash_bench.py --long``
runs it for longer and prints figures.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.crash_writer import article_texts, crash_loop, make_library, verify

KILLS = 30  # bench/crash_bench.py --long runs 1,000


@pytest.mark.slow
def test_thirty_kills_lose_no_acknowledged_save_and_half_write_none(tmp_path: Path) -> None:
    library = tmp_path / "crash.sqlite3"
    make_library(library)
    stats = crash_loop(library, KILLS, tmp_path, seed=20261121, cold_every=15)
    assert stats.problems == []
    assert stats.kills == KILLS
    assert stats.kills_while_saving >= KILLS // 2  # most kills land while saves are being made
    assert stats.acks >= KILLS


def test_verify_catches_a_lost_acknowledged_save(tmp_path: Path) -> None:
    library = tmp_path / "crash.sqlite3"
    [first, *_] = make_library(library)
    found = verify(library, {first: 3})
    assert found.problems == [f"article {first}: saved v3 lost, library has v1"]


def test_verify_catches_a_half_written_save(tmp_path: Path) -> None:
    library = tmp_path / "crash.sqlite3"
    [first, *_] = make_library(library)
    half = article_texts(first, 2)[0]
    with sqlite3.connect(library) as conn:  # one block of save v2 without the others
        conn.execute("UPDATE block SET text = ? WHERE article_id = ? AND position = 0", (half, first))
        conn.execute("UPDATE article SET version = 2 WHERE id = ?", (first,))
    conn.close()
    problems = verify(library, {}).problems
    assert any("blocks from different saves" in p for p in problems)
    assert any("content hash not saved with the text" in p for p in problems)


def test_verify_accepts_a_committed_but_unacknowledged_save(tmp_path: Path) -> None:
    from db.opening import open_library
    from reader.services.recovery import save_or_recover

    library_path = tmp_path / "crash.sqlite3"
    [first, *_] = make_library(library_path)
    library = open_library(library_path)
    assert save_or_recover(library, first, article_texts(first, 2), author="t", base_version=1).saved
    library.close()
    found = verify(library_path, {})
    assert found.problems == [] and found.in_flight == 1 and found.versions[first] == 2


def test_verify_refuses_two_unacknowledged_saves_in_one_run(tmp_path: Path) -> None:
    library = tmp_path / "crash.sqlite3"
    [first, *_] = make_library(library)
    with sqlite3.connect(library) as conn:
        for position, text in enumerate(article_texts(first, 3)):
            conn.execute(
                "UPDATE block SET text = ? WHERE article_id = ? AND position = ?", (text, first, position)
            )
        conn.execute("UPDATE article SET version = 3 WHERE id = ?", (first,))
    conn.close()
    problems = verify(library, {}).problems
    assert f"article {first}: v3 but only v1 acknowledged" in problems
