"""How sure we are of a fused event: its best reading, made surer by independent reports.

Each report carries the confidence of its own reading (`analyze.events.confidence`). Reports from
different articles that agree are independent evidence, so each one removes part of the doubt
that remains; copies of one article (near-duplicates, syndication) add nothing, and two readings
in one article count once.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from dateline.model import Event

# An event that names no doer tells the reader nothing they can put on a timeline ("13 were
# killed"): it stays in the store, below the default view, however many sources report it. So
# does an act told as not (yet) done (UNREALIZED).
NO_DOER_CEILING = 0.3
# An act told as hypothetical or as not done is no line of a timeline of what happened: it stays
# in the store, below the default view, with its status. (A planned act may be a pledge or a
# threat, which did happen: the model weighs those.)
UNREALIZED = frozenset({"conditional", "denied"})
# The share of the remaining doubt each further independent article leaves. Reports of one
# happening in different outlets are not fully independent (they share wires and officials),
# so a second source is strong evidence, not proof.
DOUBT_KEPT_PER_SOURCE = 0.6


def fused_confidence(members: Sequence[Event], originals: Mapping[str, str], named_doer: bool = True,
                     status: str = "occurred") -> float:
    """How sure we are of the fused event whose reports are `members`; `named_doer`: whether
    the event as shown names who did it; `status`: the status it is shown with."""
    best: dict[str, float] = {}
    for event in members:
        article = originals.get(event.article_id, event.article_id)
        best[article] = max(best.get(article, 0.0), event.confidence or 0.0)
    if not best:
        return 0.0
    ranked = sorted(best.values(), reverse=True)
    doubt = 1 - ranked[0]
    for _ in ranked[1:]:
        doubt *= DOUBT_KEPT_PER_SOURCE
    confidence = round(1 - doubt, 3)
    return confidence if named_doer and status not in UNREALIZED else min(confidence, NO_DOER_CEILING)
