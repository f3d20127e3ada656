"""The evidence an event reading's confidence rests on, and what each piece weighs.

A reading's confidence is a logistic model: the intercept plus the weight of each piece of
evidence present (`data/evidence_weights.json`; `benchmarks/realnews/fit_confidence.py` says how
the weights were chosen). Analysis scores each reading with it (`analyze.events.confidence`), and
`dateline explain` shows what each piece added, so both read the one table here.
"""
from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

# Every piece of evidence a reading can have, in the order a reading lists them; the weight of
# the event's type is one more ("type:ASSAULT").
EVIDENCE = ("doer", "target", "political-doer", "person-doer", "main-clause", "reported", "quoted",
            "hedged", "question", "verb", "unpunctuated", "date-text", "date-inherited",
            "date-publication", "undated", "occurred", "claimed", "planned", "denied", "conditional")
INTERCEPT = "intercept"


@cache
def weights() -> dict[str, float]:
    text = (resources.files("dateline") / "data" / "evidence_weights.json").read_text(encoding="utf-8")
    return json.loads(text)["weights"]


def contributions(evidence: tuple[str, ...] | list[str]) -> list[tuple[str, float]]:
    """What each piece of evidence adds to the logit, the intercept first."""
    table = weights()
    return [(INTERCEPT, table[INTERCEPT]), *((name, table.get(name, 0.0)) for name in evidence)]


def score(evidence: tuple[str, ...] | list[str]) -> float:
    """The logistic model's probability that a reading with this evidence is right."""
    logit = sum(weight for _name, weight in contributions(evidence))
    return round(1 / (1 + math.exp(-logit)), 3)
