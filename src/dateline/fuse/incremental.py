"""Which stored events a new batch makes us fuse again, so the rest stays as it was.

Two reports can only affect each other's fusion through a scored pair (`candidates.pair_score`),
so the happenings are the parts of the graph those pairs draw, and each part fuses on its own.
An event whose inputs changed (it is new, or its actors now link elsewhere, or its article joined
another story or turned out a near-duplicate) starts a walk over that graph; the walk also takes
in every event once fused with one it reached. Refusing what the walk reached, and keeping every
other stored fused event, gives exactly what fusing everything at once gives.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.fuse.candidates import JOIN_SCORE, Blocks, Report, collapse_copies, pair_score
from dateline.model import Actor


# Part of every fusion key: a store fused by an older version (one without confidence, say, or
# one that read actors as sides differently) fuses everything again on its next ingest.
FUSION_VERSION = "4"


@dataclass(slots=True)
class Refusion:
    reports: list[Report]  # the events to fuse again
    stale: list[str]  # stored fused event ids they replace
    keys: dict[str, str]  # event id -> fusion key, for the events fused again


def fusion_key(report: Report, actors: Mapping[str, Actor]) -> str:
    """A digest of everything fusion reads about an event beyond the event itself."""
    names = tuple(actors[a].name if a in actors else a for a in (report.source, report.target) if a)
    parts = (FUSION_VERSION, report.source_side, report.target_side,
             report.window, report.story, report.original, report.place, names)
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:16]


def _joins(a: Report, b: Report) -> bool:
    score = pair_score(a, b) if a.index < b.index else pair_score(b, a)
    return score is not None and score >= JOIN_SCORE


def plan_refusion(reports: Sequence[Report], actors: Mapping[str, Actor],
                  stored_keys: Mapping[str, str],
                  fused_members: Mapping[str, Sequence[str]]) -> Refusion:
    """The reports to fuse again and the stored fused events they replace."""
    keys = {r.event.id: fusion_key(r, actors) for r in reports}
    by_event = {r.event.id: r.index for r in reports}
    fused_of: dict[str, list[str]] = {}
    for fused_id, members in fused_members.items():
        for member in members:
            fused_of.setdefault(member, []).append(fused_id)
    stand_ins = collapse_copies(reports)
    stand_in_of = {member: stand_in for stand_in, members in stand_ins.items() for member in members}
    todo = sorted({stand_in_of[r.index] for r in reports if stored_keys.get(r.event.id) != keys[r.event.id]})
    if not todo:
        return Refusion([], [], {})
    blocks = Blocks([reports[i] for i in sorted(stand_ins)])
    reached: set[int] = set(todo)
    stale: set[str] = set()
    while todo:
        report = reports[todo.pop()]
        linked = [other.index for other in blocks.of(report) if _joins(report, other)]
        for member in stand_ins[report.index]:
            for fused_id in fused_of.get(reports[member].event.id, ()):
                if fused_id not in stale:
                    stale.add(fused_id)
                    linked += [stand_in_of[by_event[m]] for m in fused_members[fused_id] if m in by_event]
        for index in linked:
            if index not in reached:
                reached.add(index)
                todo.append(index)
    chosen = [reports[i] for stand_in in reached for i in stand_ins[stand_in]]
    chosen.sort(key=lambda r: r.index)
    return Refusion(chosen, sorted(stale), {r.event.id: keys[r.event.id] for r in chosen})
