"""What each page shows: its template, the values the template draws, and its JSON.

One builder per page, each a function of the database and the request's parameters. The JSON
is the CLI's JSON for the same question (`/timeline.json` is `dateline timeline --format json`);
a paged list's JSON (web.paging) holds it a page at a time, beside the paging.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from dateline.errors import E052, QueryError
from dateline.model import PLOVER_TYPES
from dateline.query import Database, serialize
from dateline.query.confidence import DEFAULT_MIN_CONFIDENCE, check_min_confidence
from dateline.query.key_dates import MAX_DATES, MAX_SENTENCES, check_count
from dateline.render.labels import events_by_month
from dateline.web.actor_filter import filter_choices
from dateline.web.chart import relation_chart
from dateline.web.marks import article_marks, event_href, marked_text
from dateline.web.paging import Paging, actors_page_of, events_page_of

FILTER_ACTORS = 300  # the filter lists the most mentioned names; any other can be typed in the URL


@dataclass(slots=True)
class Page:
    template: str
    context: dict
    payload: object  # what the page answers as JSON
    title: str = "Dateline"
    # The record's own address, when it was asked for by another name (the start of its id):
    # the page answers with a redirect there.
    canonical: str | None = None


@dataclass(slots=True)
class Threshold:
    """How sure an event must be for a page to list it, as the URL asked: `?all=1` lists every
    event, `?min_confidence=X` those at least X sure, neither the library's default."""

    all: str = ""
    min_confidence: str = ""

    def value(self) -> float | None:
        """The threshold for the library (None: its default); E053 for one that is no number
        from 0 to 1."""
        if self.shows_all():
            return 0.0
        typed = self.min_confidence.strip()
        return check_min_confidence(typed) if typed else None

    def shows_all(self) -> bool:
        return self.all.strip() not in ("", "0")

    def params(self) -> dict[str, str]:
        """The query parameters that ask for this threshold again, for links that keep it."""
        if self.shows_all():
            return {"all": "1"}
        typed = self.min_confidence.strip()
        return {"min_confidence": typed} if typed else {}


@dataclass(slots=True)
class Filters:
    """The timeline's and the events page's filters, as a user typed them; empty means none."""

    actors: Sequence[str] = ()
    type: str | None = None
    since: str | None = None
    until: str | None = None
    threshold: Threshold = field(default_factory=Threshold)
    overlapping: bool = False  # `?overlapping=1`: events whose dates overlap since..until
    about: str | None = None  # only what comes from the articles about these words

    @classmethod
    def of(cls, actors: Sequence[str], type: str, since: str, until: str,
           threshold: Threshold | None = None, overlapping: str = "",
           about: str = "") -> Filters:
        return cls(tuple(a for a in actors if a.strip()), type.strip() or None,
                   since.strip() or None, until.strip() or None, threshold or Threshold(),
                   is_on(overlapping), about.strip() or None)

    def asked(self) -> dict:
        """The arguments of `Database.events` (and `hidden`) these filters give."""
        return {"actors": self.actors, "type": self.type, "since": self.since,
                "until": self.until, "min_confidence": self.threshold.value(),
                "overlapping": self.overlapping, "about": self.about}

    def url(self, path: str, **more: str) -> str:
        """`path` with these filters but the type (key dates weigh every type), and the
        threshold, `more` added or in place of one."""
        named = ({"since": self.since, "until": self.until, "about": self.about}
                 | self.threshold.params()
                 | {"overlapping": "1" if self.overlapping else ""} | more)
        pairs = [("actor", a) for a in self.actors] + [(k, v) for k, v in named.items() if v]
        return f"{path}?{urlencode(pairs)}" if pairs else path


@dataclass(slots=True)
class KeyDatesAsked:
    """What the key dates page (`/key-dates`) was asked for: the counts as typed, the words."""

    dates: str = ""
    sentences: str = ""
    query: str = ""

    def counts(self) -> dict[str, int]:
        """The counts given, for `Database.key_dates` (which has the defaults); E051 for one
        that is no whole number in range."""
        given = (("dates", self.dates, 1, MAX_DATES),
                 ("sentences", self.sentences, 0, MAX_SENTENCES))
        return {what: check_count(what, _number(typed), least, most)
                for what, typed, least, most in given if typed.strip()}


def _number(typed: str) -> int | str:
    """A whole number as typed in a URL, or the text itself (for the error to quote)."""
    typed = typed.strip()
    return int(typed) if re.fullmatch(r"[+-]?\d{1,9}", typed) else typed


def filter_context(db: Database, filters: Filters) -> dict:
    """What the filter form draws: its actor entries (one per name, web.actor_filter) and types."""
    return {"filters": filters, "filter_actors": filter_choices(db, filters.actors, FILTER_ACTORS),
            "types": PLOVER_TYPES}


def overview_page(db: Database, threshold: Threshold) -> Page:
    overview = db.overview(min_confidence=threshold.value())
    return Page("index.html", {"overview": overview}, serialize.overview_json(overview), "Overview")


def timeline_page(db: Database, filters: Filters, paging: Paging) -> Page:
    """One page of the timeline (web.paging), its events by month, the undated ones apart."""
    paged = events_page_of(db, filters.asked(), paging)
    events = paged.events
    dated = [e for e in events if e.date]
    context = {**filter_context(db, filters), "months": events_by_month(dated),
               "undated": [e for e in events if not e.date], "count": paged.total,
               "paged": paged, "key_dates_url": filters.url("/key-dates"),
               "hidden": db.hidden(**filters.asked())}
    return Page("timeline.html", context, paged.payload(), "Timeline")


def key_dates_page(db: Database, filters: Filters, asked: KeyDatesAsked) -> Page:
    """The key dates: the days that matter most, with their words (`dateline key-dates`)."""
    if filters.type:
        raise QueryError(E052)
    threshold = filters.threshold.value()
    keys = db.key_dates(**asked.counts(), query=asked.query.strip() or None,
                        actors=filters.actors, since=filters.since, until=filters.until,
                        min_confidence=threshold, about=filters.about)
    context = {**filter_context(db, filters), "asked": asked, "keys": keys,
               "hidden": db.hidden_on([key.date for key in keys], filters.actors, threshold,
                                      filters.about),
               "timeline_url": filters.url("/timeline"),
               "day_urls": {key.date: filters.url("/timeline", since=key.date.isoformat(),
                                                 until=key.date.isoformat()) for key in keys}}
    return Page("key_dates.html", context, [serialize.key_date_json(key) for key in keys],
                "Key dates")


def events_page(db: Database, filters: Filters, paging: Paging) -> Page:
    """One page of the events table (web.paging)."""
    paged = events_page_of(db, filters.asked(), paging)
    context = {**filter_context(db, filters), "events": paged.events, "paged": paged,
               "hidden": db.hidden(**filters.asked())}
    return Page("events.html", context, paged.payload(), "Events")


def event_page(db: Database, event_id: str) -> Page:
    """One event, whatever its confidence: a link to it is a question about it. Asked for by the
    start of its id (or a per-article event's id), it redirects to its own address."""
    event = db.event(event_id)
    if event.id != event_id:
        return Page("event.html", {}, None, canonical=event_href(event.id))
    readings = db.readings(event)
    context = {"event": event, "readings": readings, "default_threshold": DEFAULT_MIN_CONFIDENCE,
               "explanation": db.explain(event.id)}
    return Page("event.html", context, serialize.event_detail_json(event, readings),
                event.summary)


def actors_page(db: Database, paging: Paging) -> Page:
    """One page of the actors, the most mentioned first (web.paging)."""
    paged, actors = actors_page_of(db, paging)
    return Page("actors.html", {"actors": actors, "paged": paged},
                {**paged.paging_json(), "actors": [serialize.actor_json(a, n) for a, n in actors]},
                "Actors")


def actor_page(db: Database, actor_id: str, threshold: Threshold) -> Page:
    """One actor (`dateline actor`, `Database.actor_view`), with its busiest relations."""
    shown = threshold.value()
    profile = db.actor_view(actor_id, min_confidence=shown)
    payload = serialize.profile_json(profile, db)
    partners = [(a, b, n) for a, b, n in db.relation_pairs(limit=1000, min_confidence=shown)
                if profile.actor.id in (a.id, b.id)][:10]
    context = {"profile": profile, "quotes": payload["quotes"],
               "months": events_by_month(profile.events),
               "partners": [(b if a.id == profile.actor.id else a, n) for a, b, n in partners],
               "hidden": db.hidden(actors=[profile.actor.id], min_confidence=shown)}
    return Page("actor.html", context, payload, profile.actor.name)


def article_page(db: Database, article_id: str) -> Page:
    view = db.article_view(article_id)
    text = marked_text(view.article.text, article_marks(view))
    story = next((s for s in db.stories() if s.id == view.story_id), None)
    original = db.article(view.original_id) if view.original_id else None
    context = {"view": view, "text": text, "story": story, "original": original,
               "actors": {m.actor_id: db.actor(m.actor_id) for m in view.mentions}}
    return Page("article.html", context, serialize.article_json(view, db),
                view.article.title or view.article.source)


def relations_page(db: Database, a: str, b: str, since: str, until: str,
                   threshold: Threshold, overlapping: str = "", about: str = "") -> Page:
    """Two actors' relation (`dateline relations A B`), over their events within since..until
    (or overlapping it) and from the articles about `about`; without both, the busiest pairs."""
    a, b = a.strip(), b.strip()
    shown = threshold.value()
    context = {"a": a, "b": b, "since": since, "until": until, "threshold": threshold,
               "overlapping": is_on(overlapping), "filters": Filters(about=about.strip() or None),
               "actors": sorted((x for x, n in db.actors() if n), key=lambda x: x.name.lower())}
    if not (a and b):
        pairs = db.relation_pairs(min_confidence=shown)
        payload = {"pairs": [{"a": serialize.actor_ref(x), "b": serialize.actor_ref(y), "events": n}
                             for x, y, n in pairs]}
        return Page("relations.html", {**context, "pairs": pairs, "relation": None,
                                       "hidden": None}, payload, "Relations")
    asked = {"since": since.strip() or None, "until": until.strip() or None,
             "min_confidence": shown, "overlapping": is_on(overlapping),
             "about": about.strip() or None}
    relation = db.relation(a, b, **asked)
    context |= {"relation": relation, "chart": relation_chart(relation),
                "months": events_by_month(relation.events),
                "hidden": db.hidden_between(a, b, **asked)}
    return Page("relations.html", context, serialize.relation_json(relation),
                f"{relation.a.name} and {relation.b.name}")


def stories_page(db: Database, about: str | None = None) -> Page:
    stories = db.stories(about=about)
    return Page("stories.html", {"stories": stories, "articles": db.article_heads(),
                                 "filters": Filters(about=about)},
                [serialize.story_json(s) for s in stories], "Stories")


def is_on(value: str) -> bool:
    """A flag in a query string: `?overlapping=1` is on, an empty or "0" one is off."""
    return value.strip() not in ("", "0")
