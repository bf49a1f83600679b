"""Where the per-article stages run: in this process, in local worker processes, or on a Dask cluster.

The per-article work (dates, events) is independent per article, so it moves to a cluster as it is;
merging and the graph run where the results land. On Dask the articles go out in coarse partitions
(``dask.bag``), never one task per article. Dask is an optional extra: ``pip install 'timeline[dask]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")
ARTICLES_PER_PARTITION = 200


def run_local(fn: Callable[[T], R], items: Sequence[T], workers: int = 1) -> list[R]:
    if workers <= 1 or len(items) < 2:
        return [fn(x) for x in items]
    chunk = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items, chunksize=chunk))


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
