"""Readers of time expressions: one per kind of rule in `data/rules.txt`, grouped by the kind of
time they read (`READERS` maps the kind a rule names to its reader).

A reader checks its match and returns how to resolve it (a `Resolver`, called later with the
`Context`: the anchor, the tense oracle and the narrative date), or None to drop the match.
"""
from __future__ import annotations

import re
from typing import Callable

from dateline.analyze.timex.build import Resolver, Span
from dateline.analyze.timex.readers import dates, days, durations, narrative, periods, undated, yearly, years

READERS: dict[str, Callable[[re.Match, Span], Resolver | None]] = {
    "iso": dates.read_iso,
    "numeric_date": dates.read_numeric_date,
    "month_day": dates.read_month_day,
    "month": dates.read_month,
    "holiday": yearly.read_holiday,
    "season": yearly.read_season,
    "quarter": yearly.read_quarter,
    "half": yearly.read_half,
    "fiscal_year": years.read_fiscal_year,
    "year_range": years.read_year_range,
    "decade": years.read_decade,
    "century": years.read_century,
    "year": years.read_year,
    "era_year": years.read_era_year,
    "day_word": days.read_day_word,
    "weekday": days.read_weekday,
    "weekend": days.read_weekend,
    "clock": days.read_clock,
    "relative": periods.read_relative,
    "year_ago": periods.read_year_ago,
    "period_noun": periods.read_period_noun,
    "counted": periods.read_counted,
    "in_future": periods.read_in_future,
    "narrative_unit": narrative.read_narrative_unit,
    "narrative_day": narrative.read_narrative_day,
    "reference": undated.read_reference,
    "set_every": undated.read_set_every,
    "set_word": undated.read_set_word,
    "set_frequency": undated.read_set_frequency,
    "duration": durations.read_duration,
}
