"""One readable line per fused event: "Subrahmanyam Jaishankar (IND) met Mohammad Haneef Atmar (AFG) in Dushanbe"."""
from __future__ import annotations

from dateline.model import Actor, Location

# mode -> (past tense, base form); the base form serves planned, denied and conditional events.
PHRASES: dict[str, tuple[str, str]] = {
    "meet": ("met", "meet"),
    "talks": ("held talks with", "hold talks with"),
    "call": ("spoke with", "speak with"),
    "visit": ("visited", "visit"),
    "host": ("hosted", "host"),
    "agree": ("agreed with", "agree with"),
    "sign": ("signed an agreement with", "sign an agreement with"),
    "cooperate": ("cooperated with", "cooperate with"),
    "aid": ("sent aid to", "send aid to"),
    "evacuate": ("evacuated staff from", "evacuate staff from"),
    "withdraw": ("withdrew from", "withdraw from"),
    "close": ("closed its mission in", "close its mission in"),
    "reopen": ("reopened its mission in", "reopen its mission in"),
    "urge": ("urged", "urge"),
    "demand": ("made demands of", "make demands of"),
    "accuse": ("accused", "accuse"),
    "condemn": ("condemned", "condemn"),
    "criticize": ("criticized", "criticize"),
    "reject": ("rejected", "reject"),
    "deny": ("denied", "deny"),
    "threaten": ("threatened", "threaten"),
    "warn": ("warned", "warn"),
    "attack": ("attacked", "attack"),
    "kill": ("killed", "kill"),
    "seize": ("seized", "seize"),
    "protest": ("protested against", "protest against"),
    "sanction": ("imposed sanctions on", "impose sanctions on"),
    "deploy": ("deployed forces against", "deploy forces against"),
    "arrest": ("arrested", "arrest"),
    "praise": ("praised", "praise"),
    "support": ("backed", "back"),
    "appoint": ("appointed", "appoint"),
}

UNNAMED_SOURCE = "An unnamed party"

# How a status other than "occurred" bends the base form.
STATUS_FORMS = {
    "planned": "is to {base}",
    "claimed": "reportedly {past}",
    "denied": "did not {base}",
    "conditional": "may {base}",
}

# A phrase that loses its target also loses the preposition that led to it.
_TRAILING_PREPOSITIONS = {"with", "to", "from", "in", "of", "against", "on"}


def actor_label(actor: Actor) -> str:
    """"name (COUNTRY)" for people and organisations with a country; a country is just its name."""
    if actor.country and actor.kind != "country":
        return f"{actor.name} ({actor.country})"
    return actor.name


def verb_phrase(type_: str, mode: str, status: str) -> str:
    past, base = PHRASES.get(mode, (type_.lower(), type_.lower()))
    form = STATUS_FORMS.get(status, "{past}")
    return form.format(past=past, base=base)


def _drop_trailing_preposition(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    return head if head and last in _TRAILING_PREPOSITIONS else phrase


def summarize(type_: str, mode: str, status: str, source: Actor | None, target: Actor | None,
              location: Location | None = None) -> str:
    phrase = verb_phrase(type_, mode, status)
    if target is None:
        phrase = _drop_trailing_preposition(phrase)
    # The text named no doer ("Kabul was attacked"): say so rather than invent one.
    parts = [actor_label(source) if source else UNNAMED_SOURCE, phrase]
    if target is not None:
        parts.append(actor_label(target))
    named = {actor.name for actor in (source, target) if actor is not None}
    if location is not None and location.name and location.name not in named:
        parts.append(f"in {location.name}")
    return " ".join(parts)
