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
from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.analyze.agents import mention_sector
from dateline.analyze.arguments import (
    ACTOR_NOUNS,
    Arguments,
    MentionIndex,
    actor_of,
    conjuncts,
    location_of,
    place_named,
    prepositional_objects,
    subject_of,
)
from dateline.analyze.eventdate import Narrative, date_of, dated_times, status_of
from dateline.analyze.intent import is_committed, is_obligation_report, is_refusal, is_ultimatum
from dateline.analyze.triggers import (
    MOTION_VERBS,
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
from dateline.model import DATE_BASES, Actor, Article, Event, Mention, TimeRef

# An event must name at least one actor: "the attack" alone tells nobody anything.
MIN_ACTORS = 1
# What each date basis adds to an event's confidence: the trigger's own words most, a date
# carried over from the sentence before less, the publication date nothing.
DATE_BASIS_CONFIDENCE = {"text": 0.1, "inherited": 0.05}
# "Russia said Sudan must return the helicopter": a demand by the speaker on the one who must.
OBLIGATION = class_for_cameo("100", "demand")
# A future act dated this finely is on a schedule; "over the next three years" is a commitment.
SCHEDULE_PRECISIONS = frozenset({"day", "week", "month"})
# Stronger date bases rank higher when two readings of one happening compete within a sentence.
_DATE_BASIS_STRENGTH = {basis: len(DATE_BASES) - rank for rank, basis in enumerate(DATE_BASES)}


def _event_id(article_id: str, trigger: Token) -> str:
    return hashlib.sha1(f"{article_id}:{trigger.idx}:{trigger.lower_}".encode()).hexdigest()[:16]


def _distinct(source: Mention | None, target: Mention | None, index: MentionIndex) -> Mention | None:
    if source is not None and target is not None and not _may_pair(source, target, index):
        return None
    return target


def _may_pair(source: Mention, target: Mention, index: MentionIndex) -> bool:
    """One actor does nothing to itself, but two bodies of one country may: "Sudan's government
    accused Darfur rebels", "Georgian demonstrators ... the Georgian government". Not the country
    named twice ("members of the Indian team toured ... India")."""
    if source.actor_id != target.actor_id:
        return True
    is_country = len(source.actor_id) == 3 and source.actor_id.isupper()
    if not is_country or source.start == target.start:
        return False
    if "place" in (source.how, target.how):
        return True
    sectors = {index.sector_of(source), index.sector_of(target)}
    return len(sectors) == 2 and None not in sectors


def _between_pair(noun: Token, index: MentionIndex) -> tuple[Mention | None, Mention | None]:
    """"the meeting between X and Y" -> (X, Y)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            for first in child.children:
                if first.dep_ == "pobj":
                    others = conjuncts(first)
                    return actor_of(first, index), actor_of(others[0], index) if others else None
    return None, None


def _first_partner(subject: Token, index: MentionIndex) -> Mention | None:
    """"Jaishankar and Atmar met": the second of a coordinated subject."""
    partners = (actor_of(c, index) for c in conjuncts(subject))
    return next((m for m in partners if m is not None), None)


def _compound_pair(noun: Token, index: MentionIndex) -> tuple[Mention | None, Mention | None]:
    """"India-Taliban talks", "Jaishankar's visit" -> the actors named before the noun."""
    found = []
    for child in noun.lefts:
        if child.dep_ in ("compound", "poss", "amod", "nmod"):
            # "Israeli tank shelling": the modifier may name its actor through its own modifier
            mention = index.covering(child) or (actor_of(child, index) if child.pos_ == "NOUN" else None)
            if mention is not None and all(m.actor_id != mention.actor_id for m in found):
                found.append(mention)
    return (found[0] if found else None), (found[1] if len(found) > 1 else None)


def _place_country(token: Token, kb) -> Mention | None:
    """"seized Kandahar", "evacuated staff from Herat": a place that is no actor stands for its country."""
    place = place_named(token, kb)
    if place is None or place.country is None or place.country not in kb.actors:
        return None
    return Mention(token.idx, token.idx + len(token), place.name, place.country, -1, "place")


def _resolve(token: Token, index: MentionIndex, kb) -> Mention | None:
    return actor_of(token, index, affected=True) or _place_country(token, kb)


def _target_from(tokens: list[Token], index: MentionIndex, kb) -> Mention | None:
    for token in tokens:
        if token.dep_ in ("dobj", "obj", "dative"):
            mention = _resolve(token, index, kb)
            if mention is not None:
                return mention
    return None


def _targets_by_preposition(token: Token, index: MentionIndex, kb, only: tuple[str, ...] = ()) -> Mention | None:
    for _, pobj, _prep in prepositional_objects(token, only):
        mention = _resolve(pobj, index, kb)
        if mention is not None:
            return mention
    return None


def _clause_target(verb: Token, index: MentionIndex, kb) -> Mention | None:
    """The target named inside the act a verb governs: "demanded that the US cancel" (the one
    who must act), "offered to hand over to Britain" (the intended act's target)."""
    for clause in verb.children:
        if clause.dep_ == "ccomp":
            subject, _ = subject_of(clause)
            found = actor_of(subject, index) if subject is not None and subject.head.i == clause.i else None
            if found is not None:
                return found
        if clause.dep_ == "xcomp":
            found = _target_from(list(clause.children), index, kb) or _targets_by_preposition(clause, index, kb)
            if found is not None:
                return found
    return None


# Where a target may hide below the trigger: "promised to continue military aid to Mozambique",
# "granted asylum to five Panamanian officers". Never inside a subject or another clause.
NESTED_TARGET_DEPS = frozenset({"dobj", "obj", "dative", "prep", "pobj", "xcomp", "attr", "oprd", "acl"})
NESTED_TARGET_DEPTH = 6


# Prepositions that set a scene rather than name who is affected.
SETTING_PREPS = frozenset({"during", "after", "before", "since", "until", "amid", "despite"})


def _below(frontier: list[Token]) -> list[Token]:
    """One level further down the paths a target may take: objects, clauses of purpose, and
    prepositions that mark an affected party ("to", "against", "with"), not a setting ("in", "by")."""
    return [child for token in frontier for child in token.children if child.dep_ in NESTED_TARGET_DEPS
            and not (child.dep_ == "prep" and _sets_the_scene(child))]


def _sets_the_scene(prep: Token) -> bool:
    """ "during the talks", "by the army" on a verb (its passive agent); but "an attack by X" names
    the attacker, who is what a condemnation is about."""
    if prep.lower_ in SETTING_PREPS:
        return True
    return prep.lower_ == "by" and prep.head.pos_ in ("VERB", "AUX")


def _nested_target(verb: Token, index: MentionIndex, source: Mention | None) -> Mention | None:
    """The nearest actor below the trigger; one we can place in a country beats a nearer one we
    cannot ("inspectors to the UCF facility in central Iran")."""
    frontier, found = [verb], []
    for _ in range(NESTED_TARGET_DEPTH):
        frontier = _below(frontier)
        for token in frontier:
            if token.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            candidate = actor_of(token, index, affected=True)
            if candidate is not None and (source is None or _may_pair(source, candidate, index)):
                if index.is_placed(candidate.actor_id):
                    return candidate
                found.append(candidate)
    return found[0] if found else None


def _nested_place(verb: Token, kb) -> Mention | None:
    """A place below the trigger when no actor is: "fired shells at targets in Jericho"."""
    frontier = [verb]
    for _ in range(NESTED_TARGET_DEPTH):
        frontier = _below(frontier)
        for token in frontier:
            if token.pos_ == "PROPN":
                found = _place_country(token, kb)
                if found is not None:
                    return found
    return None


def _patient(subject: Token | None, index: MentionIndex) -> Mention | None:
    """The party a passive verb's subject names as affected: "evidence against Russia was presented".
    A demonym on the subject itself names its owner, not a target ("Indian relief was flown")."""
    if subject is None:
        return None
    return actor_of(subject, index) or _nested_target(subject, index, None)


def _agent_of_cause(verb: Token, index: MentionIndex) -> Mention | None:
    """ "killed in Israeli tank shelling", "wounded in a Russian air strike": the act in the phrase
    names who did it."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for cause in (g for g in prep.children if g.dep_ == "pobj"):
            source, _ = _compound_pair(cause, index)
            if source is not None:
                return source
    return None


# Subjects that are no actors: "the earthquake struck", "floods killed".
NATURAL_HAZARDS = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "storm", "cyclone", "hurricane",
    "typhoon", "tornado", "landslide", "avalanche", "drought", "wildfire", "heatwave", "tsunami", "disease",
    "epidemic", "pandemic", "virus", "outbreak",
})


def verb_arguments(verb: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    subject, passive = subject_of(verb)
    if subject is not None and subject.lemma_.lower() in NATURAL_HAZARDS:
        return Arguments(None, None, None)
    source = actor_of(subject, index)
    target = None
    if passive:  # the patient: "a camp for Congolese refugees was attacked"
        target, source = _patient(subject, index), None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            source = actor_of(next((g for g in agent.children if g.dep_ == "pobj"), None), index)
    if target is None and not passive:  # "was attacked by X": the agent is the subject, the patient the target
        target = _patient(next((c for c in verb.children if c.dep_ == "nsubjpass"), None), index)
    if source is None and passive:  # "were killed in Israeli shelling": the act named the agent
        source = _agent_of_cause(verb, index)
    if target is None and event_class.target_preps:
        target = _targets_by_preposition(verb, index, kb, event_class.target_preps)
    elif target is None:
        target = _target_from(list(verb.children), index, kb) or _targets_by_preposition(verb, index, kb)
    if target is None:
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "attr")):
            # "signed an agreement with X", "evacuated its ambassador from Kabul"
            target = _targets_by_preposition(obj, index, kb, event_class.target_preps)
            if target is not None:
                break
    if target is None:
        target = _clause_target(verb, index, kb)
    if target is None and subject is not None and event_class.symmetric:
        target = _first_partner(subject, index)
    if target is None and not event_class.target_preps and not event_class.symmetric:
        # a joint act's partners are named, not found in its topic ("discussed the situation in X")
        target = _nested_target(verb, index, source) or _nested_place(verb, kb)
    location = location_of(verb, kb)
    if location is None:  # "visited Kabul", "seized Kandahar": the object is the place
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        location = place_named(obj, kb) if obj is not None else None
    return Arguments(source, _distinct(source, target, index), location)


def _travel_verb(noun: Token) -> Token | None:
    """The verb of going in "arrived in Amman on a visit", "left for Geneva for talks"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "for"):
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in MOTION_VERBS and verb.pos_ in ("VERB", "AUX") else None


def noun_arguments(noun: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    source, target = _between_pair(noun, index)
    travel = _travel_verb(noun)
    if source is None and noun.dep_ == "pobj" and travel is None:
        # "on the sidelines of a meeting of ...", "after the talks": a reference back, not a report.
        return Arguments(None, None, None)
    if source is None:
        source, target = _compound_pair(noun, index)
    head = travel or noun.head
    under_light_verb = travel is not None or noun.dep_ in ("dobj", "attr") and is_light_verb(head)
    subject = None
    if source is None and under_light_verb:
        subject, passive = subject_of(head)
        source = None if passive else actor_of(subject, index)
    if target is None and subject is not None and event_class.symmetric:
        target = _first_partner(subject, index)  # "Israel and Lebanon renewed negotiations on ..."
    if target is None:
        target = _targets_by_preposition(noun, index, kb)
    if target is None and under_light_verb:
        target = _targets_by_preposition(head, index, kb)
    location = location_of(noun, kb) or (location_of(travel, kb) if travel is not None else None)
    return Arguments(source, _distinct(source, target, index), location)


def _with_place_target(args: Arguments, trigger: Token, kb) -> Arguments:
    """An act with no target of its own falls on the country where it happens, as CAMEO codes it:
    "lifted the curfew in Montenegro" is done to Montenegro, and a government's act at home to
    its own country."""
    place = args.location
    if args.target is not None or place is None or place.country not in kb.actors:
        return args
    target = Mention(trigger.idx, trigger.idx + len(trigger), place.name, place.country, -1, "place")
    return Arguments(args.source, target, place)


# Acts a state or its people do at home: protest (14x), easing or imposing restrictions (081, 082,
# 172x) and repression (175). With no target named, they are done to the actor's own country.
HOME_CAMEO_PREFIXES = ("14", "081", "082", "172", "175")


def _with_home_target(args: Arguments, event_class: EventClass, trigger: Token, kb, country_of) -> Arguments:
    if args.target is not None or args.source is None or country_of is None:
        return args
    if not event_class.cameo.startswith(HOME_CAMEO_PREFIXES):
        return args
    country = country_of(args.source.actor_id)
    if country not in kb.actors:
        return args
    home = Mention(trigger.idx, trigger.idx + len(trigger), kb.actors[country].name, country, -1, "place")
    return Arguments(args.source, home, args.location)


def find_triggers(sentence, lexicon: Lexicon) -> list[tuple[Token, EventClass]]:
    found = []
    for token in sentence:
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


def _confidence(args: Arguments, date_basis: str | None) -> float:
    score = 0.4 + (0.2 if args.source else 0) + (0.2 if args.target else 0)
    score += DATE_BASIS_CONFIDENCE.get(date_basis, 0)
    return round(min(score, 0.95), 2)


def code_trigger(trigger: Token, event_class: EventClass, sentence_index: int, article: Article,
                 index: MentionIndex, times: list[tuple[TimeRef, Token]], kb,
                 narrative: Narrative | None = None, same_actor=None, country_of=None) -> list[Event]:
    """The events of one trigger: one per pair of actors it joins ("The US, Russia and
    Switzerland met" is three meetings), none when the parse names no actor for it. Without a
    `narrative`, a trigger with no date of its own falls back to the publication date."""
    reader = verb_arguments if trigger.pos_ in ("VERB", "AUX") else noun_arguments
    args = _with_place_target(reader(trigger, event_class, index, kb), trigger, kb)
    if event_class.received:
        args = Arguments(args.target, args.source, args.location)
    args = _with_home_target(args, event_class, trigger, kb, country_of)
    if sum(m is not None for m in (args.source, args.target)) < MIN_ACTORS:
        return []
    when = date_of(trigger, times, article.published, narrative)
    status = status_of(trigger, when, article.published)
    if status == "planned" and is_ultimatum(trigger):
        event_class = as_threat(event_class)
    elif status in ("planned", "conditional") and is_committed(
            trigger, args.source, index, same_actor or _same_id,
            dated=when.basis == "text" and when.precision in SCHEDULE_PRECISIONS):
        event_class = as_intention(event_class)
    elif status == "denied" and is_refusal(trigger):
        event_class, status = as_refusal(event_class), "occurred"
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
        confidence=_confidence(args, when.basis),
    )
    doc, sectors = trigger.doc, kb.agent_sectors
    events = []
    home = event_class.cameo.startswith(HOME_CAMEO_PREFIXES)
    for source, target in actor_pairs(args, event_class.symmetric, doc, index, home):
        source_sector = mention_sector(source, doc, sectors) if source else None
        event = replace(
            base,
            id=base.id if not events else _pair_id(base.id, source, target),
            source_actor=source.actor_id if source else None,
            target_actor=target.actor_id if target else None,
            source_text=source.text if source else None,
            source_sector=source_sector,
            target_text=target.text if target else None,
            target_sector=mention_sector(target, doc, sectors) if target else None,
        )
        events.append(_as_military_force(event) if source_sector == "MIL" else event)
    return events


# Killing and violence by armed forces is CAMEO's conventional military force (19), not the
# unconventional violence (18) of bombers and gunmen.
UNCONVENTIONAL_VIOLENCE = ("180", "1823")


def _as_military_force(event: Event) -> Event:
    if event.cameo not in UNCONVENTIONAL_VIOLENCE:
        return event
    force = class_for_cameo("190", event.mode)
    return replace(event, cameo=force.cameo, quad_class=force.quad, intensity=force.intensity)


# "The US, Russia and Switzerland met" joins three pairs; a longer list is more likely a misparse.
MAX_ACTOR_PAIRS = 6


def actor_pairs(args: Arguments, symmetric: bool, doc: Doc, index: MentionIndex, home: bool = False) -> list[tuple]:
    """(source, target) pairs over coordinated actors: every source with every target, and for a
    symmetric act ("met") each unordered pair once. `home`: an act done at home, where a country may
    be its own target ("Chilean and Peruvian students protested in Lima")."""
    sources = _with_conjuncts(args.source, doc, index) or [None]
    targets = _with_conjuncts(args.target, doc, index) or [None]
    if symmetric and targets == [None] and len(sources) > 1:
        targets = sources  # "The US, Russia and Switzerland met": each with each
    pairs, seen = [], set()
    for source in sources:
        for target in targets:
            ids = (source.actor_id if source else None, target.actor_id if target else None)
            if source and target and not _may_pair(source, target, index) and not (home or target.how == "place"):
                continue  # a government's act at home falls on its own country; "X met X" is no pair
            key = frozenset(ids) if symmetric else ids
            if key not in seen:
                seen.add(key)
                pairs.append((source, target))
    return pairs[:MAX_ACTOR_PAIRS] or [(args.source, None)]


def _with_conjuncts(mention: Mention | None, doc: Doc, index: MentionIndex) -> list[Mention]:
    if mention is None:
        return []
    found = [mention]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if mention.how == "place" or span is None or len(span) == 0:
        return found
    for token in (t for member in span for t in _coordinated(member) if not span.start <= t.i < span.end):
        partner = actor_of(token, index)
        if partner is not None and all(partner.actor_id != m.actor_id for m in found):
            found.append(partner)
    return found


def _coordinated(token: Token) -> list[Token]:
    """Conjuncts, and a list the parser split into an appositive: "The US, Russia, and Switzerland"."""
    found = list(token.conjuncts)
    for appositive in (c for c in token.children if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)):
        found += [appositive, *appositive.conjuncts]
    return found


def _pair_id(base_id: str, source: Mention | None, target: Mention | None) -> str:
    pair = f"{base_id}:{source.actor_id if source else ''}:{target.actor_id if target else ''}"
    return hashlib.sha1(pair.encode()).hexdigest()[:16]


def _richness(event: Event, from_verb: bool) -> tuple:
    return (event.source_actor is not None, event.target_actor is not None,
            _DATE_BASIS_STRENGTH.get(event.date_basis, 0),
            event.location is not None, from_verb)


def _same_id(first: str, second: str) -> bool:
    return first == second


def _same_side(actors: dict[str, Actor]):
    """Two actor ids stand for one side when they are one actor or of one country: the
    Portuguese president speaking for Portugal."""

    def same(first: str, second: str) -> bool:
        if first == second:
            return True
        countries = {getattr(actors.get(actor_id), "country", None) for actor_id in (first, second)}
        return len(countries) == 1 and None not in countries

    return same


def _depth(token: Token) -> int:
    """Hops to the root; a noun under a light verb stands where its verb stands ("staged a protest")."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr") and is_light_verb(token.head):
        token = token.head
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def find_events(doc: Doc, article: Article, mentions: list[Mention], times: list[TimeRef], kb,
                lexicon: Lexicon | None = None, actors: list[Actor] | None = None) -> list[Event]:
    lexicon = lexicon or load_lexicon()
    known = {**kb.actors, **{actor.id: actor for actor in actors or ()}}
    same_actor = _same_side(known)

    def country_of(actor_id: str) -> str | None:
        return getattr(known.get(actor_id), "country", None)

    def placed(actor_id: str) -> bool:
        actor = known.get(actor_id)
        return actor is not None and bool(actor.country or actor.sector in ("IGO", "NGO"))

    index = MentionIndex(mentions, ACTOR_NOUNS | frozenset(kb.agent_sectors), kb, placed)
    index.doc = doc
    rooted_times = dated_times(doc, times)
    narrative = Narrative(doc, rooted_times, article.published)
    events: list[Event] = []
    for sentence_index, sentence in enumerate(doc.sents):
        # "signed an agreement" names one happening twice: keep the richest reading per sentence.
        kept: dict[tuple, tuple[tuple, tuple, Event]] = {}
        for trigger, event_class in find_triggers(sentence, lexicon):
            for event in code_trigger(trigger, event_class, sentence_index, article, index, rooted_times, kb,
                                      narrative, same_actor, country_of):
                key = (event.type, event.source_actor, event.target_actor)
                rank = _richness(event, trigger.pos_ in ("VERB", "AUX"))
                if key not in kept or rank > kept[key][0]:
                    kept[key] = (rank, (_depth(trigger), trigger.i), event)
        # The sentence's main event first: the trigger nearest the root of the parse.
        events.extend(event for _, _, event in sorted(kept.values(), key=lambda kept_event: kept_event[1]))
    return events
