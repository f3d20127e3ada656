"""The events of one trigger: its arguments (`arguments`, then what the setting adds), its date
and status, the class its status makes of it (an intention, a threat, a refusal), and one event
per pair of actors it joins, each recording the rules that found its parts (`Event.found_by`)."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dateline.analyze.actors.sectors import mention_sector
from dateline.analyze.events.arguments import SAME_AS_SOURCE, Arguments, arguments_of
from dateline.analyze.events.dates import EventDate, Narrative, date_of
from dateline.analyze.events.intent import is_committed, is_refusal, is_ultimatum
from dateline.analyze.events.mention_index import MentionIndex
from dateline.analyze.events.pairs import actor_pairs, pair_id, same_id
from dateline.analyze.events.setting import (HOME_CAMEO_PREFIXES, with_crowd_target, with_home_target,
                                             with_place_target)
from dateline.analyze.events.status import status_of
from dateline.analyze.events.targets import condition_target
from dateline.analyze.events.triggers import EventClass, as_intention, as_refusal, as_threat, class_for_cameo
from dateline.knowledge import Knowledge
from dateline.model import Article, Event, Location, Mention, TimeRef

# An event must name at least one actor: "the attack" alone tells nobody anything.
MIN_ACTORS = 1
MATERIAL_CONFLICT = 4
# A future act dated this finely is on a schedule; "over the next three years" is a commitment.
SCHEDULE_PRECISIONS = frozenset({"day", "week", "month"})
# Killing and violence by armed forces is CAMEO's conventional military force (19), not the
# unconventional violence (18) of bombers and gunmen.
UNCONVENTIONAL_VIOLENCE = ("180", "1823")

# What `found_by` names where the coder, not an argument rule, decides a part.
REPORTED_BY_PRESS = "none (a news outlet reports it)"
CONDITION_OF_THREAT = "condition of the threat"
CONJUNCT = " (conjunct)"  # after the rule that found the first of a coordination: "subject (conjunct)"
EACH_WITH_EACH = "partner in the coordination"  # "The US, Russia and Switzerland met"


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What coding a trigger needs of its article, read once per article by the finder. Without
    a `narrative`, only a trigger's own time expression dates it."""

    article: Article
    index: MentionIndex
    times: list[tuple[TimeRef, Token]]
    kb: Knowledge
    narrative: Narrative | None = None
    same_actor: Callable[[str, str], bool] | None = None
    country_of: Callable[[str], str | None] | None = None
    home: str | None = None  # the country the article is about, when one dominates it


def code_trigger(trigger: Token, event_class: EventClass, how: str, sentence_index: int,
                 context: ArticleContext) -> list[Event]:
    """The events of one trigger (found `how`): one per pair of actors it joins ("The US, Russia
    and Switzerland met" is three meetings), none when the parse names no actor for it."""
    args = _arguments(trigger, event_class, context)
    if sum(m is not None for m in (args.source, args.target)) < MIN_ACTORS:
        return []
    when = date_of(trigger, context.times, context.narrative)
    event_class, status = _class_and_status(trigger, event_class, args, when, context)
    if event_class.type == "THREATEN" and args.target is None:
        held_over = condition_target(trigger, context.index)
        if held_over is not None:
            args = replace(args, target=held_over, target_rule=CONDITION_OF_THREAT)
    base = _base_event(trigger, event_class, sentence_index, context.article, args.location, status, when)
    return _paired_events(base, trigger, event_class, args, context, (("trigger", how), ("date", when.how)))


def _arguments(trigger: Token, event_class: EventClass, context: ArticleContext) -> Arguments:
    """The trigger's arguments as its rules read them, with what the setting adds (a crowd, the
    place, the home country), the giver first for what is received, and no news outlet as the
    doer of force."""
    kb, home = context.kb, context.home
    args = arguments_of(trigger, event_class, context.index, kb)
    args = with_place_target(with_crowd_target(args, trigger, event_class.type, kb, home), trigger, kb, home)
    if event_class.received:
        args = replace(args, source=args.target, target=args.source,
                       source_rule=args.target_rule, target_rule=args.source_rule)
    args = with_home_target(args, event_class, trigger, kb, context.country_of)
    if event_class.quad == MATERIAL_CONFLICT and _reports_it(args.source, kb):
        args = replace(args, source=None, source_rule=REPORTED_BY_PRESS)
    return args


def _class_and_status(trigger: Token, event_class: EventClass, args: Arguments, when: EventDate,
                      context: ArticleContext) -> tuple[EventClass, str]:
    """The status the trigger's clause gives it, and the class that status makes of it: a plan
    held over another's head is a threat, an undated commitment an intention, a refusal a
    rejection that happened."""
    status = status_of(trigger, when, context.article.published)
    if status == "planned" and is_ultimatum(trigger):
        event_class = as_threat(event_class)
    elif status in ("planned", "conditional") and is_committed(
            trigger, args.source, context.index, context.same_actor or same_id,
            dated=when.basis == "text" and when.precision in SCHEDULE_PRECISIONS):
        event_class = as_intention(event_class)
    elif status == "denied" and is_refusal(trigger):
        event_class, status = as_refusal(event_class), "occurred"
    return event_class, status


def _event_id(article_id: str, trigger: Token) -> str:
    return hashlib.sha1(f"{article_id}:{trigger.idx}:{trigger.lower_}".encode()).hexdigest()[:16]


def _base_event(trigger: Token, event_class: EventClass, sentence_index: int, article: Article,
                location: Location | None, status: str, when: EventDate) -> Event:
    """The event of the trigger with no actors yet: one copy of it is made per pair of actors."""
    return Event(
        id=_event_id(article.id, trigger),
        article_id=article.id,
        type=event_class.type,
        mode=event_class.mode,
        cameo=event_class.cameo,
        quad_class=event_class.quad,
        intensity=event_class.intensity,
        source_actor=None,
        target_actor=None,
        trigger=trigger.text,
        sentence=sentence_index,
        sentence_text=trigger.sent.text.strip(),
        status=status,
        location=location,
        date=when.first,
        date_end=when.last,
        date_precision=when.precision,
        date_basis=when.basis,
        date_text=when.text,
        date_value=when.value,
    )


def _paired_events(base: Event, trigger: Token, event_class: EventClass, args: Arguments,
                   context: ArticleContext, found: tuple[tuple[str, str], ...]) -> list[Event]:
    """One event per pair of actors, each with its actors' words and sectors and the rules that
    found its parts (`found` holds how the trigger and the date were found)."""
    doc, sectors = trigger.doc, context.kb.agent_sectors
    events = []
    at_home = event_class.cameo.startswith(HOME_CAMEO_PREFIXES)
    for source, target in actor_pairs(args, event_class.symmetric, doc, context.index, at_home):
        source_sector = mention_sector(source, doc, sectors) if source else None
        event = replace(
            base,
            id=base.id if not events else pair_id(base.id, source, target),
            source_actor=source.actor_id if source else None,
            target_actor=target.actor_id if target else None,
            source_text=source.text if source else None,
            source_sector=source_sector,
            target_text=target.text if target else None,
            target_sector=mention_sector(target, doc, sectors) if target else None,
            found_by=_found_by(found, args, source, target),
        )
        events.append(_as_military_force(event) if source_sector == "MIL" else event)
    return events


def _found_by(found: tuple[tuple[str, str], ...], args: Arguments, source: Mention | None,
              target: Mention | None) -> tuple[tuple[str, str], ...]:
    """(part, rule) for the trigger, source, target, date and location of one pair's event."""
    trigger, date = found
    if source is args.source:
        source_rule = args.source_rule
    else:  # another of a coordinated source: "The US and Russia condemned ..."
        source_rule = args.source_rule + CONJUNCT
    if target is args.target:
        target_rule = args.target_rule
    elif target is None:  # every pair was one actor with itself
        target_rule = SAME_AS_SOURCE
    elif args.target is None or args.target.how == "place":  # a joint act's partners, each with each
        target_rule = EACH_WITH_EACH
    else:
        target_rule = args.target_rule + CONJUNCT
    return (trigger, ("source", source_rule), ("target", target_rule), date, ("location", args.location_rule))


def _reports_it(source: Mention | None, kb) -> bool:
    """ "BBC News ... an attack", "Al-Jazeera ... opened fire": a news outlet read as the doer of
    force is the one reporting it; no act of force is done by the press."""
    actor = kb.actors.get(source.actor_id) if source is not None else None
    return actor is not None and actor.sector == "MED"


def _as_military_force(event: Event) -> Event:
    if event.cameo not in UNCONVENTIONAL_VIOLENCE:
        return event
    force = class_for_cameo("190", event.mode)
    return replace(event, cameo=force.cameo, quad_class=force.quad, intensity=force.intensity)
