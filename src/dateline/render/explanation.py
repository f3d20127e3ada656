"""What `dateline explain` and the event page say of how an event was read: for each reading,
each part (trigger, doer, target, place, date) with what was found and the rule that found it,
and each piece of evidence with what it added to the confidence."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Actor, ArticleHead, Event, ReadingExplained, shown_name
from dateline.query.explain import weights_in_words
from dateline.render.labels import date_label, undated_label

# The parts of a reading in the order they are told, with the name each has in `found_by`.
PARTS = (("trigger", "trigger"), ("doer", "source"), ("target", "target"),
         ("place", "location"), ("date", "date"))
NONE_FOUND = "none"


@dataclass(frozen=True, slots=True)
class PartRead:
    part: str  # "trigger", "doer", "target", "place", "date"
    found: str  # what was found, as a reader would say it
    rule: str  # the rule that found it; "" where the reading has none recorded


@dataclass(frozen=True, slots=True)
class WeightRead:
    evidence: str  # the piece of evidence in words ("names who acted"), or "intercept"
    weight: float


def parts_read(reading: ReadingExplained) -> list[PartRead]:
    event = reading.event
    rules = dict(event.found_by)
    found = {"trigger": _trigger(event), "doer": _actor(event.source_text, reading.source_actor, event.source_sector),
             "target": _actor(event.target_text, reading.target_actor, event.target_sector),
             "place": _place(event), "date": _date(event)}
    return [PartRead(part, found[part], _rule(rules.get(key, ""), found[part])) for part, key in PARTS]


def _rule(rule: str, found: str) -> str:
    """The rule as shown: nothing more where nothing was found by no rule."""
    return "" if rule == NONE_FOUND and found == NONE_FOUND else rule


def weights_read(reading: ReadingExplained) -> list[WeightRead]:
    return [WeightRead(said, weight) for _name, said, weight in weights_in_words(reading)]


def logit(reading: ReadingExplained) -> float:
    """The sum the confidence is the logistic of."""
    return sum(weight for _name, weight in reading.weights)


def article_label(article: ArticleHead) -> str:
    """Where a reading comes from: outlet, date and headline, then the path."""
    said = [shown_name(part) for part in (article.outlet, article.title) if part]
    if article.published:
        said.insert(min(1, len(said)), article.published.isoformat())
    return ", ".join([*said, shown_name(article.source)])


def _trigger(event: Event) -> str:
    return f"\u201c{shown_name(event.trigger)}\u201d: {event.type} ({event.mode}, CAMEO {event.cameo}), {event.status}"


def _actor(text: str | None, actor: Actor | None, sector: str | None) -> str:
    if actor is None:
        return NONE_FOUND
    codes = ", ".join(code for code in (actor.country, sector or actor.sector) if code)
    name = shown_name(actor.name) + (f" ({codes})" if codes else "")
    return f"\u201c{shown_name(text)}\u201d \u2192 {name}" if text and text != actor.name else name


def _place(event: Event) -> str:
    if event.location is None:
        return NONE_FOUND
    where = shown_name(event.location.name)
    return f"{where} ({event.location.country})" if event.location.country else where


def _date(event: Event) -> str:
    when = date_label(event) or undated_label(event)
    if not when:
        return NONE_FOUND
    precision = f" ({event.date_precision})" if event.date and event.date_precision else ""
    words = f", from \u201c{shown_name(event.date_text)}\u201d" if event.date_text else ""
    return f"{when}{precision}{words}"
