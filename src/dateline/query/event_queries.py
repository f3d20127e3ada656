"""Fused events as a user asks for them: filtered, at or above a confidence threshold, each with
its sources, the dates they give and its member events. `Database`'s event queries.

Every listing reads its events' parts in one query per part (`_with_parts`), not one per event.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dateline.errors import E042, QueryError
from dateline.model import (PLOVER_TYPES, DateClaim, EventMonth, EventSource, FusedEvent,
                            Location, Reading)
from dateline.query.confidence import HIDDEN, SHOWN, Hidden, read_readings, shown_confidence
from dateline.query.dates import date_conditions
from dateline.query.event_ids import find_event_id, short_id_length
from dateline.query.search_queries import SearchQueries
from dateline.store.schema import FUSED_EVENT_COLUMNS

EVENT_ORDER = " ORDER BY date NULLS LAST, date_end, type, id"


class EventQueries(SearchQueries):
    """Fused events; filtering by several actors returns what involves any of them."""

    def events(self, actors: Sequence[str] = (), type: str | None = None,
               since: str | date | None = None, until: str | date | None = None,
               min_confidence: float | None = None, overlapping: bool = False,
               about: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[FusedEvent]:
        """Fused events, dated ones by date then undated ones; filters combine with AND.

        With `since` or `until`, an event is listed when all its dates lie within them: "2011"
        is not within June 3-4, 2011 (`overlapping=True`: when any of its dates does). Undated
        events are left out: nothing says they fall inside.
        Only events at or above `min_confidence` show (DEFAULT_MIN_CONFIDENCE unless given; 0
        shows every event); `hidden` counts the others. With `about`, only the events with a
        cited source in an article about it (`about_articles`). `limit` and `offset` ask the
        database for one page of that list (`events(...)[offset:offset + limit]`, its parts
        read for that page only); `count_events` says how long the whole list is,
        `event_months` where each month of it starts.
        """
        where, params = self._event_filters(actors, type, since, until, overlapping, about=about)
        return self._with_parts(self._event_rows([*where, SHOWN],
                                                 [*params, shown_confidence(min_confidence)],
                                                 limit, offset))

    def count_events(self, actors: Sequence[str] = (), type: str | None = None,
                     since: str | date | None = None, until: str | date | None = None,
                     min_confidence: float | None = None, overlapping: bool = False,
                     about: str | None = None) -> int:
        """How many events `events` with these filters lists, without reading them."""
        where, params = self._event_filters(actors, type, since, until, overlapping, about=about)
        sql = f"SELECT count(*) FROM fused_events WHERE {' AND '.join([*where, SHOWN])}"
        return self._query(sql, [*params, shown_confidence(min_confidence)])[0][0]

    def event_months(self, actors: Sequence[str] = (), type: str | None = None,
                     since: str | date | None = None, until: str | date | None = None,
                     min_confidence: float | None = None, overlapping: bool = False,
                     about: str | None = None) -> list[EventMonth]:
        """The months of the list `events` with these filters gives, in its order (the undated
        events last, as month None), each with its count and the offset of its first event:
        `events(..., offset=month.offset)` starts at that month."""
        where, params = self._event_filters(actors, type, since, until, overlapping, about=about)
        rows = self._query(
            "SELECT strftime(date, '%Y-%m') AS month, count(*) FROM fused_events"
            f" WHERE {' AND '.join([*where, SHOWN])} GROUP BY month ORDER BY month NULLS LAST",
            [*params, shown_confidence(min_confidence)])
        months, before = [], 0
        for month, count in rows:
            months.append(EventMonth(month, count, before))
            before += count
        return months

    def timeline(self, actors: Sequence[str] = (), since: str | date | None = None,
                 until: str | date | None = None, type: str | None = None,
                 min_confidence: float | None = None, overlapping: bool = False,
                 about: str | None = None) -> list[FusedEvent]:
        """Every fused event at or above `min_confidence` in time order, undated ones at the end."""
        return self.events(actors=actors, type=type, since=since, until=until,
                           min_confidence=min_confidence, overlapping=overlapping, about=about)

    def hidden(self, actors: Sequence[str] = (), type: str | None = None,
               since: str | date | None = None, until: str | date | None = None,
               min_confidence: float | None = None, overlapping: bool = False,
               about: str | None = None) -> Hidden:
        """The events `events` (or `timeline`) with these arguments leaves out for being below
        the threshold."""
        return self._hidden(*self._event_filters(actors, type, since, until, overlapping,
                                                 about=about),
                            min_confidence)

    def event(self, event_id: str) -> FusedEvent:
        """One fused event by its id, or by the id of any per-article event fused into it, or
        by the start of either (at least 4 characters, as the views show it: `short_id`).
        E058 when the start fits several events, E047 when it fits none (`query.event_ids`)."""
        rows = self._query(f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events"
                           " WHERE id = ?", [find_event_id(self.connection, event_id)])
        return self._with_parts(rows)[0]

    def short_id_length(self) -> int:
        """How many characters of an event's id the views show: 8, or more where two stored
        events' ids start alike, so that each shown id names one event. Counted once per opening."""
        if getattr(self, "_short_length", None) is None:
            self._short_length = short_id_length(self.connection)
        return self._short_length

    def readings(self, event: FusedEvent) -> list[Reading]:
        """Each article's reading of a fused event, with its confidence and evidence, in the
        order its sources are cited."""
        return read_readings(self.connection, event.members)

    def _hidden(self, where: list[str], params: list[object],
                min_confidence: float | None) -> Hidden:
        """The fused events meeting every condition that fall below the threshold."""
        threshold = shown_confidence(min_confidence)
        sql = f"SELECT count(*) FROM fused_events WHERE {' AND '.join([*where, HIDDEN])}"
        return Hidden(self._query(sql, [*params, threshold])[0][0], threshold)

    def _event_filters(self, actors: Sequence[str], type: str | None, since: str | date | None,
                       until: str | date | None,
                       overlapping: bool = False, *,
                       about: str | None = None) -> tuple[list[str], list[object]]:
        """SQL conditions on fused events for the filters a user gave, and their parameters."""
        where: list[str] = []
        params: list[object] = []
        if type is not None:
            where.append("type = ?")
            params.append(check_event_type(type))
        if actors:
            ids = sorted(self._resolve_all(actors))
            where.append("(source_actor IN (SELECT unnest(?)) OR target_actor IN (SELECT unnest(?)))")
            params += [ids, ids]
        conditions, bounds = date_conditions(since, until, overlapping)
        scoped, scope_params = self._about_filter(about)  # only events from articles about it
        return where + conditions + scoped, params + bounds + scope_params

    def _event_rows(self, where: list[str], params: list[object], limit: int | None = None,
                    offset: int = 0) -> list[tuple]:
        """Fused event rows meeting every condition, dated ones by date then undated ones;
        `limit` of them from `offset` on, when a limit is given."""
        if limit is not None and limit < 0 or offset < 0:
            raise ValueError(f"limit and offset must not be negative: {limit}, {offset}")
        page = "" if limit is None and not offset else " LIMIT ? OFFSET ?"
        return self._query(f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events"
                           f" WHERE {' AND '.join(where)}{EVENT_ORDER}{page}",
                           [*params, limit, offset] if page else params)

    def _events_on(self, days: list[date], actor_ids: list[str],
                   min_confidence: float | None = None,
                   about: str | None = None) -> dict[date, list[FusedEvent]]:
        """The fused events dated to one of these days, those with the most sources first."""
        if not days:
            return {}
        where, params = day_filters(days, actor_ids)
        scoped, scope_params = self._about_filter(about)
        where, params = where + scoped, params + scope_params
        sql = (f"SELECT {', '.join(FUSED_EVENT_COLUMNS)} FROM fused_events"
               f" WHERE {' AND '.join([*where, SHOWN])} ORDER BY date, id")
        found: dict[date, list[FusedEvent]] = {}
        rows = self._query(sql, [*params, shown_confidence(min_confidence)])
        for event in self._with_parts(rows):
            found.setdefault(event.date, []).append(event)
        for events in found.values():
            events.sort(key=lambda event: -len(event.sources))
        return found

    def _with_parts(self, rows: list[tuple]) -> list[FusedEvent]:
        """Fused event rows as records, with their sources, dates and members."""
        ids = [row[0] for row in rows]
        sources, dates, members = self._sources(ids), self._date_claims(ids), self._members(ids)
        return [self._fused_event(row, sources.get(row[0], []), dates.get(row[0], []),
                                  members.get(row[0], [])) for row in rows]

    def _fused_event(self, row: tuple, sources: list[EventSource], dates: list[DateClaim],
                     members: list[str]) -> FusedEvent:
        values = dict(zip(FUSED_EVENT_COLUMNS, row))
        name, country = values.pop("location_name"), values.pop("location_country")
        values["source_actor"] = self.actor(values["source_actor"])
        values["target_actor"] = self.actor(values["target_actor"])
        return FusedEvent(location=Location(name, country) if name else None, sources=sources,
                          dates=dates, members=members,
                          short_id=values["id"][:self.short_id_length()], **values)

    def _date_claims(self, fused_ids: list[str]) -> dict[str, list[DateClaim]]:
        if not fused_ids:
            return {}
        claims: dict[str, list[DateClaim]] = {}
        for fused_id, *fields in self._query(
                "SELECT fused_id, date, date_end, precision, basis, reports, support"
                " FROM fused_event_dates WHERE fused_id IN (SELECT unnest(?))"
                " ORDER BY fused_id, rank", [fused_ids]):
            claims.setdefault(fused_id, []).append(DateClaim(*fields))
        return claims

    def _sources(self, fused_ids: list[str]) -> dict[str, list[EventSource]]:
        """Each event's cited sources; a source is cited by the copy its article names (the first
        by path), with that copy's own headline, whichever copy was stored first."""
        if not fused_ids:
            return {}
        rows = self._query("""
            SELECT s.fused_id, e.id, e.article_id, a.source, a.published, e.sentence_text,
                   e.sentence, e.trigger, e.date_text, coalesce(c.title, a.title), a.outlet
            FROM fused_event_sources s JOIN events e ON e.id = s.event_id
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN article_copies c ON c.article_id = a.id AND c.source = a.source
            WHERE s.fused_id IN (SELECT unnest(?)) AND s.cited IS NOT FALSE
            ORDER BY a.published NULLS LAST, a.id, e.id""", [fused_ids])
        sources: dict[str, list[EventSource]] = {}
        for fused_id, *fields in rows:
            sources.setdefault(fused_id, []).append(EventSource(*fields))
        return sources

    def _members(self, fused_ids: list[str]) -> dict[str, list[str]]:
        if not fused_ids:
            return {}
        members: dict[str, list[str]] = {}
        for fused_id, event_id in self._query(
                "SELECT fused_id, event_id FROM fused_event_sources"
                " WHERE fused_id IN (SELECT unnest(?)) ORDER BY fused_id, event_id", [fused_ids]):
            members.setdefault(fused_id, []).append(event_id)
        return members


def day_filters(days: list[date], actor_ids: list[str]) -> tuple[list[str], list[object]]:
    """SQL conditions for the events of one day each among `days` (of these actors, if any)."""
    where = ["date IN (SELECT unnest(?))", "coalesce(date_end, date) = date"]
    params: list[object] = [days]
    if actor_ids:
        where.append("(source_actor IN (SELECT unnest(?)) OR target_actor IN (SELECT unnest(?)))")
        params += [actor_ids, actor_ids]
    return where, params


def check_event_type(value: str) -> str:
    """The PLOVER type a user asked for, in upper case; E042 when there is none such."""
    upper = value.strip().upper()
    if upper not in PLOVER_TYPES:
        raise QueryError(E042.format(value=value, choices=", ".join(PLOVER_TYPES)))
    return upper
