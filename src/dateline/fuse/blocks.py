"""Which reports fusion compares at all: blocks of one type family and overlapping dates.

Comparing every report with every other is quadratic in the corpus; two reports of one happening
share a type family (`fuse.reports`) and days they may have happened on, so each report is
compared only with its block (`Blocks`), and a burst of syndicated copies of one sentence is
compared once, through a stand-in (`collapse_copies`). Pure functions of records.
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from datetime import date

from dateline.days import shift_day
from dateline.fuse.reports import Report, is_planned

# Window lengths (days) that split a family's reports into tiers. A report's block is searched in
# each tier back from its window's end by that tier's longest window only: one report dated "in
# the 2000s" must not make every lookup in its family scan ten years of reports.
WINDOW_TIERS = (0, 7, 31, 92, 366)
# The most reports of its own tier one report is compared with (see `Blocks`).
BLOCK_LIMIT = 200


class Blocks:
    """Reports that may be one happening: one type family and overlapping windows, or undated
    in one article. Indexed on window starts, tier by tier of window length, so each report's
    block is found directly.

    Within its own tier a report meets at most the BLOCK_LIMIT reports nearest to it in window
    order. A block holds the reports of one type family whose dates overlap: a few dozen on a
    busy day. Past that it is a burst (one happening reported by hundreds of outlets in their
    own words), whose reports join through their neighbours as surely as through all of them,
    at a cost that grows with the reports and not with their square. The limit is symmetric:
    two reports meet each other or neither does.
    """

    def __init__(self, reports: Sequence[Report], longest: Mapping[tuple[str, int], int] | None = None) -> None:
        """`longest`: the longest window (days) of each (family, tier) among all reports, where
        `reports` hold only those near some (fusion's walk over the store)."""
        self.families: dict[str, list[tuple[list[date], list[Report], int]]] = {}
        self.places: dict[int, tuple[int, int]] = {}  # report index -> (tier number, position)
        by_tier: dict[tuple[str, int], list[Report]] = {}
        self.undated: dict[tuple[str, str], list[Report]] = {}
        for report in reports:
            if report.window:
                by_tier.setdefault((report.family, _tier(report.window)), []).append(report)
            else:
                self.undated.setdefault((report.family, report.event.article_id), []).append(report)
        for (family, tier), members in sorted(by_tier.items()):
            members.sort(key=_window_order)
            widest = max((r.window[1] - r.window[0]).days for r in members)
            widest = max(widest, (longest or {}).get((family, tier), 0))
            tiers = self.families.setdefault(family, [])
            self.places.update((r.index, (len(tiers), i)) for i, r in enumerate(members))
            tiers.append(([r.window[0] for r in members], members, widest))

    def of(self, report: Report) -> list[Report]:
        """The other reports in this report's block, by window start."""
        if report.window is None:
            members = self.undated.get((report.family, report.event.article_id), [])
        else:
            first, last = report.window
            own_tier, own_place = self.places.get(report.index, (-1, 0))
            members = []
            for number, (starts, tier, longest) in enumerate(self.families[report.family]):
                low = bisect.bisect_left(starts, shift_day(first, -longest))
                high = bisect.bisect_right(starts, last)
                if number == own_tier:
                    low = max(low, own_place - BLOCK_LIMIT // 2)
                    high = min(high, own_place + BLOCK_LIMIT // 2 + 1)
                members += [r for r in tier[low:high] if r.window[1] >= first]
            members.sort(key=_window_order)
        return [r for r in members if r.index != report.index]


def _tier(window: tuple[date, date]) -> int:
    return tier_of((window[1] - window[0]).days)


def tier_lengths(tier: int) -> tuple[int, int]:
    """The shortest and longest window (days) of a tier."""
    low = WINDOW_TIERS[tier - 1] + 1 if tier else 0
    return low, WINDOW_TIERS[tier] if tier < len(WINDOW_TIERS) else 1_000_000_000


def tier_of(length: int) -> int:
    """The tier of a window this many days long."""
    return next((i for i, bound in enumerate(WINDOW_TIERS) if length <= bound), len(WINDOW_TIERS))


def _window_order(report: Report) -> tuple[date, int]:
    return report.window[0], report.index


def candidate_pairs(reports: Sequence[Report]) -> list[tuple[int, int]]:
    """Every pair of reports in one block, each once, in index order."""
    blocks = Blocks(reports)
    return sorted({(report.index, other.index) for report in reports
                   for other in blocks.of(report) if report.index < other.index})


def copy_key(report: Report) -> tuple | None:
    """What tells a report apart from the same sentence in another copy of its article: every
    part matching reads but the article. None for a report naming no actor, which joins no
    report of another article and so is never a copy's stand-in."""
    if report.source is None and report.target is None:
        return None
    event = report.event
    return (report.original, report.family, event.type, is_planned(event), report.source_side,
            report.target_side, report.symmetric,
            report.window, event.date, event.date_basis, event.date_precision, report.place,
            report.words, report.story)


def collapse_copies(reports: Sequence[Report]) -> dict[int, list[int]]:
    """Each stand-in report's index -> the indices of the reports it stands for, itself first.

    A burst of syndicated copies reports one sentence hundreds of times; those reports score
    alike against every other and always join each other (same original, same words), so one
    stand-in per sentence is matched and the rest follow it. The stand-in is the report of the
    smallest event id, so that any set of reports holding a whole class picks the same one.
    """
    classes: dict[tuple, list[int]] = {}
    stand_ins: dict[int, list[int]] = {}
    for report in sorted(reports, key=lambda r: r.event.id):
        key = copy_key(report)
        members = classes.setdefault(key, []) if key is not None else []
        members.append(report.index)
        if len(members) == 1:
            stand_ins[report.index] = members
    return stand_ins
