"""Opening an input file: its bytes, or why it is refused before it is read.

A file is read whole into memory, so one over the size limit is refused (E011), and so is one that
is not a regular file (E017): a FIFO would wait for a writer, a device might never end.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from dateline.errors import E011, E017

# A file is read whole into memory; past this size it is refused before it is read.
DEFAULT_MAX_FILE_MB = 200
# What stat calls the files that are not regular files, named as a user would know them.
SPECIAL_FILE_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def max_file_megabytes() -> float:
    """The largest file read, in MiB: $DATELINE_MAX_FILE_MB, 200 unless set."""
    value = os.environ.get("DATELINE_MAX_FILE_MB", "")
    return float(value) if _is_number(value) else DEFAULT_MAX_FILE_MB


def _is_number(value: str) -> bool:
    try:
        return float(value) > 0
    except ValueError:
        return False


class Refused(Exception):
    """A file refused before it is read: over the size limit, or not a regular file."""


def special_file_kind(mode: int) -> str:
    """What a file that is not a regular one is, from its stat mode: "FIFO", "socket", ..."""
    return next((kind for is_kind, kind in SPECIAL_FILE_KINDS if is_kind(mode)), "special file")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file. Discovery refuses FIFOs and devices before the store is
    opened; this check closes the gap where one takes a file's place after that: the file is
    opened without blocking (a FIFO would wait for a writer) and read only if it is regular."""
    limit = max_file_megabytes()
    try:
        stream = open(path, "rb", opener=_open_without_blocking)
    except OSError:
        _refuse_special_file(path)  # a socket cannot be opened at all
        raise
    with stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise Refused(E017.format(kind=special_file_kind(status.st_mode)))
        size = status.st_size / 2**20
        if size > limit:
            raise Refused(E011.format(size=f"{size:.3g}", limit=f"{limit:g}"))
        os.set_blocking(stream.fileno(), True)
        return stream.read()


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _refuse_special_file(path: Path) -> None:
    """Raise Refused (E017) when `path` is a FIFO, socket or device."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise Refused(E017.format(kind=special_file_kind(mode)))
