"""Key dates for people: as text, Markdown and a standalone HTML page (`timeline --summary`).

Each date shows why it counts (its articles, how many of them came later, its score), the
sentences chosen to say what happened, each citing its article, and its busiest events. Paths,
names and summaries pass through `shown_name`, as in every other rendering.
"""
from __future__ import annotations

import html
from collections.abc import Sequence

from dateline.model import FusedEvent, KeyDate, SummarySentence, shown_name
from dateline.query.serialize import iso

EVENTS_SHOWN = 5  # a key date lists its events with the most sources first; the rest are counted
NO_KEY_DATES = "No key dates."


def evidence_label(key: KeyDate) -> str:
    """Why the day counts: "3 articles, 2 later; score 9.8"."""
    return (f"{key.articles} article{'' if key.articles == 1 else 's'}, {key.later} later; "
            f"score {key.score:g}")


def shown_events(key: KeyDate) -> tuple[list[FusedEvent], int]:
    """The events a key date lists, and how many more it only counts."""
    return key.events[:EVENTS_SHOWN], max(len(key.events) - EVENTS_SHOWN, 0)


def more_label(count: int) -> str:
    return f"… and {count} more"


def _sources(event: FusedEvent) -> str:
    count = len(event.sources)
    return f"{count} source{'' if count == 1 else 's'}"


def _event_line(event: FusedEvent) -> str:
    source = shown_name(event.source_actor.name) if event.source_actor else "-"
    target = shown_name(event.target_actor.name) if event.target_actor else "-"
    return f"{event.type} {source} -> {target} ({_sources(event)}) [{event.id}]"


def key_dates_text(keys: Sequence[KeyDate]) -> str:
    """Per date: the day, its evidence, its sentences citing their articles, then its events."""
    blocks = []
    for key in keys:
        events, more = shown_events(key)
        lines = [iso(key.day), f"  {evidence_label(key)}"]
        lines += [f"  - {s.text} [{s.article_id}]" for s in key.sentences]
        lines += [f"  * {_event_line(e)}" for e in events]
        if more:
            lines.append(f"  * {more_label(more)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) or NO_KEY_DATES


def key_dates_md(keys: Sequence[KeyDate]) -> str:
    """A Markdown section per date: its evidence, its sentences quoted with their sources, its events."""
    lines = ["# Key dates", ""]
    for key in keys:
        events, more = shown_events(key)
        lines += [f"## {iso(key.day)}", "", f"*{evidence_label(key)}*", ""]
        if key.sentences:
            lines += [f"- “{s.text}” ([{shown_name(s.source)}], "
                      f"{iso(s.published) or 'undated'})" for s in key.sentences] + [""]
        if events:
            lines += ["Events:", ""] + [f"- {e.type}: {shown_name(e.summary)} ({_sources(e)})"
                                        for e in events]
            lines += [f"- {more_label(more)}"] if more else []
            lines.append("")
    if not keys:
        lines += [NO_KEY_DATES, ""]
    return "\n".join(lines)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dateline key dates</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }}
li {{ margin: .4rem 0; }} .type {{ color: #555; }} .meta, .source {{ font-size: .85em; color: #555; }}
blockquote {{ margin: .5rem 0; padding-left: .8rem; border-left: 3px solid #ccc; }}
</style>
</head>
<body>
<h1>Key dates</h1>
{body}
</body>
</html>
"""


def _html_sentence(sentence: SummarySentence) -> str:
    cited = f"{shown_name(sentence.source)}, {iso(sentence.published) or 'undated'}"
    return (f'<blockquote>{html.escape(sentence.text)} '
            f'<span class="source">— {html.escape(cited)}</span></blockquote>')


def _html_key_date(key: KeyDate) -> str:
    events, more = shown_events(key)
    items = [f'<li><span class="type">{html.escape(e.type)}</span> '
             f'{html.escape(shown_name(e.summary))} '
             f'<span class="meta">({_sources(e)})</span></li>' for e in events]
    if more:
        items.append(f'<li class="meta">{more_label(more)}</li>')
    parts = [f'<section id="day-{iso(key.day)}">',
             f'<h2><time datetime="{iso(key.day)}">{iso(key.day)}</time></h2>',
             f'<p class="meta">{html.escape(evidence_label(key))}</p>',
             *(_html_sentence(s) for s in key.sentences)]
    if items:
        parts.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    return "\n".join(parts + ["</section>"])


def key_dates_html(keys: Sequence[KeyDate]) -> str:
    """A small standalone page: one section per date, its sentences citing their sources."""
    body = "\n".join(_html_key_date(key) for key in keys) or f"<p>{NO_KEY_DATES}</p>"
    return _PAGE.format(body=body)
