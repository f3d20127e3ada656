"""How sure a reading of one event is: the evidence for it, named, and a score from that evidence.

The evidence is what a careful reader checks before believing a line on a timeline: does the
sentence name who did it, and to whom; is the act in the sentence's main clause or buried in a
report, a quote, a question or a modal; is the doer a political actor at all; do the words date
it, and how often a reading of its PLOVER type is right (`type:ASSAULT`: some types' words are
far more ambiguous than others'). `dateline.evidence` weighs each piece (a logistic model:
intercept plus the weights of the evidence present).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.analyze.events.dates import quoted_spans
from dateline.analyze.events.intent import clause_verb, speech_verb
from dateline.analyze.events.status import is_hedged, own_line
from dateline.analyze.word_lists import read_word_lists
from dateline.evidence import EVIDENCE
from dateline.model import Actor, Event

# Sectors whose members act politically in their own name; a person's sector is their office's.
# (data/confidence.json)
POLITICAL_SECTORS: frozenset[str] = frozenset(
    read_word_lists("confidence", __package__)["political_sectors"])
# How a sentence ends when it is one: scraped highlights, captions and menus run on without.
SENTENCE_ENDS = ".!?\"'\u201d\u2019)"


def _date_evidence(event: Event) -> str:
    """How the words date the event. A date without its year ("on November 4" in an undated
    article) is dated by its words as far as they go."""
    if event.date is None and event.date_value:
        return "date-inherited" if event.date_basis == "inherited" else "date-text"
    return {"text": "date-text", "inherited": "date-inherited", "publication": "date-publication"}.get(
        event.date_basis or "", "undated")


def evidence_for(event: Event, trigger: Token, actor: Callable[[str], Actor | None]) -> tuple[str, ...]:
    """The named evidence for one event read from `trigger`, in EVIDENCE order."""
    found = {event.status}
    verb = clause_verb(trigger)
    if event.source_actor:
        found.add("doer")
        doer = actor(event.source_actor)
        if doer is not None and doer.kind == "person":
            found.add("person-doer")
        if doer is not None and (doer.kind == "country" or (event.source_sector or doer.sector) in POLITICAL_SECTORS):
            found.add("political-doer")
    if event.target_actor:
        found.add("target")
    if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
        found.add("main-clause")
    if speech_verb(verb) is not None:
        found.add("reported")
    sentence = trigger.sent
    start = trigger.idx - sentence.start_char
    if any(a <= start < b for a, b in quoted_spans(sentence.text)):
        found.add("quoted")
    if is_hedged(verb):
        found.add("hedged")
    line = own_line(trigger)
    if line.endswith("?"):
        found.add("question")
    if not line.endswith(tuple(SENTENCE_ENDS)):
        found.add("unpunctuated")
    if trigger.pos_ in ("VERB", "AUX"):
        found.add("verb")
    found.add(_date_evidence(event))
    return (*(name for name in EVIDENCE if name in found), f"type:{event.type}")
