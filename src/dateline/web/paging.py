"""The timeline, events and actors pages one page at a time: `?page=N` (from 1), `?per_page=N` (1 to
500, 100 unless given) and `?month=YYYY-MM` (or `undated`), which opens the page its first event
is on (not on the actors page). The database is asked for that page of events only
(`Database.events(limit=, offset=)`), the list's length and its months, each with the page it
starts on (`event_months`, whose counts add up to the length). The actors are kept in memory
for the database (`Database.actors`), and a page of them is a slice.

A page number past the last page, or a month the list has no event in, is answered 404 (E062),
not the nearest page: a link to it is stale, and saying so beats showing other events under it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.errors import E061, E062, NotFound, QueryError
from dateline.model import Actor, EventMonth, FusedEvent
from dateline.query import Database, serialize
from dateline.render.labels import UNDATED

PER_PAGE = 100
MOST_PER_PAGE = 500


@dataclass(slots=True)
class Paging:
    """Which page of a list the URL asked for, as typed; checked when the page is built."""

    page: str = ""
    per_page: str = ""
    month: str = ""

    def size(self) -> int:
        """Events a page holds; E061 for no whole number from 1 to MOST_PER_PAGE."""
        typed = self.per_page.strip()
        if not typed:
            return PER_PAGE
        if not re.fullmatch(r"\d{1,9}", typed) or not 1 <= int(typed) <= MOST_PER_PAGE:
            raise QueryError(E061.format(what="per_page", value=self.per_page,
                                         expected=f"a whole number from 1 to {MOST_PER_PAGE}"))
        return int(typed)

    def number(self) -> int:
        """The page asked for (1 unless given); E061 for no whole number from 1 up."""
        typed = self.page.strip()
        if not typed:
            return 1
        if not re.fullmatch(r"\d{1,9}", typed) or int(typed) < 1:
            raise QueryError(E061.format(what="page", value=self.page,
                                         expected="a whole number from 1 up"))
        return int(typed)

    def month_asked(self) -> str | None:
        """The month to open at: YYYY-MM, or None for the undated events; E061 for neither."""
        typed = self.month.strip()
        if typed.lower() == UNDATED.lower():
            return None
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", typed):
            raise QueryError(E061.format(what="month", value=self.month,
                                         expected=f"YYYY-MM or {UNDATED.lower()}"))
        return typed


@dataclass(slots=True)
class ListPage:
    """Where one page of a list lies in it: the page (from 1) of `per_page` of `total` things."""

    total: int
    page: int
    per_page: int
    noun: str  # what the list lists: "events", "actors"

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def showing(self, shown: int) -> str:
        """Which things the page holds (`shown` of them): "events 101–200 of 1,039"."""
        if not shown:
            return f"no {self.noun} of {self.total:,}"
        return f"{self.noun} {self.offset + 1:,}–{self.offset + shown:,} of {self.total:,}"

    def paging_json(self) -> dict:
        return {"total": self.total, "page": self.page, "per_page": self.per_page,
                "pages": self.pages}

    def check(self, paging: Paging) -> None:
        """E062 for a page past the last one (an empty list has one page, with nothing)."""
        if self.page > self.pages:
            raise NotFound(E062.format(
                what="page", value=paging.page.strip(),
                detail=f"it has {self.pages:,} page{'' if self.pages == 1 else 's'}"
                       f" of {self.per_page} {self.noun}"))


@dataclass(slots=True)
class EventsPage(ListPage):
    """One page of a list of events, with the list's months."""

    events: list[FusedEvent] = field(default_factory=list)
    months: list[EventMonth] = field(default_factory=list)

    def page_of(self, month: EventMonth) -> int:
        """The page a month's first event is on."""
        return month.offset // self.per_page + 1

    def years(self) -> dict[str, list[EventMonth]]:
        """The months by year (the undated under "Undated"), for the month jumps."""
        years: dict[str, list[EventMonth]] = {}
        for month in self.months:
            years.setdefault(month.month[:4] if month.month else UNDATED, []).append(month)
        return years

    def payload(self) -> dict:
        """The page as JSON: the paging, the months with the page each starts on, the events."""
        return {**self.paging_json(),
                "months": [{"month": m.month, "events": m.events, "page": self.page_of(m)}
                           for m in self.months],
                "events": [serialize.event_json(e) for e in self.events]}


def events_page_of(db: Database, asked: dict, paging: Paging) -> EventsPage:
    """The page of `db.events(**asked)` the URL asked for, by number or by month."""
    months = db.event_months(**asked)
    shown = EventsPage(sum(m.events for m in months), 1, paging.size(), "events", months=months)
    if paging.month.strip():
        wanted = paging.month_asked()
        month = next((m for m in months if m.month == wanted), None)
        if month is None:
            raise NotFound(E062.format(what="month", value=paging.month.strip(),
                                       detail="none of its events is listed"))
        shown.page = shown.page_of(month)
    else:
        shown.page = paging.number()
        shown.check(paging)
    shown.events = db.events(**asked, limit=shown.per_page, offset=shown.offset)
    return shown


def actors_page_of(db: Database, paging: Paging) -> tuple[ListPage, list[tuple[Actor, int]]]:
    """The page of `db.actors()` (the most mentioned first) the URL asked for, by number."""
    actors = db.actors()  # kept for the database: a slice of it costs nothing
    shown = ListPage(len(actors), paging.number(), paging.size(), "actors")
    shown.check(paging)
    return shown, actors[shown.offset:shown.offset + shown.per_page]
