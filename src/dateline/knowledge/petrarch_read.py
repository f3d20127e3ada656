"""Read PETRARCH (CAMEO) actor and agent dictionaries into records, skipping what cannot be read.

The actor dictionary is a series of records:

    NAME_OF_ACTOR  [CODE]        the primary phrase; words are joined by "_" or spaces
    +SYNONYM                     more phrases for the same actor
        [CODE <19950601]         codes restricted to dates (<, > or a range DATE-DATE)

The agent dictionary has one noun a line, `NOUN {PLURALS} [~CODE]`, and substitution markers
`!NAME! = A, B, C` that a noun may use. Both have `#` comments (`;` in old TABARI files) and
`<!-- ... -->` blocks. A line that cannot be read is skipped and reported, never fatal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import product

from dateline.model import Skip

RESTRICTION = re.compile(
    r"\s*(?P<code>[^\s<>\[\]]+)\s*"
    r"(?:(?P<op>[<>])\s*(?P<date>\d{6,8})|(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?\s*"
)
AGENT_LINE = re.compile(r"(?P<noun>[^{}\[\]]+?)\s*(?:\{(?P<plurals>[^{}]*)\})?\s*\[(?P<code>[^\[\]]*)\]")
MARKER = re.compile(r"![A-Z0-9_]+!")
MARKER_DEFINITION = re.compile(r"(?P<marker>![A-Z0-9_]+!)\s*=\s*(?P<items>.*)")


@dataclass(slots=True)
class Restriction:
    """One bracketed code of an actor; start and end are None where the code has no such limit."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def undated(self) -> bool:
        return self.start is None and self.end is None


@dataclass(slots=True)
class ActorRecord:
    """An actor as the dictionary writes it: its phrases in PETRARCH's spelling, and its codes."""

    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[Restriction] = field(default_factory=list)


@dataclass(slots=True)
class AgentRecord:
    noun: str  # PETRARCH's spelling, substitution markers expanded
    code: str  # as written, without spaces: "~GOVFRM", "NGO~"
    line: int


def content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of the lines that say something, comments removed.

    `<!-- ... -->` may sit inside a line or span lines; `#` and TABARI's `;` end a line. A line
    that opens with another `<` ("<! -- note -->") is a comment too, as PETRARCH reads it.
    """
    found, in_block = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        kept, in_block = _strip_comments(line, in_block)
        kept = kept.strip()
        if kept and not kept.startswith("<"):
            found.append((number, kept))
    return found


def _strip_comments(line: str, in_block: bool) -> tuple[str, bool]:
    """The part of a line outside comments, and whether a `<!--` block is still open after it."""
    kept = ""
    while line:
        if in_block:
            end = line.find("-->")
            if end < 0:
                return kept, True
            line, in_block = line[end + 3:], False
            continue
        cut = min((i for i in (line.find("<!--"), line.find("#"), line.find(";")) if i >= 0), default=-1)
        if cut < 0:
            return kept + line, False
        kept += line[:cut]
        if not line.startswith("<!--", cut):
            return kept, False
        line, in_block = line[cut + 4:], True
    return kept, in_block


def read_actor_dictionary(text: str, source: str = "<actors>") -> tuple[list[ActorRecord], list[Skip]]:
    """The actor records of a dictionary, and the lines that could not be read.

    A record's synonyms and date-restricted codes follow its primary line; a line that cannot be
    read is reported, and what follows a bad primary line is dropped with it, as it belongs to it.
    """
    records: list[ActorRecord] = []
    skipped: list[Skip] = []
    current: ActorRecord | None = None
    for number, line in content_lines(text):
        if line.startswith(("+", "[")) and current is None:
            skipped.append(Skip(source, "a synonym or code with no actor line above it", number))
        elif line.startswith("+"):
            if not _has_word(line[1:]):
                skipped.append(Skip(source, "an empty synonym", number))
            else:
                current.synonyms.append(line[1:].strip())
        elif line.startswith("["):
            codes, problem = _read_codes(line)
            if problem:
                skipped.append(Skip(source, problem, number))
            current.codes.extend(codes)
        else:
            current, problem = _read_primary(line, number)
            if problem:
                skipped.append(Skip(source, problem, number))
            else:
                records.append(current)
    for record in records:
        if not record.codes:
            skipped.append(Skip(source, f"no [CODE] for {record.name}", record.line))
    return [record for record in records if record.codes], skipped


def _read_primary(line: str, number: int) -> tuple[ActorRecord, str | None]:
    """An actor's primary line: its phrase and any codes written beside it (TABARI's style)."""
    bracket = line.find("[")
    name = (line if bracket < 0 else line[:bracket]).strip()
    record = ActorRecord(name, number)
    if not _has_word(name) or re.search(r"[\]{}<>]", name):
        return record, f"not an actor line: {line!r}"
    if bracket >= 0:
        record.codes, problem = _read_codes(line[bracket:])
        if problem:
            return record, problem
    return record, None


def _read_codes(text: str) -> tuple[list[Restriction], str | None]:
    """The bracketed codes of a line, `[CODE]`, `[CODE <DATE]`, `[CODE >DATE]`, `[CODE D1-D2]`."""
    codes = []
    rest = text.strip()
    while rest:
        match = re.match(r"\[([^\[\]]*)\]\s*", rest)
        if not match:
            return codes, f"unreadable code {rest!r}"
        restriction = RESTRICTION.fullmatch(match.group(1))
        if not restriction:
            return codes, f"unreadable code [{match.group(1)}]"
        try:
            codes.append(_restriction(restriction))
        except ValueError:
            return codes, f"not a date in [{match.group(1)}]"
        rest = rest[match.end():]
    return codes, None


def _restriction(match: re.Match) -> Restriction:
    code = match.group("code").upper()  # "[pse]" is PSE
    if match.group("op") == "<":
        return Restriction(code, end=petrarch_date(match.group("date")))
    if match.group("op") == ">":
        return Restriction(code, start=petrarch_date(match.group("date")))
    if match.group("start"):
        return Restriction(code, petrarch_date(match.group("start")), petrarch_date(match.group("end")))
    return Restriction(code)


def petrarch_date(text: str) -> date:
    """YYYYMMDD, or YYMMDD where, as in KEDS, TABARI and PETRARCH, 00-30 are 20YY and the rest 19YY."""
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        year = int(text[:2])
        return date(2000 + year if year <= 30 else 1900 + year, int(text[2:4]), int(text[4:]))
    raise ValueError(text)


def read_agent_dictionary(text: str, source: str = "<agents>") -> tuple[list[AgentRecord], list[Skip]]:
    """The agent nouns of a dictionary, substitution markers expanded, and the unreadable lines."""
    markers: dict[str, list[str]] = {}
    records: list[AgentRecord] = []
    skipped: list[Skip] = []
    for number, line in content_lines(text):
        definition = MARKER_DEFINITION.fullmatch(line.upper())
        if definition:
            items = [item.strip() for item in definition.group("items").split(",")]
            markers[definition.group("marker")] = [item for item in items if item]
            continue
        match = AGENT_LINE.fullmatch(line)
        if not match or not _has_word(match.group("noun")):
            skipped.append(Skip(source, f"not an agent line: {line!r}", number))
            continue
        code = re.sub(r"\s+", "", match.group("code")).upper()
        try:
            nouns = expand_markers(match.group("noun").upper(), markers)
        except KeyError as error:
            skipped.append(Skip(source, f"undefined substitution marker {error.args[0]}", number))
            continue
        # Plurals in {...} are left out: Dateline matches an agent noun by its lemma.
        records.extend(AgentRecord(noun, code, number) for noun in nouns)
    return records, skipped


def expand_markers(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    """ "CONGRESS!PERSON!" -> CONGRESSMAN, CONGRESSMEN, ...: every item for every marker, in order."""
    parts = MARKER.split(phrase)
    names = MARKER.findall(phrase)
    choices = [markers[name] for name in names]  # KeyError: an undefined marker
    expanded = []
    for picked in product(*choices):
        words = [parts[0]]
        for item, part in zip(picked, parts[1:]):
            words += [item, part]
        expanded.append("".join(words))
    return expanded


def _has_word(text: str) -> bool:
    return bool(re.search(r"[A-Za-z0-9]", text))
