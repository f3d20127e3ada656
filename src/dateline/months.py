"""The names of the months, one list for every stage that reads dates (`data/months.json`).

Stage-free, like `days`: the ingest reads publication dates with it, and nothing here imports the
rest of Dateline.
"""
from __future__ import annotations

import json
from importlib import resources

_NAMES = json.loads((resources.files("dateline") / "data" / "months.json").read_text(encoding="utf-8"))

MONTHS: dict[str, int] = _NAMES["months"]  # "January" -> 1
MONTH_ABBREVIATIONS: dict[str, int] = _NAMES["month_abbreviations"]  # "Jan" -> 1, "Sept" -> 9


def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, lower-cased, -> the month's number: "sept" -> 9."""
    return {name.lower(): number for name, number in {**MONTHS, **MONTH_ABBREVIATIONS}.items()}
