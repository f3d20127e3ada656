"""The geometry of a relation chart: cooperation bars above the axis, conflict below, by month.

Drawn as inline SVG by the `relation_chart` template macro, so it needs no script and no
network, in the web UI and in a mailed report alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dateline.model import Relation

WIDTH, HEIGHT, MARGIN = 720, 220, 24  # SVG user units; the page scales the whole picture
MAX_BAR = 40  # a short relation keeps narrow bars rather than one fat block


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    width: float
    up: float  # height of the cooperation bar
    down: float  # height of the conflict bar
    month: str
    cooperation: int
    conflict: int
    neutral: int
    score: float


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    axis: float  # y of the zero line
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # (x, year) at each January
    peak: int = 0  # the largest monthly count, which a full half-height bar stands for


def relation_chart(relation: Relation) -> Chart:
    months = relation.months
    axis = HEIGHT / 2
    chart = Chart(WIDTH, HEIGHT, axis)
    if not months:
        return chart
    chart.peak = max(max(m.cooperation, m.conflict) for m in months) or 1
    step = min((WIDTH - 2 * MARGIN) / len(months), MAX_BAR)
    half = axis - MARGIN
    for i, month in enumerate(months):
        x = MARGIN + i * step
        chart.bars.append(Bar(round(x, 2), round(max(step - 2, 1), 2),
                              round(half * month.cooperation / chart.peak, 2),
                              round(half * month.conflict / chart.peak, 2), month.month,
                              month.cooperation, month.conflict, month.neutral, month.score))
        if i == 0 or month.month.endswith("-01"):
            chart.ticks.append((round(x, 2), month.month[:4]))
    return chart
