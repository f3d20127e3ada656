"""Which way a clause points in time, so "Tuesday" resolves backwards in "met on Tuesday"
and forwards in "will meet on Tuesday"."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from dateline.analyze.word_lists import read_word_lists

PAST, UNKNOWN, FUTURE = -1, 0, 1
# The words that point a clause ahead, each list with what it is for: data/tense.json.
_WORDS = read_word_lists("tense")
FUTURE_AUXILIARIES: frozenset[str] = frozenset(_WORDS["future_auxiliaries"])  # "will", "'ll", "wo" (won't)
# "is scheduled to meet", "plans to visit", "is expected to sign", "is due to arrive".
FUTURE_GOVERNORS: frozenset[str] = frozenset(_WORDS["future_governors"])
# Words by which an actor commits to an act not yet done: "offered to hand over", "is willing to
# send", "threatened to storm". The act is intended, not reported.
INTENT_GOVERNORS: frozenset[str] = frozenset(_WORDS["intent_governors"])
PAST_TAGS = frozenset({"VBD"})


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token (a date inside "on Tuesday" hangs from "met")."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux":
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def chain_head(verb: Token, steps: int = 4, stop_at: frozenset[str] = frozenset()) -> Token:
    """The verb a chain of verbs or a coordination hangs from: "stop shooting", "began to shell",
    "stop shooting, detaining and torturing": stop, began, stop. The climb ends below a verb
    in `stop_at` ("urged X to quit" stays at quit)."""
    for _ in range(steps):
        head = verb.head
        if (verb.dep_ not in ("xcomp", "conj") or head.i == verb.i or head.pos_ not in ("VERB", "AUX")
                or head.lemma_.lower() in stop_at):
            break
        verb = head
    return verb


def is_infinitive_under(verb: Token, governors: frozenset[str]) -> bool:
    """ "offered to send", "offered on Monday to send" (the parser may hang the second as advcl)."""
    if verb.dep_ == "xcomp":
        return verb.head.lemma_.lower() in governors
    if verb.dep_ in ("advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head.lemma_.lower() in governors  # "wants Putin to attack" hangs as ccomp
    return False


CONDITION_MARKS = frozenset({"if", "unless"})


def is_marked_clause(clause: Token, marks: frozenset[str] = CONDITION_MARKS) -> bool:
    """An adverbial clause opened by one of these conjunctions: "if Washington attacks", "unless ..."."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def is_progressive(verb: Token) -> bool:
    """ "is providing": ongoing now, or a plan when a later date goes with it."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP")
                                      for c in verb.children)


def verb_direction(verb: Token) -> int:
    children = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUXILIARIES for c in children):
        return FUTURE
    if any(c.dep_ == "aux" and c.lower_ == "would" for c in children):
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_GOVERNORS:
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return FUTURE  # "is to visit"
    if verb.dep_ == "xcomp":
        return verb_direction(verb.head)
    if verb.tag_ in PAST_TAGS:
        return PAST
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in PAST_TAGS for c in children):
        return PAST
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        return PAST
    if verb.tag_ == "VBN" and verb.dep_ in ("conj",):
        return verb_direction(verb.head)
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in children):
        return FUTURE  # "is visiting Kabul on Friday": the progressive of a plan
    return UNKNOWN


def clause_direction(doc: Doc) -> Callable[[int, int], int]:
    """A callback for the time resolver: the tense of the clause holding a character span."""

    def direction(start: int, end: int) -> int:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return UNKNOWN
        verb = governing_verb(span.root)
        return verb_direction(verb) if verb is not None else UNKNOWN

    return direction
