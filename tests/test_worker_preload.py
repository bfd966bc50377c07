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
