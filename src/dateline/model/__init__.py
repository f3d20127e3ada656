"""The records that flow between Dateline's stages, in one package: every stage takes and returns
these, and nothing crosses a stage boundary as a loose dict. Dates are `datetime.date`; spans are
character offsets into `Article.text`. Import them from here (`from dateline.model import Event`);
the modules say which records belong together:

  vocabulary  the closed vocabularies of the records' fields (types, sectors, bases, precisions)
  articles    Article, Skip, Note, Sentence, TimeRef
  actors      Actor, Role, Mention; ids that hold only within one article
  events      Event, Location, Quote, and the Analysis of one article
  fused       the cross-article records fusion builds: FusedEvent, EventSource, Reading, Story ...
  views       what queries answer with: ArticleView, Relation, KeyDate, Overview, corrections ...
  search      what a full-text search answers: SearchHit
  sources     following the news on the web: Fetched, FeedEntry, FetchRecord, RoundReport
  followed    what the store tells of the sources followed: SourcesOverview, SourceState, WatchRound
"""
from dateline.model.vocabulary import (PUBLISHED_BASES, TIME_BASES, PRECISIONS, EVENT_STATUSES,
    DATE_BASES, PLOVER_TYPES, ACTOR_KINDS, SECTORS)
from dateline.model.articles import (Article, ArticleHead, Skip, Note, shown_name, Sentence,
    TimeRef)
from dateline.model.actors import (ROLE_BASES, Role, SCOPE_MARK, scoped_id, unscoped_id,
    is_unresolved, Actor, Mention)
from dateline.model.events import (Location, Event, Quote, Analysis)
from dateline.model.fused import (EventSource, ActorMention, ActorProfile, FusedEvent, Reading,
    DateClaim, StoryArticle, StoryCounts, NearDuplicate, Story, EventMark)
from dateline.model.views import (ArticleView, EventMonth, RelationMonth, Relation, Overview, ExportReport,
    KeyDateSentence, SummarySentence, KeyDate, ActorCandidate, Correction, ActorSplit,
    ReadingExplained, Explanation)
from dateline.model.followed import SourcesOverview, SourceState, WatchRound
from dateline.model.search import SEARCH_KINDS, SearchHit
from dateline.model.sources import (SOURCE_KINDS, FeedEntry, Fetched, FetchRecord, KeptPage,
                                    KnownLink, KnownSources, RoundReport)

__all__ = [
    "SourceState", "SourcesOverview", "WatchRound",
    "ACTOR_KINDS", "Actor", "ActorCandidate", "ActorMention", "ActorProfile", "ActorSplit",
    "Analysis", "Article", "ArticleHead", "ArticleView", "Correction", "DATE_BASES", "DateClaim",
    "EVENT_STATUSES", "Event", "EventMonth", "Explanation", "EventMark", "EventSource", "ExportReport", "FusedEvent", "KeyDate", "KeyDateSentence",
    "Location", "Mention", "NearDuplicate", "Note", "Overview", "PLOVER_TYPES", "PRECISIONS",
    "PUBLISHED_BASES", "Quote", "ROLE_BASES", "Reading", "ReadingExplained", "Relation", "RelationMonth", "Role",
    "SCOPE_MARK", "SEARCH_KINDS", "SECTORS", "SearchHit", "Sentence", "Skip", "Story", "StoryArticle", "StoryCounts",
    "SummarySentence", "TIME_BASES", "TimeRef", "is_unresolved", "scoped_id", "shown_name",
    "unscoped_id",
    "SOURCE_KINDS", "FeedEntry", "Fetched", "FetchRecord", "KeptPage", "KnownLink", "KnownSources", "RoundReport",
]
