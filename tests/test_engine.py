"""The per-article stages give the same results on every engine: serial, local processes, Dask."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.engine import run

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def square(x: int) -> int:
    return x * x


def test_local_processes_keep_input_order():
    items = list(range(50))
    assert run(square, items, workers=2) == [x * x for x in items]


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        run(square, [1], engine="spark")


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as c:
        yield c


def test_dask_bag_on_a_local_cluster_matches_serial(cluster):
    items = list(range(1000))
    assert run(square, items, engine="dask", scheduler=cluster.scheduler_address) == [x * x for x in items]


def test_seeds_graph_on_dask_equals_serial(cluster):
    import timeline

    serial = timeline.build(SEEDS)
    on_dask = timeline.build(SEEDS, engine="dask", scheduler=cluster.scheduler_address)
    assert on_dask.to_json() == serial.to_json()
    parallel = timeline.build(SEEDS, workers=2)
    assert parallel.to_json() == serial.to_json()
