"""Whether an event happened: the status its clause gives it (occurred, planned, claimed,
denied, conditional), and the hedges and questions that the confidence model reads too."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from dateline.analyze.events.dates import EventDate
from dateline.analyze.word_lists import read_word_lists
from dateline.analyze.tense import (
    FUTURE,
    FUTURE_GOVERNORS,
    INTENT_GOVERNORS,
    chain_head,
    is_infinitive_under,
    is_marked_clause,
    is_progressive,
    verb_direction,
)

# The words that tell whether an act happened, each list with what it is for: data/status.json.
_WORDS = read_word_lists("status", __package__)
CLAIM_WORDS: frozenset[str] = frozenset(_WORDS["claim_words"])  # "claimed to have shot down"
CLAIM_ADVERBS: frozenset[str] = frozenset(_WORDS["claim_adverbs"])  # "reportedly killed"


def _verb_for(trigger: Token) -> Token:
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    return trigger


def is_refusal_head(head: Token) -> bool:
    """ "did not refuse to meet": the negation is the refusal's, read by `_is_negated` below."""
    return head.lemma_.lower() in NEGATING_GOVERNORS


# "refused to release", "failed to reach": the act under them did not happen.
NEGATING_GOVERNORS: frozenset[str] = frozenset(_WORDS["negating_governors"])


def _is_negated(verb: Token) -> bool:
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_GOVERNORS:
        return True
    return any(c.dep_ == "neg" for c in verb.children)


def _is_claimed(verb: Token) -> bool:
    if any(c.lower_ in CLAIM_ADVERBS for c in verb.children):
        return True
    head = verb
    for _ in range(3):
        if head.dep_ in ("ccomp", "xcomp", "pcomp", "pobj") and head.head.lemma_.lower() in CLAIM_WORDS:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


# An unless-clause under an act makes it a threat (`intent.is_ultimatum`), not a condition.
IF = frozenset({"if"})


def _is_conditional(verb: Token) -> bool:
    """Inside an if-clause, or under one: "will send troops if the UN approves"."""
    return is_marked_clause(verb) or any(is_marked_clause(clause, IF) for clause in verb.children)


# "should step down", "could strike", "would not welcome": a modal makes the act a possibility or
# an obligation, not a report. (A future "will" is a plan: see tense.FUTURE_AUXILIARIES.)
HEDGING_MODALS: frozenset[str] = frozenset(_WORDS["hedging_modals"])
# How far up coordinations and chained verbs a modal reaches: "should go in, arrest him and take
# him to the Hague" hedges all three.
_MODAL_REACH = frozenset({"conj", "xcomp"})


def is_hedged(verb: Token) -> bool:
    current = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in HEDGING_MODALS for c in current.children):
            return True
        if current.dep_ not in _MODAL_REACH or current.head.i == current.i:
            return False
        current = current.head
    return False


def own_line(trigger: Token) -> str:
    """The trigger's sentence as far as the line it stands on: the parser may run a sentence on
    over a line break ("Does he disapprove?\nPaxman: thank you.")."""
    sentence = trigger.sent
    text, at = sentence.text, trigger.idx - sentence.start_char
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)].strip()


def _is_question(trigger: Token) -> bool:
    return own_line(trigger).rstrip("\"'\u201d)").endswith("?")


def status_of(trigger: Token, when: EventDate, published: date | None) -> str:
    verb = _verb_for(trigger)
    head = chain_head(verb)  # whether a chain's act happened is said at its head
    if _is_negated(verb) or (head is not verb and _is_negated(head) and not is_refusal_head(head)):
        return "denied"
    if any(_is_conditional(v) or is_hedged(v) for v in {verb, head}) or _is_question(trigger):
        return "conditional"
    if _is_claimed(verb):
        return "claimed"
    if verb.pos_ in ("VERB", "AUX") and verb_direction(verb) == FUTURE and not is_progressive(verb):
        return "planned"
    if is_infinitive_under(verb, FUTURE_GOVERNORS | INTENT_GOVERNORS):
        return "planned"  # "offered to send", "wants Putin to attack": not done yet
    if when.basis == "text" and published is not None and when.first is not None and when.first > published:
        return "planned"
    return "occurred"
