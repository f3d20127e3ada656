"""What queries answer with: an article's page, relations, the overview, key dates, exports, corrections."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateline.model.actors import Actor
from dateline.model.articles import Article, ArticleHead, Sentence, TimeRef
from dateline.model.events import Event
from dateline.model.fused import ActorMention, EventMark, FusedEvent
from dateline.model.followed import SourcesOverview


@dataclass(slots=True)
class ArticleView:
    """One stored article with everything analysis marked in it: `dateline article ID`."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    events: list[EventMark] = field(default_factory=list)
    story_id: str | None = None
    original_id: str | None = None  # set when this article is a near-duplicate of that one
    copies: list[str] = field(default_factory=list)  # every file or record its text was read from


@dataclass(frozen=True, slots=True)
class EventMonth:
    """A month of a list of events in time order: how many it has, and where its first is."""

    month: str | None  # YYYY-MM; None for the undated events, listed last
    events: int
    offset: int  # how many events of the list come before its first


@dataclass(slots=True)
class RelationMonth:
    """What two actors did to each other in one calendar month."""

    month: str  # YYYY-MM
    cooperation: int  # events of quad class 1 or 2
    conflict: int  # events of quad class 3 or 4
    neutral: int  # quad class 0
    score: float  # the sum of the events' intensities, Goldstein-style: above 0 is cooperation
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Relation:
    """Cooperation and conflict between two actors over time, month by month.

    Each side is the actor and, for a state, the state's own organs and officials (CAMEO's
    country-level dyads): India's side holds India, its external affairs minister and its MEA.
    """

    a: Actor
    b: Actor
    a_side: list[Actor] = field(default_factory=list)
    b_side: list[Actor] = field(default_factory=list)
    months: list[RelationMonth] = field(default_factory=list)  # every month from first to last
    events: list[FusedEvent] = field(default_factory=list)  # dated in time order, undated last


@dataclass(slots=True)
class Overview:
    """What the front page shows: counts, the most mentioned actors, the latest dated events."""

    stats: dict
    top_actors: list[tuple[Actor, int]] = field(default_factory=list)
    recent_events: list[FusedEvent] = field(default_factory=list)
    sources: SourcesOverview | None = None  # what was followed on the web, when anything was


@dataclass(slots=True)
class ExportReport:
    """What `dateline export` wrote."""

    format: str  # json, csv, parquet or gdelt
    files: list[str] = field(default_factory=list)  # every file written, in the order written
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written
    left_out: dict[str, int] = field(default_factory=dict)  # why -> records the format cannot hold


@dataclass(slots=True)
class KeyDateSentence:
    """A sentence drawn from an article to say what happened on a key date."""

    article_id: str
    source: str
    published: date | None
    index: int  # Sentence.index in its article
    text: str
    title: str | None = None  # its article's headline and outlet, to cite it by
    outlet: str | None = None


SummarySentence = KeyDateSentence  # its name while key dates were called a summary


@dataclass(slots=True)
class KeyDate:
    """One of the dates that matter most in a corpus, with what happened on it.

    `score` orders the key dates; `articles` counts those that name the day or report an event
    on it, `later` those of them published after the day, which refer back to it.
    """

    date: date  # the day; `day` before the key dates' JSON and record said it alike
    score: float
    articles: int
    later: int
    sentences: list[KeyDateSentence] = field(default_factory=list)
    events: list[FusedEvent] = field(default_factory=list)

    @property
    def day(self) -> date:
        """The old name of `date`, kept working."""
        return self.date


@dataclass(slots=True)
class ActorCandidate:
    """A canonical actor a user's name fits, with how often the corpus mentions it: one of the
    choices offered when a name fits several actors (`Database.actor_candidates`)."""

    actor: Actor
    mentions: int
    articles: int  # the articles that mention it


@dataclass(slots=True, frozen=True)
class Correction:
    """A user's correction of the actors fusion found: an entry of the knowledge file's
    "corrections" (`knowledge.corrections` reads and writes them, `fuse.corrections` applies them).

    - merge: `actor` and `other` are one actor, under `actor`'s record;
    - split: in `article`, what points to `actor` does not: it is an actor of that article alone,
      or `other` when given;
    - set: `actor`'s canonical record takes `name`, `country` and `sector`, where given.
    """

    kind: str  # merge, split or set
    actor: str  # an actor id
    other: str | None = None  # merge: the actor that joins `actor`; split: the one taking its place
    article: str | None = None  # split: an article id
    name: str | None = None  # set
    country: str | None = None  # set: ISO 3166 alpha-3
    sector: str | None = None  # set: one of SECTORS


@dataclass(slots=True, frozen=True)
class ActorSplit:
    """An actor id that a split correction replaced in one article: its stored mentions, events
    and quotes that analysis gave `original_id` hold `actor_id`, an id scoped to the article."""

    article_id: str
    actor_id: str
    original_id: str


@dataclass(slots=True)
class ReadingExplained:
    """One reading of an event and how it was read: the rule that found each part (the event's
    `found_by`), and what each piece of its evidence added to its confidence."""

    event: Event  # the per-article reading, as analysis coded it
    article: ArticleHead
    source_actor: Actor | None  # the canonical actors its ids stand for
    target_actor: Actor | None
    weights: tuple[tuple[str, float], ...] = ()  # (evidence, weight), the intercept first


@dataclass(slots=True)
class Explanation:
    """How an event was found: each of its readings explained; `fused` is the stored event they
    were fused into, None for a text explained on its own (`dateline explain "SENTENCE"`)."""

    readings: list[ReadingExplained]
    fused: FusedEvent | None = None
