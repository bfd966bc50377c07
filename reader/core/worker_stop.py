"""Ending a pool of worker processes at once, in the middle of their tasks (Qt-free).

``ProcessPoolExecutor.shutdown`` lets the tasks under way run to their end;
when nobody wants their results any more (a cancelled OCR import, Ctrl-C, a
page refused) that is seconds of every core for nothing.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor


def stop_pool(pool: ProcessPoolExecutor, join_seconds: float = 5.0) -> None:
    """End a pool's processes now, in the middle of their tasks (whose results nobody wants)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way before 3.14
    for process in processes:
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes:
        process.join(join_seconds)


__all__ = ["stop_pool"]
