"""Intentions, obligations and who is speaking: the readings CAMEO gives to words about acts
not (yet) done.

- An act an actor commits to ("offered to hand over", "is ready to send", "said it would allow")
  is an intention: AGREE when cooperative, THREATEN when hostile (`triggers.as_intention`). An act
  on a schedule (dated: "will meet on Tuesday"; or reported by others: "will meet Y, officials
  said") keeps its own type.
- An act a speaker says another must do ("Russia said Sudan must return the helicopter") is a
  demand by the speaker on the one who must.
- An act one actor asks of another ("urged Assad to step down", "calls for Gadhafi to quit", "the
  demand that Gadhafi halt the shelling") is the content of that request, not a happening.
- So is an act one actor accuses another of, or denies ("accuses it of backing militants",
  "deny accusations that Iran has supported the crackdown"): the accusation or the denial is the
  happening; the act is only alleged.
"""
from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.events.actor_phrases import actor_of
from dateline.analyze.events.mention_index import MentionIndex
from dateline.analyze.events.subjects import subject_of
from dateline.analyze.word_lists import read_word_lists
from dateline.analyze.tense import (FUTURE, INTENT_GOVERNORS, chain_head, is_infinitive_under, is_marked_clause,
                                    verb_direction)
from dateline.model import Mention

# The words of saying, asking, alleging and committing, each list with what it is for: data/intent.json.
_WORDS = read_word_lists("intent", __package__)
SPEECH_VERBS: frozenset[str] = frozenset(_WORDS["speech_verbs"])
OBLIGATION_AUXILIARIES: frozenset[str] = frozenset(_WORDS["obligation_auxiliaries"])  # "China must drop"
REFUSAL_GOVERNORS: frozenset[str] = frozenset(_WORDS["refusal_governors"])  # "refused to release"
UNLESS = frozenset({"unless"})
# Words by which one actor asks another to act; the act they govern is only asked for.
REQUEST_GOVERNORS: frozenset[str] = frozenset(_WORDS["request_governors"])
# Words that allege an act or deny it; the act they govern is only alleged.
ALLEGATION_GOVERNORS: frozenset[str] = frozenset(_WORDS["allegation_governors"])
# How a requested act hangs below the word that asks for it ("calls for X to quit": quit is an
# acl or advcl of calls, or under its preposition).
_REQUEST_PATH = frozenset({"xcomp", "ccomp", "advcl", "acl", "pobj", "pcomp", "prep", "dobj", "conj", "relcl"})
SCHEDULE_GOVERNORS: frozenset[str] = frozenset(_WORDS["schedule_governors"])  # "is scheduled to attend"


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


# A warning of these is a forecast ("warned of the risk of further attacks"), not a threat.
FORECAST_NOUNS: frozenset[str] = frozenset(_WORDS["forecast_nouns"])
WARNING_VERBS: frozenset[str] = frozenset(_WORDS["warning_verbs"])
# Pronouns that, as the subject of what is warned of, are usually the one warning ("warned that it
# would retaliate"): that is a threat.
_SELF_PRONOUNS: frozenset[str] = frozenset(_WORDS["self_pronouns"])


def is_forecast(trigger: Token) -> bool:
    """ "warned that the insurgency could go on for a decade", "warned that Syria could slide into
    civil war", "warned of the risk of attacks": a warning about what others or events may do
    is a forecast, not a threat by the one warning."""
    if trigger.lemma_.lower() not in WARNING_VERBS:
        return False
    for child in trigger.children:
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ not in _SELF_PRONOUNS:
                return True
        if child.dep_ == "prep" and child.lower_ in ("of", "about", "against"):
            if any(g.lemma_.lower() in FORECAST_NOUNS for g in child.children if g.dep_ == "pobj"):
                return True
    return False


def is_alleged(trigger: Token) -> bool:
    """An act that a word of accusing or denying governs ("accused X of backing", "denied that it
    had attacked", "allegations that troops tortured"), within three steps of the parse."""
    return _governor(clause_verb(trigger), ALLEGATION_GOVERNORS) is not None


def is_requested(trigger: Token) -> bool:
    """An act asked of someone, not done: an infinitive or a bare subjunctive ("demanded that he
    resign") below a word of asking, within three steps of the parse."""
    # "halt the shelling and end the sieges", "stop targeting dissidents": the first verb of a
    # coordination or a chain is the one asked
    verb = chain_head(clause_verb(trigger), steps=3, stop_at=REQUEST_GOVERNORS)
    to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    subjunctive = verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children)
    if not (to_infinitive or subjunctive):
        return False
    governor = _governor(verb, REQUEST_GOVERNORS)
    return governor is not None and _asks_another(governor, verb)


def _governor(verb: Token, words: frozenset[str]) -> Token | None:
    """The first word of `words` above the verb, within three steps along _REQUEST_PATH."""
    current = verb
    for _ in range(3):
        if current.dep_ not in _REQUEST_PATH or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in words:
            return current
    return None


def _asks_another(governor: Token, act: Token) -> bool:
    """Whether the asking is of someone else: "urged Assad to quit", "Assad was asked to quit",
    "called on/for X to", the act's own subject ("demanded that he resign"), a noun of asking.
    "Russia wants to mediate" is Russia's own wish (an intention, see `is_committed`)."""
    if governor.pos_ not in ("VERB", "AUX"):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children):
        return True
    return any(c.dep_ in ("dobj", "obj", "nsubjpass", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "for"))
               for c in governor.children)


# Entities that name who is obliged; "they", "we", "the plant" or "the betrayal" name no one the
# speaker can make demands of.
NAMED_PARTIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _names_a_party(clause: Token) -> bool:
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return subject.ent_type_ in NAMED_PARTIES or any(
        c.ent_type_ in NAMED_PARTIES for c in subject.children if c.dep_ in ("compound", "amod", "poss"))


def is_obligation_report(token: Token) -> bool:
    """A verb of saying over a clause of obligation whose subject names a party: "declared that
    China must drop barriers" (not "said they should pay less", "said the plant should be safe")."""
    if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    for clause in token.children:
        if clause.dep_ != "ccomp" or not _names_a_party(clause):
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


