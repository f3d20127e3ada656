"""The JSON shapes of DESIGN.md: plain dicts and lists, ready for `json.dumps`."""
from __future__ import annotations

import json
from datetime import date

from dateline.model import Actor, FusedEvent, Location, Quote
from dateline.query.database import Database


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def actor_ref(actor: Actor | None) -> dict | None:
    if actor is None:
        return None
    return {"id": actor.id, "name": actor.name, "country": actor.country, "sector": actor.sector}


def location_json(location: Location | None) -> dict | None:
    return {"name": location.name, "country": location.country} if location else None


def event_json(event: FusedEvent) -> dict:
    return {
        "id": event.id, "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "quad_class": event.quad_class, "intensity": event.intensity, "status": event.status,
        "summary": event.summary, "date": iso(event.date), "date_end": iso(event.date_end),
        "date_precision": event.date_precision, "date_basis": event.date_basis,
        "location": location_json(event.location),
        "source_actor": actor_ref(event.source_actor),
        "target_actor": actor_ref(event.target_actor),
        "sources": [{"article": s.article_id, "path": s.source, "published": iso(s.published),
                     "sentence": s.sentence} for s in event.sources],
    }


def actor_json(actor: Actor, mentions: int) -> dict:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
            "sector": actor.sector, "aliases": list(actor.aliases),
            "roles": [role.label() for role in actor.roles], "mentions": mentions}


def quote_json(quote: Quote, db: Database) -> dict:
    """A quote with its speaker and citation looked up in the database it came from."""
    return {"id": quote.id, "speaker": actor_ref(db.actor(quote.speaker)), "text": quote.text,
            "said_on": iso(quote.said_on),
            "sentence": db.sentence_text(quote.article_id, quote.sentence),
            "article": quote.article_id, "path": db.article_source(quote.article_id)}


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
