"""Preparing a file leaves no reference cycles: what it built is freed as soon as it is dropped.

A cycle (the article grouper once held its own bound methods) kept every
issue's lines, units and blocks alive until the garbage collector's next full
round, which in an import's worker cost more than a tenth of its time.
"""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

from reader.core.preparing import prepare_file
from tests.corpus_shapes import hard_wrap


def unreachable_after(work: object) -> int:
    """How many objects ``work()`` left in reference cycles (the collector is off meanwhile)."""
    assert callable(work)
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        work()
        return gc.collect()
    finally:
        if was_enabled:
            gc.enable()


def test_preparing_and_sending_a_file_leaves_no_cycles(corpus_files: list[Path], tmp_path: Path) -> None:
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text(hard_wrap(corpus_files[0].read_text(encoding="utf-8"), 16), encoding="utf-8")
    prepare_file(corpus_files[0])  # caches filled first (the folding table)

    def work() -> None:
        for path in [*corpus_files, wrapped]:
            prepared = prepare_file(path)
            assert prepared.articles
            pickle.loads(pickle.dumps(prepared)).parsed  # noqa: B018  # rebuilt, as when layout lines apply

    assert unreachable_after(work) == 0
