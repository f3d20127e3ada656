"""The date of a fused event: every date its sources give, the best supported one, and why.

A report's own words ("on Tuesday") beat a date carried from a neighbouring sentence, which beats
a publication date; a publication date is the event's date only when no source dates it in words.
Among the worded dates, the one most sources agree with wins: a source agrees with a date when its
own span contains it, so a report of "last week" supports the "Tuesday" inside that week.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from dateline.fuse.reports import reported_span
from dateline.model import DATE_BASES, PRECISIONS, DateClaim, Event

_PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}
_BASIS_RANK = {basis: rank for rank, basis in enumerate(DATE_BASES)}


def _key(event: Event) -> tuple:
    return event.date, event.date_end or event.date, event.date_precision, event.date_basis


def date_claims(members: Sequence[Event], published: Mapping[str, date | None] | None = None
                ) -> list[tuple[DateClaim, Event]]:
    """Each distinct date the members give, with a member that gives it; best first."""
    published = published or {}
    dated = [e for e in members if e.date]
    if not dated:
        return []
    spans = [reported_span(e, published.get(e.article_id)) for e in dated]
    reports = Counter(_key(e) for e in dated)
    claims: dict[tuple, tuple[DateClaim, Event]] = {}
    for event in sorted(dated, key=lambda e: e.id):
        key = _key(event)
        if key in claims:
            continue
        first, last = key[0], key[1]
        support = sum(1 for span in spans if span and span[0] <= first and last <= span[1])
        claims[key] = (DateClaim(first, last, key[2], key[3], reports[key], support), event)
    return sorted(claims.values(), key=lambda pair: _rank(pair[0]))


def _rank(claim: DateClaim) -> tuple:
    worded = claim.basis != "publication"
    return (not worded, -claim.support, _BASIS_RANK.get(claim.basis, len(DATE_BASES)),
            _PRECISION_RANK.get(claim.precision, len(PRECISIONS)), claim.date)


def choose_date(members: Sequence[Event], published: Mapping[str, date | None] | None = None
                ) -> Event | None:
    """The member whose date the fused event takes (see the module's rule); None if undated."""
    claims = date_claims(members, published)
    return claims[0][1] if claims else None


def explain(claims: Sequence[DateClaim]) -> str | None:
    """Why the first claim won, in a sentence; None when the sources do not disagree."""
    if len(claims) < 2:
        return None
    best, rest = claims[0], claims[1:]
    others = "; ".join(f"{_label(c)} from {_count(c.reports)}" for c in rest)
    if best.basis == "publication":
        reason = "no source dates it in words"
    elif any(c.basis != "publication" and c.support == best.support for c in rest):
        reason = "it is the most specific of the dates best supported"
    else:
        reason = f"{_count(best.support)} agree with it"
    return f"{_label(best)} from {_count(best.reports)} ({reason}); also given: {others}"


def _label(claim: DateClaim) -> str:
    span = claim.date.isoformat() if claim.date == claim.date_end else (
        f"{claim.date.isoformat()}..{claim.date_end.isoformat()}")
    how = {"text": "in words", "inherited": "from a neighbouring sentence",
           "publication": "publication date"}.get(claim.basis or "", claim.basis or "")
    return f"{span} ({claim.precision}, {how})"


def _count(n: int) -> str:
    return f"{n} source" if n == 1 else f"{n} sources"
