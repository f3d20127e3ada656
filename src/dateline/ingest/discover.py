"""Finding the files to read among the paths a user names.

Discovery runs before the store is opened, so whatever could stall a read (a FIFO waits for a
writer forever, a device never ends) is refused here, while no lock is held.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import E001, E002, E010, E016, E017
from dateline.ingest.files import special_file_kind
from dateline.ingest.readers import SUPPORTED_SUFFIXES, read_file
from dateline.model import Article, Skip

# stat errors that mean "nothing is there", as opposed to "something is there we may not see".
MISSING_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP})


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skip]]:
    """Files to read, in the order named (folders walked recursively, sorted), and skips.

    An explicit path that is missing, unreadable, not a regular file or of an unsupported type
    is a Skip: the user asked for it. Inside folders, unsupported files (gold.json, images) and
    hidden entries are ignored; a FIFO, socket or device with a supported name is a Skip (E017).
    A file reached twice is read once.
    """
    files: list[Path] = []
    skips: list[Skip] = []
    seen: set[Path] = set()
    for given in paths:
        for file in named_files(given, skips):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, skips


def named_files(given: str | Path, skips: list[Skip]) -> list[Path]:
    """The files a path named by the user stands for; what it cannot give goes to `skips`."""
    path = Path(given)
    try:
        mode = os.stat(path).st_mode  # follows symlinks: a link to a regular file is one
    except (OSError, ValueError) as error:
        reason = E001.format(path=given) if names_nothing(error) else _unreadable(error)
        skips.append(Skip(str(given), reason))
        return []
    if stat.S_ISDIR(mode):
        return sorted(walk_folder(path, skips))
    if not stat.S_ISREG(mode):
        skips.append(Skip(str(given), E017.format(kind=special_file_kind(mode))))
        return []
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        skips.append(Skip(str(given), E002.format(suffix=path.suffix)))
        return []
    return [path]


def walk_folder(folder: Path, skips: list[Skip] | None = None) -> Iterator[Path]:
    """Supported, non-hidden regular files under `folder`; symlinked folders are not followed. A
    folder that cannot be listed (E016), and a FIFO, socket or device with a supported name
    (E017), is a Skip in `skips`, not a silent gap."""
    def unlistable(error: OSError) -> None:
        _skip(skips, Skip(str(error.filename or folder), E016.format(detail=error.strerror or error)))

    for root, folders, names in os.walk(folder, onerror=unlistable):
        folders[:] = [name for name in folders if not is_hidden(name)]
        for name in names:
            path = Path(root) / name
            if is_hidden(name) or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            entry = folder_entry(path)
            if isinstance(entry, Skip):
                _skip(skips, entry)
            elif entry is not None:
                yield entry


def folder_entry(path: Path) -> Path | Skip | None:
    """A folder entry with a supported name: its path when it is a regular file, a Skip when it
    is not one (E017) or cannot be looked at (E010), None for a link to nothing (ignored)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as error:
        return None if names_nothing(error) else Skip(str(path), _unreadable(error))
    if stat.S_ISREG(mode):
        return path
    return Skip(str(path), E017.format(kind=special_file_kind(mode)))


def names_nothing(error: OSError | ValueError) -> bool:
    """Whether a failed stat means nothing is there (ValueError: a path no file can have), as
    opposed to something there that cannot be looked at."""
    return not isinstance(error, OSError) or error.errno in MISSING_ERRNOS


def _unreadable(error: OSError | ValueError) -> str:
    return E010.format(detail=getattr(error, "strerror", None) or error)


def _skip(skips: list[Skip] | None, skip: Skip) -> None:
    if skips is not None:
        skips.append(skip)


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def ingest_paths(paths: Iterable[str | Path],
                 date_from_path: bool = False) -> Iterator[Article | Skip]:
    """Every article (and every skip) from the named files and folders; `date_from_path` as in
    `read_file`."""
    files, skips = discover(paths)
    yield from skips
    for path in files:
        yield from read_file(path, date_from_path)
