"""The Jinja2 environment of every HTML page Dateline writes: the web pages, the single-file
report and the CLI's standalone pages (`--format html`), all in the one page shell `base.html`."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from dateline.model import shown_name
from dateline.query.confidence import confidence_label, evidence_words, threshold_label
from dateline.query.serialize import iso
from dateline.render.explanation import logit, parts_read, weights_read
from dateline.render.labels import (citation_label, date_label, evidence_label, short_id_label,
                                    shown_events, sources_label, undated_label, when_label)
from dateline.web.marks import actor_href, event_href, marked_sentence

TEMPLATES = Path(__file__).parent / "templates"
# The web pages' menu (base.html); a standalone file has none.
NAVIGATION = (("/", "Overview"), ("/timeline", "Timeline"), ("/key-dates", "Key dates"),
              ("/events", "Events"), ("/actors", "Actors"), ("/relations", "Relations"),
              ("/stories", "Stories"))
QUAD_NAMES = {0: "neutral", 1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}


def article_href(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def web_url(url: str | None) -> str | None:
    """A stored URL fit for a link: http(s) only, since a record's "url" could be `javascript:`."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def month_anchor(month: str | None) -> str:
    """The id of a month's place on a paged list (web.paging): "month-2011-06", "undated"."""
    return f"month-{month}" if month else "undated"


def environment() -> Environment:
    """Autoescaping on every template: article text and names are always escaped."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters |= {"date_label": date_label, "sources_label": sources_label, "iso": iso,
                    "actor_href": actor_href, "event_href": event_href,
                    "article_href": article_href, "web_url": web_url, "quad_name": QUAD_NAMES.get,
                    "evidence_label": evidence_label, "undated_label": undated_label,
                    "confidence_label": confidence_label, "threshold_label": threshold_label,
                    "evidence_words": evidence_words, "when_label": when_label,
                    "shown": shown_name, "parts_read": parts_read, "weights_read": weights_read,
                    "logit": logit, "short_id": short_id_label, "citation": citation_label,
                    "month_anchor": month_anchor}
    env.globals |= {"marked_sentence": marked_sentence, "shown_events": shown_events,
                    "article_href": article_href, "navigation": NAVIGATION}
    return env
