"""Hand-built articles written as an attacker would (no spaCy needed), for export, render and CLI
tests: one whose texts begin like spreadsheet formulas, one whose path, title, outlet and names
hold terminal control codes, line breaks and a direction override."""
from __future__ import annotations

from datetime import date

from samples import INDIA, article_id, event, mention, sentences_of

from dateline.model import Actor, Analysis, Article, Location, Mention, Quote, Role

# Texts a spreadsheet would run (OWASP's examples): every one must reach a CSV neutralized.
HYPERLINK = '=HYPERLINK("http://x","y")'
COMMAND = "+cmd|' /C calc'!A0"
SUM = "@SUM(1)"
ARITHMETIC = "-2+3"
FORMULA_ACTOR = Actor("group:sum-1", SUM, "group", "IND", "REB", (COMMAND,),
                      (Role("=chief", "IND", date(2020, 1, 1)),))

# What a terminal obeys: OSC "set the window title" ended by BEL, a right-to-left override, a
# carriage return and a line break.
PWNED = "\x1b]0;pwned\x07"
RAW = ("\x1b", "\x07", "\u202e", "\r")
CONTROL_ACTOR = Actor("person:bad-actor", f"Bad{PWNED}\u202eActor", "person", "IND", "GOV",
                      (f"Alias\r{PWNED}",))


def is_number(text: str) -> bool:
    """Whether a CSV cell reads as a number (a negative intensity is one, "-2+3" is not)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def formula_analysis() -> Analysis:
    """An article whose path, title, outlet, text, actor, alias, role, place, mention, date text
    and quote begin with =, +, -, @, a tab or a carriage return; its event's intensity is -4.4."""
    text = f"{SUM} threatened India on Monday. {ARITHMETIC} people were hurt"
    article = Article(article_id(text), f"{ARITHMETIC}.txt", text, title=HYPERLINK, outlet=COMMAND,
                      url=SUM, published=date(2024, 3, 5), published_basis="dateline")
    s0, s1 = sentences_of(text)
    threat = event(article, s0, "threatened", "THREATEN", "threaten", FORMULA_ACTOR, INDIA,
                   location=Location("\tTab Town", "IND"), date=date(2024, 3, 4),
                   date_end=date(2024, 3, 4), date_precision="day", date_basis="text",
                   date_text="\rMonday")
    quote = Quote(f"{article.id}:q0", article.id, FORMULA_ACTOR.id, "=1+1", 0, date(2024, 3, 4))
    return Analysis(article, [s0, s1], [], [FORMULA_ACTOR, INDIA],
                    [mention(SUM, s0.text, s0, FORMULA_ACTOR),
                     Mention(s1.start, s1.start + 4, ARITHMETIC, INDIA.id, s1.index)],
                    [threat], [quote])


def control_analysis() -> Analysis:
    """An article stored as the library lets anyone store it: control codes in its path, title,
    outlet, actor name and alias, place and quote (ingest cleans titles and texts, not paths)."""
    text = "Bad Actor met India in Kabul on Monday. Nothing else happened"
    article = Article(article_id(text), f"in/evil{PWNED}\u202e\n.txt", text,
                      title=f"Aid{PWNED} \u202eyalp\r convoy", outlet=f"Wire{PWNED}",
                      published=date(2024, 3, 5), published_basis="dateline")
    s0, s1 = sentences_of(text)
    meet = event(article, s0, "met", "CONSULT", "meet", CONTROL_ACTOR, INDIA,
                 location=Location(f"Kabul{PWNED}", "AFG"), date=date(2024, 3, 4),
                 date_end=date(2024, 3, 4), date_precision="day", date_basis="text")
    quote = Quote(f"{article.id}:q0", article.id, CONTROL_ACTOR.id, f"We{PWNED} met", 0,
                  date(2024, 3, 4))
    return Analysis(article, [s0, s1], [], [CONTROL_ACTOR, INDIA],
                    [Mention(s0.start, s0.start + 9, "Bad Actor", CONTROL_ACTOR.id, s0.index)],
                    [meet], [quote])


def build_hostile_database(path, analysis: Analysis) -> None:
    """A fused database of one hostile article, built as the CLI would build it."""
    from dateline.fuse import fuse_store
    from dateline.store import Store
    with Store(path) as store:
        store.write([analysis])
        fuse_store(store)
