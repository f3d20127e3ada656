"""Who did it, to whom, and where: the arguments of a trigger, each found by the first rule of an
ordered list of named rules over the dependency parse.

The lists below are the order of trust, as data: for each part of an event (its source, its
target, its place) the rules are tried in turn, a rule only where its guard (`applies`) holds,
and the first that answers wins. Its name is what the event's `found_by` records for that part
("none" where no rule answered). The guards carry the conditions of the parse and of the event
class: a passive verb, a class that names its target's prepositions (`EventClass.target_preps`),
a joint act (`EventClass.symmetric`), a noun under a light verb ("held talks with").

A verb's target is read from its passive subject; else from its object or a preposition that
marks an affected party; from a preposition on its object; from the clause it governs ("demanded
that the US cancel") or the act it is done for; from a partner of a coordinated subject; and
else from deeper down its objects ("promised to continue aid to Mozambique") or a place there.
The readers the rules call are in `targets`, `actor_phrases` and `places`; what the setting adds
where no rule answers (the place of the act, a crowd's country) is `setting`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from dateline.analyze.events.actor_phrases import actor_of
from dateline.analyze.events.mention_index import MentionIndex
from dateline.analyze.events.places import location_of, place_in_phrase, place_in_when_clause, place_named
from dateline.analyze.events.subjects import subject_of
from dateline.analyze.events.targets import (
    agent_of_cause,
    between_pair,
    clause_target,
    compound_pair,
    distinct_target,
    first_partner,
    nested_place,
    nested_target,
    patient,
    target_by_preposition,
    target_from,
    travel_verb,
)
from dateline.analyze.events.triggers import EventClass, is_under_light_verb
from dateline.analyze.word_lists import read_word_lists
from dateline.model import Location, Mention

# What `found_by` says where no rule answered, or where the answer was the source itself.
NONE = "none"
SAME_AS_SOURCE = "none (the source itself)"
# CAMEO's quad class of aid and material cooperation, whose goods name their giver.
MATERIAL_COOPERATION = 2

# Subjects that are no actors (data/arguments.json): natural hazards ("the earthquake struck") and
# markets and money ("Brent futures rallied"), whose verbs tell of no actor.
_WORDS = read_word_lists("arguments", __package__)
NATURAL_HAZARDS: frozenset[str] = frozenset(_WORDS["natural_hazards"])
MARKETS: frozenset[str] = frozenset(_WORDS["markets"])
NON_ACTOR_SUBJECTS = NATURAL_HAZARDS | MARKETS


@dataclass(frozen=True, slots=True)
class Arguments:
    source: Mention | None
    target: Mention | None
    location: Location | None
    # The name of the rule that found each part (`found_by`), NONE where none did.
    source_rule: str = NONE
    target_rule: str = NONE
    location_rule: str = NONE


NO_ARGUMENTS = Arguments(None, None, None)


class VerbReading:
    """What the rules of a verb trigger read: the verb, its class and subject, and its source
    once the source rules have found it (an actor below the verb is no target if it is the
    source)."""

    def __init__(self, verb: Token, event_class: EventClass, index: MentionIndex, kb) -> None:
        self.verb, self.event_class, self.index, self.kb = verb, event_class, index, kb
        self.subject, self.passive = subject_of(verb)
        self.source: Mention | None = None

    def is_own_agent(self) -> bool:
        """Whether the subject is the verb's own "by" phrase ("was attacked by rebels")."""
        agent = self.subject.head if self.subject is not None else None
        return agent is not None and agent.dep_ == "agent" and agent.head.i == self.verb.i


class NounReading:
    """What the rules of a noun trigger read: the noun, the verb it hangs from when that is a
    light verb ("held talks") or a verb of going ("arrived on a visit"), and the pairs of actors
    the noun itself names ("talks between X and Y", "India-Taliban talks")."""

    def __init__(self, noun: Token, event_class: EventClass, index: MentionIndex, kb) -> None:
        self.noun, self.event_class, self.index, self.kb = noun, event_class, index, kb
        self.travel = travel_verb(noun)
        self.head = self.travel or noun.head
        self.under_light_verb = self.travel is not None or is_under_light_verb(noun)
        self.between = between_pair(noun, index)

    @cached_property
    def before(self) -> tuple[Mention | None, Mention | None]:
        return compound_pair(self.noun, self.index)

    @cached_property
    def light_verb_subject(self) -> tuple[Token | None, bool]:
        return subject_of(self.head)

    def names_its_doer(self) -> bool:
        """Whether the noun's own words ("between", the words before it) name its doer."""
        return self.between[0] is not None or self.before[0] is not None


def _always(reading: VerbReading | NounReading) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Rule:
    """One way to find a part of an event (a Mention or a Location) in a VerbReading or a
    NounReading: tried only where `applies`; it answers when `find` gives something."""

    name: str
    find: Callable[[VerbReading | NounReading], Mention | Location | None]
    applies: Callable[[VerbReading | NounReading], bool] = _always


def first_answer(rules: tuple[Rule, ...], reading: VerbReading | NounReading) -> tuple:
    """The answer of the first rule that applies and answers, with its name; (None, NONE) else."""
    for rule in rules:
        if rule.applies(reading):
            found = rule.find(reading)
            if found is not None:
                return found, rule.name
    return None, NONE


def _on_an_object(r: VerbReading) -> Mention | None:
    """ "signed an agreement with X", "evacuated its ambassador from Kabul"."""
    for obj in (c for c in r.verb.children if c.dep_ in ("dobj", "attr")):
        target = target_by_preposition(obj, r.index, r.kb, r.event_class.target_preps)
        if target is not None:
            return target
    return None


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _place_object(verb: Token, kb) -> Location | None:
    """ "visited Kabul", "seized Kandahar": the object is the place."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return place_named(obj, kb) if obj is not None else None


def _is_open_act(r: VerbReading) -> bool:
    """Neither a class with its own prepositions nor a joint act: a joint act's partners are
    named, not found in its topic ("discussed the situation in X")."""
    return not r.event_class.target_preps and not r.event_class.symmetric


VERB_SOURCE_RULES: tuple[Rule, ...] = (
    Rule("by-agent of passive", lambda r: actor_of(r.subject, r.index),
         applies=lambda r: not r.passive and r.is_own_agent()),
    Rule("subject", lambda r: actor_of(r.subject, r.index), applies=lambda r: not r.passive and not r.is_own_agent()),
    # "were killed in Israeli shelling": the act named the agent
    Rule("doer named in the cause", lambda r: agent_of_cause(r.verb, r.index), applies=lambda r: r.passive),
    # "Indian relief will be flown to Kabul": India gives
    Rule("giver named in passive aid", lambda r: nested_target(r.subject, r.index, None),
         applies=lambda r: r.passive and r.event_class.quad == MATERIAL_COOPERATION and r.subject is not None),
)

VERB_TARGET_RULES: tuple[Rule, ...] = (
    # the patient: "a camp for Congolese refugees was attacked"
    Rule("subject of passive", lambda r: patient(r.subject, r.index), applies=lambda r: r.passive),
    # "was attacked by X": the agent is the subject, the patient the target
    Rule("subject of passive with by-agent", lambda r: patient(_passive_subject(r.verb), r.index),
         applies=lambda r: not r.passive),
    Rule("preposition of its class",
         lambda r: target_by_preposition(r.verb, r.index, r.kb, r.event_class.target_preps),
         applies=lambda r: bool(r.event_class.target_preps)),
    Rule("object", lambda r: target_from(list(r.verb.children), r.index, r.kb),
         applies=lambda r: not r.event_class.target_preps),
    Rule("preposition", lambda r: target_by_preposition(r.verb, r.index, r.kb),
         applies=lambda r: not r.event_class.target_preps),
    Rule("preposition on the object", _on_an_object),
    Rule("clause it governs", lambda r: clause_target(r.verb, r.index, r.kb)),
    Rule("partner in the subject", lambda r: first_partner(r.subject, r.index),
         applies=lambda r: r.subject is not None and r.event_class.symmetric),
    Rule("actor below the verb", lambda r: nested_target(r.verb, r.index, r.source), applies=_is_open_act),
    Rule("place below the verb", lambda r: nested_place(r.verb, r.kb), applies=_is_open_act),
)

VERB_LOCATION_RULES: tuple[Rule, ...] = (
    Rule("in/at phrase", lambda r: place_in_phrase(r.verb, r.kb)),
    Rule("when-clause", lambda r: place_in_when_clause(r.verb, r.kb)),
    Rule("object is the place", lambda r: _place_object(r.verb, r.kb)),
)

NOUN_SOURCE_RULES: tuple[Rule, ...] = (
    # "the meeting between X and Y"; "Klibi undertook a mediation mission between Syria and Arafat"
    Rule("between X and Y", lambda r: r.between[0]),
    # "India-Taliban talks", "Jaishankar's visit"
    Rule("words before the noun", lambda r: r.before[0], applies=lambda r: r.between[0] is None),
    Rule("subject of the light verb",
         lambda r: None if r.light_verb_subject[1] else actor_of(r.light_verb_subject[0], r.index),
         applies=lambda r: r.under_light_verb),
)

NOUN_TARGET_RULES: tuple[Rule, ...] = (
    Rule("between X and Y", lambda r: r.between[1], applies=lambda r: r.between[0] is not None),
    Rule("words before the noun", lambda r: r.before[1], applies=lambda r: r.between[0] is None),
    # "Israel and Lebanon renewed negotiations on ..."
    Rule("partner in the subject of the light verb", lambda r: _partner_of_light_verb_subject(r),
         applies=lambda r: r.event_class.symmetric and r.under_light_verb and not r.names_its_doer()),
    Rule("preposition", lambda r: target_by_preposition(r.noun, r.index, r.kb)),
    Rule("preposition on the light verb", lambda r: target_by_preposition(r.head, r.index, r.kb),
         applies=lambda r: r.under_light_verb),
)

NOUN_LOCATION_RULES: tuple[Rule, ...] = (
    Rule("in/at phrase", lambda r: place_in_phrase(r.noun, r.kb)),
    Rule("place of the verb of going", lambda r: location_of(r.travel, r.kb), applies=lambda r: r.travel is not None),
)


def _partner_of_light_verb_subject(r: NounReading) -> Mention | None:
    subject, _ = r.light_verb_subject
    return first_partner(subject, r.index) if subject is not None else None


def arguments_of(trigger: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    """The source, target and place of a trigger, read by the rules of a verb or of a noun."""
    reader = verb_arguments if trigger.pos_ in ("VERB", "AUX") else noun_arguments
    return reader(trigger, event_class, index, kb)


def verb_arguments(verb: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    reading = VerbReading(verb, event_class, index, kb)
    if reading.subject is not None and reading.subject.lemma_.lower() in NON_ACTOR_SUBJECTS:
        return NO_ARGUMENTS
    reading.source, source_rule = first_answer(VERB_SOURCE_RULES, reading)
    target, target_rule = first_answer(VERB_TARGET_RULES, reading)
    location, location_rule = first_answer(VERB_LOCATION_RULES, reading)
    return _distinct(Arguments(reading.source, target, location, source_rule, target_rule, location_rule), index)


def noun_arguments(noun: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    reading = NounReading(noun, event_class, index, kb)
    if reading.between[0] is None and noun.dep_ == "pobj" and reading.travel is None:
        # "on the sidelines of a meeting of ...", "after the talks": a reference back, not a report.
        return NO_ARGUMENTS
    source, source_rule = first_answer(NOUN_SOURCE_RULES, reading)
    target, target_rule = first_answer(NOUN_TARGET_RULES, reading)
    location, location_rule = first_answer(NOUN_LOCATION_RULES, reading)
    return _distinct(Arguments(source, target, location, source_rule, target_rule, location_rule), index)


def _distinct(args: Arguments, index: MentionIndex) -> Arguments:
    """One actor does nothing to itself (`targets.may_pair`): such a target is none."""
    target = distinct_target(args.source, args.target, index)
    if target is args.target:
        return args
    return Arguments(args.source, None, args.location, args.source_rule, SAME_AS_SOURCE, args.location_rule)
