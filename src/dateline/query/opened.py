"""A Dateline database file opened read-only: the connection every query of `Database` runs on."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Self

from dateline.store import connect, default_db_path


class OpenedDatabase:
    """The file, opened read-only (it never creates one), and closed on leaving a `with`."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path if path is not None else default_db_path())
        self.connection = connect(self.path, read_only=True)  # never creates a file

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self.connection.execute(sql, list(params)).fetchall()
