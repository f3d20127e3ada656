"""Page furniture: what a news page prints around its story, which must never become text.

Scraped and sentence-split news pages (Timeline17 and its kin) keep the page's stamp and wire
dateline, photo captions and credits, bylines, the wire's credit line and notes, a site footer and
a reader-comment form. Left in, the parser makes actors of them ("BST AMMAN", "Editing by Ralph
Boulton", a credited photographer). `split_furniture_off` and `drop_furniture` run, top to bottom
(the page's end, comments and all, is cut between them: `is_page_end`):
1. `cut_page_header`: the stamp and dateline atop the story, with the photo caption, credit and
   byline printed before them (a headline before them stays, on a line of its own); a stamp
   further down (a second story's header) goes too;
2. `split_glued_furniture`: furniture that a sentence splitter glued to the line before it (a
   site footer, a comment prompt, a comment's stamp) goes onto a line of its own, where the line
   rules below and the comment cut (`is_page_end`) see it;
3. `strip_wire_notes`: the bracketed notes around a wire story's sentences (credits, links,
   story codes, contacts, currency notes) and a photo credit or byline opening a line;
4. `is_furniture_line`: whole lines that are bylines, credit lines, photo credits, legal and
   market notices and author notes.
Every rule is anchored (a whole line, a line's start or end, a bracket, a stamp's exact shape), so
reporting that only shares furniture's words ("By Friday the army had ...") stays.
Calibrated on Timeline17's SyrianCrisis, LibyaWar and H1N1 Reuters, SyrianCrisis BBC and IraqWar
Guardian dumps.
"""
from __future__ import annotations

import re

# Header cutting looks at this many non-blank lines: a wire page puts a photo caption or two
# and its credit above the stamp, never more.
HEADER_WINDOW = 3
# A call for readers' contributions ("Are you in Syria?") is at most this many questions.
MAX_CALL_QUESTIONS = 4

# Bounded repeats keep every pattern linear on a hostile line of capitals.
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_TIME_ZONE = r"(?:GMT|BST|UTC|EDT|EST|ET|CDT|CST|PDT|PST|IST|CET|CEST)"
_CAPS_PLACE = r"[A-Z][A-Z.'/-]+(?:\s+[A-Z][A-Z.'/-]+){0,5}"  # "AMMAN", "SANAA/CAIRO", "NEW YORK"
# A dateline's place is in capitals, or one word as CNN writes it ("Ajdabiya, Libya (CNN)"); a
# name in capitals after a capitalized word ("Dinesh Nair DUBAI") is a byline's end, no place.
_PLACE = rf"(?:{_CAPS_PLACE}|[A-Z][a-z][\w.'/-]*)"
_REGION = r"(?:\s*,\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?)?"  # ", Syria", ", New Jersey", ", Tenn."
_MONTH_DAY = rf"{_MONTH}\s+\d{{1,2}}"  # "July 26", "Sept 21"
_WIRES = r"Reuters(?: Life!| Health)?|AP|AFP|CNN|UPI|Xinhua|Bloomberg"
_LONG_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_LONG_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# A wire page's place and time stamp: "AMMAN | Thu Apr 21, 2011 8:02 pm EDT",
# "HOHHOT, China | Mon May 30, 2011 3:57 pm BST", "LONDON, July 26 | Tue ...", "Sept 21 | Wed ...",
# or the bare time "Wed May 25, 2011 10:57 am BST" opening a line.
_STAMP_PLACE = rf"(?:{_CAPS_PLACE}{_REGION}(?:\s*,?\s*{_MONTH_DAY})?|{_MONTH_DAY})\s*\|\s*"
_STAMP_TIME = (rf"{_WEEKDAY}\s+{_MONTH}\s+\d{{1,2}},\s*\d{{4}}\s+\d{{1,2}}:\d{{2}}\s*[ap]m"
               rf"(?:\s+{_TIME_ZONE}\b)?\s*")
PAGE_STAMP = rf"(?:{_STAMP_PLACE}|^){_STAMP_TIME}"
# The wire's dateline before the first sentence: "AMMAN (Reuters) -", "Ajdabiya, Libya (CNN) --",
# "LONDON, Sept 22 (Reuters) -", or "(Reuters) -" alone at the start of a line.
_DATELINE_PLACE = rf"(?:^|(?<=\s))(?:{_PLACE}{_REGION}(?:\s*,?\s*{_MONTH_DAY})?|{_MONTH_DAY})\s*"
# also '(Reuters)" -', '- -', and a dash the sentence splitter put on the next line
_DATELINE_WIRE = rf"\((?:{_WIRES})\)\s*(?:\"?\s*(?:--|-|—|–)(?:\s*-(?=\s))?\s*|$)"
WIRE_DATELINE = rf"(?:{_DATELINE_PLACE}|^){_DATELINE_WIRE}"
# The other stamps a page opens with; each is the page's, so what precedes it is a headline.
HEADER_STAMPS = {
    # "By the CNN Wire Staff"
    "wire_staff": r"^By (?:the )?[A-Z][\w.' ]{0,30}? (?:Wire )?Staff\s+",
    # a BBC blog: "Robin Lustig | 10:20 UK time, Friday, 13 April 2012"
    "blog_stamp": rf"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){{0,3}} \| \d{{1,2}}:\d{{2}} UK time, {_LONG_WEEKDAY}, "
                  rf"\d{{1,2}} {_LONG_MONTH} \d{{4}}\s*",
    # BBC: "16 March 2012 Last updated at 14:51 GMT Help"
    "bbc_stamp": rf"\b\d{{1,2}} {_LONG_MONTH} \d{{4}} Last updated at \d{{1,2}}:\d{{2}} (?:GMT|BST)"
                 r"(?: Help)?\s*",
    # Guardian: "Wednesday 19 January 2005 14.24 GMT"
    "guardian_stamp": rf"\b{_LONG_WEEKDAY} \d{{1,2}} {_LONG_MONTH} \d{{4}} \d{{1,2}}\.\d{{2}} (?:GMT|BST)\s*",
    "page_stamp": PAGE_STAMP,
}
_HEADER_STAMPS = [re.compile(pattern) for pattern in HEADER_STAMPS.values()]
_PAGE_STAMP = re.compile(PAGE_STAMP)
_WIRE_DATELINE = re.compile(WIRE_DATELINE)
# A second story's header further down the page: a placed stamp, and the dateline after it.
_STAMP_ANYWHERE = re.compile(rf"\s*{_STAMP_PLACE}{_STAMP_TIME}(?:{_DATELINE_PLACE}{_DATELINE_WIRE})?")
_LINE_DATELINE = re.compile(rf"^{_DATELINE_PLACE}{_DATELINE_WIRE}")

# A name in a byline or credit: capitalized words, with the particles names carry ("al-Khalidi",
# "de Weck"). Days and months are no names: "By Friday" opens a sentence.
_NOT_A_NAME = rf"(?!(?:{_LONG_WEEKDAY}|{_LONG_MONTH}|The|This|That|Then|Now|Last|Next|Early|Late)\b)"
_NAME_WORD = (rf"(?:{_NOT_A_NAME}[A-Z][\w'.-]*"
              r"|(?:al|el|bin|ibn|de|du|da|van|von|der|le|la)(?:-[\w'-]+)?)")
_NAME = rf"{_NOT_A_NAME}[A-Z][\w'.-]*(?: {_NAME_WORD}){{1,3}}"
_NAMES = rf"{_NAME}(?:(?:,| and|, and) {_NAME}){{0,3}}"
# What a byline says of its writer: "BBC News, Cairo", "Health and Science Editor", "World Affairs
# correspondent, BBC News, northern Jordan".
_ROLE_WORD = (r"(?:[A-Z][\w'.-]*|and|of|in|at|for|the|correspondent|editor|reporter|analyst|writer|staff"
              r"|news|northern|southern|eastern|western|central)")
_ROLE = rf"{_ROLE_WORD}(?:,? {_ROLE_WORD}){{0,9}}"
# The byline a BBC page glues before its first sentence: "By Jim Muir BBC News, Beirut The ...".
# The place is taken to be one word (with a country): after it the caption or story begins.
BBC_BYLINE = (
    rf"^By {_NAME} (?:(?:[A-Z][a-z]+ ){{1,3}}[Cc]orrespondent, )?BBC(?: [\w-]+){{0,4}}? "
    r"(?:News|[Cc]orrespondent|[Ee]ditor|Arabic|Persian|Russian|Monitoring)"
    r"(?:,(?: in)? (?:(?:northern|southern|eastern|western|central) )?(?:al-)?[A-Z][\w'-]+"
    r"(?: (?:Heights|Strip|Bank|Valley|Hills|Mountains|refugee camp))?(?:, [A-Z][\w'-]+)?)?"
    r"\s+(?=\S)"
)

# What a wire page prints before the stamp, on its line, that is no headline: "Full Article",
# a photo credit ("Credit: Reuters/Syrian TV via Reuters TV", "REUTERS/Social media website via
# Reuters TV": it runs to the stamp) and a byline ("By Khaled Yacoub Oweis and Suleiman al-Khalidi").
_PREFIX_LABEL = re.compile(r"^Full Article\s*")
_HEADER_PREFIX_START = re.compile(r"Full Article\b|\(?Credit\s*:|REUTERS/")
_PREFIX_CREDIT = re.compile(r"(?:^|\s)(?:\(?Credit\s*:|REUTERS/).*$")
_PREFIX_BYLINE = re.compile(rf"(?:^|\s)By {_NAMES}(?:, {_ROLE})?\s*$")

# A credit for the story's reporting and editing: "(Reporting by X; Editing by Y)", "Additional
# reporting by X in Cairo", "(Writing and additional reporting by X)", "(Compiled by Cairo newsroom)".
# The names after it are capitalized: "(reporting by state media)" is a sentence's aside.
_CREDIT_LEAD = (r"(?i:(?:(?:with|additional|further|writing and|editing and|and)\s+)*"
                r"(?:reporting|editing|writing|compiled|edited|written|graphics?|research)"
                r"(?:\s+and\s+(?:additional\s+)?(?:reporting|editing|writing))?\s+(?:by|from))")
# A credit's names never take its next clause's lead ("..., Editing by"): the names are matched
# atomically, so a line that is no credit fails at once instead of trying every split.
_CREDIT_WORD = (r"(?:(?!(?i:reporting|editing|writing|additional|compiled|edited|written|with|further)\b)"
                rf"{_NAME_WORD}|and|in|&)")
_CREDIT_NAMES = rf"(?>{_CREDIT_WORD}(?:,? {_CREDIT_WORD}){{0,40}})"
_CREDIT_CLAUSE = rf"(?:{_CREDIT_LEAD} )?{_CREDIT_NAMES}"
# The notes a wire story's sentences carry in brackets; each matches one whole bracket.
WIRE_NOTES = {
    # a credit opens the bracket or follows a ";": "(Emma Farge contributed reporting; Editing by X)"
    "credit": rf"\((?:[^()]*?;)?\s*{_CREDIT_LEAD}\s+[A-Z][^()]*(?:\)|$)",
    # "(For more Reuters swine flu coverage, please click here: here)", "(..., click (nFLU))"
    # or one cut short: "(For a WHO map of the spread of cases, go to:"
    "link": r"\(\s*(?i:for)\b[^()]*?\b(?i:click|go to|see|visit)\b"
            r"(?:[^()]*\bhere\b[^()]*|[^()]*\((?:ID:\s*)?n[A-Z][A-Z0-9]{2,}\)?[^()]*|(?: on| here)?\s*:?\s*)"
            r"(?:\)|$)",
    # a bracketed photo caption: "(Photo: Obama speaks at Cairo University/Goran Tomasevic)"
    "photo": r"\(\s*(?:Photo|Picture)s?\s*:[^()]*(?:\)|$)",
    # Reuters story codes: "(ID: nN27484099)", "(nFLU)"
    "story_code": r"\((?:ID:\s*)?n[A-Z][A-Z0-9]{2,}\)\)?",
    "contact": r"\([^()]*@[\w.-]*reuters\.(?:com|net)[^()]*\)\)?",
    "currency": r"\(\s*[$#£€]\s*1\b[^()]*=[^()]*\)",
}
_WIRE_NOTE = re.compile("(?:" + "|".join(f"(?:{pattern})" for pattern in WIRE_NOTES.values()) + r")\s*\.?")
_STORY_CODE = re.compile(r"\s*" + WIRE_NOTES["story_code"])
# A photo credit opening a line, before the caption or story: "REUTERS/Khaled al-Hariri ",
# "Photograph: Dennis Cook/AP ", "Photograph: Getty Images ", "(Credit: Getty Images) ".
_AGENCY = r"(?:Getty Images|Getty|AP|AFP|PA|EPA|Reuters|REUTERS|Rex Features)"
LEADING_CREDITS = {
    "reuters_photo": r"^REUTERS/(?:[\w'.-]+(?: [\w'.-]+){0,3}/){0,3}"
                     r"(?:Handout|[\w' -]{1,40}? via Reuters TV"
                     r"|[A-Z][\w'.-]+ (?:(?:al|el|bin|de|van)-?)?[A-Z][\w'.-]+)\)?;?(?:\s+|$)",
    "slashed_credit": r"^\(?(?:Photograph|Photo|Picture|Credit)s?\s*:\s*(?:[\w'.-]+(?: [\w'.-]+){0,3}/){1,3}"
                      rf"(?:{_AGENCY}|[A-Z][\w'.-]*)\)?(?:\s+|$)",
    "agency_credit": rf"^\(?(?:Photograph|Photo|Picture|Credit)s?\s*:\s*{_AGENCY}\)?(?:\s+|$)",
    # The Guardian's "Photograph: Tristram Kenton There has to be ...": a name, then the story.
    "named_credit": rf"^Photograph:\s*{_NOT_A_NAME}[A-Z][a-z'-]+ [A-Z][a-z'-]+(?:\s+(?=[\"'A-Z])|\.?$)",
    "bbc_byline": BBC_BYLINE,
    # a column's disclaimer glued before its first sentence
    "opinion_disclaimer": r"^The (?:opinions|views) expressed are (?:his|her|their) own\.?\s*(?:--\s*)?"
                          r"(?=\S)",
}
_LEADING_CREDITS = [re.compile(pattern) for pattern in LEADING_CREDITS.values()]

# Whole lines of furniture, matched case-sensitively where names are told by their capitals.
FURNITURE_LINES = {
    "credit_line": rf"\(?{_CREDIT_LEAD} {_CREDIT_NAMES}(?:\s*[;,:]\s*{_CREDIT_CLAUSE}){{0,8}}\s*[.)]?\)?",
    "byline": rf"By {_NAMES}(?:,? {_ROLE})?\.?",
    "reuters_photo_credit": r"REUTERS/(?:[\w'.-]+(?: [\w'.-]+){0,3}/){0,3}[\w'.-]+(?: [\w'.-]+){0,2}\)?",
    # A labelled photo caption, dated or credited as a caption is: "Photo: A rebel fighter walks
    # past ... August 5, 2011.", "Photo: A field taken May 10 by Chris Stebbins."
    "labelled_caption": rf"\(?(?i:photo|picture)s?\s*:.{{0,300}}(?:\b{_MONTH_DAY},? (?:19|20)\d\d"
                        r"|\bby [A-Z][\w'-]+ [A-Z][\w'-]+)\.?\)?",
    # a company page's list heading, no sentence: "Latest Developments for Samsung C&T Corp
    # Latest Key Developments in Diversified"
    "company_developments": r"Latest Developments for [A-Z][^.!?]{0,120}",
}
FURNITURE_LINES_ANY_CASE = {
    "photo_credit": rf"\(?(?:photo|photograph|picture|image|credit)s?(?: credit)?\s*:\s*"
                    rf"(?:{_AGENCY}|\S*/\S.{{0,60}})\)?",
    "image_caption": r"image (?:caption|copyright)\b.*",
    "agency_alone": r"\(?(?:getty images|afp/getty images|reuters tv)\)?",
    "site_footer": r"an ultra-low latency infrastructure for electronic trading\b.*",
    "reuters_legal": r"(?:republication or redistribution of\s*reuters content"
                     r"|reuters and the reuters\s*sphere logo)\b.*",
    "bbc_monitoring": r"bbc monitoring selects and translates news\b.*|it is based in caversham, uk\b.*",
    "more_link": r"for (?:more|the latest|full)\b.{0,80}\bclick here\b.*",
    "market_data": r"(?:nyse|nasdaq|amex)\b.{0,40}\bdelayed by at least \d+ minutes\.?"
                   r"|for a complete list of exchanges and delays\b.*",
    "author_note": r"(?:--\s*)?(?:the author|[\w.' -]{3,40}) is an? (?:reuters |breakingviews )+(?:\w+ )?"
                   r"columnist\b.*|the (?:opinions|views) expressed are (?:his|her|their|the author's) own\.?",
    "comment_notice": r"(?:we welcome comments (?:that advance the story|on our articles)"
                      r"|views expressed in the comments do not represent|this discussion is now closed)\b.*",
    "press_release": r".{0,200}\breuters is not responsible for the content in this press release\.?",
    "site_notice": r"the bbc is not responsible for the content of external (?:internet )?sites\.?"
                   r"|\(?transcript\)?|full article",
    "related": r"related(?: stories| articles| links| coverage| content| news)?\s*:.*",
    "print_email": r"(?:print|e-?mail)(?: this)?(?: article| story| page)?|e-?mail (?:this )?to a friend",
    # a wire video's label: "Rough Cut (no reporter narration)"
    "video_label": r"rough cut \(no reporter narration\)\.?(?: \(?transcript\)?)?",
}
_FURNITURE_LINES = [re.compile(pattern) for pattern in FURNITURE_LINES.values()]
_FURNITURE_LINES_ANY_CASE = [re.compile(pattern, re.IGNORECASE)
                             for pattern in FURNITURE_LINES_ANY_CASE.values()]
# Furniture lines are short; a credit line naming a dozen reporters is the longest.
FURNITURE_MAX_CHARS = 600

# Furniture that starts the page's end: the site footer, reader comments, a call for readers'
# contributions and its form, a newspaper's letters footer. A sentence splitter glues it to the
# line before; it goes onto its own line, and the comment cut drops it and all below it.
PAGE_END = {
    "site_footer": r"An ultra-low latency infrastructure for electronic trading\b",
    "comment_prompt": r"We welcome comments (?:that advance the story|on our articles)\b",
    "comment_disclaimer": r"Views expressed in the comments do not represent\b",
    "comments_closed": r"This discussion is now closed\b",
    # a BBC blog comment: "At 13:44 20th Jan 2012, BluesBerry wrote:"
    "comment_stamp": r"At \d{1,2}:\d{2} \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8} \d{4}, \S{1,40} wrote:",
    "call_for_contributions": r"(?:You can )?[Ss]end (?:us )?your (?:comments|experiences|views|stories)\b",
    "contribution_form": r"Send your pictures and videos to\b|The BBC may edit your comments\b"
                         r"|If you are happy to be contacted by a BBC journalist\b",
    "letters_footer": r"Letters for publication should be sent to\b|To contact the MediaGuardian news ?desk\b",
    "bbc_footer": r"The BBC is not responsible for the content of external\b",
}
_GLUED = re.compile(r"(?<=\S)\s+(?=" + "|".join(f"(?:{p})" for p in PAGE_END.values()) + ")")
_PAGE_END = re.compile("|".join(f"(?:{p})" for p in PAGE_END.values()))
_CALL_FOR_CONTRIBUTIONS = re.compile(PAGE_END["call_for_contributions"])


def split_furniture_off(lines: list[str]) -> list[str]:
    """The lines without the page's header, and with glued furniture on lines of its own (steps 1
    and 2): what the comment cut and `drop_furniture` then see."""
    return split_glued_furniture(cut_page_header(lines))


def drop_furniture(lines: list[str]) -> list[str]:
    """The lines without wire notes, credits and furniture lines (steps 3 and 4)."""
    kept: list[str] = []
    for line in lines:
        if not line.strip():
            kept.append(line)  # layout: paragraph breaks stay as they were
            continue
        if is_furniture_line(line):
            continue
        stripped = strip_wire_notes(line)
        if stripped != line and (not _has_text(stripped) or is_furniture_line(stripped)):
            continue  # nothing but notes and credits, or a stray "." or ")" they leave
        kept.append(stripped)
    return kept


def _has_text(line: str) -> bool:
    return any(char.isalnum() for char in line)


def cut_page_header(lines: list[str]) -> list[str]:
    """The lines without the page's header: its stamp and dateline in the first lines, the
    captions above them and the credit and byline before them; later stamps go too."""
    window = [index for index, line in enumerate(lines) if line.strip()][:HEADER_WINDOW]
    for position, index in enumerate(window):
        cut = cut_header_line(lines[index], first=position == 0)
        if cut is not None:
            above = lines[:index]
            if _PAGE_STAMP.search(lines[index]) or _WIRE_DATELINE.search(lines[index]):
                # a wire page prints photo captions above its stamp; a site's standfirst stays
                above = [line for line in above if not line.strip() or _is_headline_like(line)]
            lines = above + cut + lines[index + 1:]
            break
    return [part for line in lines for part in cut_later_headers(line)]


def cut_later_headers(line: str) -> list[str]:
    """The line's parts around a second story's header: a wire page stamp anywhere, with its
    dateline, or a dateline opening the line."""
    return [_LINE_DATELINE.sub("", part, count=1) for part in _split_at(_STAMP_ANYWHERE, line)]


def cut_header_line(line: str, first: bool) -> list[str] | None:
    """The line's headline and story without the header it carries; None when it has none.

    On the first line a dateline may follow a headline; further down only a stamp, or a
    dateline after nothing but furniture, marks a header, so a sentence is not taken for one.
    """
    before: list[str] = []
    rest = line
    for pattern in _HEADER_STAMPS:
        found = pattern.search(rest)
        if found:
            before.append(rest[: found.start()])
            rest = rest[found.end():]
    found = _WIRE_DATELINE.match(rest) if before else _WIRE_DATELINE.search(rest)
    if found and (first or before or _opens_header(rest[: found.start()])):
        before.append(rest[: found.start()])
        rest = rest[found.end():]
    if not before:
        return None
    headline = drop_header_prefix(" ".join(part.strip() for part in before if part.strip()))
    return [part for part in (headline, rest.strip()) if part]


def _opens_header(text: str) -> bool:
    """Whether what precedes a dateline below the first line is nothing or page furniture (a
    label, a photo credit, a byline just before it), so the dateline is the page's header."""
    return not text.strip() or bool(_HEADER_PREFIX_START.match(text) or _PREFIX_BYLINE.search(text))


def drop_header_prefix(text: str) -> str:
    """What precedes a page stamp on its line, without the label, photo credit and byline."""
    text = _PREFIX_LABEL.sub("", text)
    text = _PREFIX_CREDIT.sub("", text)
    return _PREFIX_BYLINE.sub("", text).strip()


def _is_headline_like(line: str) -> bool:
    """A line above the header that may be the headline: it does not end like a sentence, as a
    photo caption or an editor's note does."""
    return not line.rstrip().endswith((".", "?", "!", '"', "'", "”", "’"))


def split_glued_furniture(lines: list[str]) -> list[str]:
    """The lines with a footer, comment prompt or comment stamp glued to them split off."""
    return [part for line in lines for part in _split_at(_GLUED, line)]


def _split_at(pattern: re.Pattern, line: str) -> list[str]:
    """The line's parts around the pattern's matches, blank parts left out; the line itself
    when the pattern does not occur."""
    if not pattern.search(line):
        return [line]
    return [part.strip() for part in pattern.sub("\n", line).split("\n") if part.strip()]


def is_page_end(line: str) -> bool:
    """True for a line that starts the page's end: footer, comments or a contribution form."""
    return bool(_PAGE_END.match(line.strip()))


def page_end_start(lines: list[str], index: int) -> int:
    """Where the page's end begins, given its first marker at `index`: a call for contributions
    takes the questions put to readers just above it ("Are you in Syria?") along."""
    if not _CALL_FOR_CONTRIBUTIONS.match(lines[index].strip()):
        return index
    start = index
    while index - start < MAX_CALL_QUESTIONS and start > 0 and lines[start - 1].rstrip().endswith("?"):
        start -= 1
    return start


def strip_wire_notes(line: str) -> str:
    """The line without story codes, the wire notes in brackets at its ends, and a photo credit
    or BBC byline opening it; the line itself when it has none."""
    stripped = _strip_trailing_notes(_strip_leading_notes(line.strip()))
    stripped = _STORY_CODE.sub("", stripped).strip()  # after the notes: a link note may hold one
    for pattern in _LEADING_CREDITS:
        stripped = pattern.sub("", stripped, count=1)
    return line if stripped == line.strip() else stripped


def _strip_trailing_notes(line: str) -> str:
    """The line without the wire notes that end it, the last first."""
    while (start := _trailing_note_start(line)) is not None:
        line = line[:start].rstrip()
    return line


def _trailing_note_start(line: str) -> int | None:
    """Where the wire note that ends the line opens; None when it does not end with one."""
    opening = line.rfind("(")
    if opening < 0:
        return None
    # a code or link inside a link note ("click (nFLU))") is taken with the note around it
    for start in (line.rfind("(", 0, opening), opening):
        if start >= 0 and _WIRE_NOTE.fullmatch(line, start):
            return start
    return None


def _strip_leading_notes(line: str) -> str:
    """The line without the wire notes that open it, the first first."""
    while line.startswith("(") and _WIRE_NOTE.fullmatch(line[: (end := _closing_bracket(line))]):
        line = line[end:].lstrip()
    return line


def _closing_bracket(line: str) -> int:
    """The index after the bracket that closes the one opening `line` (its length if none)."""
    depth = 0
    for index, char in enumerate(line):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index + 1
    return len(line)


def is_furniture_line(line: str) -> bool:
    """True for a whole line that is a byline, a credit, a photo credit or a site notice."""
    line = line.strip()
    if not line or len(line) > FURNITURE_MAX_CHARS:
        return False
    return (any(pattern.fullmatch(line) for pattern in _FURNITURE_LINES)
            or any(pattern.fullmatch(line) for pattern in _FURNITURE_LINES_ANY_CASE))
