"""The JSON shapes of DESIGN.md: plain dicts and lists, ready for `json.dumps`."""
from __future__ import annotations

import json
from datetime import date, datetime

from dateline.model import (Actor, ActorProfile, ArticleView, Explanation, FusedEvent, KeyDate,
                            Location, Overview, Quote, Reading, ReadingExplained, Relation, Role,
                            SearchHit, SourcesOverview, Story, KeyDateSentence)
from dateline.query.article_queries import QuoteCitation
from dateline.query.confidence import evidence_words
from dateline.query.database import Database
from dateline.query.explain import weights_in_words


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
        "id": event.id, "short_id": event.short_id or event.id, "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "quad_class": event.quad_class, "intensity": event.intensity, "status": event.status,
        "confidence": event.confidence,
        "summary": event.summary, "date": iso(event.date), "date_end": iso(event.date_end),
        "date_precision": event.date_precision, "date_basis": event.date_basis,
        "date_value": event.date_value,
        "location": location_json(event.location),
        "source_actor": actor_ref(event.source_actor),
        "target_actor": actor_ref(event.target_actor),
        # the sector the reports' words give each actor in this event ("Syrian troops": MIL)
        "source_sector": event.source_sector, "target_sector": event.target_sector,
        "sources": [{"article": s.article_id, "path": s.source, "published": iso(s.published),
                     "sentence": s.sentence, "trigger": s.trigger, "date_text": s.date_text,
                     "title": s.title, "outlet": s.outlet}
                    for s in event.sources],
        "dates": [{"date": iso(c.date), "date_end": iso(c.date_end), "precision": c.precision,
                   "basis": c.basis, "reports": c.reports, "support": c.support}
                  for c in event.dates],
        "date_note": event.date_note,
    }


def reading_json(reading: Reading) -> dict:
    """One article's reading of an event: its confidence and the evidence, as names and words."""
    return {"event": reading.event_id, "article": reading.article_id, "path": reading.source,
            "confidence": reading.confidence, "evidence": list(reading.evidence),
            "evidence_words": evidence_words(reading.evidence)}


def event_detail_json(event: FusedEvent, readings: list[Reading]) -> dict:
    """One event as `dateline event` and its page show it: with each article's reading."""
    return {**event_json(event), "readings": [reading_json(r) for r in readings]}


def explanation_json(explanation: Explanation) -> dict:
    """How an event was read, as `dateline explain --format json` prints it: the fused event (null
    for a text explained on its own) and each reading with its rules and evidence weights."""
    fused = explanation.fused
    return {"event": event_json(fused) if fused else None,
            "readings": [reading_explained_json(r) for r in explanation.readings]}


def reading_explained_json(reading: ReadingExplained) -> dict:
    event = reading.event
    return {
        "event": event.id, "article": reading.article.id, "path": reading.article.source,
        "title": reading.article.title, "outlet": reading.article.outlet,
        "published": iso(reading.article.published), "sentence": event.sentence_text,
        "trigger": event.trigger, "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "status": event.status,
        "source_actor": actor_ref(reading.source_actor), "source_text": event.source_text,
        "target_actor": actor_ref(reading.target_actor), "target_text": event.target_text,
        "location": location_json(event.location),
        "date": iso(event.date), "date_end": iso(event.date_end), "date_precision": event.date_precision,
        "date_basis": event.date_basis, "date_value": event.date_value, "date_text": event.date_text,
        # Which rule found each part; empty for a reading stored before rules were kept.
        "found_by": dict(event.found_by),
        "confidence": event.confidence,
        "weights": [{"evidence": name, "words": said, "weight": weight}
                    for name, said, weight in weights_in_words(reading)],
    }


def key_date_sentence_json(sentence: KeyDateSentence) -> dict:
    """A sentence a key date quotes from an article, cited as an event's sources are."""
    return {"article": sentence.article_id, "path": sentence.source,
            "published": iso(sentence.published), "sentence": sentence.index,
            "text": sentence.text, "title": sentence.title, "outlet": sentence.outlet}


def key_date_json(key: KeyDate) -> dict:
    """One key date: its day, why it counts, a few sentences of what happened, and its events."""
    return {"date": iso(key.date), "score": key.score, "articles": key.articles,
            "later": key.later,
            "sentences": [key_date_sentence_json(s) for s in key.sentences],
            "events": [event_json(e) for e in key.events]}


def story_json(story: Story) -> dict:
    return {"id": story.id, "label": story.label, "first": iso(story.first),
            "last": iso(story.last), "articles": story.article_ids}


def role_json(role: Role) -> dict:
    """An office with its owner and dates; basis "knowledge", or "text" for a period the corpus
    shows (first to last article naming the holder with the title)."""
    return {"title": role.title, "of": role.country, "since": iso(role.since),
            "until": iso(role.until), "basis": role.basis, "label": role.label()}


def actor_json(actor: Actor, mentions: int) -> dict:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
            "sector": actor.sector, "aliases": list(actor.aliases),
            "roles": [role_json(role) for role in actor.roles], "mentions": mentions}


def profile_json(profile: ActorProfile, db: Database) -> dict:
    """One actor as `dateline actor` and its page show it (`Database.actor_view`)."""
    return {**actor_json(profile.actor, profile.mentions), "articles": profile.articles,
            "events": [event_json(e) for e in profile.events],
            "quotes": quotes_json(profile.quotes, db)}


def quotes_json(quotes: list[Quote], db: Database) -> list[dict]:
    """Quotes with their speakers and citations, looked up once for the whole listing."""
    citations = db.quote_citations(quotes)
    return [quote_json(q, db.actor(q.speaker), citations.get(q.id)) for q in quotes]


def quote_json(quote: Quote, speaker: Actor | None, citation: QuoteCitation | None) -> dict:
    """A quote with its speaker and where it was read (`Database.quote_citations`)."""
    return {"id": quote.id, "speaker": actor_ref(speaker), "text": quote.text,
            "said_on": iso(quote.said_on),
            "sentence": citation.sentence if citation else None,
            "article": quote.article_id, "path": citation.path if citation else None}


def overview_json(overview: Overview) -> dict:
    found = {"stats": stats_json(overview.stats, overview.sources or SourcesOverview()),
             "top_actors": [actor_json(a, n) for a, n in overview.top_actors],
             "recent_events": [event_json(e) for e in overview.recent_events]}
    if overview.sources is not None:
        found["sources"] = sources_json(overview.sources, each=True)
    return found


def stats_json(stats: dict, sources: SourcesOverview) -> dict:
    """`dateline stats --format json`: the counts, and what was followed on the web."""
    return {**stats, "sources": sources_json(sources)}


def sources_json(sources: SourcesOverview, each: bool = False) -> dict:
    """What was followed on the web, counted (`dateline stats`); with `each`, every feed or
    sitemap and the latest rounds too (the overview)."""
    found: dict = {"feeds": sources.feeds, "sitemaps": sources.sitemaps,
                   "pages_fetched": sources.pages, "failed_fetches": sources.failed,
                   "last_fetch": _moment(sources.last_fetch)}
    if each:
        found["sources"] = [{"url": s.url, "kind": s.kind, "last_fetch": _moment(s.last_fetch),
                             "status": s.status, "error": s.error, "pages": s.pages,
                             "failures": s.failures} for s in sources.sources]
        found["rounds"] = [{"number": r.number, "started": _moment(r.started), "new": r.new,
                            "known": r.known, "failed": r.failed} for r in sources.rounds]
    return found


def _moment(value: datetime | None) -> str | None:
    """A stored time (UTC, naive) in ISO 8601, to the second."""
    return None if value is None else value.replace(microsecond=0).isoformat()


def relation_json(relation: Relation) -> dict:
    return {"a": actor_ref(relation.a), "b": actor_ref(relation.b),
            "a_side": [actor_ref(a) for a in relation.a_side],
            "b_side": [actor_ref(b) for b in relation.b_side],
            "months": [{"month": m.month, "cooperation": m.cooperation, "conflict": m.conflict,
                        "neutral": m.neutral, "score": m.score, "events": m.event_ids}
                       for m in relation.months],
            "events": [event_json(e) for e in relation.events]}


def article_json(view: ArticleView, db: Database) -> dict:
    """An article with its marks; offsets are characters into `text`."""
    article = view.article
    return {
        "id": article.id, "path": article.source, "title": article.title,
        "outlet": article.outlet, "url": article.url, "published": iso(article.published),
        "published_basis": article.published_basis, "story": view.story_id,
        "near_duplicate_of": view.original_id, "copies": view.copies, "text": article.text,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in view.sentences],
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "how": m.how,
                      "actor": actor_ref(db.actor(m.actor_id))} for m in view.mentions],
        "times": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                   "value": t.value, "precision": t.precision, "basis": t.basis}
                  for t in view.times],
        "events": [{"id": e.event_id, "fused_id": e.fused_id, "type": e.type,
                    "trigger": e.trigger, "sentence": e.sentence, "start": e.start, "end": e.end}
                   for e in view.events],
    }


# Where each kind of search hit is opened: its command and its page.
HIT_PAGES = {"article": "/articles/", "event": "/events/", "actor": "/actors/"}


def search_hit_json(hit: SearchHit) -> dict:
    """One search hit: what it is, how to open it, and its snippet with the matched words both
    as character spans and marked between [ and ]."""
    return {"kind": hit.kind, "id": hit.id, "title": hit.title, "score": hit.score,
            "outlet": hit.outlet, "date": iso(hit.date), "path": hit.source, "snippet": hit.snippet,
            "marks": [list(span) for span in hit.marks], "marked": hit.marked_snippet(),
            "command": f"dateline {hit.kind} {hit.id}", "url": HIT_PAGES[hit.kind] + hit.id}


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
