"""Cross-article records, built by `fuse` over the store: fused events with their sources and readings, stories."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateline.model.actors import Actor
from dateline.model.events import Location, Quote




@dataclass(slots=True)
class EventSource:
    event_id: str  # the per-article Event.id
    article_id: str
    source: str
    published: date | None
    sentence: str
    sentence_index: int | None = None  # Sentence.index in its article
    trigger: str | None = None  # the words that coded the event, as in the sentence
    date_text: str | None = None  # the time expression its date came from, if any
    title: str | None = None  # its article's headline, when it has one
    outlet: str | None = None  # who published its article ("Reuters"), when known


@dataclass(slots=True)
class ActorMention:
    """A stored mention with its citation and the canonical actor fusion resolved it to."""

    article_id: str
    source: str
    published: date | None
    start: int
    end: int
    text: str
    actor_id: str  # canonical
    sentence: int
    how: str


@dataclass(slots=True)
class ActorProfile:
    """One canonical actor with what the corpus says of it: `dateline actor NAME`."""

    actor: Actor
    mentions: int
    articles: int
    events: list[FusedEvent] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class FusedEvent:
    id: str
    type: str
    mode: str
    cameo: str
    quad_class: int
    intensity: float
    status: str
    source_actor: Actor | None
    target_actor: Actor | None
    location: Location | None
    date: date | None
    date_end: date | None
    date_precision: str | None
    date_basis: str | None
    summary: str
    sources: list[EventSource] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)  # every date its sources give, best first
    members: list[str] = field(default_factory=list)  # every per-article Event.id fused here
    date_note: str | None = None  # why the chosen date won, when the sources disagree
    confidence: float = 0.0  # 0..1: how sure we are that this happened as shown (fuse.confidence)
    date_value: str | None = None  # the TimeML value of its date, partial ones included (Event.date_value)
    # The sector its reports' words give each actor here ("Syrian troops": MIL), as CAMEO codes
    # an actor per event; None when no report's words give one (the actor's own sector stands).
    source_sector: str | None = None
    target_sector: str | None = None
    # The start of `id` a user may type to name it: 8 characters, or more where another stored
    # event's id starts alike (`Database.short_id_length`); set by the queries, "" elsewhere.
    short_id: str = ""


@dataclass(slots=True)
class Reading:
    """One article's reading of a fused event: how sure it is, and the evidence that says so."""

    event_id: str  # the per-article Event.id
    article_id: str
    source: str
    confidence: float | None
    evidence: tuple[str, ...] = ()


@dataclass(slots=True)
class DateClaim:
    """A date the sources of a fused event give it, and how many sources agree with it."""

    date: date
    date_end: date
    precision: str | None
    basis: str | None
    reports: int  # sources that give this date
    support: int  # sources consistent with it: its own, and coarser ones whose span contains it


@dataclass(slots=True)
class StoryArticle:
    """What story clustering and near-duplicate detection read of one stored article."""

    id: str
    published: date | None
    title: str | None
    text: str


@dataclass(slots=True)
class StoryCounts:
    """An article as story clustering reads it: its features counted once, and stored so that
    clustering it again never reads its text."""

    id: str
    published: date | None
    title: str | None
    counts: dict[str, float]
    surfaces: dict[str, str]  # feature -> its written form
    stored: bool = False  # counted by an earlier fusion (its features are in the stored totals)


@dataclass(slots=True)
class NearDuplicate:
    """An article that is a syndicated copy or light rewrite of an earlier one."""

    article_id: str
    original_id: str  # the earliest version: its events carry this article as an extra source
    similarity: float  # estimated Jaccard similarity of their word shingles


@dataclass(slots=True)
class Story:
    """Articles about one development, clustered in time."""

    id: str
    label: str
    first: date | None
    last: date | None
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventMark:
    """A per-article event as it sits in its article, and the happening it was fused into."""

    event_id: str
    fused_id: str | None
    type: str
    trigger: str
    sentence: int  # Sentence.index
    start: int | None = None  # the trigger's character span in Article.text, when it is found
    end: int | None = None
