"""One writer per database: an advisory lock beside the file, held while a Store is open.

DuckDB's own lock is held only while a connection is open, and a Store lets go of its
connection between batches so that readers (`dateline serve`, a query) can get in. This lock
keeps a second ingest out all the same. The kernel drops it when its process dies, so a killed
ingest never leaves the database locked.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from dateline.errors import E040, E050, StoreError


def lock_path(db_path: str) -> Path:
    """The lock file beside the database's real path, so that every way of naming one database
    (a symlink, `..`, relative or absolute) takes one lock. A database not made yet resolves
    through its folder."""
    return Path(f"{os.path.realpath(db_path)}.lock")


class WriterLock:
    """Held from `acquire` to `release`; E050 when another process holds it."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(E040.format(path=self.db_path, detail=error.strerror or error)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreError(E050.format(path=self.db_path, lock=self.path)) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None
