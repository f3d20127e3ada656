"""CSV that a spreadsheet opens without running anything: `--format csv` and `dateline export`.

A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
return) as a formula: a title `=HYPERLINK(...)` becomes a live link, `+cmd|' /C calc'!A0` a
command. Every CSV writer writes its rows through `write_csv`, so every text cell is neutralized
the same way (the OWASP rule: a leading `'`); JSON and Parquet keep the text as it is.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TextIO

from dateline.model import FusedEvent

# A text cell beginning with one of these is read as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """`value` as a CSV cell: text that begins like a formula gets a leading `'`.

    Only text is touched, decided by the value's type and not by how it looks: the number -5.0
    (an intensity) stays -5.0, while the title "-5 killed" becomes "'-5 killed". Numbers, dates
    and None are left to the csv module.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(file: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]],
              lineterminator: str = "\r\n") -> None:
    """A header row, then one row per record with every cell passed through `csv_cell`."""
    writer = csv.writer(file, lineterminator=lineterminator)
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)


# The columns that carry an event's first source (its earliest report) in a flat table: the CSV of
# `dateline events` and the events table of `dateline export`, after their other columns.
FIRST_SOURCE_HEADER = ("first_source_sentence", "first_source_title", "first_source_outlet",
                       "first_source_path", "first_source_published")


def first_source_cells(event: FusedEvent) -> tuple:
    """The event's first source as `FIRST_SOURCE_HEADER`'s cells; empty ones for an event with none."""
    if not event.sources:
        return (None,) * len(FIRST_SOURCE_HEADER)
    first = event.sources[0]
    return (first.sentence, first.title, first.outlet, first.source, first.published)
