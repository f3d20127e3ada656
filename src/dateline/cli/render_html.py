"""What `dateline` prints as HTML (`--format html`): a standalone page of the timeline or of the
key dates, drawn from the web UI's templates in their one page shell (`base.html`, by way of
`standalone.html`), the stylesheet held inline as in `dateline report`.

Paths, names and summaries pass through the templates' `shown` filter (`shown_name`), as in
every other rendering a terminal may print.
"""
from __future__ import annotations

from collections.abc import Sequence

from dateline.model import FusedEvent, KeyDate
from dateline.render.labels import events_by_month
from dateline.web.templating import environment


def timeline_html(events: Sequence[FusedEvent]) -> str:
    """A standalone page: one list per month, every event with its cited sentences."""
    return _page("standalone_timeline.html", "Dateline timeline",
                 months=events_by_month(events))


def key_dates_html(keys: Sequence[KeyDate]) -> str:
    """A standalone page: one section per date, its sentences citing their sources."""
    return _page("standalone_key_dates.html", "Dateline key dates", keys=keys)


def _page(template: str, title: str, **context: object) -> str:
    return environment().get_template(template).render(title=title, **context)
