"""`dateline relations A B` as text: a chart that reads without colour. Conflict grows left of
one axis (▒), cooperation right of it (█), and every count and the score are numbers on the
month's line, so piped output (as here, through CliRunner) carries all of it."""
import json

from samples import AFGHANISTAN, INDIA

from cli_runs import ok

from dateline.cli.render_tables import RELATION_BAR, relation_chart
from dateline.model import Relation, RelationMonth

AXIS = "│"


def month_line(chart: str, month: str) -> tuple[str, str]:
    """What a month's line shows left of the axis and right of it."""
    line = next(line for line in chart.splitlines() if line.startswith(month))
    assert line.count(AXIS) == 1, line
    left, right = line.split(AXIS)
    return left, right


def test_cli_relations_chart_piped_has_the_axis_both_sides_and_the_numbers(db):
    chart = ok("relations", "India", "Afghanistan", "--db", db)
    assert "\x1b" not in chart  # no colour when piped: the marks and numbers carry it all
    lines = chart.splitlines()
    assert lines[0] == "India and Afghanistan, month by month"
    assert lines[1].split() == ["month", "conflict", "◀", "conflict", "▒│█", "cooperation", "▶",
                                "cooperation", "neutral", "score"]
    month = json.loads(ok("relations", "India", "Afghanistan", "--db", db,
                          "--format", "json"))["months"][0]
    assert (month["month"], month["conflict"], month["cooperation"]) == ("2021-07", 0, 2)
    left, right = month_line(chart, "2021-07")
    assert left.split() == ["2021-07", "0"]  # no conflict: nothing left of the axis
    # The busiest month fills its side; then its count, the neutral count and the score.
    assert right.split() == ["█" * RELATION_BAR, "2", "0", f"{month['score']:+g}"]
    assert "▒ conflict (quad classes 3, 4) left of │, █ cooperation (1, 2) right of it" in chart
    assert "bars to scale: a full bar is 2 events" in chart
    assert "India's side: India, Subrahmanyam Jaishankar" in chart


def test_render_relation_chart_conflict_only_month_draws_left_only():
    relation = Relation(INDIA, AFGHANISTAN, [INDIA], [AFGHANISTAN], [
        RelationMonth("2021-01", 0, 4, 1, -28.0, ["a", "b", "c", "d", "e"]),
        RelationMonth("2021-02", 0, 0, 0, 0.0),
        RelationMonth("2021-03", 0, 0, 0, 0.0),
        RelationMonth("2021-04", 1, 2, 0, -9.5, ["f", "g", "h"])])
    chart = relation_chart(relation).plain
    left, right = month_line(chart, "2021-01")
    assert left.split() == ["2021-01", "4", "▒" * RELATION_BAR]
    assert left.endswith("▒") and right.split() == ["0", "1", "-28"]
    assert "█" not in right
    # Quiet months are one line that keeps the axis; the mixed month draws to scale both ways.
    assert any(line.startswith("2021-02 to 2021-03  no events") and line.endswith(AXIS)
               for line in chart.splitlines())
    left, right = month_line(chart, "2021-04")
    assert left.split() == ["2021-04", "2", "▒" * round(RELATION_BAR * 2 / 4)]
    assert right.split() == ["█" * round(RELATION_BAR * 1 / 4), "1", "0", "-9.5"]


def test_render_relation_chart_one_event_shows_at_least_one_mark():
    relation = Relation(INDIA, AFGHANISTAN, [INDIA], [AFGHANISTAN], [
        RelationMonth("2021-01", 40, 1, 0, 100.0, ["x"] * 41)])
    left, right = month_line(relation_chart(relation).plain, "2021-01")
    assert left.split()[-1] == "▒" and right.split()[0] == "█" * RELATION_BAR


def test_render_relation_chart_with_no_dated_events_says_so():
    chart = relation_chart(Relation(INDIA, AFGHANISTAN, [INDIA], [AFGHANISTAN])).plain
    assert chart.splitlines()[1] == "No dated events between them."
    assert AXIS not in chart and "Afghanistan's side: Afghanistan" in chart
