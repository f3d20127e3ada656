"""Publication dates from where a file lies, for `dateline ingest --date-from-path`.

Dumps and crawls often file each day's articles under a dated folder or name. A path gives a
date only in these forms, a full year, month and day each, so that no number is mistaken for one:

- one folder or file name holding `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD`, with no letter or digit
  touching it: `2011-06-03/a.txt`, `20110603_a.txt`, `story-2011-06-03.txt`;
- three folders (the last may be the file's name) `YYYY/MM/DD`: `2011/06/03/a.txt`.

The date must be a real calendar day of a year from 1900 to 2100. Of several dates in a path the
deepest wins (the file's own name before its folder's, a folder before its parent's); a name
holding two different dates says nothing for sure, and the path then gives none.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import PurePath

from dateline.model import Article, Note, Skip

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100  # the years a path's date may name
# One name's date: the same separator (or none) between year, month and day.
_IN_NAME = re.compile(r"(?<![0-9A-Za-z])(\d{4})([-_]?)(\d{2})\2(\d{2})(?![0-9A-Za-z])")
_YEAR, _TWO_DIGITS = re.compile(r"\d{4}"), re.compile(r"\d{2}")

Item = Article | Skip | Note


def path_date(path: str | PurePath) -> date | None:
    """The publication date a path gives, or None (see the module's docstring for the forms)."""
    pure = PurePath(path)
    names = [*pure.parent.parts, pure.stem]
    for depth in range(len(names) - 1, -1, -1):
        found = _dates_in_name(names[depth]) | _dates_in_folders(names, depth)
        if len(found) > 1:
            return None
        if found:
            return found.pop()
    return None


def with_path_date(items: Iterable[Item], path: str | PurePath) -> Iterator[Item]:
    """The items a file was read into, an article its own text left undated dated from its
    path (basis "path"); a date the text gives always wins."""
    day: date | None = None
    looked = False
    for item in items:
        if isinstance(item, Article) and item.published is None:
            if not looked:
                day, looked = path_date(path), True
            if day is not None:
                item.published, item.published_basis = day, "path"
        yield item


def _dates_in_name(name: str) -> set[date]:
    return {day for year, _, month, dom in _IN_NAME.findall(name)
            if (day := _calendar_day(year, month, dom))}


def _dates_in_folders(names: list[str], depth: int) -> set[date]:
    """The date of `YYYY/MM/DD` whose day is the name at `depth`."""
    if depth < 2:
        return set()
    year, month, dom = names[depth - 2:depth + 1]
    if not (_YEAR.fullmatch(year) and _TWO_DIGITS.fullmatch(month) and _TWO_DIGITS.fullmatch(dom)):
        return set()
    day = _calendar_day(year, month, dom)
    return {day} if day else set()


def _calendar_day(year: str, month: str, dom: str) -> date | None:
    if not EARLIEST_YEAR <= int(year) <= LATEST_YEAR:
        return None
    try:
        return date(int(year), int(month), int(dom))
    except ValueError:
        return None
