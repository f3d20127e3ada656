"""What `dateline` prints as text and Markdown: timelines, one event, one article, one actor, the
key dates, and how events were read.

Every path, title, outlet and name these show passes through `shown_name`, as `ingest`'s own
lines do: a control code in a file name is shown escaped ("\\x1b"), never obeyed by the terminal.
"""
from __future__ import annotations

from collections.abc import Sequence

from dateline.model import (Actor, ActorProfile, ArticleView, Explanation, FusedEvent, KeyDate, Quote,
                            Reading, ReadingExplained, shown_name)
from dateline.query import Database
from dateline.query.confidence import confidence_label, evidence_words
from dateline.query.serialize import iso
from dateline.render.explanation import article_label, logit, parts_read, weights_read
from dateline.render.labels import (HEADLINE_SHOWN, UNDATED, citation_label, date_label,
                                    events_by_month, evidence_label, more_label, short_id_label,
                                    shown_events, sources_label, undated_label, when_label)

_TYPE_WIDTH = 10  # the longest PLOVER type (COOPERATE) plus a space
NO_KEY_DATES = "No key dates."


def shown_actor(actor: Actor | None) -> str:
    """The actor's name as a terminal may show it."""
    return shown_name(actor.name) if actor else ""


# Timelines.


def timeline_text(events: Sequence[FusedEvent]) -> str:
    """One line per event, starting with the short id that `dateline event` takes and ending
    with its first source cited; undated events under an "Undated" heading at the end."""
    dated = [e for e in events if e.date]
    undated = [e for e in events if not e.date]
    lines = [_timeline_line(date_label(e), e) for e in dated]
    if undated:
        lines += ["", UNDATED] if lines else [UNDATED]
        lines += [_timeline_line(undated_label(e), e) for e in undated]
    return "\n".join(lines)


def _timeline_line(when: str, event: FusedEvent) -> str:
    summary = shown_name(event.summary)
    return (f"{short_id_label(event)}  {when:<10}  {event.type:<{_TYPE_WIDTH}}{summary}  "
            f"{sources_label(event)}")


def timeline_md(events: Sequence[FusedEvent]) -> str:
    """A Markdown list grouped by month, each event with its short id, citing its sources."""
    lines = ["# Timeline", ""]
    for month, members in events_by_month(events).items():
        lines += [f"## {month}", ""]
        for e in members:
            when = f"**{when_label(e)}** " if when_label(e) else ""
            cited = "; ".join(dict.fromkeys(citation_label(s) for s in e.sources))  # each once
            lines.append(f"- {when}{e.type}: {shown_name(e.summary)} ({cited})"
                         f" `{short_id_label(e)}`")
        lines.append("")
    return "\n".join(lines)


# One event, one article, one actor.


def event_text(event: FusedEvent, readings: Sequence[Reading] = ()) -> str:
    """One happening: what, who, where, when and why that date, how sure we are and why, then
    every source sentence."""
    where = shown_name(event.location.name) if event.location else "place not said"
    when = when_label(event) or "undated"
    lines = [f"{when}  {event.type}  {shown_name(event.summary)}",
             f"{shown_actor(event.source_actor) or '-'} -> {shown_actor(event.target_actor) or '-'}; "
             f"{where}; "
             f"{event.mode}, CAMEO {event.cameo}, quad class {event.quad_class}, "
             f"intensity {event.intensity:g}, {event.status}; {confidence_label(event.confidence)};"
             f" id {short_id_label(event)} ({event.id})"]
    if event.date_note:
        lines.append(f"date: {event.date_note}")
    lines += [f"reading in {shown_name(r.source)}: {confidence_label(r.confidence)}; "
              f"{'; '.join(evidence_words(r.evidence)) or 'no evidence recorded'}" for r in readings]
    lines += ["", f"{len(event.sources)} source{'' if len(event.sources) == 1 else 's'}"]
    lines += [f"- {citation_label(s)}: {s.sentence}" for s in event.sources]
    return "\n".join(lines)


def article_text(view: ArticleView, db: Database) -> str:
    """An article's cleaned text, then what analysis found in it, each with its offsets."""
    article = view.article
    lines = [shown_name(article.title or article.source),
             f"{shown_name(article.source)}; published {iso(article.published) or 'undated'} "
             f"({article.published_basis}); id {article.id}", "", article.text, ""]
    lines += [f"actor  {m.start}-{m.end}  {m.text!r} -> {shown_actor(db.actor(m.actor_id))}"
              for m in view.mentions]
    lines += [f"time   {t.start}-{t.end}  {t.text!r} -> {t.value}" for t in view.times]
    lines += [f"event  sentence {e.sentence}  {e.trigger!r} -> {e.type} {e.fused_id or ''}"
              for e in view.events]
    return "\n".join(lines)


def profile_text(profile: ActorProfile, db: Database) -> str:
    """One actor: who they are, what they are called, the offices they held, what they did and
    said, each quote citing its article (looked up once for all of them)."""
    actor = profile.actor
    coded = ", ".join(part for part in (actor.kind, actor.country, actor.sector) if part)
    lines = [f"{shown_name(actor.name)}  ({shown_name(coded)}; {actor.id})",
             f"{profile.mentions} mentions in {profile.articles} articles"]
    if actor.aliases:
        lines.append("also: " + "; ".join(shown_name(alias) for alias in actor.aliases))
    lines += [f"role: {shown_name(role.label())}"
              + (" (as the articles show it)" if role.basis == "text" else "")
              for role in actor.roles]
    lines += ["", f"{len(profile.events)} events"] + timeline_text(profile.events).splitlines()
    lines += ["", f"{len(profile.quotes)} quotes"]
    paths = cited_paths(profile.quotes, db)
    lines += [f"{iso(q.said_on) or 'undated':<10}  \"{shown_name(q.text)}\"  "
              f"[{shown_name(paths.get(q.id))}]" for q in profile.quotes]
    return "\n".join(lines)


def cited_paths(quotes: Sequence[Quote], db: Database) -> dict[str, str | None]:
    """The path of the article each quote was read in, by quote id, in one query."""
    return {quote_id: citation.path
            for quote_id, citation in db.quote_citations(quotes).items()}


# Key dates: each date shows why it counts (its articles, how many of them came later, its
# score), the sentences chosen to say what happened, each citing its article, and its busiest
# events.


def _event_line(event: FusedEvent) -> str:
    source = shown_name(event.source_actor.name) if event.source_actor else "-"
    target = shown_name(event.target_actor.name) if event.target_actor else "-"
    return f"{short_id_label(event)}  {event.type} {source} -> {target} {sources_label(event)}"


def key_dates_text(keys: Sequence[KeyDate]) -> str:
    """Per date: the day, its evidence, its sentences citing their articles, then its events."""
    blocks = []
    for key in keys:
        events, more = shown_events(key)
        lines = [iso(key.date), f"  {evidence_label(key)}"]
        lines += [f"  - {s.text} [{citation_label(s, HEADLINE_SHOWN)}; {s.article_id}]"
                  for s in key.sentences]
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
        lines += [f"## {iso(key.date)}", "", f"*{evidence_label(key)}*", ""]
        if key.sentences:
            lines += [f"- “{s.text}” ({citation_label(s)})" for s in key.sentences] + [""]
        if events:
            lines += ["Events:", ""] + [f"- {e.type}: {shown_name(e.summary)} {sources_label(e)}"
                                        f" `{short_id_label(e)}`" for e in events]
            lines += [f"- {more_label(more)}"] if more else []
            lines.append("")
    if not keys:
        lines += [NO_KEY_DATES, ""]
    return "\n".join(lines)


# How events were read (`dateline explain`).

def explanation_text(explanation: Explanation) -> str:
    fused, readings = explanation.fused, explanation.readings
    lines = []
    if fused is not None:
        lines += [f"Event {fused.id}: {fused.type}, {when_label(fused) or UNDATED.lower()}, "
                  f"{confidence_label(fused.confidence)}", f"  {shown_name(fused.summary)}",
                  f"  {FUSED_CONFIDENCE}", ""]
    elif not readings:
        return "No event found in the text."
    for number, reading in enumerate(readings, start=1):
        lines += _reading_lines(reading, f"Reading {number} of {len(readings)}") + [""]
    return "\n".join(lines).rstrip("\n")


# What the fused event's confidence is made of (fuse.confidence), in a reader's words.
FUSED_CONFIDENCE = ("its confidence: its surest reading's, made surer by each further independent "
                    "article (copies of one article add nothing)")


# A reading from a store of an older version whose article no longer gives its event.
RULES_NOT_KEPT = "not recorded for this reading (it was stored by an older version)"


def _reading_lines(reading: ReadingExplained, title: str) -> list[str]:
    event = reading.event
    lines = [f"{title}: event {event.id}, {confidence_label(event.confidence)}",
             f"  {'from':<10}{article_label(reading.article)}",
             f"  {'sentence':<10}\u201c{shown_name(event.sentence_text)}\u201d"]
    lines += [f"  {part.part:<10}{part.found}" + (f"  [{part.rule}]" if part.rule else "")
              for part in parts_read(reading)]
    if not event.found_by:
        lines.append(f"  {'rules':<10}{RULES_NOT_KEPT}")
    if reading.weights:
        lines.append(f"  {'why':<10}{confidence_label(event.confidence)}: the logistic of {logit(reading):+.2f}, "
                     "the sum of")
        lines += [f"  {'':<10}{weight.weight:+6.2f}  {weight.evidence}" for weight in weights_read(reading)]
    return lines
