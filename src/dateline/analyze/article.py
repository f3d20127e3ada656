"""Analysis of one article: a pure function of the article (and the read-only knowledge).

An `ArticleAnalyzer` is built once from the knowledge: the parsing pipeline and each component
that compiles what it needs from the knowledge (`ActorFinder`, `EventFinder`, `CollectiveNamer`).
Called on an article's parse, it runs the steps:
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
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc

from dateline.analyze.actors import ActorFinder, CollectiveNamer
from dateline.analyze.events.finder import EventFinder
from dateline.analyze.nlp import build_pipeline, doc_text, forget_cached
from dateline.analyze.quotes import find_quotes
from dateline.analyze.segments import parse_texts
from dateline.analyze.tense import clause_direction
from dateline.analyze.timex import find_times
from dateline.errors import E013, failure_detail
from dateline.knowledge import Knowledge, load_knowledge
from dateline.model import Actor, Analysis, Article, Event, Mention, Sentence, Skip

# spaCy's own batching: large enough to amortize, small enough to keep memory flat.
PIPE_BATCH_SIZE = 16


class ArticleAnalyzer:
    """Everything the analysis builds from one knowledge, built once (about a second, most of it
    the pipeline) and kept for every article analyzed with that knowledge."""

    def __init__(self, kb: Knowledge):
        self.kb = kb
        self.nlp = build_pipeline(kb)
        self.find_actors = ActorFinder(kb)
        self.find_events = EventFinder(kb)
        self.name_collectives = CollectiveNamer(kb)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Each article's analysis, the articles parsed in spaCy batches."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in parse_texts(self.nlp, pairs, PIPE_BATCH_SIZE):
            yield self(doc, article)

    def analyze_or_skip(self, articles: list[Article]) -> list[Analysis | Skip]:
        """`analyze` over a chunk, where an article whose analysis raises becomes a Skip (E013)
        naming the error, and the others are analyzed all the same."""
        try:
            return [self._doc_or_skip(doc, article)
                    for doc, article in parse_texts(self.nlp, ((a.text, a) for a in articles), PIPE_BATCH_SIZE)]
        except Exception as error:  # the parse itself failed: parse alone to find which article
            if len(articles) == 1:
                return [_failed(articles[0], error)]
            return [result for article in articles for result in self.analyze_or_skip([article])]

    def __call__(self, doc: Doc, article: Article) -> Analysis:
        """The analysis of one parsed article."""
        try:
            return self._analyze(doc, article)
        finally:
            forget_cached(doc)  # the cached entities point back at the doc: a cycle that would keep it

    def _doc_or_skip(self, doc: Doc, article: Article) -> Analysis | Skip:
        try:
            return self(doc, article)
        except Exception as error:  # one article's odd text must not cost the others
            return _failed(article, error)

    def _analyze(self, doc: Doc, article: Article) -> Analysis:
        sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)]
        times = find_times(doc_text(doc), article.published, clause_direction(doc))
        mentions, actors = self.find_actors(doc, article.published, scope=article.id)
        # A title's qualifier ("MEA spokesperson Arindam Bagchi") is a mention, but the name is who acts.
        actors_of_phrases = [mention for mention in mentions if mention.how != "qualifier"]
        events = self.find_events(doc, article, actors_of_phrases, times, actors=actors)
        actors = _with_event_actors(actors, events, self.kb)
        people = {actor.id for actor in actors if actor.kind == "person"}
        quotes = find_quotes(doc, article.id, actors_of_phrases, people, article.published)
        named, groups = self.name_collectives(doc, mentions)
        actors += [group for group in groups if group not in actors]
        events = [_by_collectives(event, mentions, named, {group.id: group for group in groups}) for event in events]
        return Analysis(article=article, sentences=sentences, times=times, actors=actors,
                        mentions=named, events=events, quotes=quotes)


def analyzer_for(knowledge: str | Path | None = None) -> ArticleAnalyzer:
    """The analyzer for the package's knowledge with a user's file (a path) merged over it:
    built once a process for each file, and again when the file changes, as the knowledge is."""
    if knowledge is None:
        return _analyzer(None, 0)
    path = Path(knowledge)
    load_knowledge(path)  # a missing or bad file fails here with its own message
    return _analyzer(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _analyzer(path: str | None, _modified: int) -> ArticleAnalyzer:
    return ArticleAnalyzer(load_knowledge(path))


def analyzer_of(kb: Knowledge | None) -> ArticleAnalyzer:
    """The analyzer for a knowledge object: the kept one for the package's own knowledge, a new
    one for any other (a caller with a knowledge of its own keeps its analyzer)."""
    if kb is None or kb is load_knowledge():
        return analyzer_for(None)
    return ArticleAnalyzer(kb)


def _failed(article: Article, error: Exception) -> Skip:
    return Skip(article.source, E013.format(detail=failure_detail(error)))


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
