"""`dateline export`: a database's events with their sources, actors, mentions and articles as
files other tools read.

json, csv and parquet write one file per table into a folder (`tables`); gdelt writes one
tab-separated file in the layout of GDELT 2.0's event table (`gdelt`). An export never writes
into a folder that holds anything, and never leaves half its files behind when it fails.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from dateline.errors import E044, E080, E081, ExportError
from dateline.export.gdelt import (DATELINE_COLUMNS, GDELT_COLUMNS, GDELT_INDEX, ROW_COLUMNS,
                                   gdelt_row, gdelt_rows, write_gdelt)
from dateline.export.tables import TABLES, Table, table_rows, write_tables
from dateline.model import ExportReport
from dateline.query.confidence import threshold_label
from dateline.query.database import Database

FOLDER_FORMATS = ("json", "csv", "parquet")
FORMATS = (*FOLDER_FORMATS, "gdelt")

__all__ = ["DATELINE_COLUMNS", "FORMATS", "GDELT_COLUMNS", "GDELT_INDEX", "ROW_COLUMNS", "TABLES",
           "Table", "check_format", "export", "gdelt_row", "gdelt_rows", "table_rows"]


def check_format(fmt: str) -> str:
    """The export format a user asked for, in lower case; E044 when there is none such."""
    wanted = fmt.strip().lower()
    if wanted not in FORMATS:
        raise ExportError(E044.format(value=fmt, choices=", ".join(FORMATS)))
    return wanted


def export(db: Database, fmt: str, out: str | Path, min_confidence: float = 0.0) -> ExportReport:
    """Write the database to `out` as `fmt` (json, csv, parquet or gdelt).

    Every event goes out with its confidence, for the reader to weigh, unlike the views, which
    list only the surer ones; with `min_confidence`, only events at least that sure go out, and
    the report counts the others as left out. For json, csv and parquet `out` is a folder, made
    if missing; one that holds anything, or a file, is E081. For gdelt `out` is one file,
    replaced whole if it exists. E080 when the files cannot be written.
    """
    fmt = check_format(fmt)
    out = Path(out)
    if fmt == "gdelt":
        report = _export_gdelt(db, out, min_confidence)
        report.left_out |= _below(db, min_confidence)
        return report
    created = _claim_folder(out)
    report = ExportReport(fmt, left_out=_below(db, min_confidence))
    try:
        written, report.rows = write_tables(db, fmt, out, min_confidence)
    except BaseException as exc:  # an interrupted export leaves nothing behind either
        _clear(out, [out / f"{table.name}.{fmt}" for table in TABLES], created)
        if isinstance(exc, (OSError, duckdb.Error)):
            raise ExportError(E080.format(path=_failed_path(exc, out), detail=_why(exc))) from exc
        raise
    report.files = [str(path) for path in written]
    return report


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
            raise ExportError(E081.format(path=out))
        return False
    if out.exists() or out.is_symlink():  # a file, or a link to nowhere
        raise ExportError(E081.format(path=out))
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
