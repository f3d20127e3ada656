"""Events from one parsed article: trigger words, their actors, place, date and status.

`EventFinder` is the component: built once from the knowledge (and the trigger lexicon), it
owns what it compiles from them, and is called once per article. Steps, for each sentence:
  1. find triggers: verbs and nouns in the lexicon (a noun under a light verb: "held talks");
  2. read the source and target actors off the parse (subject, object, "with"/"to"/"against"...);
  3. read the place from an "in"/"at" phrase;
  4. date it by the time expression tied to the trigger, else by the date the sentence before it
     carries over (same paragraph, see `dates.Narrative`), else the publication date;
  5. give it a status (occurred, planned, claimed, denied, conditional);
  6. keep one event per (type, source, target) within a sentence.
Steps 2 to 5 are `coding.code_trigger`; each event records which rule found each of its parts
(`Event.found_by`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.analyze.events.coding import ArticleContext, code_trigger
from dateline.analyze.events.confidence import evidence_for
from dateline.analyze.events.dates import Narrative, dated_times
from dateline.analyze.events.intent import is_alleged, is_forecast, is_requested
from dateline.analyze.events.mention_index import ACTOR_NOUNS, MentionIndex
from dateline.analyze.events.pairs import same_side
from dateline.analyze.events.trigger_matcher import TriggerCandidates, trigger_words
from dateline.analyze.events.triggers import Lexicon, find_triggers, is_under_light_verb, load_lexicon
from dateline.analyze.word_lists import read_word_lists
from dateline.evidence import score
from dateline.knowledge import Knowledge
from dateline.model import DATE_BASES, Actor, Article, Event, Mention, TimeRef

# Stronger date bases rank higher when two readings of one happening compete within a sentence.
_DATE_BASIS_STRENGTH = {basis: len(DATE_BASES) - rank for rank, basis in enumerate(DATE_BASES)}
# The country an article is about: the one its mentions of countries, their places and their
# people name most, when it holds at least this share of them and is named this often.
HOME_SHARE = 0.5
HOME_MENTIONS = 3


class EventFinder:
    """The events of an article, from its parse, its actor mentions and its time expressions."""

    def __init__(self, kb: Knowledge, lexicon: Lexicon | None = None) -> None:
        self.kb = kb
        self.lexicon = lexicon or load_lexicon()
        self.words = trigger_words(self.lexicon)
        self.actor_nouns = ACTOR_NOUNS | frozenset(kb.agent_sectors)

    def __call__(self, doc: Doc, article: Article, mentions: list[Mention], times: list[TimeRef],
                 actors: list[Actor] | None = None) -> list[Event]:
        known = ArticleActors(actors, self.kb)
        index = MentionIndex(mentions, self.actor_nouns, self.kb, known.is_placed, doc)
        rooted_times = dated_times(doc, times)
        context = ArticleContext(article, index, rooted_times, self.kb, Narrative(doc, rooted_times, article.published),
                                 same_side(known), known.country_of, home_country(mentions, known))
        candidates = TriggerCandidates(doc, self.words)
        events: list[Event] = []
        for sentence_index, sentence in enumerate(doc.sents):
            events.extend(self._sentence_events(candidates.within(sentence), sentence_index, context, known))
        return events

    def _sentence_events(self, candidates: list[Token], sentence_index: int, context: ArticleContext,
                         known: ArticleActors) -> list[Event]:
        # "signed an agreement" names one happening twice: keep the richest reading per sentence.
        kept: dict[tuple, tuple[tuple, tuple, Event]] = {}
        for trigger, event_class, how in find_triggers(candidates, self.lexicon):
            if (is_requested(trigger) or is_alleged(trigger) or is_circumstance(trigger) or is_forecast(trigger)
                    or is_spoken_of(trigger)):
                continue  # asked for, alleged, scene-setting, forecast or feared: no happening of its own
            for event in code_trigger(trigger, event_class, how, sentence_index, context):
                evidence = evidence_for(event, trigger, known)
                event = replace(event, evidence=evidence, confidence=score(evidence))
                key = (event.type, event.source_actor, event.target_actor)
                rank = _richness(event, trigger.pos_ in ("VERB", "AUX"))
                if key not in kept or rank > kept[key][0]:
                    kept[key] = (rank, (_depth(trigger), trigger.i), event)
        # The sentence's main event first: the trigger nearest the root of the parse.
        return [event for _, _, event in sorted(kept.values(), key=lambda kept_event: kept_event[1])]


class ArticleActors:
    """An actor by its id: the article's own actors first, else the knowledge's."""

    def __init__(self, actors: list[Actor] | None, kb: Knowledge) -> None:
        self.in_article = {actor.id: actor for actor in actors or ()}
        self.kb = kb

    def __call__(self, actor_id: str) -> Actor | None:
        return self.in_article.get(actor_id) or self.kb.actors.get(actor_id)

    def country_of(self, actor_id: str) -> str | None:
        return getattr(self(actor_id), "country", None)

    def is_placed(self, actor_id: str) -> bool:
        """Whether the actor belongs to a country or is an international body (IGO, NGO)."""
        actor = self(actor_id)
        return actor is not None and bool(actor.country or actor.sector in ("IGO", "NGO"))


# Nouns of talk and expectation: what they are "of" is spoken of or feared, not done ("fears of an
# attack"): data/finder.json.
HEARSAY_NOUNS: frozenset[str] = frozenset(read_word_lists("finder", __package__)["hearsay_nouns"])


def is_spoken_of(trigger: Token) -> bool:
    """A noun event "of" which others speak or which they fear, or "talk of" itself."""
    if trigger.lemma_.lower() == "talk" and any(c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children):
        return True
    head = trigger.head
    return (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and head.lower_ in ("of", "about")
            and head.head.lemma_.lower() in HEARSAY_NOUNS)


def is_circumstance(trigger: Token) -> bool:
    """ "Asked about the meetings, he said ...", "Backed by tanks, troops entered": a participle
    opening a sentence without a subject of its own sets the scene for the main clause; its act
    is not the main clause subject's."""
    return (trigger.tag_ == "VBN" and trigger.dep_ == "advcl"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
            and trigger.i < trigger.head.i)


def _richness(event: Event, from_verb: bool) -> tuple:
    return (event.source_actor is not None, event.target_actor is not None,
            _DATE_BASIS_STRENGTH.get(event.date_basis, 0),
            event.location is not None, from_verb)


def _depth(token: Token) -> int:
    """Hops to the root; a noun under a light verb stands where its verb stands ("staged a protest")."""
    if token.pos_ in ("NOUN", "PROPN") and is_under_light_verb(token):
        token = token.head
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def home_country(mentions: list[Mention], known) -> str | None:
    """The country most of an article's country mentions point to, if one dominates."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        actor = known(mention.actor_id)
        if actor is not None and actor.kind == "country":
            counts[actor.id] += 1
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= HOME_MENTIONS and count >= HOME_SHARE * sum(counts.values()) else None
