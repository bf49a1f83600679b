"""Where the per-article stages run: in this process, in local worker processes, or on a Dask cluster.

The per-article work (dates, events) is independent per article, so it moves to a cluster as it is;
merging and the graph run where the results land. On Dask the articles go out in coarse partitions
(``dask.bag``), never one task per article. Dask is an optional extra: ``pip install 'timeline[dask]'``.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")
ARTICLES_PER_PARTITION = 200


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops them; a worker that took it itself
    could die holding a half-sent result, or outlive its parent blocked on a full pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_local(fn: Callable[[T], R], items: Sequence[T], workers: int = 1) -> list[R]:
    if workers <= 1 or len(items) < 2:
        return [fn(x) for x in items]
    chunk = max(1, len(items) // (workers * 8))
    pool = multiprocessing.Pool(workers, initializer=_ignore_sigint)
    try:
        results = pool.map(fn, items, chunksize=chunk)
    except BaseException:  # Ctrl-C or a failure: no worker may outlive this call
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()
    return results


def run_dask(fn: Callable[[T], R], items: Sequence[T], scheduler: str | None = None,
             partition_size: int = ARTICLES_PER_PARTITION) -> list[R]:
    """Map ``fn`` over ``items`` with dask.bag; ``scheduler`` is a distributed scheduler address."""
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the dask engine needs the optional extra: pip install 'timeline[dask]'") from exc
    if not items:
        return []
    npartitions = max(1, -(-len(items) // partition_size))
    bag = db.from_sequence(list(items), npartitions=npartitions).map(fn)
    if scheduler:
        from distributed import Client

        with Client(scheduler) as client:
            return list(client.compute(bag).result())
    return list(bag.compute(scheduler="processes"))


def run(fn: Callable[[T], R], items: Sequence[T], *, engine: str = "local", workers: int = 1,
        scheduler: str | None = None) -> list[R]:
    """Apply ``fn`` to every item, results in input order, on the chosen engine."""
    if engine == "local":
        return run_local(fn, items, workers)
    if engine == "dask":
        return run_dask(fn, items, scheduler)
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
