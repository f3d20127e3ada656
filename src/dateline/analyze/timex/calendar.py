"""Calendar arithmetic for time expressions: intervals, TimeML values, and which Tuesday
(or which November 4) a relative expression means, given an anchor date and a direction."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

import dateline.analyze.timex.lexicon as lex

YEARS_IN_UNIT = {"Y": 1, "DE": 10, "CE": 100}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` away from `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def shift(day: date, unit: str, steps: int) -> date:
    if unit == "D":
        return day + timedelta(days=steps)
    if unit == "W":
        return day + timedelta(weeks=steps)
    if unit in ("M", "Q"):
        return add_months(day, steps * (3 if unit == "Q" else 1))
    return date(day.year + steps * YEARS_IN_UNIT.get(unit, 1), 1, 1)


def interval(core: date, precision: str) -> tuple[date, date]:
    """The first and last day of the calendar period of `precision` that contains `core`."""
    if precision == "day":
        return core, core
    if precision == "week":
        monday = week_monday(core)
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return core.replace(day=1), month_end(core.year, core.month)
    if precision == "quarter":
        first_month = (core.month - 1) // 3 * 3 + 1
        return date(core.year, first_month, 1), month_end(core.year, first_month + 2)
    if precision == "year":
        return date(core.year, 1, 1), date(core.year, 12, 31)
    span = 100 if precision == "century" else 10
    first_year = core.year - core.year % span
    # The calendar has no year 0: the first decade and the first century begin in year 1.
    return date(max(first_year, 1), 1, 1), date(first_year + span - 1, 12, 31)


def timeml_value(core: date, precision: str) -> str:
    if precision == "day":
        return core.isoformat()
    if precision == "week":
        year, week, _ = core.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{core.year:04d}-{core.month:02d}"
    if precision == "quarter":
        return f"{core.year:04d}-Q{(core.month - 1) // 3 + 1}"
    if precision == "year":
        return f"{core.year:04d}"
    if precision == "century":
        return f"{core.year // 100:02d}"
    return f"{core.year // 10:03d}"


def narrow(first: date, last: date, precision: str, modifier: str | None) -> tuple[date, date]:
    """The part of a month, year or decade that "early", "mid-", "late" or a half keep."""
    ranges = lex.MODIFIER_RANGES.get(precision)
    if modifier is None or ranges is None:
        return first, last
    low, high = ranges[modifier]
    if precision == "month":
        return first.replace(day=low), first.replace(day=min(high, last.day))
    if precision == "year":
        return date(first.year, low, 1), month_end(first.year, high)
    return date(first.year + low, 1, 1), date(first.year + high, 12, 31)


def pick_nearest(candidates: list[int], target: int, direction: int, strict: bool = False) -> int | None:
    """The candidate before (-1), after (+1) or nearest to (0, ties to the past) the target."""
    if strict:
        candidates = [c for c in candidates if c != target]
    if direction < 0:
        candidates = [c for c in candidates if c <= target]
        return max(candidates, default=None)
    if direction > 0:
        candidates = [c for c in candidates if c >= target]
        return min(candidates, default=None)
    return min(candidates, key=lambda c: (abs(c - target), c > target), default=None)


def resolve_weekday(anchor: date, weekday: int, direction: int = 0, strict: bool = False) -> date:
    """The weekday on or after the anchor (+1), else the latest on or before it; strictly after or
    before if strict ("next Friday"). "On Tuesday" in an article of that Tuesday is that day."""
    if direction > 0:
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or (7 if strict else 0))
    back = (anchor.weekday() - weekday) % 7
    return anchor - timedelta(days=back or (7 if strict else 0))


def resolve_this_weekday(anchor: date, weekday: int, direction: int) -> date:
    """ "this Friday": the coming or past one when tense says so, else the one in the anchor's week."""
    if direction > 0:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if direction < 0:
        return resolve_weekday(anchor, weekday, -1)
    return week_monday(anchor) + timedelta(days=weekday)


def resolve_month_day(anchor: date, month: int, day: int, direction: int = 0) -> date | None:
    """A yearless month-day in the year that puts it where `direction` says relative to the anchor."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day).toordinal())
        except ValueError:  # February 29 outside a leap year, April 31
            continue
    chosen = pick_nearest(candidates, anchor.toordinal(), direction)
    return date.fromordinal(chosen) if chosen is not None else None


def resolve_month(anchor: date, month: int, direction: int = 0, strict: bool = False) -> date:
    """The first day of the month named without a year, placed like `resolve_month_day`."""
    candidates = [year * 12 + month - 1 for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    chosen = pick_nearest(candidates, anchor.year * 12 + anchor.month - 1, direction, strict)
    return date(chosen // 12, chosen % 12 + 1, 1)


def resolve_weekend(anchor: date, choice: str, direction: int) -> date:
    """The Saturday of the weekend meant by "the/this/last/next/coming weekend"."""
    saturday = week_monday(anchor) + timedelta(days=5)
    in_weekend = anchor.weekday() >= 5
    if choice == "previous":
        return saturday - timedelta(weeks=1)
    if choice == "next":
        return saturday + timedelta(weeks=1)
    if choice == "upcoming":
        return saturday + timedelta(weeks=1 if in_weekend and anchor.weekday() == 6 else 0)
    if choice == "nearest" and direction <= 0 and not in_weekend:
        return saturday - timedelta(weeks=1)
    return saturday


def season_interval(year: int, code: str) -> tuple[date, date]:
    """The months of a season of `year`; winter starts in December and ends in the next February."""
    first_month, last_month = lex.SEASON_MONTHS[code]
    last_year = year + (last_month < first_month)
    return date(year, first_month, 1), month_end(last_year, last_month)


def half_interval(year: int, half: int) -> tuple[date, date]:
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def quarter_interval(year: int, quarter: int) -> tuple[date, date]:
    return interval(date(year, quarter * 3 - 2, 1), "quarter")


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    shift_days = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift_days + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth given weekday of a month; nth = -1 is the last one."""
    if nth < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def holiday_date(spec: dict, year: int) -> date:
    """The day a holiday falls on in `year` (see "holidays" in data/words.json)."""
    if "easter" in spec:
        return easter_sunday(year) + timedelta(days=spec["easter"])
    if "weekday" in spec:
        day = nth_weekday(year, spec["month"], spec["weekday"], spec["nth"])
        # Election Day is the Tuesday after the first Monday: never November 1.
        return day + timedelta(weeks=1) if spec.get("after_monday") and day.day == 1 else day
    return date(year, spec["month"], spec["day"])


def place_period(anchor: date, periods: list[tuple[date, date]], direction: int, relation: int | None = None
                 ) -> tuple[date, date]:
    """Which of the candidate periods (one per year around the anchor, in order) a yearless name means.

    `relation` comes from the words: -1 "last" (the latest that has ended), +1 "next" (the first that
    has not begun), 0 "this" (the one holding the anchor, else the one in the anchor's year). Without
    words, the tense decides: past, the latest that has begun; future, the first that has not ended;
    no tense, the one holding the anchor, else the nearest.
    """
    if relation == -1:
        return max((p for p in periods if p[1] < anchor), default=periods[0])
    if relation == 1:
        return min((p for p in periods if p[0] > anchor), default=periods[-1])
    holding = [p for p in periods if p[0] <= anchor <= p[1]]
    if relation == 0:
        return holding[0] if holding else next((p for p in periods if p[0].year == anchor.year), periods[1])
    if direction < 0:
        return max((p for p in periods if p[0] <= anchor), default=periods[0])
    if direction > 0:
        return min((p for p in periods if p[1] >= anchor), default=periods[-1])
    if holding:
        return holding[0]
    return min(periods, key=lambda p: (min(abs((p[0] - anchor).days), abs((p[1] - anchor).days)), p[0] > anchor))


def last_completed_quarter(anchor: date) -> tuple[int, int]:
    quarter = (anchor.month - 1) // 3 + 1
    return (anchor.year, quarter - 1) if quarter > 1 else (anchor.year - 1, 4)
