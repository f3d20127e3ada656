"""Which per-article events may report the same happening, and how strongly they agree.

Events are blocked by type family and overlapping date windows, then each pair is scored on type,
actors, date, location, wording, story and near-duplicate evidence. A pair with a hard conflict
(two different actors on one side, two different places) never scores.

An actor is read as a side (`Side`): a state, or a body the report calls a state's government,
is that state; a person of a state, or one of its organs, acts for it, so "India" and "Ajit
Doval" may be one side, "Syria" and the rebels who fight it never. A symmetric act ("met")
matches either way round. An act between parties whose target is its doer's own state
("Doval hosted India") names no target. Pure functions of records.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

from dateline.days import shift_day
from dateline.errors import failure_detail
from dateline.model import Actor, Event

SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE"})
SYMMETRIC_CONSULT_MODES = frozenset({"meet", "talks", "call"})
# Types one report may code where another codes a neighbour: "handed over aid" / "supported".
TYPE_FAMILIES = {
    "CONSULT": "engage", "AGREE": "agree", "CONCEDE": "retreat", "RETREAT": "retreat",
    "SUPPORT": "support", "COOPERATE": "support", "AID": "support", "REQUEST": "demand",
    "REJECT": "reject", "ACCUSE": "accuse", "PROTEST": "accuse", "THREATEN": "threaten",
    "SANCTION": "sanction", "MOBILIZE": "force", "COERCE": "force", "ASSAULT": "force",
}
# The sectors through which a state acts (its government, forces, police, spies, courts and
# legislature), as in query.relations: a rebel, a party or a journalist of a state is not its side.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Acts between two parties: a state's own official does none of them to that state, so a report
# of one ("Ajit Doval (IND) hosted India": a misread venue) names its other party not at all.
BETWEEN_PARTIES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"})
# Types whose happening may have several parties on its target side: a meeting one sentence
# says a host held with several guests ("India hosted Russia, Iran and ...").
GATHERING_TYPES = frozenset({"CONSULT"})
# A report dated only by its publication is about something in the few days before it.
PUBLICATION_WINDOW = timedelta(days=3)
# Reports of one day differ by a day at times (time zones, "yesterday" written late at night):
# such dates still meet, and the fused event lists both.
DAY_SLACK = timedelta(days=1)
# The evidence `pair_score` adds up. Set by hand so that the sums below decide as a reader would,
# then checked on benchmarks/fusion_gold.py and benchmarks/realnews_gold.py; tune as a set.
# The score at which two reports are one happening: the type and both sides (1.3) reach it; the
# type and one side (0.9) need the same day, or two lesser clues (story, place, dates that
# overlap, shared words).
JOIN_SCORE = 1.2
# One sentence is one happening per type: with the type alone the pair clears JOIN_SCORE.
SAME_SENTENCE = 1.5
# A later sentence of an article is often about its happening, yet articles tell of several:
# with its story (always shared) and the type it still needs a side, or overlapping dates.
SAME_ARTICLE = 0.3
# A near-duplicate repeats its original's sentences: with the type it clears JOIN_SCORE.
NEAR_DUPLICATE = 1.0
# The same type is the first thing two reports of one happening share (other types never join
# but in one sentence, where a neighbour in the family counts for less).
SAME_TYPE = 0.5
NEIGHBOUR_TYPE = 0.2
# Per side naming the same actor (times `side_match`, so half for a state and its official):
# two sides and the type make a join, one side needs a further clue.
PER_SIDE = 0.4
# The same day in both reports' words is as strong as the type; overlapping spans (a day in
# the month of another, or a report matched by its article's date) half of that.
SAME_DAY = 0.5
OVERLAPPING_DATES = 0.25
# One named place, one story: corroboration that with the type and one side makes a join.
SAME_PLACE = 0.2
SAME_STORY = 0.2
# Shared content words (Jaccard, 0 to 1) count in full: the same words are a rewrite of one report.
WORDING = 1.0

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset("""a an the of to in on at for by with from and or but as is are was were be been
has have had it its this that these those he she they them his her their we our you your i not no
said says say told also would will could should may might can after before over into about than
which who whom what when where while there here then so such more most other some any one two""".split())


class Side(NamedTuple):
    """An actor as one side of a happening: the state it is (a country, or a body the report
    calls that country's government) and the state it acts for (its own, for the state itself,
    its organs and its people not known to be anything else)."""

    actor: str | None  # canonical actor id
    seat: str | None = None
    serves: str | None = None


NO_SIDE = Side(None)


@dataclass(slots=True)
class Report:
    """One per-article event with what matching compares, computed once."""

    index: int
    event: Event
    family: str
    source: str | None  # canonical actor ids
    target: str | None
    source_side: Side
    target_side: Side
    window: tuple[date, date] | None
    words: frozenset[str]
    story: str | None
    original: str  # the article, or the earliest version it is a near-duplicate of
    symmetric: bool
    place: tuple[str, str | None, bool] | None


def is_symmetric(event: Event) -> bool:
    return event.type in SYMMETRIC_TYPES or (
        event.type == "CONSULT" and event.mode in SYMMETRIC_CONSULT_MODES)


def reported_span(event: Event, published: date | None) -> tuple[date, date] | None:
    """The days a report says the event happened on. A report whose words give no date is
    matched, not dated, by its article's date: it stands for the few days before it (news
    reports what just happened). None when neither dates it."""
    if event.date_basis == "publication" or event.date is None:
        day = published or event.date
        return (shift_day(day, -PUBLICATION_WINDOW), day) if day else None
    return event.date, max(event.date_end or event.date, event.date)


def match_window(event: Event, published: date | None) -> tuple[date, date] | None:
    """The interval an event may have happened in, for matching: its span, a worded day
    widened by DAY_SLACK; None when undated."""
    span = reported_span(event, published)
    if span is None or event.date_basis == "publication" or event.date_precision != "day":
        return span
    return shift_day(span[0], -DAY_SLACK), shift_day(span[1], DAY_SLACK)


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(sentence.lower()) if w not in _STOP)


def make_reports(events: Sequence[Event], published: Mapping[str, date | None],
                 links: Mapping[str, str], actors: Mapping[str, Actor],
                 stories: Mapping[str, str], originals: Mapping[str, str],
                 failures: dict[str, str] | None = None) -> list[Report]:
    """One report per event, in order. An article any of whose events cannot be read for
    matching is left out whole, with why in `failures` (article id -> detail) when given, so
    that one poisoned article never stops the fusion of the others; without `failures`, the
    error is raised."""
    reports: list[Report] = []
    failed: dict[str, str] = {}
    for event in events:
        if event.article_id in failed:
            continue
        try:
            reports.append(_report(len(reports), event, published, links, actors, stories, originals))
        except Exception as error:  # fusion must go on without the article, and say so
            if failures is None:
                raise
            failed[event.article_id] = failure_detail(error)
    if failed:
        failures.update(failed)
        kept = [r for r in reports if r.event.article_id not in failed]
        return [replace(report, index=i) for i, report in enumerate(kept)]
    return reports


def _report(index: int, event: Event, published: Mapping[str, date | None],
            links: Mapping[str, str], actors: Mapping[str, Actor],
            stories: Mapping[str, str], originals: Mapping[str, str]) -> Report:
    source, target = event_sides(event, links, actors)
    return Report(
        index, event, TYPE_FAMILIES.get(event.type, event.type), source.actor, target.actor,
        source, target, match_window(event, published.get(event.article_id)),
        content_words(event.sentence_text), stories.get(event.article_id),
        originals.get(event.article_id, event.article_id), is_symmetric(event),
        place_of(event, actors))


def event_sides(event: Event, links: Mapping[str, str],
                actors: Mapping[str, Actor]) -> tuple[Side, Side]:
    """An event's doer and target as sides. An act between parties whose target is the state
    its doer acts for ("Ajit Doval hosted India") names no target."""
    source = side_of(event.source_actor, event.source_sector, links, actors)
    target = side_of(event.target_actor, event.target_sector, links, actors)
    if event.type in BETWEEN_PARTIES and target.seat and source.serves == target.seat:
        target = NO_SIDE
    return source, target


def side_of(actor_id: str | None, sector: str | None, links: Mapping[str, str],
            actors: Mapping[str, Actor]) -> Side:
    """An event's actor as a side; `sector` is the one its mention gives, if any."""
    if actor_id is None:
        return NO_SIDE
    canonical = links.get(actor_id, actor_id)
    actor = actors.get(canonical)
    if actor is None or actor.country is None:
        return Side(canonical)
    if actor.kind == "country":
        return Side(canonical, actor.country, actor.country)
    sector = sector or actor.sector
    # A person of a state is taken for its official unless known to be something else; a body
    # (an armed group, a monitor) is the state's only when known to be one of its organs, and
    # is the state itself when called its government.
    of_state = sector in STATE_SECTORS or (sector is None and actor.kind == "person")
    seat = actor.country if sector == "GOV" and actor.kind != "person" else None
    return Side(canonical, seat, actor.country if of_state else None)


# Window lengths (days) that split a family's reports into tiers. A report's block is searched in
# each tier back from its window's end by that tier's longest window only: one report dated "in
# the 2000s" must not make every lookup in its family scan ten years of reports.
WINDOW_TIERS = (0, 7, 31, 92, 366)
# The most reports of its own tier one report is compared with (see `Blocks`).
BLOCK_LIMIT = 200


class Blocks:
    """Reports that may be one happening: one type family and overlapping windows, or undated
    in one article. Indexed on window starts, tier by tier of window length, so each report's
    block is found directly.

    Within its own tier a report meets at most the BLOCK_LIMIT reports nearest to it in window
    order. A block holds the reports of one type family whose dates overlap: a few dozen on a
    busy day. Past that it is a burst (one happening reported by hundreds of outlets in their
    own words), whose reports join through their neighbours as surely as through all of them,
    at a cost that grows with the reports and not with their square. The limit is symmetric:
    two reports meet each other or neither does.
    """

    def __init__(self, reports: Sequence[Report], longest: Mapping[tuple[str, int], int] | None = None) -> None:
        """`longest`: the longest window (days) of each (family, tier) among all reports, where
        `reports` hold only those near some (fusion's walk over the store)."""
        self.families: dict[str, list[tuple[list[date], list[Report], int]]] = {}
        self.places: dict[int, tuple[int, int]] = {}  # report index -> (tier number, position)
        by_tier: dict[tuple[str, int], list[Report]] = {}
        self.undated: dict[tuple[str, str], list[Report]] = {}
        for report in reports:
            if report.window:
                by_tier.setdefault((report.family, _tier(report.window)), []).append(report)
            else:
                self.undated.setdefault((report.family, report.event.article_id), []).append(report)
        for (family, tier), members in sorted(by_tier.items()):
            members.sort(key=_window_order)
            widest = max((r.window[1] - r.window[0]).days for r in members)
            widest = max(widest, (longest or {}).get((family, tier), 0))
            tiers = self.families.setdefault(family, [])
            self.places.update((r.index, (len(tiers), i)) for i, r in enumerate(members))
            tiers.append(([r.window[0] for r in members], members, widest))

    def of(self, report: Report) -> list[Report]:
        """The other reports in this report's block, by window start."""
        if report.window is None:
            members = self.undated.get((report.family, report.event.article_id), [])
        else:
            first, last = report.window
            own_tier, own_place = self.places.get(report.index, (-1, 0))
            members = []
            for number, (starts, tier, longest) in enumerate(self.families[report.family]):
                low = bisect.bisect_left(starts, shift_day(first, -longest))
                high = bisect.bisect_right(starts, last)
                if number == own_tier:
                    low = max(low, own_place - BLOCK_LIMIT // 2)
                    high = min(high, own_place + BLOCK_LIMIT // 2 + 1)
                members += [r for r in tier[low:high] if r.window[1] >= first]
            members.sort(key=_window_order)
        return [r for r in members if r.index != report.index]


def _tier(window: tuple[date, date]) -> int:
    return tier_of((window[1] - window[0]).days)


def tier_lengths(tier: int) -> tuple[int, int]:
    """The shortest and longest window (days) of a tier."""
    low = WINDOW_TIERS[tier - 1] + 1 if tier else 0
    return low, WINDOW_TIERS[tier] if tier < len(WINDOW_TIERS) else 1_000_000_000


def tier_of(length: int) -> int:
    """The tier of a window this many days long."""
    return next((i for i, bound in enumerate(WINDOW_TIERS) if length <= bound), len(WINDOW_TIERS))


def _window_order(report: Report) -> tuple[date, int]:
    return report.window[0], report.index


def copy_key(report: Report) -> tuple | None:
    """What tells a report apart from the same sentence in another copy of its article: every
    part matching reads but the article. None for a report naming no actor, which joins no
    report of another article and so is never a copy's stand-in."""
    if report.source is None and report.target is None:
        return None
    event = report.event
    return (report.original, report.family, event.type, _planned(event), report.source_side,
            report.target_side, report.symmetric,
            report.window, event.date, event.date_basis, event.date_precision, report.place,
            report.words, report.story)


def collapse_copies(reports: Sequence[Report]) -> dict[int, list[int]]:
    """Each stand-in report's index -> the indices of the reports it stands for, itself first.

    A burst of syndicated copies reports one sentence hundreds of times; those reports score
    alike against every other and always join each other (same original, same words), so one
    stand-in per sentence is matched and the rest follow it. The stand-in is the report of the
    smallest event id, so that any set of reports holding a whole class picks the same one.
    """
    classes: dict[tuple, list[int]] = {}
    stand_ins: dict[int, list[int]] = {}
    for report in sorted(reports, key=lambda r: r.event.id):
        key = copy_key(report)
        members = classes.setdefault(key, []) if key is not None else []
        members.append(report.index)
        if len(members) == 1:
            stand_ins[report.index] = members
    return stand_ins


def candidate_pairs(reports: Sequence[Report]) -> list[tuple[int, int]]:
    """Every pair of reports in one block, each once, in index order."""
    blocks = Blocks(reports)
    return sorted({(report.index, other.index) for report in reports
                   for other in blocks.of(report) if report.index < other.index})


def side_match(a: Side, b: Side) -> float | None:
    """How well two reports' actors on one side agree: None is a conflict."""
    if a.actor is None or b.actor is None:
        return 0.0
    if a.actor == b.actor:
        return 1.0
    # A state and one of its own officials or organs ("India" / "Jaishankar", "the Islamic
    # Emirate's government" / "Muttaqi") may be one side.
    if (a.seat and a.seat == b.serves) or (b.seat and b.seat == a.serves):
        return 0.5
    return None


def actor_match(a: Report, b: Report) -> tuple[float, float] | None:
    """(source agreement, target agreement), trying the swapped order when either report is
    symmetric: "India and Afghanistan met" says nothing of who met whom, so it may be the
    "Afghanistan hosted India" of another report."""
    return _aligned(a, b)[0]


def counterpart(a: Report, b: Report) -> tuple[Side, Side]:
    """What b names on a's source side and on a's target side, in the order `actor_match`
    reads them."""
    swapped = _aligned(a, b)[1]
    return (b.target_side, b.source_side) if swapped else (b.source_side, b.target_side)


def _aligned(a: Report, b: Report) -> tuple[tuple[float, float] | None, bool]:
    return align((a.source_side, a.target_side), (b.source_side, b.target_side),
                 a.symmetric or b.symmetric)


def align(sides: tuple[Side, Side], other: tuple[Side, Side], symmetric: bool
          ) -> tuple[tuple[float, float] | None, bool]:
    """How `other` agrees with `sides` (None: a conflict), and whether it does so read the
    other way round, which a symmetric act allows."""
    straight = _sides(*sides, *other)
    if symmetric and (straight is None or sum(straight) < 2.0):
        swapped = _sides(*sides, other[1], other[0])
        if swapped is not None and (straight is None or sum(swapped) > sum(straight)):
            return swapped, True
    return straight, False


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports may be one happening at all: two reports of one sentence always may
    (one sentence naming several actors is one happening); others have no two actors on one
    side and no two places."""
    return same_sentence(a, b) or (actor_match(a, b) is not None and not location_conflict(a, b))


def _sides(source: Side, target: Side, other_source: Side, other_target: Side
           ) -> tuple[float, float] | None:
    first = side_match(source, other_source)
    second = side_match(target, other_target)
    if first is None or second is None:
        return None
    return first, second


def gathering_pair(a: Report, b: Report) -> bool:
    """Two reports of one article of a meeting with one host and different guests: one
    happening only when the meeting has several guests (`events` decides, from the sentences
    that name several at once)."""
    ea, eb = a.event, b.event
    if not (ea.type == eb.type and ea.type in GATHERING_TYPES and ea.article_id == eb.article_id
            and a.source and a.target and b.target and not same_sentence(a, b)):
        return False
    if ea.date_precision == eb.date_precision == "day" and ea.date != eb.date:
        return False
    host = side_match(a.source_side, b.source_side)
    return bool(host) and side_match(a.target_side, b.target_side) is None


def place_of(event: Event, actors: Mapping[str, Actor]) -> tuple[str, str | None, bool] | None:
    """(name, country, whether the place is a whole country) of an event's location."""
    location = event.location
    if not (location and location.name):
        return None
    state = actors.get(location.country) if location.country else None
    return location.name, location.country, bool(state and state.name == location.name)


def location_conflict(a: Report, b: Report) -> bool:
    """Two different cities, or places in two different countries, are two happenings."""
    if a.place is None or b.place is None or a.place[0] == b.place[0]:
        return False
    if a.place[1] and b.place[1] and a.place[1] != b.place[1]:
        return True
    return not (a.place[2] or b.place[2])  # "Kabul" and "Afghanistan" may be one place


def date_agreement(a: Report, b: Report) -> float:
    """Two dates from the reports' own words that name the same day agree most; spans that only
    overlap (blocking made sure they do), less."""
    ea, eb = a.event, b.event
    if ea.date_basis == "publication" or eb.date_basis == "publication":
        return 0.0
    if ea.date_precision == eb.date_precision == "day":
        return SAME_DAY if ea.date == eb.date else OVERLAPPING_DATES
    return OVERLAPPING_DATES


def wording(a: Report, b: Report) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / len(a.words | b.words)


def _planned(event: Event) -> bool:
    """A plan or a promise ("will send", "is to meet") is its own happening, not the deed."""
    return event.status in ("planned", "conditional")


def same_sentence(a: Report, b: Report) -> bool:
    return a.event.article_id == b.event.article_id and a.event.sentence == b.event.sentence


def pair_score(a: Report, b: Report) -> float | None:
    """The evidence that two reports are one happening; None when they cannot be.

    Parts (each weight with its reason above): the same sentence, article or near-duplicate
    article; the type; the actors, per side; the date; the place; the wording; the story. Two
    reports of a meeting in one article with one host and different guests score as if they
    named no guest (`gathering_pair`).
    """
    ea, eb = a.event, b.event
    together = same_sentence(a, b)
    sides = actor_match(a, b)
    if sides is None and gathering_pair(a, b):
        sides = (side_match(a.source_side, b.source_side), 0.0)
    if together:
        sides = sides or (0.0, 0.0)  # one sentence naming several actors is one happening
    elif (sides is None or location_conflict(a, b) or ea.type != eb.type
          or _planned(ea) != _planned(eb)):
        return None
    one_article = ea.article_id == eb.article_id
    if not any(sides) and not one_article:
        return None  # nothing but the type and the date in common
    score = SAME_SENTENCE if together else SAME_ARTICLE if one_article else 0.0
    if a.original == b.original and not one_article:
        score += NEAR_DUPLICATE
    score += SAME_TYPE if ea.type == eb.type else NEIGHBOUR_TYPE
    score += PER_SIDE * sum(sides)
    score += date_agreement(a, b)
    if a.place and b.place and a.place[0] == b.place[0]:
        score += SAME_PLACE
    score += WORDING * wording(a, b)
    if a.story and a.story == b.story:
        score += SAME_STORY
    return score
