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

from spacy.tokens import Doc, Token

from dateline.analyze.arguments import (
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
from dateline.analyze.triggers import LIGHT_VERBS, EventClass, Lexicon, load_lexicon, match_noun, match_verb
from dateline.model import DATE_BASES, Article, Event, Mention, TimeRef

# An event must name at least one actor: "the attack" alone tells nobody anything.
MIN_ACTORS = 1
# What each date basis adds to an event's confidence: the trigger's own words most, a date
# carried over from the sentence before less, the publication date nothing.
DATE_BASIS_CONFIDENCE = {"text": 0.1, "inherited": 0.05}
# Stronger date bases rank higher when two readings of one happening compete within a sentence.
_DATE_BASIS_STRENGTH = {basis: len(DATE_BASES) - rank for rank, basis in enumerate(DATE_BASES)}


def _event_id(article_id: str, trigger: Token) -> str:
    return hashlib.sha1(f"{article_id}:{trigger.idx}:{trigger.lower_}".encode()).hexdigest()[:16]


def _distinct(source: Mention | None, target: Mention | None) -> Mention | None:
    if source is not None and target is not None and source.actor_id == target.actor_id:
        return None
    return target


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
            mention = index.covering(child)
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
    return actor_of(token, index) or _place_country(token, kb)


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


def verb_arguments(verb: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    subject, passive = subject_of(verb)
    source = actor_of(subject, index)
    target = None
    if passive:
        target, source = source, None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            source = actor_of(next((g for g in agent.children if g.dep_ == "pobj"), None), index)
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
    if target is None and subject is not None and event_class.symmetric:
        target = _first_partner(subject, index)
    location = location_of(verb, kb)
    if location is None:  # "visited Kabul", "seized Kandahar": the object is the place
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        location = place_named(obj, kb) if obj is not None else None
    return Arguments(source, _distinct(source, target), location)


def noun_arguments(noun: Token, event_class: EventClass, index: MentionIndex, kb) -> Arguments:
    source, target = _between_pair(noun, index)
    if source is None and noun.dep_ == "pobj":
        # "on the sidelines of a meeting of ...", "after the talks": a reference back, not a report.
        return Arguments(None, None, None)
    if source is None:
        source, target = _compound_pair(noun, index)
    head = noun.head
    under_light_verb = noun.dep_ in ("dobj", "attr") and head.lemma_.lower() in LIGHT_VERBS
    subject = None
    if source is None and under_light_verb:
        subject, passive = subject_of(head)
        source = None if passive else actor_of(subject, index)
    if target is None:
        target = _targets_by_preposition(noun, index, kb)
    if target is None and under_light_verb:
        target = _targets_by_preposition(head, index, kb)
    if target is None and subject is not None and event_class.symmetric:
        target = _first_partner(subject, index)
    location = location_of(noun, kb)
    return Arguments(source, _distinct(source, target), location)


def find_triggers(sentence, lexicon: Lexicon) -> list[tuple[Token, EventClass]]:
    found = []
    for token in sentence:
        event_class = match_verb(token, lexicon)
        if event_class is None:
            event_class = match_noun(token, lexicon)
        if event_class is not None:
            found.append((token, event_class))
    return found


def _confidence(args: Arguments, date_basis: str | None) -> float:
    score = 0.4 + (0.2 if args.source else 0) + (0.2 if args.target else 0)
    score += DATE_BASIS_CONFIDENCE.get(date_basis, 0)
    return round(min(score, 0.95), 2)


def code_trigger(trigger: Token, event_class: EventClass, sentence_index: int, article: Article,
                 index: MentionIndex, times: list[tuple[TimeRef, Token]], kb,
                 narrative: Narrative | None = None) -> Event | None:
    """One event for one trigger, or None when the parse names no actor for it. Without a
    `narrative`, a trigger with no date of its own falls back to the publication date."""
    reader = verb_arguments if trigger.pos_ in ("VERB", "AUX") else noun_arguments
    args = reader(trigger, event_class, index, kb)
    if sum(m is not None for m in (args.source, args.target)) < MIN_ACTORS:
        return None
    when = date_of(trigger, times, article.published, narrative)
    return Event(
        id=_event_id(article.id, trigger),
        article_id=article.id,
        type=event_class.type,
        mode=event_class.mode,
        cameo=event_class.cameo,
        quad_class=event_class.quad,
        intensity=event_class.intensity,
        source_actor=args.source.actor_id if args.source else None,
        target_actor=args.target.actor_id if args.target else None,
        trigger=trigger.text,
        sentence=sentence_index,
        sentence_text=trigger.sent.text.strip(),
        status=status_of(trigger, when, article.published),
        location=args.location,
        date=when.first,
        date_end=when.last,
        date_precision=when.precision,
        date_basis=when.basis,
        date_text=when.text,
        confidence=_confidence(args, when.basis),
    )


def _richness(event: Event, from_verb: bool) -> tuple:
    return (event.source_actor is not None, event.target_actor is not None,
            _DATE_BASIS_STRENGTH.get(event.date_basis, 0),
            event.location is not None, from_verb)


def find_events(doc: Doc, article: Article, mentions: list[Mention], times: list[TimeRef], kb,
                lexicon: Lexicon | None = None) -> list[Event]:
    lexicon = lexicon or load_lexicon()
    index = MentionIndex(mentions)
    rooted_times = dated_times(doc, times)
    narrative = Narrative(doc, rooted_times, article.published)
    events: list[Event] = []
    for sentence_index, sentence in enumerate(doc.sents):
        # "signed an agreement" names one happening twice: keep the richest reading per sentence.
        kept: dict[tuple, tuple[tuple, Event]] = {}
        for trigger, event_class in find_triggers(sentence, lexicon):
            event = code_trigger(trigger, event_class, sentence_index, article, index, rooted_times, kb, narrative)
            if event is None:
                continue
            key = (event.type, event.source_actor, event.target_actor)
            rank = _richness(event, trigger.pos_ in ("VERB", "AUX"))
            if key not in kept or rank > kept[key][0]:
                kept[key] = (rank, event)
        events.extend(event for _, event in kept.values())
    return events
