"""Finding the files to read among the paths a user names."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import E001, E002, E016
from dateline.ingest.readers import SUPPORTED_SUFFIXES, read_file
from dateline.model import Article, Skip


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skip]]:
    """Files to read, in the order named (folders walked recursively, sorted), and skips.

    An explicit path that is missing or of an unsupported type is a Skip: the user asked for
    it. Inside folders, unsupported files (gold.json, images) and hidden entries are ignored.
    A file reached twice is read once.
    """
    files: list[Path] = []
    skips: list[Skip] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(walk_folder(path, skips))
        elif not path.exists():
            skips.append(Skip(str(given), E001.format(path=given)))
            continue
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skips.append(Skip(str(given), E002.format(suffix=path.suffix)))
            continue
        else:
            found = [path]
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, skips


def walk_folder(folder: Path, skips: list[Skip] | None = None) -> Iterator[Path]:
    """Supported, non-hidden files under `folder`; symlinked folders are not followed. A folder
    that cannot be listed is a Skip in `skips` (E016), not a silent gap."""
    def unlistable(error: OSError) -> None:
        if skips is not None:
            skips.append(Skip(str(error.filename or folder), E016.format(detail=error.strerror or error)))

    for root, folders, names in os.walk(folder, onerror=unlistable):
        folders[:] = [name for name in folders if not is_hidden(name)]
        for name in names:
            path = Path(root) / name
            if not is_hidden(name) and path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                yield path


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def ingest_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skip]:
    """Every article (and every skip) from the named files and folders."""
    files, skips = discover(paths)
    yield from skips
    for path in files:
        yield from read_file(path)
