"""How sure an event must be for a view to list it, what a view left out, and evidence in words.

Every view (timeline, events, key dates, relations, an actor, the report) lists the events at or
above a threshold: `DEFAULT_MIN_CONFIDENCE` unless the user gives one, 0 to list them all. What
it left out is counted (`Hidden`), so no interface hides events without saying so. Exports are
the exception: they carry every event with its confidence unless asked for a threshold.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from dateline.errors import E053, QueryError
from dateline.model import Reading

# The default view shows the events we can stand behind: at this confidence, the real-news
# benchmark (benchmarks/realnews_gold.py) measured the precision the README states.
DEFAULT_MIN_CONFIDENCE = 0.5
# A view lists an event at or above its threshold and hides one below; a row stored before
# confidence was measured (NULL) is listed, as it was before.
SHOWN = "coalesce(confidence, 1) >= ?"
HIDDEN = "coalesce(confidence, 1) < ?"

# What each piece of evidence (dateline.evidence.EVIDENCE) tells a reader, in EVIDENCE order;
# "type:CONSULT" (the weight of the event's type) is said by `evidence_words`.
EVIDENCE_WORDS = {
    "doer": "names who acted",
    "target": "names whom it was done to",
    "political-doer": "the doer is a political actor",
    "person-doer": "the doer is a person",
    "main-clause": "told in the sentence's main clause",
    "reported": "reported speech",
    "quoted": "inside a quotation",
    "hedged": "hedged (could, would, may)",
    "question": "asked as a question",
    "verb": "told by a verb",
    "unpunctuated": "in a sentence with no end mark (a headline or a fragment)",
    "date-text": "dated by its own words",
    "date-inherited": "dated by the sentence before",
    "date-publication": "dated only by the article's publication",
    "undated": "no date given",
    "occurred": "told as having happened",
    "claimed": "told as a claim",
    "planned": "told as planned, not done",
    "denied": "told as denied",
    "conditional": "told as conditional",
}


def shown_confidence(min_confidence: float | None) -> float:
    """The threshold a view applies: the default when none is given."""
    return DEFAULT_MIN_CONFIDENCE if min_confidence is None else float(min_confidence)


def check_min_confidence(value: object) -> float:
    """A threshold a user typed ("0.8", 0.8) as a number from 0 to 1; E053 for anything else."""
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise QueryError(E053.format(value=value)) from None
    if isinstance(value, bool) or math.isnan(number) or not 0 <= number <= 1:
        raise QueryError(E053.format(value=value))
    return number


def threshold_label(threshold: float) -> str:
    return f"{threshold:.2f}"


def confidence_label(confidence: float | None) -> str:
    """"confidence 0.82"; a store from before confidence was measured has none."""
    return "confidence not measured" if confidence is None else f"confidence {confidence:.2f}"


@dataclass(frozen=True, slots=True)
class Hidden:
    """The events a view left out for being below its threshold."""

    count: int
    threshold: float

    def note(self) -> str | None:
        """"12 more events below confidence 0.50", or None when nothing was left out."""
        if not self.count:
            return None
        events = "event" if self.count == 1 else "events"
        return f"{self.count} more {events} below confidence {threshold_label(self.threshold)}"


def evidence_words(evidence: tuple[str, ...] | list[str]) -> list[str]:
    """Each piece of evidence as a reader would say it; a name we have no words for as itself."""
    return [_words(name) for name in evidence]


def _words(name: str) -> str:
    kind, _, value = name.partition(":")
    if kind == "type" and value:
        return f"coded as {value}"
    return EVIDENCE_WORDS.get(name, name)


def read_readings(con: duckdb.DuckDBPyConnection, member_ids: Sequence[str]) -> list[Reading]:
    """The stored readings of these per-article events, in the order their sources are cited."""
    if not member_ids:
        return []
    rows = con.execute(
        "SELECT e.id, e.article_id, a.source, e.confidence, e.evidence FROM events e"
        " JOIN articles a ON a.id = e.article_id WHERE e.id IN (SELECT unnest(?))"
        " ORDER BY a.published NULLS LAST, a.id, e.id", [list(member_ids)]).fetchall()
    # The store joins a reading's evidence with commas (store.rows.event_row).
    return [Reading(event_id, article_id, source, confidence,
                    tuple(filter(None, (evidence or "").split(","))))
            for event_id, article_id, source, confidence, evidence in rows]
