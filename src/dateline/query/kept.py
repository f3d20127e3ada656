"""What every opening of one database file reads alike, kept between openings while the file is
unchanged: the canonical actors, the actor links and the mention counts.

The web UI opens the database afresh for every request, so that it always shows what the last
finished ingest stored; reading and merging 20,000 actors each time would cost a third of a
second a page. A value is kept under the file's state (its path, inode, size and modification
time, and its write-ahead log's), so any write, which changes the file, makes it read again. The
values are shared between openings: callers read them and never change them.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
MOST_FILES = 4  # the states kept at once, the least recently used dropped first

_KEPT: OrderedDict[tuple, dict[str, object]] = OrderedDict()
_LOCK = threading.Lock()


def file_state(path: str) -> tuple | None:
    """What changes whenever the database file is written; None when it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    try:
        wal = os.stat(f"{path}.wal")
        log: tuple | None = (wal.st_mtime_ns, wal.st_size)
    except OSError:
        log = None
    return (os.path.realpath(path), stat.st_ino, stat.st_size, stat.st_mtime_ns, log)


def kept(state: tuple | None, name: str, make: Callable[[], T]) -> T:
    """The value `make` gives for the file in this state, made once and kept."""
    if state is None:
        return make()
    with _LOCK:
        values = _KEPT.get(state)
        if values is not None:
            _KEPT.move_to_end(state)
            if name in values:
                return values[name]  # type: ignore[return-value]
    value = make()
    with _LOCK:
        values = _KEPT.setdefault(state, {})
        _KEPT.move_to_end(state)
        values.setdefault(name, value)
        while len(_KEPT) > MOST_FILES:
            _KEPT.popitem(last=False)
        return values[name]  # type: ignore[return-value]
