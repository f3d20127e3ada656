"""Where per-article analysis runs: in this process, in a local pool of processes, or on a Dask
distributed cluster. All three look alike to the pipeline: a function mapped over chunks of
articles, the results coming back in input order with only a few chunks in flight, so memory
stays flat however large the corpus."""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager

from dateline.errors import E090, DatelineError

SCHEDULER_TIMEOUT = "10s"  # to connect to a cluster's scheduler
# Chunks in flight per worker: one running, one queued behind it so a worker never waits on us.
IN_FLIGHT_PER_WORKER = 2


class Serial(Executor):
    """Runs each call in this process as it is submitted; with one chunk in flight, a serial run
    holds one chunk at a time as a pool holds a few."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to whoever waits on the future, as a pool does
            future.set_exception(error)
        return future


@contextmanager
def open_executor(workers: int = 1, scheduler: str | None = None) -> Iterator[tuple[Executor, int]]:
    """(executor, how many chunks it runs at once) for `workers` local processes, or for the Dask
    cluster whose scheduler listens at `scheduler` ("tcp://HOST:PORT")."""
    if scheduler is not None:
        with _dask_executor(scheduler) as found:
            yield found
    elif workers > 1:
        # Spawned, not forked: this process holds DuckDB's threads, and a fork copies their locks.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            yield pool, workers
    else:
        yield Serial(), 1


@contextmanager
def _dask_executor(address: str) -> Iterator[tuple[Executor, int]]:
    from distributed import Client  # imported here: it costs a second and only a cluster run needs it

    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise DatelineError(E090.format(address=address, detail=error)) from error
    with client:
        slots = sum(client.nthreads().values()) or 1
        executor = client.get_executor(pure=False)
        yield executor, slots


def map_in_order(executor: Executor, slots: int, fn: Callable, chunks: Iterable) -> Iterator:
    """fn(chunk) for each chunk, in order, keeping at most IN_FLIGHT_PER_WORKER * slots running."""
    limit = max(1, IN_FLIGHT_PER_WORKER * slots) if not isinstance(executor, Serial) else 1
    pending: deque[Future] = deque()
    for chunk in chunks:
        if len(pending) >= limit:
            yield pending.popleft().result()
        pending.append(executor.submit(fn, chunk))
    while pending:
        yield pending.popleft().result()
