"""Worker pools started early load their code while the parent process loads its own."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

from reader.core.workers import started_pool, worker_pool

MODULE = "reader.core.segment"  # not imported by this test module, so a worker has it only if preloaded


def _loaded(name: str) -> bool:
    return name in sys.modules


def test_a_started_pool_has_imported_its_preload_before_its_first_task() -> None:
    before = len(multiprocessing.active_children())
    pool = started_pool(1, preload=[MODULE])
    try:
        assert len(multiprocessing.active_children()) == before + 1  # started before any task was given
        assert pool.submit(_loaded, MODULE).result(timeout=120)
    finally:
        pool.shutdown()


def test_a_plain_pool_imports_nothing_more() -> None:
    pool = worker_pool(1)
    try:
        assert not pool.submit(_loaded, MODULE).result(timeout=120)
    finally:
        pool.shutdown()


def _square(value: int) -> int:
    return value * value


def _niceness() -> int:
    import os

    return os.nice(0)


def test_ordered_map_gives_every_result_in_order_with_a_bounded_look_ahead() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from reader.core.workers import ordered_map

    handed: list[int] = []

    def items():  # type: ignore[no-untyped-def]
        for value in range(100):
            handed.append(value)
            yield value

    with ThreadPoolExecutor(2) as pool:
        results = ordered_map(pool, _square, items(), chunksize=4, ahead=3)
        assert next(results) == 0
        assert len(handed) <= 4 * 4  # the first three chunks and the one asked for next: not all 100
        assert [0, *results] == [value * value for value in range(100)]


def test_a_pool_can_run_below_the_parents_priority() -> None:
    import os

    pool = worker_pool(1, nice=5)
    try:
        assert pool.submit(_niceness).result(timeout=120) == min(os.nice(0) + 5, 19)
    finally:
        pool.shutdown()


def test_the_import_workers_prepare_a_file_without_loading_sqlalchemy(tmp_path: Path) -> None:
    """The preparing workers load only the preparation: they start in a fraction of the time."""
    from reader.core.preparing import PreparedIssue, prepare_or_error

    issue = tmp_path / "issue.txt"
    issue.write_text("第1期标题\n\n正文第一段，提高学习理论知识的主动性。\n", encoding="utf-8")
    pool = started_pool(1, preload=["reader.core.preparing"])
    try:
        prepared = pool.submit(prepare_or_error, (issue, None)).result(timeout=120)
        assert isinstance(prepared, PreparedIssue) and prepared.parsed.articles
        assert not pool.submit(_loaded, "sqlalchemy").result(timeout=120)
        assert not pool.submit(_loaded, "db.models").result(timeout=120)
    finally:
        pool.shutdown()


def test_a_started_map_hands_out_its_first_chunks_before_any_result_is_asked_for() -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from reader.core.workers import StartedMap

    first = threading.Event()

    def square_noting_the_first(value: int) -> int:
        if value == 0:
            first.set()
        return value * value

    with ThreadPoolExecutor(2) as pool:
        results = StartedMap(pool, square_noting_the_first, range(50), chunksize=4, ahead=2)
        assert first.wait(30)  # computed before anyone asked
        assert list(results) == [value * value for value in range(50)]
        results.close()


def test_closing_a_started_map_cancels_the_chunks_not_started() -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from reader.core.workers import StartedMap

    release = threading.Event()
    done: list[int] = []

    def slow(value: int) -> int:
        release.wait(30)
        done.append(value)
        return value

    with ThreadPoolExecutor(1) as pool:
        results = StartedMap(pool, slow, range(40), chunksize=4, ahead=5)
        results.close()  # the first chunk is running; the four others never start
        release.set()
    assert sorted(done) == [0, 1, 2, 3] or done == []
    assert list(results) == []
