"""The records that flow between Dateline's stages.

Every stage takes and returns these; nothing crosses a stage boundary as a loose dict.
Dates are `datetime.date`; spans are character offsets into `Article.text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# How an article's publication date was found.
PUBLISHED_BASES = ("dateline", "metadata", "record", "none")
# How a time expression was anchored (TimeRef.basis).
TIME_BASES = ("absolute", "publication-relative", "narrative-relative", "unresolved")
PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
EVENT_STATUSES = ("occurred", "planned", "claimed", "denied", "conditional")
# How an event's date was found (Event.date_basis), strongest first: the time expression tied to
# its trigger; one carried over from the sentence before, in the same paragraph; the article's
# publication date (only in stores analyzed before version 0.2: its words never date an event).
# None when undated.
DATE_BASES = ("text", "inherited", "publication")
# The event types of PLOVER, the coding scheme every event is coded in (Event.type).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT")
ACTOR_KINDS = ("person", "country", "organisation", "group")
# PLOVER's and CAMEO's sector codes: government, military, rebels, insurgents, opposition, party,
# police, judiciary, legislature, intelligence, IGO, NGO, media, business, civilians, refugees,
# labour, education, health, religion, criminals, elites, agriculture, environment, unaligned armed.
SECTORS = ("GOV", "MIL", "REB", "INS", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "IGO", "NGO", "MED",
           "BUS", "CVL", "REF", "LAB", "EDU", "HLH", "REL", "CRM", "ELI", "AGR", "ENV", "UAF")


@dataclass(slots=True)
class Article:
    id: str  # hash of the normalized text: the same content is the same article
    source: str  # path ("path#id" or "path#line-N" for a record of a .jsonl/.csv file) or URL
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_basis: str = "none"


@dataclass(slots=True)
class ArticleHead:
    """What lists and citations show of an article: everything but its text."""

    id: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(slots=True)
class Skip:
    """An input that could not be read; reported, never silently dropped."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        return f"skipped {_where(self.source, self.line)}: {self.reason}"


@dataclass(slots=True)
class Note:
    """Something a user should know about an input that was read all the same (the encoding it
    was decoded from, a date that did not parse); reported beside the skips."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"note {_where(self.source, self.line)}: {self.message}"


def shown_name(text: str) -> str:
    """A path, title or name as a terminal may show it: a control code, line break or direction
    override in it is escaped ("\\x1b", "\\n", "\\u202e"), never obeyed."""
    return "".join(char if char.isprintable() or char == " " else ascii(char)[1:-1] for char in text)


def _where(source: str, line: int | None) -> str:
    shown = shown_name(source)
    return f"{shown}:{line}" if line else shown


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class TimeRef:
    start: int  # character span in the article text
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TimeML-style: 2021-07-13, 2021-07, 2021-W28, 2021-Q3, 2021, PAST_REF, FUTURE_REF
    first_day: date | None = None  # the interval the value covers, when it is a calendar interval
    last_day: date | None = None
    precision: str | None = None  # one of PRECISIONS
    basis: str = "absolute"  # one of TIME_BASES
    anchor: date | None = None  # the date a relative expression was resolved against


# Where a role comes from (Role.basis): the knowledge files; an article that names the holder
# with the title ("Foreign Minister Amir Khan Muttaqi", since and until its date); a role phrase
# ("the Afghan foreign minister") that stands for whoever held the office that day.
ROLE_BASES = ("knowledge", "text", "phrase")


@dataclass(slots=True)
class Role:
    title: str  # "external affairs minister"
    country: str | None  # the office's owner: ISO alpha-3, or an organisation or group id ("org:un")
    since: date | None = None
    until: date | None = None
    basis: str = "knowledge"  # one of ROLE_BASES

    def label(self) -> str:
        years = ""
        if self.since or self.until:
            years = f", {self.since.year if self.since else ''}-{self.until.year if self.until else ''}"
        where = f" of {self.country}" if self.country else ""
        return f"{self.title}{where}{years}"


# An actor id that means someone only within one article ("person:kamil~3f2a..."): a bare
# surname or a role phrase, which fusion resolves against the whole corpus.
SCOPE_MARK = "~"


def scoped_id(actor_id: str, scope: str) -> str:
    return f"{actor_id}{SCOPE_MARK}{scope[:12]}"


def unscoped_id(actor_id: str) -> str:
    return actor_id.split(SCOPE_MARK, 1)[0]


def is_unresolved(actor: Actor | None) -> bool:
    """A person known only by a bare name within one article ("Assad" where two Assads fit, a
    "Kamil" no one else names): a mention of someone, not an actor of the corpus. (A person a
    user split off in one article has a name of several words, and is one.)"""
    return (actor is not None and actor.kind == "person" and actor.id.startswith("person:")
            and SCOPE_MARK in actor.id and len(actor.name.split()) == 1)


@dataclass(slots=True)
class Actor:
    id: str  # stable key: "IND", "person:subrahmanyam-jaishankar", "org:sco"
    name: str
    kind: str  # one of ACTOR_KINDS
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    sentence: int  # Sentence.index
    how: str = "name"  # name, alias, surname, handle, role, demonym, capital


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
    evidence: tuple[str, ...] = ()  # what the confidence rests on: analyze.events.confidence.EVIDENCE names
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


# Fused, cross-article records (built by `fuse` over the store).


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


@dataclass(slots=True)
class ExportReport:
    """What `dateline export` wrote."""

    format: str  # json, csv, parquet or gdelt
    files: list[str] = field(default_factory=list)  # every file written, in the order written
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written
    left_out: dict[str, int] = field(default_factory=dict)  # why -> records the format cannot hold


@dataclass(slots=True)
class SummarySentence:
    """A sentence drawn from an article to say what happened on a key date."""

    article_id: str
    source: str
    published: date | None
    index: int  # Sentence.index in its article
    text: str


@dataclass(slots=True)
class KeyDate:
    """One of the dates that matter most in a corpus, with what happened on it.

    `score` orders the key dates; `articles` counts those that name the day or report an event
    on it, `later` those of them published after the day, which refer back to it.
    """

    day: date
    score: float
    articles: int
    later: int
    sentences: list[SummarySentence] = field(default_factory=list)
    events: list[FusedEvent] = field(default_factory=list)


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
