"""Time expressions (TIMEX): found in plain text and normalized against the article's date.

The package, module by module:
- `find`: the entry, `find_times` (its docstring numbers the steps), and `timeref_json`;
- `joins`: its last steps, a clock time joined to its day and a range of two dates;
- `readers`: one reader per kind of rule in `data/rules.txt`, grouped by the kind of time they read;
- `build`: the records an expression passes through and the builders of its `TimeRef`;
- `calendar`: calendar arithmetic (intervals, TimeML values, which Tuesday is meant);
- `lexicon`: the rules and word lists of `data/`, loaded once;
- `tagging`: `tag_times`, the tagger of a bare text with spaCy's parse (`dateline timex`).

Importing this package does not load spaCy: only `tagging` does, so it is not imported here.
"""
from __future__ import annotations

from dateline.analyze.timex.calendar import resolve_month_day, resolve_weekday
from dateline.analyze.timex.find import find_times, timeref_json

__all__ = ["find_times", "resolve_month_day", "resolve_weekday", "timeref_json"]
