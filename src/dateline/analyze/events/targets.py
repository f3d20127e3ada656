"""Who an act is done to, and with whom: the readers that the target rules of `arguments` call,
in the order they are tried there.

An object or a preposition that marks an affected party; the clause a verb governs ("demanded
that the US cancel"), else the act it is done for ("blocked a road to protest against the EU");
a partner of a coordinated subject; deeper down its objects ("promised to continue aid to
Mozambique"); and the parties of a passive, of a noun's "between" and of the words before it.
Whether two mentions may be an act's two sides at all is `may_pair`.
"""
from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.actors.sectors import MODIFIER_DEPS
from dateline.analyze.events.actor_phrases import actor_of, is_country_code
from dateline.analyze.events.mention_index import MentionIndex, is_actor_noun
from dateline.analyze.events.places import LOCATION_PREPS, place_country
from dateline.analyze.events.subjects import is_stative, subject_of
from dateline.analyze.events.syntax import conjuncts, pobj_of
from dateline.analyze.events.triggers import MOTION_VERBS, is_light_verb
from dateline.analyze.word_lists import read_word_lists
from dateline.analyze.tense import is_marked_clause
from dateline.model import Mention

# The words that mark or rule out an act's target, each list with what it is for: data/targets.json.
_WORDS = read_word_lists("targets", __package__)
# Prepositions that mark an affected party, with the rank of each where a class names none of its own.
TARGET_PREPS: dict[str, int] = dict(_WORDS["target_preps"])
# "with Albania's help", "with the backing of Russia": a helper, never whom the act is done to.
HELP_NOUNS: frozenset[str] = frozenset(_WORDS["help_nouns"])


def prepositional_objects(token: Token, only: tuple[str, ...] = ()) -> list[tuple[int, Token, str]]:
    """Objects of the target-bearing prepositions on a token, the likeliest first."""
    allowed = set(only) if only else set(TARGET_PREPS)
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in allowed:  # "provide support to Israel"
            pobj = pobj_of(child)
            if pobj is not None and not (child.lower_ == "with" and pobj.lemma_.lower() in HELP_NOUNS):
                # A class's own list is in its order of preference; else the usual weights.
                rank = len(only) - only.index(child.lower_) if only else TARGET_PREPS.get(child.lower_, 0)
                found.append((rank, pobj, child.lower_))
    return sorted(found, key=lambda item: -item[0])


def distinct_target(source: Mention | None, target: Mention | None, index: MentionIndex) -> Mention | None:
    if source is not None and target is not None and not may_pair(source, target, index):
        return None
    return target


def may_pair(source: Mention, target: Mention, index: MentionIndex) -> bool:
    """One actor does nothing to itself, but two bodies of one country may: "Sudan's government
    accused Darfur rebels", "Georgian demonstrators ... the Georgian government", "Bosnian Serbs
    demanded a truce with Moslem forces in east Bosnia". Not the country named twice ("members of
    the Indian team toured ... India")."""
    if source.actor_id != target.actor_id:
        return True
    if not is_country_code(source.actor_id) or source.start == target.start:
        return False
    if {"place", "seat"} & {source.how, target.how}:
        return True
    sectors = {index.sector_of(source), index.sector_of(target)}
    if len(sectors) == 2 and None not in sectors:
        return True
    # "Palestinian police ... from Palestinian armed groups": one people's two bodies, named apart
    nouns = {_qualified_noun(source, index), _qualified_noun(target, index)}
    return len(nouns) == 2 and None not in nouns


def _qualified_noun(mention: Mention, index: MentionIndex) -> str | None:
    """The noun a demonym qualifies ("Palestinian police": police), None for any other mention."""
    if mention.how != "demonym" or index.doc is None:
        return None
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    while head.dep_ in MODIFIER_DEPS and head.head.i > head.i:
        head = head.head
    return head.lemma_.lower() if head.i != span.root.i and is_actor_noun(head, index) else None


def between_pair(noun: Token, index: MentionIndex) -> tuple[Mention | None, Mention | None]:
    """"the meeting between X and Y" -> (X, Y). A third party who does the act names it as the
    subject of its light verb: "Klibi undertook a mediation mission between Syria and Arafat" is
    Klibi's act on Syria (and, by coordination, on Arafat)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            for first in child.children:
                if first.dep_ == "pobj":
                    others = conjuncts(first)
                    doer = _light_verb_doer(noun, index)
                    if doer is not None:
                        return doer, actor_of(first, index)
                    return actor_of(first, index), actor_of(others[0], index) if others else None
    return None, None


def _light_verb_doer(noun: Token, index: MentionIndex) -> Mention | None:
    if noun.dep_ not in ("dobj", "attr") or not is_light_verb(noun.head):
        return None
    subject, passive = subject_of(noun.head)
    return None if passive else actor_of(subject, index)


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
            if index.is_placed(mention.actor_id) or mention.actor_id.startswith("person:"):
                return mention
            return _seat(pobj, index, kb) or _seat(token, index, kb) or mention
    return None


def _seat(token: Token, index: MentionIndex, kb) -> Mention | None:
    """ "inspectors to the UCF facility in central Iran", "dispatched inspectors to UCF in central
    Iran": where a body we cannot place in the world is, when the words say so, speaks for it."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found = resolve_target(pobj, index, kb)
            if found is not None and index.is_placed(found.actor_id):
                return found
    return None


def clause_target(verb: Token, index: MentionIndex, kb) -> Mention | None:
    """The target named inside the act a verb governs: "demanded that the US cancel" (the one
    who must act), "offered to hand over to Britain" (the intended act's target); else inside the
    act it is done for: "blocked a road to show their disapproval for the United States' policies",
    "is willing to send material to help defend Saudi Arabia"."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" or clause.dep_ == "advcl" and _is_for_clause(clause):
            subject, _ = subject_of(clause)
            found = actor_of(subject, index) if subject is not None and subject.head.i == clause.i else None
            if found is not None:
                return found
        if clause.dep_ == "xcomp":
            found = _target_of_act(clause, index, kb)
            if found is not None:
                return found
        if clause.dep_ in ("dobj", "obj"):  # "reiterated its demand that Russia withdraw"
            for said in (c for c in clause.children if c.dep_ in ("acl", "ccomp")):
                found = _own_subject(said, index)
                if found is not None:
                    return found
    for clause in (c for c in verb.children if c.dep_ == "advcl" and _is_purpose(c)):
        found = _target_of_act(clause, index, kb)
        if found is not None and index.is_placed(found.actor_id):  # a purpose is weaker evidence
            return found
    return None


def _own_subject(clause: Token, index: MentionIndex) -> Mention | None:
    """The actor a clause names as its own subject ("that Russia withdraw": Russia)."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actor_of(subject, index) if subject is not None else None


def _target_of_act(verb: Token, index: MentionIndex, kb) -> Mention | None:
    return (target_from(list(verb.children), index, kb) or target_by_preposition(verb, index, kb)
            or _object_preposition_target(verb, index, kb) or clause_target(verb, index, kb))


def _is_for_clause(clause: Token) -> bool:
    """ "pushing hard for the US (to) support its plan": the one pushed is the clause's subject."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def _is_purpose(clause: Token) -> bool:
    """ "to show their disapproval": an infinitive of purpose, with no subject of its own."""
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children))


def _object_preposition_target(verb: Token, index: MentionIndex, kb) -> Mention | None:
    """ "agreed to provide 70 million dollars of aid for Romania": the party named on the object."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        found = target_by_preposition(obj, index, kb)
        if found is not None:
            return found
    return None


# Where a target may hide below the trigger: "promised to continue military aid to Mozambique",
# "granted asylum to five Panamanian officers". Never inside a subject or another clause.
NESTED_TARGET_DEPS = frozenset({"dobj", "obj", "dative", "prep", "pobj", "xcomp", "attr", "oprd", "acl"})
NESTED_TARGET_DEPTH = 6


# Prepositions that set a scene rather than name who is affected.
SETTING_PREPS: frozenset[str] = frozenset(_WORDS["setting_preps"])


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
    if subject is None or subject.dep_ == "nsubjpass" and is_stative(subject.head):
        return None  # "Israel is opposed to ...": the subject holds the stance; nothing is done to it
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
