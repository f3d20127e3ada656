"""Chunks go out a few at a time and come back in input order, whichever finishes first."""
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from dateline.executors import IN_FLIGHT_PER_WORKER, Serial, map_in_order, open_executor


def slow_first(chunk):
    time.sleep(0.05 if chunk[0] == 0 else 0.0)  # the first chunk finishes last
    return [n * 10 for n in chunk]


def test_results_come_back_in_input_order():
    chunks = [[0, 1], [2, 3], [4], [5, 6]]
    with ThreadPoolExecutor(2) as pool:
        assert list(map_in_order(pool, 2, slow_first, chunks)) == [[0, 10], [20, 30], [40], [50, 60]]


@pytest.mark.parametrize("slots", [1, 3])
def test_only_a_few_chunks_are_drawn_ahead_of_the_consumer(slots):
    drawn = []

    def chunks():
        for n in range(50):
            drawn.append(n)
            yield [n]

    with ThreadPoolExecutor(slots) as pool:
        results = map_in_order(pool, slots, slow_first, chunks())
        for consumed, result in enumerate(results, start=1):
            assert result == [(consumed - 1) * 10]
            assert len(drawn) - consumed <= IN_FLIGHT_PER_WORKER * slots
    assert len(drawn) == 50


def test_serial_runs_one_chunk_at_a_time_and_raises_where_the_result_is_read():
    drawn = []

    def chunks():
        for n in range(3):
            drawn.append(n)
            yield [n]

    results = map_in_order(Serial(), 1, slow_first, chunks())
    assert next(results) == [0] and len(drawn) == 2  # the next chunk waits, read but not analyzed
    with pytest.raises(ZeroDivisionError):
        list(map_in_order(Serial(), 1, lambda chunk: 1 / 0, [[1]]))


def test_one_worker_is_this_process():
    with open_executor(1) as (executor, slots):
        assert isinstance(executor, Serial) and slots == 1
