"""Intentions, obligations and who is speaking: the readings CAMEO gives to words about acts
not (yet) done.

- An act an actor commits to ("offered to hand over", "is ready to send", "said it would allow")
  is an intention: AGREE when cooperative, THREATEN when hostile (`triggers.as_intention`). An act
  on a schedule (dated: "will meet on Tuesday"; or reported by others: "will meet Y, officials
  said") keeps its own type.
- An act a speaker says another must do ("Russia said Sudan must return the helicopter") is a
  demand by the speaker on the one who must.
"""
from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.arguments import MentionIndex, actor_of, subject_of
from dateline.analyze.tense import FUTURE, INTENT_GOVERNORS, is_infinitive_under, is_marked_clause, verb_direction
from dateline.model import Mention

SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "declare", "add", "insist", "reiterate", "confirm", "stress",
    "emphasize", "emphasise", "conclude", "note", "assert", "affirm", "maintain", "argue", "write",
    "remind", "underline", "indicate", "signal", "tweet", "respond", "reply",
})
OBLIGATION_AUXILIARIES = frozenset({"must", "should", "ought"})
REFUSAL_GOVERNORS = frozenset({"refuse", "decline", "fail"})
UNLESS = frozenset({"unless"})
SCHEDULE_GOVERNORS = frozenset({"schedule", "expect", "due", "set", "slate", "plan", "timetable"})


def clause_verb(trigger: Token) -> Token:
    """The verb whose clause a trigger belongs to ("held talks": held)."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
        return trigger.head
    return trigger


def speech_verb(verb: Token) -> Token | None:
    """The verb of saying whose reported clause this is, if any: above it ("X said Y will ..."), or
    hung from it by the parser ("Y will ..., X said")."""
    for child in verb.children:
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in SPEECH_VERBS and child.i > verb.i:
            return child
    current = verb
    for _ in range(3):
        if current.dep_ not in ("ccomp", "conj", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in SPEECH_VERBS:
            return current
    return None


def is_committed(trigger: Token, source: Mention | None, index: MentionIndex, same_actor, dated: bool) -> bool:
    """Whether a planned act is the actor's own commitment (an intention, as CAMEO codes it) rather
    than a schedule ("will meet on Tuesday", "will meet Y, officials said"). `dated`: the act has a
    time expression of its own."""
    verb = clause_verb(trigger)
    own_doer = any(c.dep_ == "nsubj" for c in verb.children)
    if is_infinitive_under(verb, INTENT_GOVERNORS):
        return not own_doer  # "wants Putin to attack": Putin has committed to nothing
    if is_infinitive_under(verb, SCHEDULE_GOVERNORS):
        return False  # "is scheduled to attend", "is expected to sign": a schedule in so many words
    if source is None or is_marked_clause(verb):
        return False  # "... if Washington attacks Baghdad": the condition is nobody's commitment
    if dated:
        return False  # a dated act is on a schedule: "will meet Atmar on Monday", "flown next week"
    speech = speech_verb(verb)
    if speech is None:
        return True  # undated, in the reporter's own voice: "Finland will give Tanzania a grant"
    speaker_token, _ = subject_of(speech)
    speaker = actor_of(speaker_token, index)
    return speaker is not None and same_actor(speaker.actor_id, source.actor_id)


def is_obligation_report(token: Token) -> bool:
    """A verb of saying over a clause of obligation: "declared that China must drop barriers"."""
    if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    for clause in token.children:
        if clause.dep_ != "ccomp":
            continue
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUXILIARIES for c in clause.children):
            return True
        if clause.lemma_ == "have" and any(c.dep_ == "xcomp" for c in clause.children):
            return True  # "Libya has to hand over"
    return False


def is_refusal(trigger: Token) -> bool:
    """An act declined rather than merely not done: "refused to release", "would not provide"."""
    verb = clause_verb(trigger)
    if is_infinitive_under(verb, REFUSAL_GOVERNORS):
        return True
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated and verb.pos_ in ("VERB", "AUX") and verb_direction(verb) == FUTURE


def is_ultimatum(trigger: Token) -> bool:
    """A planned act held over another's head: "will withdraw its force unless X arranges a ceasefire"."""
    verb = clause_verb(trigger)
    return any(is_marked_clause(clause, UNLESS) for clause in verb.children)


