"""What a stored event was fused with: a changed fusion key means fusing it again.

Two reports can only affect each other's fusion through a scored pair (`candidates.pair_score`),
so the happenings are the parts of the graph those pairs draw, and each part fuses on its own.
An event whose inputs changed (it is new, or its actors now link elsewhere or changed record,
or its article joined another story or turned out a near-duplicate) has a new key, and starts a
walk over that graph (`events_step`); the walk also takes in every event once fused with one it
reached. Refusing what the walk reached, and keeping every other stored fused event, gives
exactly what fusing everything at once gives.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping

from dateline.fuse.reports import Report
from dateline.model import Actor


# Part of every fusion key: a store fused by an older version (one without confidence, say, or
# one that read actors as sides differently) fuses everything again on its next ingest.
FUSION_VERSION = "5"


def fusion_key(report: Report, actors: Mapping[str, Actor]) -> str:
    """A digest of everything fusion reads about an event beyond the event itself."""
    names = tuple(record_fields(actors.get(a)) or a for a in (report.source, report.target) if a)
    parts = (FUSION_VERSION, report.source_side, report.target_side,
             report.window, report.story, report.original, report.place, names)
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:16]


def record_fields(actor: Actor | None) -> tuple | None:
    """What fused events show of a canonical actor: a change of it fuses its events again."""
    return None if actor is None else (actor.name, actor.kind, actor.country, actor.sector)
