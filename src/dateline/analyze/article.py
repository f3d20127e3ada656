"""Analysis of one article: a pure function of the article (and the read-only knowledge).

Steps:
  1. parse with spaCy (knowledge-fed entity ruler before the NER);
  2. sentences, converted to records;
  3. time expressions, resolved against the publication date and the tense of their clause;
  4. actor mentions, resolved to canonical actors;
  5. events: triggers with their actors, place, date and status;
  6. quotes with their speakers;
  7. demonyms that name a group of people or a mission ("Afghan students") become its mentions.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from spacy.tokens import Doc

from dateline.analyze.actors import find_mentions
from dateline.analyze.collectives import name_collectives
from dateline.analyze.events.finder import EventFinder
from dateline.analyze.nlp import doc_text, forget_cached, load_pipeline
from dateline.analyze.quotes import find_quotes
from dateline.analyze.segments import parse_texts
from dateline.analyze.tense import clause_direction
from dateline.analyze.timex import find_times
from dateline.errors import E013, failure_detail
from dateline.knowledge import Knowledge, load_knowledge
from dateline.model import Actor, Analysis, Article, Event, Mention, Sentence, Skip

# spaCy's own batching: large enough to amortize, small enough to keep memory flat.
PIPE_BATCH_SIZE = 16


def analyze_article(article: Article, kb: Knowledge | None = None) -> Analysis:
    """Everything Dateline learns from one article on its own."""
    kb = kb or load_knowledge()
    return next(analyze_articles([article], kb))


def analyze_articles(articles: Iterable[Article], kb: Knowledge | None = None) -> Iterator[Analysis]:
    """The same as `analyze_article` over many articles, parsed in spaCy batches."""
    kb = kb or load_knowledge()
    nlp = load_pipeline(kb)
    finder = EventFinder(kb)
    pairs = ((article.text, article) for article in articles)
    for doc, article in parse_texts(nlp, pairs, PIPE_BATCH_SIZE):
        yield analyze_doc(doc, article, kb, finder)


def analyze_or_skip(articles: list[Article], kb: Knowledge,
                    finder: EventFinder | None = None) -> list[Analysis | Skip]:
    """`analyze_articles` over a chunk, where an article whose analysis raises becomes a Skip
    (E013) naming the error, and the others are analyzed all the same. Pass the `finder` built
    for this knowledge where there is one: building it costs some tens of milliseconds."""
    nlp = load_pipeline(kb)
    finder = finder if finder is not None else EventFinder(kb)
    try:
        return [_doc_or_skip(doc, article, kb, finder)
                for doc, article in parse_texts(nlp, ((a.text, a) for a in articles), PIPE_BATCH_SIZE)]
    except Exception as error:  # the parse itself failed: parse alone to find which article
        if len(articles) == 1:
            return [_failed(articles[0], error)]
        return [result for article in articles for result in analyze_or_skip([article], kb, finder)]


def _doc_or_skip(doc: Doc, article: Article, kb: Knowledge, finder: EventFinder) -> Analysis | Skip:
    try:
        return analyze_doc(doc, article, kb, finder)
    except Exception as error:  # one article's odd text must not cost the others
        return _failed(article, error)


def _failed(article: Article, error: Exception) -> Skip:
    return Skip(article.source, E013.format(detail=failure_detail(error)))


def analyze_doc(doc: Doc, article: Article, kb: Knowledge, finder: EventFinder) -> Analysis:
    """The analysis of one parsed article; `finder` is the EventFinder built for `kb`."""
    try:
        return _analyze_doc(doc, article, kb, finder)
    finally:
        forget_cached(doc)  # the cached entities point back at the doc: a cycle that would keep it


def _analyze_doc(doc: Doc, article: Article, kb: Knowledge, finder: EventFinder) -> Analysis:
    sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)]
    times = find_times(doc_text(doc), article.published, clause_direction(doc))
    mentions, actors = find_mentions(doc, kb, article.published, scope=article.id)
    # A title's qualifier ("MEA spokesperson Arindam Bagchi") is a mention, but the name is who acts.
    actors_of_phrases = [mention for mention in mentions if mention.how != "qualifier"]
    events = finder(doc, article, actors_of_phrases, times, actors=actors)
    actors = _with_event_actors(actors, events, kb)
    people = {actor.id for actor in actors if actor.kind == "person"}
    quotes = find_quotes(doc, article.id, actors_of_phrases, people, article.published)
    named, groups = name_collectives(doc, kb, mentions)
    actors += [group for group in groups if group not in actors]
    events = [_by_collectives(event, mentions, named, {group.id: group for group in groups}) for event in events]
    mentions = named
    return Analysis(article=article, sentences=sentences, times=times, actors=actors,
                    mentions=mentions, events=events, quotes=quotes)


def _by_collectives(event: Event, mentions: list[Mention], named: list[Mention],
                    groups: dict[str, Actor]) -> Event:
    """The event with a state that stands for a group or mission of its own named in the sentence
    ("Afghan students urged ...", coded AFG EDU) replaced by that group: what a reader sees is
    who acted, while the codes stay the state's and the sector's. Only where the sentence names
    the state so once: of "Indian universities" and "the Indian government", which is which
    the event does not say."""
    sides = {}
    for side, text in (("source_actor", event.source_text), ("target_actor", event.target_text)):
        country = getattr(event, side)
        written = [m for m in mentions if m.sentence == event.sentence and m.actor_id == country and m.text == text]
        found = {m.actor_id for m in named if m.sentence == event.sentence and m.actor_id in groups
                 and groups[m.actor_id].country == country and text and m.text.startswith(text + " ")}
        if len(written) == 1 and len(found) == 1:
            sides[side] = found.pop()
    return replace(event, **sides) if sides else event


def _with_event_actors(actors: list[Actor], events: list[Event], kb: Knowledge) -> list[Actor]:
    """Events may name a country through a place ("seized Kandahar"): its actor must be stored too."""
    known = {actor.id for actor in actors}
    extra = []
    for event in events:
        for actor_id in (event.source_actor, event.target_actor):
            if actor_id and actor_id not in known and actor_id in kb.actors:
                known.add(actor_id)
                extra.append(kb.actors[actor_id])
    return actors + extra
