"""Cleaning extracted article text: layout, boilerplate prompts and pasted-twice blocks.

`clean_text` runs the stages top to bottom:
1. normalize layout (newlines, NFC, invisible characters, trailing spaces) and undo a research
   corpus's tokenization (`detokenize`);
2. drop the page's header and split glued furniture onto lines of its own (`furniture`); drop
   the reader comments, contribution forms and footer a page carries below the article; then
   drop furniture lines (credits, bylines, wire notes: `furniture.drop_furniture`) and
   boilerplate lines (newsletter, share, follow-us prompts, copyright lines, notices about the
   piece itself such as "published from a syndicated feed");
3. drop repeated paragraphs, keeping the first occurrence;
4. drop repeated runs of 2+ lines (a tweet pasted twice), keeping the first occurrence;
5. collapse blank-line runs so paragraphs are separated by exactly one blank line.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from dateline.ingest.detokenize import detokenize
from dateline.ingest.furniture import (drop_furniture, is_page_end, page_end_start,
                                       split_furniture_off)

# A boilerplate line is short; a long paragraph that mentions "all rights reserved" is
# still an article paragraph. Prompts in real pages are well under this length.
BOILERPLATE_MAX_CHARS = 120

# Each pattern must match the whole (stripped) line, case-insensitively, so an ordinary
# sentence that merely contains "follow" or "share" never matches.
_SOCIAL = r"(twitter|x|facebook|instagram|linkedin|youtube|telegram|whatsapp|threads|google news)"
BOILERPLATE_PATTERNS = {
    "subscribe": r"subscribe( now| today| here)?(\s*[:!.,\-–—].*| to .*| for .*)?",
    "newsletter": r"(sign up|signup|register|join|get)\b.{0,40}\bnewsletters?\b.*",
    "follow_us": r"follow us\b.*",
    "follow_on_social": rf"follow (\S+ ){{0,4}}on {_SOCIAL}\b.*",
    "share": r"share (this|the) (article|story|post|page|news)\b.*",
    "share_on_social": rf"share (on|via|to) ({_SOCIAL}|email)\b.*",
    "click_here": r"click here\b.*",
    "read_more": r"(read|see) (more|also)\b.*",
    "also_read": r"also (read|see)\b.*",
    "advertisement": r"(advertisement|advertisements|sponsored( content)?|ad|"
    r"story continues below( this)? (ad|advertisement))[.:]?",
    "all_rights_reserved": r".*\ball rights reserved\b.*",
    "copyright": r"(©|\(c\)|copyright\s*(©|\(c\))?\s*\d{4}).*",
    "download_app": r"download (our|the) .{0,40}\bapps?\b.*",
    "newsletter_masthead": r"an? (daily|weekly|monthly|free) newsletter (from|by) .*",
    "email_footer": r"you( are|'re) receiving this (email|e-mail|newsletter|message) because .*",
    "unsubscribe": r"unsubscribe\b.*",
    "view_in_browser": r"(view|read) (this (email|newsletter) )?(in|on) (your|a|the) (web )?browser\b.*",
    "reading_time": r"(.*[|·•]\s*)?\d{1,3}\s*(-\s*)?min(ute)?s?\.? read",
}
# Notices about the article itself; distinctive enough to drop at a longer length than prompts.
NOTICE_MAX_CHARS = 300
NOTICE_PATTERNS = {
    "syndicated_feed": r".*\bsyndicated feed\b.*",
    # A fully parenthesized note about the piece: "(This story was auto-translated ...)".
    "editor_note": r"\(this (news|story|article|report|copy|piece) (is|was|has|had|will)\b.*\)\.?",
}
_BOILERPLATE = [re.compile(pattern, re.IGNORECASE) for pattern in BOILERPLATE_PATTERNS.values()]
_NOTICES = [re.compile(pattern, re.IGNORECASE) for pattern in NOTICE_PATTERNS.values()]

# Where a page's reader comments begin: a line that announces them, or the first comment's stamp
# ("March 21, 2011 at 9:14 am | I am confused ..."). Comments are readers' opinions and claims, not
# the outlet's reporting; everything below the start is the comments and the page's footer.
COMMENTS_START = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"views expressed in the comments\b.*",
    r"we welcome comments\b.*",
    r"(\d+\s+)?(reader )?comments?(\s*\(\d+\))?\s*:?",
    r"(leave|post|add|show|view|read|load) (a |your |all |more )?(\d+ )?comments?\b.*",
    r"join the (conversation|discussion)\b.*",
    r"this discussion is now closed\.?",
    # "March 21, 2011 at 9:14 am | ...", "May 19, 2011 03:55 pm at 3:55 pm | ...": a stamp, then a bar
    r"[a-z]+\.? \d{1,2}(st|nd|rd|th)?,? \d{4},?( \d{1,2}:\d{2}\s*[ap]\.?m\.?)?( at)? \d{1,2}:\d{2}\s*[ap]\.?m\.?"
    r"( [a-z]{2,4})?\s*\|.*",
)]
# A page that opens with its comments has nothing of the article above them to keep; a comment
# marker this close to the top is more likely a stray line of the story.
MIN_LINES_BEFORE_COMMENTS = 3

# Section labels and breadcrumbs above the story ("Kabul Times | World", "Home › Asia"):
# short segments without sentence punctuation, joined by separators. Only leading lines are
# tested, after the headline is taken, because a headline may look the same.
LEADING_LABEL = re.compile(r"[^|.!?]{1,40}(\s[|·•»›>]\s[^|.!?]{1,40})+")

# Repeated-block removal ignores tiny blocks ("***", "—", "Thank you."): such short lines
# can legitimately recur, while a pasted paragraph or tweet is longer than this.
MIN_REPEATED_CHARS = 20

# How many earlier occurrences of a two-line start are tried when extending a repeat. Real
# repeats have one or two earlier copies; the cap keeps a file of identical lines linear.
MAX_EARLIER_RUNS_TRIED = 16

# Characters that render as nothing; they make identical text compare unequal.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Control codes are no text: printed to a terminal, ESC and its kin recolour it, retitle the window
# or hide what follows. Bidirectional embeddings, overrides and isolates reorder how the text
# around them is shown, in a terminal and a web page alike. None of them belongs in a news text.
# (The plain right-to-left and left-to-right marks stay: Arabic and Hebrew text needs them.)
UNSHOWABLE = "".join(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                               *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
_LINE_BREAKS = "\f\v\x85\u2029"  # page, vertical tab, next line, paragraph: each a line break
_UNSHOWABLE_AWAY = {**dict.fromkeys(map(ord, UNSHOWABLE)), **{ord(c): "\n" for c in _LINE_BREAKS}}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WHITESPACE = re.compile(r"\s+")
_BLANK_RUN = re.compile(r"\n{3,}")

def showable(text: str) -> str:
    """`text` without the control codes and direction overrides a display would obey."""
    return text.translate(_UNSHOWABLE_AWAY)


def clean_text(text: str) -> str:
    """Return the article text with layout normalized and boilerplate and repeats removed."""
    lines = split_furniture_off(detokenize(normalize_layout(text)).split("\n"))
    lines = [line for line in drop_furniture(drop_comments(lines)) if not is_boilerplate(line)]
    lines = drop_repeated_paragraphs(lines)
    lines = drop_repeated_line_runs(lines)
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def normalize_layout(text: str) -> str:
    """Unify newlines, compose Unicode (NFC), drop invisible and unshowable characters, strip
    line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = unicodedata.normalize("NFC", text.translate(_UNSHOWABLE_AWAY)).translate(_INVISIBLE)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def drop_comments(lines: list[str]) -> list[str]:
    """The lines above the page's reader comments, contribution form or footer (all of them when
    it has none)."""
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if seen >= MIN_LINES_BEFORE_COMMENTS and (
                any(p.fullmatch(stripped) for p in COMMENTS_START) or is_page_end(stripped)):
            return lines[:page_end_start(lines, index)]
        seen += 1
    return lines


def is_boilerplate(line: str) -> bool:
    """True for a short line that is a site prompt rather than article text."""
    line = line.strip()
    if not line or len(line) > NOTICE_MAX_CHARS:
        return False
    if len(line) <= BOILERPLATE_MAX_CHARS and any(p.fullmatch(line) for p in _BOILERPLATE):
        return True
    return any(pattern.fullmatch(line) for pattern in _NOTICES)


def drop_leading_labels(text: str) -> str:
    """Drop section-label lines at the very top of an article body."""
    lines = text.split("\n")
    while lines and (not lines[0].strip() or LEADING_LABEL.fullmatch(lines[0].strip())):
        lines.pop(0)
    return "\n".join(lines)


def drop_repeated_paragraphs(lines: list[str]) -> list[str]:
    """Keep the first occurrence of each paragraph (a blank-line separated block)."""
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in _paragraphs(lines):
        key = block_key(paragraph)
        if len(key) >= MIN_REPEATED_CHARS and key in seen:
            continue
        seen.add(key)
        kept.extend(paragraph + [""])
    return kept


def drop_repeated_line_runs(lines: list[str]) -> list[str]:
    """Drop any run of 2+ consecutive non-blank lines that already occurred earlier.

    Blank lines are layout, so runs are compared over the non-blank lines only. Earlier
    runs are indexed by their first two lines, which keeps this linear on ordinary text.
    """
    positions = [index for index, line in enumerate(lines) if line.strip()]
    keys = [block_key([lines[index]]) for index in positions]
    dropped: set[int] = set()
    earlier_starts: dict[tuple[str, str], list[int]] = {}
    registered = 0
    current = 0
    while current < len(keys) - 1:
        # A match must end before `current`, so only runs starting at <= current - 2 count.
        while registered <= current - 2:
            earlier_starts.setdefault((keys[registered], keys[registered + 1]), []).append(registered)
            registered += 1
        length = _longest_earlier_run(keys, current, earlier_starts)
        if length >= 2 and sum(map(len, keys[current : current + length])) >= MIN_REPEATED_CHARS:
            dropped.update(positions[current : current + length])
            current += length
        else:
            current += 1
    return [line for index, line in enumerate(lines) if index not in dropped]


def _longest_earlier_run(keys: list[str], current: int, earlier_starts: dict) -> int:
    """Length of the longest run at `current` that repeats one ending before `current`."""
    best = 0
    for start in earlier_starts.get((keys[current], keys[current + 1]), [])[:MAX_EARLIER_RUNS_TRIED]:
        length = 2
        while (
            current + length < len(keys)
            and start + length < current
            and keys[start + length] == keys[current + length]
        ):
            length += 1
        best = max(best, length)
    return best


def _paragraphs(lines: list[str]) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def block_key(lines: list[str]) -> str:
    """Compare blocks by their words, not their spacing."""
    return _WHITESPACE.sub(" ", " ".join(lines)).strip()


def normalize_for_id(text: str) -> str:
    """NFC, whitespace collapsed, lowercased: spacing and case do not change identity."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()


def article_id(text: str) -> str:
    """First 16 hex characters of the sha256 of the normalized text."""
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]
