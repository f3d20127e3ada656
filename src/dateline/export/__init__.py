"""`dateline export`: a database's events with their sources, actors, mentions and articles as
files other tools read.

json, csv and parquet write one file per table into a folder (`tables`); gdelt writes one
tab-separated file in the layout of GDELT 2.0's event table (`gdelt`). An export never writes
into a folder that holds anything, unless `force` lets it replace an earlier export there, and
never leaves half its files behind, nor loses the earlier export, when it fails.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb

from dateline.errors import E044, E067, E080, E081, ExportError
from dateline.export.gdelt import (DATELINE_COLUMNS, GDELT_COLUMNS, GDELT_INDEX, ROW_COLUMNS,
                                   gdelt_row, gdelt_rows, write_gdelt)
from dateline.export.tables import TABLES, Table, table_rows, write_tables
from dateline.model import ExportReport
from dateline.query.confidence import threshold_label
from dateline.query.database import Database

FOLDER_FORMATS = ("json", "csv", "parquet")
FORMATS = (*FOLDER_FORMATS, "gdelt")
# Where an export goes when no `out` is named, in the working directory: a folder, or for gdelt
# one file.
DEFAULT_OUT = {**dict.fromkeys(FOLDER_FORMATS, "dateline-export"), "gdelt": "dateline-export.tsv"}
# Every file an export into a folder writes, in any of its formats: the only files `force`
# replaces or removes.
EXPORT_FILES = frozenset(f"{table.name}.{fmt}" for table in TABLES for fmt in FOLDER_FORMATS)
FORCE_HINT = ", or add --force to replace the export in it"

__all__ = ["DATELINE_COLUMNS", "DEFAULT_OUT", "FORMATS", "GDELT_COLUMNS", "GDELT_INDEX",
           "ROW_COLUMNS", "TABLES", "Table", "check_format", "export", "gdelt_row", "gdelt_rows",
           "table_rows"]


def check_format(fmt: str) -> str:
    """The export format a user asked for, in lower case; E044 when there is none such."""
    wanted = fmt.strip().lower()
    if wanted not in FORMATS:
        raise ExportError(E044.format(value=fmt, choices=", ".join(FORMATS)))
    return wanted


def export(db: Database, fmt: str, out: str | Path | None = None, min_confidence: float = 0.0,
           force: bool = False) -> ExportReport:
    """Write the database to `out` as `fmt` (json, csv, parquet or gdelt).

    Every event goes out with its confidence, for the reader to weigh, unlike the views, which
    list only the surer ones; with `min_confidence`, only events at least that sure go out, and
    the report counts the others as left out. Without `out`, it goes to `DEFAULT_OUT[fmt]` in
    the working directory. For json, csv and parquet `out` is a folder, made if missing; one that
    holds anything, or a file, is E081. With `force`, a folder holding an earlier export (and
    nothing else: E067) gets the new one: it is written into a new folder beside `out` and moves
    in only when complete, replacing the earlier export's files. For gdelt `out` is one file,
    replaced whole if it exists. E080 when the files cannot be written.
    """
    fmt = check_format(fmt)
    out = Path(DEFAULT_OUT[fmt] if out is None else out)
    if fmt == "gdelt":
        report = _export_gdelt(db, out, min_confidence)
        report.left_out |= _below(db, min_confidence)
        return report
    report = ExportReport(fmt, left_out=_below(db, min_confidence))
    if force and out.is_dir() and any(out.iterdir()):
        written, report.rows = _replace_export(db, fmt, out, min_confidence)
    else:
        written, report.rows = _export_folder(db, fmt, out, min_confidence)
    report.files = [str(path) for path in written]
    return report


def _export_folder(db: Database, fmt: str, out: Path,
                   min_confidence: float) -> tuple[list[Path], dict[str, int]]:
    """Write the tables into `out`, a new or empty folder; on failure, leave it as it was."""
    created = _claim_folder(out)
    try:
        return write_tables(db, fmt, out, min_confidence)
    except BaseException as exc:  # an interrupted export leaves nothing behind either
        _clear(out, [out / f"{table.name}.{fmt}" for table in TABLES], created)
        _raise_export_error(exc, out)
        raise


def _replace_export(db: Database, fmt: str, out: Path,
                    min_confidence: float) -> tuple[list[Path], dict[str, int]]:
    """Replace the earlier export in `out` (`force`): the new one is written into a new folder
    beside it, and only once it is complete do its files move in, each replacing its namesake,
    and the earlier export's other files go. A failure before then leaves `out` as it was."""
    earlier = _earlier_export(out)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial",
                                        dir=out.resolve().parent))
    except OSError as exc:
        raise ExportError(E080.format(path=out, detail=_why(exc))) from exc
    try:
        staged, rows = write_tables(db, fmt, staging, min_confidence)
        written = [out / path.name for path in staged]
        for path, target in zip(staged, written):
            shutil.move(path, target)  # a rename on one file system: each file whole or not
        kept = {target.name for target in written}
        for path in earlier:
            if path.name not in kept:  # another format's table, from an export before
                path.unlink()
    except BaseException as exc:
        _raise_export_error(exc, out)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written, rows


def _earlier_export(out: Path) -> list[Path]:
    """The files of an earlier export in folder `out`; E067 for anything an export never writes
    (a folder, a link, another file), which `force` must not replace or remove."""
    found = sorted(out.iterdir())
    for path in found:
        if path.name not in EXPORT_FILES or path.is_symlink() or not path.is_file():
            raise ExportError(E067.format(path=out, name=path.name))
    return found


def _raise_export_error(exc: BaseException, out: Path) -> None:
    """A failure to write, as E080; any other exception (an interrupt) goes on as it is."""
    if isinstance(exc, (OSError, duckdb.Error)):
        raise ExportError(E080.format(path=_failed_path(exc, out), detail=_why(exc))) from exc


def _below(db: Database, min_confidence: float) -> dict[str, int]:
    """The events a threshold kept out of the export, counted as the report counts what it
    left out."""
    if not min_confidence:
        return {}
    hidden = db.hidden(min_confidence=min_confidence)
    if not hidden.count:
        return {}
    return {f"events below confidence {threshold_label(hidden.threshold)}": hidden.count}


def _claim_folder(out: Path) -> bool:
    """Check that `out` is a new or empty folder, making it if missing; whether it was made."""
    if out.is_dir():
        if any(out.iterdir()):
            raise ExportError(E081.format(path=out, hint=FORCE_HINT))
        return False
    if out.exists() or out.is_symlink():  # a file, or a link to nowhere
        raise ExportError(E081.format(path=out, hint=""))
    try:
        out.mkdir(parents=True)
    except OSError as exc:
        raise ExportError(E080.format(path=out, detail=_why(exc))) from exc
    return True


def _clear(out: Path, paths: list[Path], created: bool) -> None:
    """Undo a failed export: the folder was empty (or missing) before, so what it holds is ours."""
    for path in paths:
        path.unlink(missing_ok=True)
    if created:
        try:
            out.rmdir()
        except OSError:
            pass  # something else wrote there meanwhile: leave it be


def _export_gdelt(db: Database, out: Path, min_confidence: float) -> ExportReport:
    if out.is_dir():
        raise ExportError(E080.format(path=out, detail="it is a folder; gdelt writes one file"))
    rows, undated = gdelt_rows(db, min_confidence)
    # Written beside the target and renamed over it, so an old file is replaced whole or kept.
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("w", encoding="utf-8", newline="\n") as file:
            write_gdelt(rows, file)
        os.replace(partial, out)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(E080.format(path=out, detail=_why(exc))) from exc
        raise
    return ExportReport("gdelt", [str(out)], {"events": len(rows)},
                        {"undated events": undated} if undated else {})


def _failed_path(exc: Exception, out: Path) -> str:
    return str(exc.filename) if isinstance(exc, OSError) and exc.filename else str(out)


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
