"""One article's events and quotes, and the `Analysis` that holds everything read from it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateline.model.actors import Actor, Mention
from dateline.model.articles import Article, Sentence, TimeRef


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None


@dataclass(slots=True)
class Event:
    id: str  # stable for (article, sentence, trigger): re-analysis gives the same id
    article_id: str
    type: str  # PLOVER type
    mode: str  # PLOVER mode or our finer verb class: meet, visit, talks, call, evacuate...
    cameo: str
    quad_class: int  # 0 neutral, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    intensity: float  # -10 (conflict) .. +10 (cooperation)
    source_actor: str | None  # Actor.id
    target_actor: str | None
    trigger: str
    sentence: int  # Sentence.index
    sentence_text: str
    status: str = "occurred"
    location: Location | None = None
    date: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    date_basis: str | None = None  # one of DATE_BASES; None when undated
    date_text: str | None = None  # the time expression the date came from (the neighbour's, when inherited)
    confidence: float = 0.5  # how sure the reading is, 0..1, from the evidence `analyze.events.confidence` names
    # The TimeML value of the date's expression ("2021-07-13", "XXXX-11-04", "2021-W28"): it keeps a
    # partial date ("November 4", no year) that `date` cannot hold.
    date_value: str | None = None
    # How this sentence codes each actor: its own words ("Afghan troops") and the sector they
    # give it (MIL), which may differ from the actor's usual sector.
    source_text: str | None = None
    source_sector: str | None = None
    target_text: str | None = None
    target_sector: str | None = None
    evidence: tuple[str, ...] = ()  # what the confidence rests on: dateline.evidence.EVIDENCE names
    # Which rule found each part of the reading, as (part, rule name) pairs, parts among "trigger",
    # "source", "target", "date" and "location"; "none" where no rule did (see analyze.events.arguments).
    found_by: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class Quote:
    id: str
    article_id: str
    speaker: str | None  # Actor.id
    text: str
    sentence: int
    said_on: date | None = None


@dataclass(slots=True)
class Analysis:
    """Everything Dateline learns from one article on its own."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # every actor its mentions point to
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
