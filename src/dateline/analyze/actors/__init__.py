"""Who an article names: its actor mentions, resolved to canonical actors.

Two components, each built once from the knowledge and called on every parsed article:
- `ActorFinder(kb)(doc, published, scope)`: every mention of a person, country, organisation or
  group, and the actors they point to (finder, which lists its steps);
- `CollectiveNamer(kb)(doc, mentions)`: demonyms that name a group of people or a mission
  ("Afghan students") turned into mentions of it (collectives).

The modules of the steps: context (what the steps share), titles, role_phrases, entities,
short_names, bare_names, unknown_actors, not_names, handles, roles; and sectors, the sector an
agent noun gives a mention ("Afghan troops"), which the event coder reads.
"""
from dateline.analyze.actors.collectives import CollectiveNamer
from dateline.analyze.actors.finder import ActorFinder

__all__ = ["ActorFinder", "CollectiveNamer"]
