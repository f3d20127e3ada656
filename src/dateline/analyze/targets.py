"""Who an act is done to, and with whom: the target-finding rules of the event coder.

A target is read, in order of trust, from the trigger's object or a preposition that marks an
affected party; from the clause it governs ("demanded that the US cancel"); from a partner of a
coordinated subject; from deeper down its objects ("promised to continue aid to Mozambique"); and
else from where the act happens, or, for acts done at home, the actor's own country.
"""
from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.arguments import (
    Arguments,
    MentionIndex,
    actor_of,
    conjuncts,
    place_named,
    prepositional_objects,
    subject_of,
)
from dateline.analyze.tense import is_marked_clause
from dateline.analyze.triggers import MOTION_VERBS, EventClass
from dateline.model import Mention


def distinct_target(source: Mention | None, target: Mention | None, index: MentionIndex) -> Mention | None:
    if source is not None and target is not None and not may_pair(source, target, index):
        return None
    return target


def may_pair(source: Mention, target: Mention, index: MentionIndex) -> bool:
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


def between_pair(noun: Token, index: MentionIndex) -> tuple[Mention | None, Mention | None]:
    """"the meeting between X and Y" -> (X, Y)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            for first in child.children:
                if first.dep_ == "pobj":
                    others = conjuncts(first)
                    return actor_of(first, index), actor_of(others[0], index) if others else None
    return None, None


def first_partner(subject: Token, index: MentionIndex) -> Mention | None:
    """"Jaishankar and Atmar met": the second of a coordinated subject."""
    partners = (actor_of(c, index) for c in conjuncts(subject))
    return next((m for m in partners if m is not None), None)


def compound_pair(noun: Token, index: MentionIndex) -> tuple[Mention | None, Mention | None]:
    """"India-Taliban talks", "Jaishankar's visit" -> the actors named before the noun."""
    found = []
    for child in noun.lefts:
        if child.dep_ in ("compound", "poss", "amod", "nmod"):
            # "Israeli tank shelling": the modifier may name its actor through its own modifier
            mention = index.covering(child) or (actor_of(child, index) if child.pos_ == "NOUN" else None)
            if mention is not None and all(m.actor_id != mention.actor_id for m in found):
                found.append(mention)
    return (found[0] if found else None), (found[1] if len(found) > 1 else None)


def place_country(token: Token, kb) -> Mention | None:
    """"seized Kandahar", "evacuated staff from Herat": a place that is no actor stands for its country."""
    place = place_named(token, kb)
    if place is None or place.country is None or place.country not in kb.actors:
        return None
    return Mention(token.idx, token.idx + len(token), place.name, place.country, -1, "place")


def resolve_target(token: Token, index: MentionIndex, kb) -> Mention | None:
    return actor_of(token, index, affected=True) or place_country(token, kb)


def target_from(tokens: list[Token], index: MentionIndex, kb) -> Mention | None:
    for token in tokens:
        if token.dep_ in ("dobj", "obj", "dative"):
            mention = resolve_target(token, index, kb)
            if mention is not None:
                return mention
    return None


def target_by_preposition(token: Token, index: MentionIndex, kb, only: tuple[str, ...] = ()) -> Mention | None:
    for _, pobj, _prep in prepositional_objects(token, only):
        mention = resolve_target(pobj, index, kb)
        if mention is not None:
            return mention
    return None


def clause_target(verb: Token, index: MentionIndex, kb) -> Mention | None:
    """The target named inside the act a verb governs: "demanded that the US cancel" (the one
    who must act), "offered to hand over to Britain" (the intended act's target)."""
    for clause in verb.children:
        if clause.dep_ == "ccomp":
            subject, _ = subject_of(clause)
            found = actor_of(subject, index) if subject is not None and subject.head.i == clause.i else None
            if found is not None:
                return found
        if clause.dep_ == "xcomp":
            found = target_from(list(clause.children), index, kb) or target_by_preposition(clause, index, kb)
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
    return [child for token in frontier for child in token.children
            if (child.dep_ in NESTED_TARGET_DEPS or _infinitival_relative(child))
            and not (child.dep_ == "prep" and _sets_the_scene(child))]


def _infinitival_relative(token: Token) -> bool:
    """ "a call for forces to be deployed in East Timor": a purpose, not a relative clause of its own."""
    return token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _sets_the_scene(prep: Token) -> bool:
    """ "during the talks", "by the army" on a verb (its passive agent); but "an attack by X" names
    the attacker, who is what a condemnation is about."""
    if prep.lower_ in SETTING_PREPS:
        return True
    return prep.lower_ == "by" and prep.head.pos_ in ("VERB", "AUX")


def nested_target(verb: Token, index: MentionIndex, source: Mention | None, affected: bool = True) -> Mention | None:
    """The nearest actor below the trigger; one we can place in a country beats a nearer one we
    cannot ("inspectors to the UCF facility in central Iran")."""
    frontier, found = [verb], []
    for _ in range(NESTED_TARGET_DEPTH):
        frontier = _below(frontier)
        for token in frontier:
            if token.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            candidate = actor_of(token, index, affected=affected)
            if candidate is not None and (source is None or may_pair(source, candidate, index)):
                if index.is_placed(candidate.actor_id):
                    return candidate
                found.append(candidate)
    return found[0] if found else None


def nested_place(verb: Token, kb) -> Mention | None:
    """A place below the trigger when no actor is: "fired shells at targets in Jericho"."""
    frontier = [verb]
    for _ in range(NESTED_TARGET_DEPTH):
        frontier = _below(frontier)
        for token in frontier:
            if token.pos_ == "PROPN":
                found = place_country(token, kb)
                if found is not None:
                    return found
    return None


def patient(subject: Token | None, index: MentionIndex) -> Mention | None:
    """The party a passive verb's subject names as affected: "evidence against Russia was presented".
    A demonym on the subject itself names its owner, not a target ("Indian relief was flown")."""
    if subject is None:
        return None
    return actor_of(subject, index) or nested_target(subject, index, None, affected=False)


def agent_of_cause(verb: Token, index: MentionIndex) -> Mention | None:
    """ "killed in Israeli tank shelling", "wounded in a Russian air strike": the act in the phrase
    names who did it."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for cause in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            source, _ = compound_pair(cause, index)
            if source is not None:
                return source
    return None


def travel_verb(noun: Token) -> Token | None:
    """The verb of going in "arrived in Amman on a visit", "left for Geneva for talks"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "for"):
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in MOTION_VERBS and verb.pos_ in ("VERB", "AUX") else None


def with_place_target(args: Arguments, trigger: Token, kb) -> Arguments:
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


def with_home_target(args: Arguments, event_class: EventClass, trigger: Token, kb, country_of) -> Arguments:
    if args.target is not None or args.source is None or country_of is None:
        return args
    if not event_class.cameo.startswith(HOME_CAMEO_PREFIXES):
        return args
    country = country_of(args.source.actor_id)
    if country not in kb.actors:
        return args
    home = Mention(trigger.idx, trigger.idx + len(trigger), kb.actors[country].name, country, -1, "place")
    return Arguments(args.source, home, args.location)


def condition_target(trigger: Token, index: MentionIndex) -> Mention | None:
    """The one a threat is held over: the subject of its if- or unless-clause ("threatened to stop
    the talks if the United States goes ahead")."""
    for verb in (trigger, *[c for c in trigger.children if c.dep_ == "xcomp"]):
        for clause in verb.children:
            if is_marked_clause(clause):
                subject, _ = subject_of(clause)
                found = actor_of(subject, index) if subject is not None else None
                if found is not None:
                    return found
    return None
