"""Events from one parsed article: trigger words, their actors, place, date and status.

Steps, for each sentence:
  1. find triggers: verbs and nouns in the lexicon (a noun under a light verb: "held talks");
  2. read the source and target actors off the parse (subject, object, "with"/"to"/"against"...);
  3. read the place from an "in"/"at" phrase;
  4. date it by the time expression tied to the trigger, else by the date the sentence before it
     carries over (same paragraph, see `eventdate.Narrative`), else the publication date;
  5. give it a status (occurred, planned, claimed, denied, conditional);
  6. keep one event per (type, source, target) within a sentence.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.analyze.actors.sectors import mention_sector
from dateline.analyze.arguments import (
    ACTOR_NOUNS,
    Arguments,
    MentionIndex,
    actor_of,
    location_of,
    place_named,
    subject_of,
)
from dateline.analyze.eventdate import Narrative, date_of, dated_times, status_of
from dateline.analyze.intent import (is_alleged, is_committed, is_forecast, is_obligation_report, is_refusal,
                                     is_requested, is_ultimatum)
from dateline.analyze.pairs import actor_pairs, pair_id, same_id, same_side
from dateline.analyze.targets import (
    HOME_CAMEO_PREFIXES,
    agent_of_cause,
    between_pair,
    clause_target,
    compound_pair,
    condition_target,
    distinct_target,
    first_partner,
    nested_place,
    nested_target,
    patient,
    target_by_preposition,
    target_from,
    travel_verb,
    with_crowd_target,
    with_home_target,
    with_place_target,
)
from dateline.analyze.trigger_matcher import TriggerCandidates
from dateline.analyze.triggers import (
    EventClass,
    Lexicon,
    as_intention,
    as_refusal,
    as_threat,
    class_for_cameo,
    is_light_verb,
    load_lexicon,
    match_noun,
    match_verb,
)
from dateline.analyze.confidence import evidence_for, score
from dateline.model import DATE_BASES, Actor, Article, Event, Mention, TimeRef

# An event must name at least one actor: "the attack" alone tells nobody anything.
MIN_ACTORS = 1
# "Russia said Sudan must return the helicopter": a demand by the speaker on the one who must.
OBLIGATION = class_for_cameo("100", "demand")
# CAMEO's quad class of aid and material cooperation, whose goods name their giver.
MATERIAL_COOPERATION = 2
MATERIAL_CONFLICT = 4
# A future act dated this finely is on a schedule; "over the next three years" is a commitment.
SCHEDULE_PRECISIONS = frozenset({"day", "week", "month"})
# Stronger date bases rank higher when two readings of one happening compete within a sentence.
_DATE_BASIS_STRENGTH = {basis: len(DATE_BASES) - rank for rank, basis in enumerate(DATE_BASES)}


def _event_id(article_id: str, trigger: Token) -> str:
    return hashlib.sha1(f"{article_id}:{trigger.idx}:{trigger.lower_}".encode()).hexdigest()[:16]


# Subjects that are no actors: "the earthquake struck", "floods killed".
NATURAL_HAZARDS = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "storm", "cyclone", "hurricane",
    "typhoon", "tornado", "landslide", "avalanche", "drought", "wildfire", "heatwave", "tsunami", "disease",
    "epidemic", "pandemic", "virus", "outbreak",
})


# Subjects of markets and money: "Brent futures rallied", "the index rallied 3.6 percent" tell of
# prices, not of protests; no actor acts in them.
MARKETS = frozenset({
    "future", "futures", "index", "price", "share", "stock", "market", "bond", "yield", "currency",
    "dollar", "euro", "pound", "yen", "rupee", "crude", "commodity", "premium", "spread", "rate",
    "earnings", "profit", "revenue", "sale", "output", "export", "import", "inflation", "economy",
})
NON_ACTOR_SUBJECTS = NATURAL_HAZARDS | MARKETS


def verb_arguments(verb: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    subject, passive = subject_of(verb)
    if subject is not None and subject.lemma_.lower() in NON_ACTOR_SUBJECTS:
        return Arguments(None, None, None)
    source = actor_of(subject, index)
    target = None
    if passive:  # the patient: "a camp for Congolese refugees was attacked"
        target, source = patient(subject, index), None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            source = actor_of(next((g for g in agent.children if g.dep_ == "pobj"), None), index)
    if target is None and not passive:  # "was attacked by X": the agent is the subject, the patient the target
        target = patient(next((c for c in verb.children if c.dep_ == "nsubjpass"), None), index)
    if source is None and passive:  # "were killed in Israeli shelling": the act named the agent
        source = agent_of_cause(verb, index)
    if source is None and passive and event_class.quad == MATERIAL_COOPERATION and subject is not None:
        source = nested_target(subject, index, None)  # "Indian relief will be flown to Kabul": India gives
    if target is None and event_class.target_preps:
        target = target_by_preposition(verb, index, kb, event_class.target_preps)
    elif target is None:
        target = target_from(list(verb.children), index, kb) or target_by_preposition(verb, index, kb)
    if target is None:
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "attr")):
            # "signed an agreement with X", "evacuated its ambassador from Kabul"
            target = target_by_preposition(obj, index, kb, event_class.target_preps)
            if target is not None:
                break
    if target is None:
        target = clause_target(verb, index, kb)
    if target is None and subject is not None and event_class.symmetric:
        target = first_partner(subject, index)
    if target is None and not event_class.target_preps and not event_class.symmetric:
        # a joint act's partners are named, not found in its topic ("discussed the situation in X")
        target = nested_target(verb, index, source) or nested_place(verb, kb)
    location = location_of(verb, kb)
    if location is None:  # "visited Kabul", "seized Kandahar": the object is the place
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        location = place_named(obj, kb) if obj is not None else None
    return Arguments(source, distinct_target(source, target, index), location)


def noun_arguments(noun: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    source, target = between_pair(noun, index)
    travel = travel_verb(noun)
    if source is None and noun.dep_ == "pobj" and travel is None:
        # "on the sidelines of a meeting of ...", "after the talks": a reference back, not a report.
        return Arguments(None, None, None)
    if source is None:
        source, target = compound_pair(noun, index)
    head = travel or noun.head
    under_light_verb = travel is not None or noun.dep_ in ("dobj", "attr") and is_light_verb(head)
    subject = None
    if source is None and under_light_verb:
        subject, passive = subject_of(head)
        source = None if passive else actor_of(subject, index)
    if target is None and subject is not None and event_class.symmetric:
        target = first_partner(subject, index)  # "Israel and Lebanon renewed negotiations on ..."
    if target is None:
        target = target_by_preposition(noun, index, kb)
    if target is None and under_light_verb:
        target = target_by_preposition(head, index, kb)
    location = location_of(noun, kb) or (location_of(travel, kb) if travel is not None else None)
    return Arguments(source, distinct_target(source, target, index), location)


# Nouns of talk and expectation: what they are "of" is spoken of or feared, not done ("talk of
# intervention", "fears of an attack", "the threat of civil war", "hopes of a ceasefire").
HEARSAY_NOUNS = frozenset({
    "talk", "fear", "risk", "prospect", "possibility", "threat", "hope", "danger", "rumour", "rumor",
    "speculation", "chance", "likelihood", "spectre", "specter", "idea", "question", "issue",
})


def is_spoken_of(trigger: Token) -> bool:
    """A noun event "of" which others speak or which they fear, or "talk of" itself."""
    if trigger.lemma_.lower() == "talk" and any(c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children):
        return True
    head = trigger.head
    return (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and head.lower_ in ("of", "about")
            and head.head.lemma_.lower() in HEARSAY_NOUNS)


def is_circumstance(trigger: Token) -> bool:
    """ "Asked about the meetings, he said ...", "Backed by tanks, troops entered": a participle
    opening a sentence without a subject of its own sets the scene for the main clause; its act
    is not the main clause subject's."""
    return (trigger.tag_ == "VBN" and trigger.dep_ == "advcl"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
            and trigger.i < trigger.head.i)


def find_triggers(candidates: list[Token], lexicon: Lexicon) -> list[tuple[Token, EventClass]]:
    """The triggers among a sentence's candidate tokens, with their event classes."""
    found = []
    for token in candidates:
        event_class = match_verb(token, lexicon)
        if event_class is None:
            event_class = match_noun(token, lexicon)
        if event_class is None and is_obligation_report(token):
            event_class = OBLIGATION
        if event_class is not None:
            found.append((token, event_class))
    return _without_absorbed(found)


# A noun that is the object of a trigger verb names the verb's own act: "signed an agreement",
# "lifted the curfew", "accepted the demands" are one event each, coded by the verb.
ABSORBED_DEPS = frozenset({"dobj", "obj", "attr", "nsubjpass", "oprd"})


def _without_absorbed(found: list[tuple[Token, EventClass]]) -> list[tuple[Token, EventClass]]:
    verbs = {token.i for token, _ in found if token.pos_ in ("VERB", "AUX")}
    return [(token, event_class) for token, event_class in found
            if not (token.pos_ in ("NOUN", "PROPN") and token.dep_ in ABSORBED_DEPS and token.head.i in verbs)]


def code_trigger(trigger: Token, event_class: EventClass, sentence_index: int, article: Article,
                 index: MentionIndex, times: list[tuple[TimeRef, Token]], kb,
                 narrative: Narrative | None = None, same_actor=None, country_of=None,
                 home: str | None = None) -> list[Event]:
    """The events of one trigger: one per pair of actors it joins ("The US, Russia and
    Switzerland met" is three meetings), none when the parse names no actor for it. Without a
    `narrative`, only a trigger's own time expression dates it."""
    reader = verb_arguments if trigger.pos_ in ("VERB", "AUX") else noun_arguments
    args = with_crowd_target(reader(trigger, event_class, index, kb), trigger, event_class.type, kb, home)
    args = with_place_target(args, trigger, kb, home)
    if event_class.received:
        args = Arguments(args.target, args.source, args.location)
    args = with_home_target(args, event_class, trigger, kb, country_of)
    if event_class.quad == MATERIAL_CONFLICT and _reports_it(args.source, kb):
        args = Arguments(None, args.target, args.location)
    if sum(m is not None for m in (args.source, args.target)) < MIN_ACTORS:
        return []
    when = date_of(trigger, times, narrative)
    status = status_of(trigger, when, article.published)
    if status == "planned" and is_ultimatum(trigger):
        event_class = as_threat(event_class)
    elif status in ("planned", "conditional") and is_committed(
            trigger, args.source, index, same_actor or same_id,
            dated=when.basis == "text" and when.precision in SCHEDULE_PRECISIONS):
        event_class = as_intention(event_class)
    elif status == "denied" and is_refusal(trigger):
        event_class, status = as_refusal(event_class), "occurred"
    if event_class.type == "THREATEN" and args.target is None:
        args = Arguments(args.source, condition_target(trigger, index), args.location)
    base = Event(
        id=_event_id(article.id, trigger),
        article_id=article.id,
        type=event_class.type,
        mode=event_class.mode,
        cameo=event_class.cameo,
        quad_class=event_class.quad,
        intensity=event_class.intensity,
        source_actor=None,
        target_actor=None,
        trigger=trigger.text,
        sentence=sentence_index,
        sentence_text=trigger.sent.text.strip(),
        status=status,
        location=args.location,
        date=when.first,
        date_end=when.last,
        date_precision=when.precision,
        date_basis=when.basis,
        date_text=when.text,
        date_value=when.value,
    )
    doc, sectors = trigger.doc, kb.agent_sectors
    events = []
    home = event_class.cameo.startswith(HOME_CAMEO_PREFIXES)
    for source, target in actor_pairs(args, event_class.symmetric, doc, index, home):
        source_sector = mention_sector(source, doc, sectors) if source else None
        event = replace(
            base,
            id=base.id if not events else pair_id(base.id, source, target),
            source_actor=source.actor_id if source else None,
            target_actor=target.actor_id if target else None,
            source_text=source.text if source else None,
            source_sector=source_sector,
            target_text=target.text if target else None,
            target_sector=mention_sector(target, doc, sectors) if target else None,
        )
        events.append(_as_military_force(event) if source_sector == "MIL" else event)
    return events


def _reports_it(source: Mention | None, kb) -> bool:
    """ "BBC News ... an attack", "Al-Jazeera ... opened fire": a news outlet read as the doer of
    force is the one reporting it; no act of force is done by the press."""
    actor = kb.actors.get(source.actor_id) if source is not None else None
    return actor is not None and actor.sector == "MED"


# Killing and violence by armed forces is CAMEO's conventional military force (19), not the
# unconventional violence (18) of bombers and gunmen.
UNCONVENTIONAL_VIOLENCE = ("180", "1823")


def _as_military_force(event: Event) -> Event:
    if event.cameo not in UNCONVENTIONAL_VIOLENCE:
        return event
    force = class_for_cameo("190", event.mode)
    return replace(event, cameo=force.cameo, quad_class=force.quad, intensity=force.intensity)


def _richness(event: Event, from_verb: bool) -> tuple:
    return (event.source_actor is not None, event.target_actor is not None,
            _DATE_BASIS_STRENGTH.get(event.date_basis, 0),
            event.location is not None, from_verb)


def _depth(token: Token) -> int:
    """Hops to the root; a noun under a light verb stands where its verb stands ("staged a protest")."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr") and is_light_verb(token.head):
        token = token.head
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


# The country an article is about: the one its mentions of countries, their places and their
# people name most, when it holds at least this share of them and is named this often.
HOME_SHARE = 0.5
HOME_MENTIONS = 3


def home_country(mentions: list[Mention], known) -> str | None:
    """The country most of an article's country mentions point to, if one dominates."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        actor = known(mention.actor_id)
        if actor is not None and actor.kind == "country":
            counts[actor.id] += 1
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= HOME_MENTIONS and count >= HOME_SHARE * sum(counts.values()) else None


def find_events(doc: Doc, article: Article, mentions: list[Mention], times: list[TimeRef], kb,
                lexicon: Lexicon | None = None, actors: list[Actor] | None = None) -> list[Event]:
    lexicon = lexicon or load_lexicon()
    in_article = {actor.id: actor for actor in actors or ()}

    def known(actor_id: str) -> Actor | None:
        return in_article.get(actor_id) or kb.actors.get(actor_id)

    def country_of(actor_id: str) -> str | None:
        return getattr(known(actor_id), "country", None)

    def placed(actor_id: str) -> bool:
        actor = known(actor_id)
        return actor is not None and bool(actor.country or actor.sector in ("IGO", "NGO"))

    same_actor = same_side(known)
    home = home_country(mentions, known)
    index = MentionIndex(mentions, ACTOR_NOUNS | frozenset(kb.agent_sectors), kb, placed, doc)
    rooted_times = dated_times(doc, times)
    narrative = Narrative(doc, rooted_times, article.published)
    events: list[Event] = []
    candidates = TriggerCandidates(doc, lexicon)
    for sentence_index, sentence in enumerate(doc.sents):
        # "signed an agreement" names one happening twice: keep the richest reading per sentence.
        kept: dict[tuple, tuple[tuple, tuple, Event]] = {}
        for trigger, event_class in find_triggers(candidates.within(sentence), lexicon):
            if (is_requested(trigger) or is_alleged(trigger) or is_circumstance(trigger) or is_forecast(trigger)
                    or is_spoken_of(trigger)):
                continue  # asked for, alleged, scene-setting, forecast or feared: no happening of its own
            for event in code_trigger(trigger, event_class, sentence_index, article, index, rooted_times, kb,
                                      narrative, same_actor, country_of, home):
                evidence = evidence_for(event, trigger, known)
                event = replace(event, evidence=evidence, confidence=score(evidence))
                key = (event.type, event.source_actor, event.target_actor)
                rank = _richness(event, trigger.pos_ in ("VERB", "AUX"))
                if key not in kept or rank > kept[key][0]:
                    kept[key] = (rank, (_depth(trigger), trigger.i), event)
        # The sentence's main event first: the trigger nearest the root of the parse.
        events.extend(event for _, _, event in sorted(kept.values(), key=lambda kept_event: kept_event[1]))
    return events
