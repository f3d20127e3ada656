"""Every summary the coder can ask for reads as an English sentence.

Enumerates each (type, mode) the trigger lexicon and the event coder can produce (the lexicon's
classes, their refusal, threat and intention recodings, and the obligation class), and each PLOVER
type with a mode no phrase knows; for each, every status, with and without a doer, a target and a
place; and checks the rules a grammar would.
"""
import re

import pytest

from dateline.analyze.events.triggers import OBLIGATION, as_intention, as_refusal, as_threat, load_lexicon
from dateline.fuse.summary import PHRASES, summarize
from dateline.model import EVENT_STATUSES, Actor, Location

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PREPOSITIONS = ("with", "to", "from", "in", "of", "against", "on", "for", "at", "by", "about", "over", "into",
                "upon")
# Types that may hold another type's act ("refused to meet"): their planned and conditional
# events read as the refusal, threat or pledge made, so carry no "is to" or "may".
WRAPPING_TYPES = ("REJECT", "THREATEN", "AGREE")

INDIA = Actor("IND", "India", "country", "IND")
PAKISTAN = Actor("PAK", "Pakistan", "country", "PAK")
MINISTER = Actor("person:amir-khan-muttaqi", "Amir Khan Muttaqi", "person", "AFG", "GOV")
HOUTHIS = Actor("group:houthis", "Houthis", "group", "YEM", "REB")
SCO = Actor("org:sco", "Shanghai Cooperation Organisation", "organisation")
DOERS = (None, INDIA, MINISTER, HOUTHIS)
TARGETS = (PAKISTAN, MINISTER, HOUTHIS, SCO)
PLACES = (None, Location("Homs", "SYR"))
SINGULAR = {"India", "Pakistan", "Amir Khan Muttaqi (AFG)", "Shanghai Cooperation Organisation"}


def coded_pairs() -> list[tuple[str, str]]:
    lexicon = load_lexicon()
    classes = {rule.event_class for rules in lexicon.verbs.values() for rule in rules}
    classes |= set(lexicon.nouns.values()) | {OBLIGATION}
    recoded = {recode(c) for c in classes for recode in (lambda c: c, as_refusal, as_threat, as_intention)}
    return sorted({(c.type, c.mode) for c in recoded})


ALL_PAIRS = coded_pairs() + [(type_, "no-such-mode") for type_ in PLOVER_TYPES]


def label(actor: Actor) -> str:
    return f"{actor.name} ({actor.country})" if actor.country and actor.kind != "country" else actor.name


def faults(summary: str, status: str, type_: str, doer: Actor | None, place: Location | None) -> list[str]:
    """What a grammar would object to in one summary."""
    found = []
    body = summary[:-len(f" in {place.name}")] if place and summary.endswith(f" in {place.name}") else summary
    if "unnamed party" in summary.lower():
        found.append("invents a doer")
    if not summary[:1].isupper():
        found.append("no capital")
    if re.search(r"[{}]|  |\bNone\b", summary) or summary != summary.strip():
        found.append("template residue")
    if body.split()[-1] in PREPOSITIONS:
        found.append("ends with a preposition")
    if doer is None and re.search(r"\b(its|their)\b", summary):
        found.append("a possessive with no owner")
    if doer is not None:
        rest = summary[len(label(doer)) + 1:]
        if re.match(rf"(reportedly )?({'|'.join(t.lower() for t in PLOVER_TYPES)})\b", rest):
            found.append("bare type word as the verb")
    if re.search(r"\b(is to|are to|did not|may) \w+ed\b", summary):
        found.append("past form where the base form belongs")
    subject = next((name for name in SINGULAR | {"Houthis (YEM)"} if summary.startswith(name + " ")), None)
    first_aux = re.search(r"\b(was|were|is|are)\b", summary)
    if first_aux and summary.startswith(("A ", "An ")) and first_aux[1] in ("were", "are"):
        found.append("plural verb after a singular subject")
    if subject and first_aux and summary.startswith(f"{subject} {first_aux[1]}"):
        if (subject in SINGULAR) != (first_aux[1] in ("was", "is")):
            found.append("subject and verb disagree")
    wrapped = type_ in WRAPPING_TYPES and status in ("planned", "conditional")
    marker = {"claimed": r"\breportedly\b", "denied": r"\b(not|no)\b", "conditional": r"\bmay\b",
              "planned": r"\b(is|are) to\b"}.get(status)
    if marker and not wrapped and not re.search(marker, summary):
        found.append(f"no sign of the status {status}")
    return found


def dangling(with_target: str, target: Actor, alone: str) -> bool:
    """Whether the sentence with no target is the one with a target, cut before it ("India met"
    from "India met Pakistan", "India is to back" from "India is to back Pakistan"): a transitive
    verb left hanging. A target that opens the sentence ("Pakistan was attacked") leaves nothing."""
    before = with_target.split(label(target))[0].strip()
    return bool(before) and alone == before


@pytest.mark.parametrize(("type_", "mode"), ALL_PAIRS, ids=[f"{t}-{m}" for t, m in ALL_PAIRS])
def test_summary_grammar_every_mode_status_and_side(type_, mode):
    problems = []
    for status in EVENT_STATUSES:
        for doer in DOERS:
            for place in PLACES:
                alone = summarize(type_, mode, status, doer, None, place)
                problems += [(alone, fault) for fault in faults(alone, status, type_, doer, place)]
                for target in TARGETS:
                    if target is doer:
                        continue
                    summary = summarize(type_, mode, status, doer, target, place)
                    problems += [(summary, fault) for fault in faults(summary, status, type_, doer, place)]
                    if place is None and dangling(summary, target, alone):
                        problems.append((alone, f"dangles where {summary!r} had a target"))
    assert not problems, problems[:10]


@pytest.mark.parametrize(("type_", "mode"), coded_pairs(), ids=[f"{t}-{m}" for t, m in coded_pairs()])
def test_summary_every_coded_mode_has_its_own_phrase(type_, mode):
    # A mode with no phrase would read as its bare type; add a PHRASES row for it.
    assert mode in PHRASES
