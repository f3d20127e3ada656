"""When an event happened and whether it happened: the time expression tied to its trigger,
and the status its clause gives it (occurred, planned, claimed, denied, conditional)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from dateline.analyze.tense import FUTURE, verb_direction
from dateline.model import TimeRef

# Dependents whose time expressions belong to another happening, not to this trigger.
FOREIGN_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "parataxis", "acl", "csubj"})
CLAIM_WORDS = frozenset({"claim", "allege", "purport"})
CLAIM_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly"})
DATED_TYPES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class EventDate:
    first: date | None
    last: date | None
    precision: str | None
    basis: str | None  # "text" or "publication"
    text: str | None


def _clause_token_ids(head: Token) -> set[int]:
    ids = {head.i}
    for child in head.children:
        if child.dep_ in FOREIGN_CLAUSES:
            continue
        ids.update(_clause_token_ids(child))
    return ids


def _modifier_token_ids(head: Token) -> set[int]:
    """Tokens of a head's adverbial modifiers alone ("held talks on Tuesday": the "on Tuesday")."""
    ids: set[int] = set()
    for child in head.children:
        if child.dep_ in ("prep", "npadvmod", "advmod", "tmod", "obl"):
            ids.update(t.i for t in child.subtree)
    return ids


def _anchor_tokens(trigger: Token) -> list[Token]:
    """The trigger and the words whose clause it shares: its light verb, the verb it is chained to."""
    anchors = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj"):
        anchors.append(trigger.head)
    if trigger.dep_ in ("conj", "xcomp") and trigger.head is not trigger:
        anchors.append(trigger.head)
    return anchors


def dated_times(doc: Doc, times: list[TimeRef]) -> list[tuple[TimeRef, Token]]:
    """The document's dates with the token each hangs from, found once for all its triggers."""
    rooted = []
    for ref in times:
        if ref.type not in DATED_TYPES:
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None and len(span):
            rooted.append((ref, span.root))
    return rooted


def date_of(trigger: Token, times: list[tuple[TimeRef, Token]], published: date | None) -> EventDate:
    """The trigger's own time expression (from `dated_times`); else the publication date; else
    nothing, never a guess."""
    for anchor in _anchor_tokens(trigger):
        clause = _clause_token_ids(anchor) if anchor is trigger else _modifier_token_ids(anchor)
        tied = [(abs(root.i - trigger.i), ref) for ref, root in times if root.i in clause]
        if tied:
            ref = min(tied, key=lambda pair: pair[0])[1]
            if ref.first_day is None:
                # Tied to a date the text could not fix (an undated article's "on Tuesday"): no guess.
                return EventDate(None, None, None, None, ref.text)
            return EventDate(ref.first_day, ref.last_day or ref.first_day, ref.precision, "text", ref.text)
    if published is not None:
        return EventDate(published, published, "day", "publication", None)
    return EventDate(None, None, None, None, None)


def _verb_for(trigger: Token) -> Token:
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    return trigger


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _is_claimed(verb: Token) -> bool:
    if any(c.lower_ in CLAIM_ADVERBS for c in verb.children):
        return True
    head = verb
    for _ in range(3):
        if head.dep_ in ("ccomp", "xcomp", "pcomp", "pobj") and head.head.lemma_.lower() in CLAIM_WORDS:
            return True
        if head.head is head:
            break
        head = head.head
    return False


def _is_conditional(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.lower_ in ("if", "unless") and c.dep_ == "mark" for c in verb.children)


def status_of(trigger: Token, when: EventDate, published: date | None) -> str:
    verb = _verb_for(trigger)
    if _is_negated(verb):
        return "denied"
    if _is_conditional(verb):
        return "conditional"
    if _is_claimed(verb):
        return "claimed"
    if verb.pos_ in ("VERB", "AUX") and verb_direction(verb) == FUTURE:
        return "planned"
    if when.basis == "text" and published is not None and when.first is not None and when.first > published:
        return "planned"
    return "occurred"
