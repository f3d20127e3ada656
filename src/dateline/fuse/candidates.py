"""How strongly two reports that may be one happening agree (`pair_score`).

Fusion compares the reports of a block (`fuse.blocks`): each pair is scored on type, actors,
date, location, wording, story and near-duplicate evidence, with the weights of
`data/pair_weights.json`. A pair with a hard conflict (two different actors on one side
(`fuse.sides`), two different places) never scores. Pure functions of records.
"""
from __future__ import annotations

import json
from importlib import resources

from dateline.fuse.reports import Report, is_planned
from dateline.fuse.sides import Side, align, side_match

# Types whose happening may have several parties on its target side: a meeting one sentence
# says a host held with several guests ("India hosted Russia, Iran and ...").
GATHERING_TYPES = frozenset({"CONSULT"})

# The evidence `pair_score` adds up, and the score at which two reports are one happening. Each
# weight's entry in the data file says why it has its value and how the benchmark figures move
# when it is nudged; the weights were set by hand as a set, so tune them as one.
_WEIGHTS_FILE = resources.files("dateline.fuse") / "data" / "pair_weights.json"
WEIGHTS: dict[str, float] = {name: entry["value"] for name, entry
                             in json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"].items()}
JOIN_SCORE = WEIGHTS["JOIN_SCORE"]
SAME_SENTENCE = WEIGHTS["SAME_SENTENCE"]
SAME_ARTICLE = WEIGHTS["SAME_ARTICLE"]
NEAR_DUPLICATE = WEIGHTS["NEAR_DUPLICATE"]
SAME_TYPE = WEIGHTS["SAME_TYPE"]
NEIGHBOUR_TYPE = WEIGHTS["NEIGHBOUR_TYPE"]
PER_SIDE = WEIGHTS["PER_SIDE"]
SAME_DAY = WEIGHTS["SAME_DAY"]
OVERLAPPING_DATES = WEIGHTS["OVERLAPPING_DATES"]
SAME_PLACE = WEIGHTS["SAME_PLACE"]
SAME_STORY = WEIGHTS["SAME_STORY"]
WORDING = WEIGHTS["WORDING"]


def actor_match(a: Report, b: Report) -> tuple[float, float] | None:
    """(source agreement, target agreement), trying the swapped order when either report is
    symmetric: "India and Afghanistan met" says nothing of who met whom, so it may be the
    "Afghanistan hosted India" of another report."""
    return _aligned(a, b)[0]


def counterpart(a: Report, b: Report) -> tuple[Side, Side]:
    """What b names on a's source side and on a's target side, in the order `actor_match`
    reads them."""
    swapped = _aligned(a, b)[1]
    return (b.target_side, b.source_side) if swapped else (b.source_side, b.target_side)


def _aligned(a: Report, b: Report) -> tuple[tuple[float, float] | None, bool]:
    return align((a.source_side, a.target_side), (b.source_side, b.target_side),
                 a.symmetric or b.symmetric)


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports may be one happening at all: two reports of one sentence always may
    (one sentence naming several actors is one happening); others have no two actors on one
    side and no two places."""
    return same_sentence(a, b) or (actor_match(a, b) is not None and not location_conflict(a, b))


def gathering_pair(a: Report, b: Report) -> bool:
    """Two reports of one article of a meeting with one host and different guests: one
    happening only when the meeting has several guests (`events` decides, from the sentences
    that name several at once)."""
    ea, eb = a.event, b.event
    if not (ea.type == eb.type and ea.type in GATHERING_TYPES and ea.article_id == eb.article_id
            and a.source and a.target and b.target and not same_sentence(a, b)):
        return False
    if ea.date_precision == eb.date_precision == "day" and ea.date != eb.date:
        return False
    host = side_match(a.source_side, b.source_side)
    return bool(host) and side_match(a.target_side, b.target_side) is None


def location_conflict(a: Report, b: Report) -> bool:
    """Two different cities, or places in two different countries, are two happenings."""
    if a.place is None or b.place is None or a.place[0] == b.place[0]:
        return False
    if a.place[1] and b.place[1] and a.place[1] != b.place[1]:
        return True
    return not (a.place[2] or b.place[2])  # "Kabul" and "Afghanistan" may be one place


def date_agreement(a: Report, b: Report) -> float:
    """Two dates from the reports' own words that name the same day agree most; spans that only
    overlap (blocking made sure they do), less."""
    ea, eb = a.event, b.event
    if ea.date_basis == "publication" or eb.date_basis == "publication":
        return 0.0
    if ea.date_precision == eb.date_precision == "day":
        return SAME_DAY if ea.date == eb.date else OVERLAPPING_DATES
    return OVERLAPPING_DATES


def wording(a: Report, b: Report) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / len(a.words | b.words)


def same_sentence(a: Report, b: Report) -> bool:
    return a.event.article_id == b.event.article_id and a.event.sentence == b.event.sentence


def pair_score(a: Report, b: Report) -> float | None:
    """The evidence that two reports are one happening; None when they cannot be.

    Parts (each weight with its reason in `data/pair_weights.json`): the same sentence, article
    or near-duplicate article; the type; the actors, per side; the date; the place; the
    wording; the story. Two reports of a meeting in one article with one host and different
    guests score as if they named no guest (`gathering_pair`).
    """
    ea, eb = a.event, b.event
    together = same_sentence(a, b)
    sides = actor_match(a, b)
    if sides is None and gathering_pair(a, b):
        sides = (side_match(a.source_side, b.source_side), 0.0)
    if together:
        sides = sides or (0.0, 0.0)  # one sentence naming several actors is one happening
    elif (sides is None or location_conflict(a, b) or ea.type != eb.type
          or is_planned(ea) != is_planned(eb)):
        return None
    one_article = ea.article_id == eb.article_id
    if not any(sides) and not one_article:
        return None  # nothing but the type and the date in common
    score = SAME_SENTENCE if together else SAME_ARTICLE if one_article else 0.0
    if a.original == b.original and not one_article:
        score += NEAR_DUPLICATE
    score += SAME_TYPE if ea.type == eb.type else NEIGHBOUR_TYPE
    score += PER_SIDE * sum(sides)
    score += date_agreement(a, b)
    if a.place and b.place and a.place[0] == b.place[0]:
        score += SAME_PLACE
    score += WORDING * wording(a, b)
    if a.story and a.story == b.story:
        score += SAME_STORY
    return score
