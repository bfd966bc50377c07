"""Worker pools started early load their code while the parent process loads its own."""

from __future__ import annotations

import multiprocessing
import sys

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
