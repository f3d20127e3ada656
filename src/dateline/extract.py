"""Code `{"id", "text", "date"}` records into events, one record at a time, with no database.

This is the input shape other event coders take: each record is coded as one article of its
date, and its events come back in DESIGN.md's event JSON, each actor with the country and the
sector the sentence gives it ("Afghan troops": AFG, MIL). A joint act between two actors ("X and Y
met") is listed once per direction, as CAMEO event data lists it; the database keeps it once.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.analyze import analyze_articles
from dateline.analyze.events.triggers import cameo_table, load_lexicon
from dateline.ingest.readers import jsonl_records, read_record
from dateline.knowledge import Knowledge, load_knowledge
from dateline.model import Actor, Analysis, Article, Event, Note, Skip


@dataclass(slots=True)
class Extraction:
    """One record's events, ready for `json.dumps`."""

    id: str
    events: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"id": self.id, "events": self.events}


def read_records(content: str, source: str = "<stdin>") -> Iterator[tuple[str, Article] | Skip | Note]:
    """(record id, article) per JSONL line; a line that is no record is a Skip naming it, and a
    record read with a warning (a date that did not parse) comes after its Note."""
    for item in jsonl_records(source, content):
        if isinstance(item, Skip):
            yield item
            continue
        number, record = item
        for read in read_record(record, Path(source), number):
            if isinstance(read, Article):
                record_id = record.get("id")
                yield (str(record_id) if record_id is not None else f"line-{number}"), read
            else:
                yield read


def extract(records: Iterable[tuple[str, Article] | Skip | Note], kb: Knowledge | None = None,
            on_skip=None) -> Iterator[Extraction]:
    """Code each record; skips and notes go to `on_skip` (when given) and yield nothing."""
    kb = kb or load_knowledge()
    ids: deque[str] = deque()  # the record ids of the articles read and not yet analyzed, in order

    def articles() -> Iterator[Article]:
        for item in records:
            if isinstance(item, (Skip, Note)):
                if on_skip is not None:
                    on_skip(item)
                continue
            record_id, article = item
            ids.append(record_id)
            yield article

    joint = load_lexicon().symmetric_modes()
    for analysis in analyze_articles(articles(), kb):
        record_id = ids.popleft()  # analyses come in the order of their articles
        yield Extraction(record_id, [coded for event in analysis.events
                                     for coded in _each_way(event_json(event, analysis), event.mode in joint)])


def _each_way(event: dict, joint: bool) -> list[dict]:
    """A joint act between two actors, once per direction, as CAMEO event data lists it."""
    if not joint or event["source_actor"] is None or event["target_actor"] is None:
        return [event]
    return [event, {**event, "source_actor": event["target_actor"], "target_actor": event["source_actor"]}]


def extract_text(text: str, published=None, kb: Knowledge | None = None) -> list[dict]:
    """The events of one text, as `extract` codes them."""
    article = Article(id="text", source="<text>", text=text, published=published,
                      published_basis="record" if published else "none")
    return next(extract([("text", article)], kb)).events


# Organisations without a country are coded by their kind, as CAMEO does.
NON_STATE_ROOTS = ("IGO", "NGO")
TRANSNATIONAL_ARMED_GROUP = "IMG"  # CAMEO's code for an armed group of no one country (al-Qaeda)


def cameo_actor_code(actor: Actor | None, coded_sector: str | None) -> str | None:
    """A CAMEO-style actor code: the country (or IGO/NGO) followed by a sector: the one the sentence
    gives ("AFGMIL" for "Afghan troops"), else the actor's own unless it is a country named bare
    ("Syria" is SYR). None for an actor with no country and no international kind."""
    if actor is None:
        return None
    root = actor.country or (actor.sector if actor.sector in NON_STATE_ROOTS else None)
    if root is None and actor.kind == "group" and actor.sector == "REB":
        root = TRANSNATIONAL_ARMED_GROUP
    if root is None:
        return None
    sector = coded_sector or (None if actor.kind == "country" else actor.sector)
    return root + (sector if sector and sector != root else "")


def _actor_json(actor_id: str | None, coded_sector: str | None, text: str | None,
                actors: dict[str, Actor]) -> dict | None:
    if actor_id is None:
        return None
    actor = actors.get(actor_id)
    return {"id": actor_id, "name": actor.name if actor else actor_id,
            "country": actor.country if actor else None,
            "sector": coded_sector or (actor.sector if actor else None),
            "code": cameo_actor_code(actor, coded_sector), "text": text}


def plover_mode(cameo: str) -> str | None:
    """PLOVER's own mode for a CAMEO code ("visit" for 042, "release" for 0841), when it has one;
    `mode` beside it is our finer verb class."""
    coded = cameo_table().get(cameo) or cameo_table().get(cameo[:3])
    return coded.mode if coded else None


def event_json(event: Event, analysis: Analysis) -> dict:
    actors = {actor.id: actor for actor in analysis.actors}
    return {
        "type": event.type, "mode": event.mode, "plover_mode": plover_mode(event.cameo),
        "cameo": event.cameo, "quad_class": event.quad_class,
        "intensity": event.intensity, "status": event.status,
        "source_actor": _actor_json(event.source_actor, event.source_sector, event.source_text, actors),
        "target_actor": _actor_json(event.target_actor, event.target_sector, event.target_text, actors),
        "location": {"name": event.location.name, "country": event.location.country} if event.location else None,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision, "date_basis": event.date_basis, "date_value": event.date_value,
        "confidence": event.confidence, "evidence": list(event.evidence),
        "trigger": event.trigger, "sentence": event.sentence_text,
    }
