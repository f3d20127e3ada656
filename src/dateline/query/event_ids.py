"""Event ids as users type them: in full, or by their start (a prefix), as the timeline, the
events table and the key dates show them.

A fused event's id is 16 hex characters; the views show its first `SHORT_ID` characters, or more
where two stored events' ids start alike (`short_id_length`), so that every id shown names one
event. `find_event_id` takes back what a user types:

  1. a fused event's full id, or a per-article event's full id (the fused event it is in);
  2. the start of fused events' ids, at least `LEAST_PREFIX` characters: the one event it starts;
  3. else the start of per-article events' ids: the one fused event they are in.

A start that fits several events is E058, naming a few; one too short to look up by is E059;
one that fits none is E047, as an unknown id.
"""
from __future__ import annotations

import duckdb

from dateline.errors import E047, E058, E059, NotFound, QueryError
from dateline.model import shown_name

SHORT_ID = 8  # characters of an id the views show: 4 billion starts, few alike in one corpus
LEAST_PREFIX = 4  # the fewest characters of an id looked up by its start
FULL_ID = 16  # a fused event's id, in full
CANDIDATES = 5  # the events E058 names


def short_id_length(connection: duckdb.DuckDBPyConnection) -> int:
    """The fewest characters, from `SHORT_ID` on, at which no two fused events' ids start alike:
    one pass over the ids, counting their distinct starts at each length."""
    lengths = range(SHORT_ID, FULL_ID + 1)
    counts = connection.execute(
        "SELECT count(*), " + ", ".join(f"count(DISTINCT left(id, {n}))" for n in lengths)
        + " FROM fused_events").fetchone()
    total, distinct = counts[0], counts[1:]
    return next((n for n, count in zip(lengths, distinct) if count == total), FULL_ID)


def find_event_id(connection: duckdb.DuckDBPyConnection, value: str) -> str:
    """The id of the one fused event `value` names (see the module's steps)."""
    exact = _ids(connection, "SELECT id, summary FROM fused_events WHERE id = ?", value)
    exact = exact or _ids(connection, _FUSED_OF_MEMBERS.format(match="s.event_id = ?"), value)
    if exact:
        return exact[0][0]
    start = value.strip().lower()  # ids are lower-case hex: "B101F564" names b101f564...
    if len(start) < LEAST_PREFIX:
        raise QueryError(E059.format(value=value, least=LEAST_PREFIX))
    fitting = (_ids(connection, _FUSED_STARTING, start)
               or _ids(connection, _FUSED_OF_MEMBERS.format(
                   match="starts_with(lower(s.event_id), ?)"), start))
    if not fitting:
        raise NotFound(E047.format(what="event", value=value))
    if len(fitting) > 1:
        raise QueryError(_ambiguous(value, fitting))
    return fitting[0][0]


def _ambiguous(value: str, fitting: list[tuple[str, str]]) -> str:
    """E058, naming the first `CANDIDATES` events a start fits, each with its summary."""
    choices = "\n".join(f"  {event_id}  {shown_name(summary)}"
                        for event_id, summary in fitting[:CANDIDATES])
    more = len(fitting) - CANDIDATES
    choices += f"\n  … and {more:,} more" if more > 0 else ""
    return E058.format(value=value, count=len(fitting), choices=choices)


_FUSED_STARTING = "SELECT id, summary FROM fused_events WHERE starts_with(lower(id), ?) ORDER BY id"
# The fused events holding the per-article events that match.
_FUSED_OF_MEMBERS = ("SELECT DISTINCT f.id, f.summary FROM fused_event_sources s"
                     " JOIN fused_events f ON f.id = s.fused_id WHERE {match} ORDER BY f.id")


def _ids(connection: duckdb.DuckDBPyConnection, sql: str, value: str) -> list[tuple[str, str]]:
    return connection.execute(sql, [value]).fetchall()
