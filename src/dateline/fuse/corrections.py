"""A user's corrections of the actors fusion finds: merge two, split one in an article, set a record.

The corrections (`model.Correction`, from the knowledge file's "corrections") edit what
`fuse.actors` computes; they never change how the rest of the corpus links. Each fusion:
1. `undo_splits`: the store as analysis left it. A split renames actor ids in one article's
   stored rows (below); those renames are read back to the ids analysis gave, so every fusion
   starts from the same ground whatever the corrections were last time;
2. `link_actors` (fuse.actors) links that, as with no corrections;
3. `apply_corrections`:
   a. merges, in file order: B's whole linked group joins A's, under A's canonical record;
   b. splits: in the article, every id of A's (merged) group becomes the article's own id
      (`scoped_id`: "person:a~<article>"; an id already scoped to the article stays as it is),
      kept apart from everyone (an actor of that article alone) or linked to B's group;
   c. the merges again, for a merge that names such an article's own id;
   d. sets: the fields a set gives override those of its actor's canonical record (its stored
      name stays an alias), later sets over earlier ones;
4. `merge_linked` (fuse.actors) builds the canonical records from the corrected rows and links.

Why a split renames stored rows: links map an actor id to its canonical id across the corpus,
and the query layer reads each mention, event and quote through them. "Ahmad Khan" in one
article and in another is one id, so only a different id in that article can tell them apart.
Fusion writes the renames with the fused tables, in one transaction, and records each
(`actor_splits`: article, new id, id analysis gave) so the next fusion undoes it first (step 1):
the stored rows are a function of the analyses and the corrections, the same for a store
corrected after its ingest and for a fresh ingest with the corrections already in the file, and
a split taken out of the file is taken out of the store. A new analysis of that article (a fresh
ingest) gives the old ids again, and fusion renames them again.

Which events are fused again: a merge or a split changes the canonical ids an event's report
reads, and so its fusion key (fuse.incremental); what a set changes (a country, a sector) may not
show in the key, so `touched_actors` names the actors whose records the corrections changed since
the last fusion (the store keeps those it applied), and fusion takes their events again.

Corrections name ids the store may not hold yet: they wait for an article that gives them (a merge
by id applies to any later article that produces B's id). Pure functions of records.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from dateline.model import Actor, ActorSplit, Correction, Event, scoped_id
from dateline.store.reader import overridden


@dataclass(slots=True)
class Analyzed:
    """What fusion links: the stored actors, mentions and events with every split undone."""

    actors: list[Actor]
    article_actors: dict[str, set[str]]  # article id -> the ids of the actors it mentions
    events: list[Event]


@dataclass(slots=True)
class Corrected:
    """What the corrections make of linking: everything fusion goes on with."""

    links: dict[str, str]  # actor id -> canonical id, split ids included
    actors: list[Actor]  # the rows merge_linked builds from: sets applied, split actors added
    events: list[Event]  # with the split articles' ids renamed
    splits: list[ActorSplit]  # the renames to store
    split_actors: list[Actor]  # the row to store of each id a split makes, as it is stored
    overrides: dict[str, Correction]  # canonical id -> the set it takes (one per actor)


def undo_splits(actors: Sequence[Actor], article_actors: Mapping[str, set[str]],
                events: Sequence[Event], splits: Sequence[ActorSplit]) -> Analyzed:
    """The stored records with the renames of `splits` (as last stored) read back."""
    if not splits:
        return Analyzed(list(actors), dict(article_actors), list(events))
    back = {(s.article_id, s.actor_id): s.original_id for s in splits}
    split_ids = {s.actor_id for s in splits}
    together = dict(article_actors)
    for article_id in {s.article_id for s in splits} & set(together):
        together[article_id] = {back.get((article_id, i), i) for i in together[article_id]}
    return Analyzed([a for a in actors if a.id not in split_ids], together, renamed(events, back))


def apply_corrections(links: Mapping[str, str], analyzed: Analyzed,
                      corrections: Sequence[Correction]) -> Corrected:
    """The links, rows and events of `analyzed` as the corrections say (the module's step 3)."""
    merges = [c for c in corrections if c.kind == "merge"]
    grouped = merge_groups(links, merges)
    found = find_splits(grouped, analyzed, [c for c in corrections if c.kind == "split"])
    split_links = dict(links)
    for split, into in found:
        split_links[split.actor_id] = links.get(into, split.actor_id) if into else split.actor_id
    final = merge_groups(split_links, merges)
    overrides = record_overrides(final, [c for c in corrections if c.kind == "set"])
    splits = [split for split, _ in found if split.actor_id != split.original_id]
    by_id = {actor.id: actor for actor in analyzed.actors}
    split_actors = [_split_actor(split, into, by_id) for split, into in found
                    if split.actor_id != split.original_id]
    rows = [overridden(row, overrides[row.id]) if row.id in overrides else row
            for row in (*analyzed.actors, *split_actors)]
    renames = {(s.article_id, s.original_id): s.actor_id for s in splits}
    return Corrected(final, rows, renamed(analyzed.events, renames), splits, split_actors,
                     overrides)


def merge_groups(links: Mapping[str, str], merges: Iterable[Correction]) -> dict[str, str]:
    """Links with each merge's B group joined to A's, in order, under A's canonical id. A merge
    naming an id that is not linked (no stored actor has it yet) waits."""
    parent: dict[str, str] = {}

    def root(actor_id: str) -> str:
        while actor_id in parent:
            actor_id = parent[actor_id]
        return actor_id

    for merge in merges:
        if merge.actor in links and merge.other in links:
            kept, joining = root(links[merge.actor]), root(links[merge.other])
            if kept != joining:
                parent[joining] = kept
    if not parent:
        return dict(links)
    return {actor_id: root(canonical) for actor_id, canonical in links.items()}


def find_splits(links: Mapping[str, str], analyzed: Analyzed,
                splits: Iterable[Correction]) -> list[tuple[ActorSplit, str | None]]:
    """Each id a split takes out of its actor's group, in its article: (the rename, the actor it
    goes into or None). An id already scoped to the article keeps its id (a rename to itself)."""
    found: dict[tuple[str, str], tuple[ActorSplit, str | None]] = {}
    splits = list(splits)
    ids_in = _ids_in(analyzed, {split.article for split in splits})
    for split in splits:
        if split.actor not in links:
            continue  # no stored actor has the id yet
        group = links[split.actor]
        into = split.other if split.other in links else None
        if into is not None and links[into] == group:
            continue  # B is A now (a merge says so): nothing to split
        for original in sorted(ids_in.get(split.article, ())):
            if links.get(original, original) == group:
                # An id already the article's own stays (a rename to itself), unless it is what
                # the whole group links to: the others must keep it.
                own = original if original.endswith(scoped_id("", split.article)) \
                    and original != group else scoped_id(original, split.article)
                found[(split.article, original)] = (ActorSplit(split.article, own, original), into)
    return list(found.values())


def _ids_in(analyzed: Analyzed, articles: set[str]) -> dict[str, set[str]]:
    """Article id -> the actor ids its mentions and events give, for these articles."""
    ids = {article_id: set(analyzed.article_actors.get(article_id, ())) for article_id in articles}
    for event in analyzed.events:
        if event.article_id in ids:
            ids[event.article_id].update(i for i in (event.source_actor, event.target_actor) if i)
    return ids


def record_overrides(links: Mapping[str, str], sets: Iterable[Correction]) -> dict[str, Correction]:
    """Canonical id -> the fields its sets give, a later set's over an earlier one's."""
    overrides: dict[str, Correction] = {}
    for change in sets:
        if change.actor not in links:
            continue
        canonical = links[change.actor]
        earlier = overrides.get(canonical) or Correction("set", canonical)
        overrides[canonical] = Correction("set", canonical, name=change.name or earlier.name,
                                          country=change.country or earlier.country,
                                          sector=change.sector or earlier.sector)
    return overrides


def touched_actors(before: Sequence[Correction], after: Sequence[Correction],
                   overrides_before: Mapping[str, Correction], overrides: Mapping[str, Correction],
                   links: Mapping[str, str]) -> set[str]:
    """The canonical actors whose records changed with the corrections since the last fusion:
    every actor named by a correction, when they changed, and every record set otherwise than
    last time. Their events' fusion keys do not say so (a country or an alias is not in them),
    so fusion takes them again."""
    touched = {actor for actor in overrides.keys() | overrides_before.keys()
               if overrides.get(actor) != overrides_before.get(actor)}
    if list(before) != list(after):
        named = {i for c in (*before, *after) for i in (c.actor, c.other) if i}
        touched |= {links.get(i, i) for i in named}
    return touched


def _split_actor(split: ActorSplit, into: str | None, by_id: Mapping[str, Actor]) -> Actor:
    """The row of an article's own actor: named as analysis named it there. Kept apart, it keeps
    what the store says of that name; going into another actor, it brings only its name."""
    original = by_id.get(split.original_id) or Actor(split.original_id, split.original_id, "group")
    if into is not None:
        return Actor(split.actor_id, original.name, original.kind)
    return Actor(split.actor_id, original.name, original.kind, original.country, original.sector)


def renamed(events: Sequence[Event], renames: Mapping[tuple[str, str], str]) -> list[Event]:
    """Events with their actors renamed per (article id, actor id)."""
    if not renames:
        return list(events)
    articles = {article_id for article_id, _ in renames}
    renamed = []
    for event in events:
        if event.article_id in articles:
            source = renames.get((event.article_id, event.source_actor or ""), event.source_actor)
            target = renames.get((event.article_id, event.target_actor or ""), event.target_actor)
            if (source, target) != (event.source_actor, event.target_actor):
                event = replace(event, source_actor=source, target_actor=target)
        renamed.append(event)
    return renamed
