"""Dateline's errors and warnings, coded so that a message leads to its cause.

A message is `CODE: text`; the CLI prints it on one line of stderr and exits non-zero. A
`W` code is a warning: the input it names was stored all the same.
"""
from __future__ import annotations


def failure_detail(error: BaseException) -> str:
    """An unexpected exception as one short line: its type and the first line of its message."""
    lines = str(error).strip().splitlines()
    detail = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    return detail if len(detail) <= MAX_DETAIL_CHARS else detail[:MAX_DETAIL_CHARS - 1] + "…"


MAX_DETAIL_CHARS = 200


class DatelineError(Exception):
    """An error a user can act on; its message is one line."""


class InputError(DatelineError):
    """A file or record that cannot be read."""


class FetchError(InputError):
    """A URL that could not be fetched or read: its message is the skip line's reason."""


class KnowledgeError(DatelineError):
    """A knowledge file that is missing or malformed."""


class StoreError(DatelineError):
    """A database that cannot be opened or written."""


class QueryError(DatelineError):
    """A query with arguments that make no sense."""


class NotFound(QueryError):
    """A query for one record by an id that no stored record has."""


class ExportError(DatelineError):
    """An export that cannot be written where it was asked to go."""


# ingest
E001 = "E001: no such file or folder: {path}"
E002 = "E002: unsupported file type {suffix!r} (expected .txt, .md, .jsonl, .csv, .html)"
E003 = "E003: binary data, not text"
E004 = "E004: malformed JSON: {detail}"
E005 = "E005: record has no text"
E006 = "E006: no main text found in the HTML page"
E007 = "E007: malformed CSV: {detail}"
E008 = "E008: empty after cleaning"
E010 = "E010: cannot read file: {detail}"
E011 = ("E011: the file is {size} MiB, over the limit of {limit} MiB for one file; split it, "
        "or raise $DATELINE_MAX_FILE_MB")
E012 = ("E012: the text is {length:,} characters long, over the limit of {limit:,} for one "
        "article")
E013 = "E013: analysis failed: {detail}"
E014 = "E014: nothing was ingested: no article could be read"
E015 = "E015: reading failed: {detail}"
E016 = "E016: cannot list the folder: {detail}"
E017 = "E017: not a regular file (a {kind}); only regular files are read"
# fetching from the web (`dateline ingest URL`, `dateline watch`): each is a skip line's reason
E030 = "E030: not an http or https URL: {url}"
E031 = "E031: {status}"  # "404 Not Found", or "503 after 3 tries" when retries did not help
# {resolved}: " (127.0.0.1)", the address a host name resolved to; "" for an address itself
E032 = ("E032: {host} is a private, loopback or link-local address{resolved}; --allow-private"
        " fetches it")
E033 = "E033: {host}'s robots.txt {detail}"
E034 = "E034: {detail}"  # timed out, connection failed, too many redirects, over --max-mb
# ingest warnings: the input is stored all the same
W001 = "W001: not UTF-8; decoded as {encoding}"
W002 = "W002: unreadable date {value!r}; stored undated"
W003 = ("W003: left out of fusion ({detail}); the article is stored, its events are not on the"
        " timeline")
# A file's new articles with no publication date ({what}: "" for one, " (3 of its articles)").
W004 = "W004: no publication date{what}; its relative dates stay unresolved"
W005 = ("W005: {undated} of {articles} new articles had no publication date{hint}; see \"Preparing"
        " your files\" in the README")
# W005's hint when some of those articles' paths name a day: "2011-06-03/a.txt".
W005_PATHS = ("; {dated} of them lie in a folder or file named for a day: --date-from-path would"
              " date them")
# following the web (`dateline ingest URL`, `--urls`, `dateline reextract`)
E035 = "E035: not an http or https link ({scheme}:); only web pages are fetched"
E036 = "E036: not a feed or sitemap that can be read: {detail}"
E037 = "E037: not a web page ({content_type}); only HTML pages are read"
E038 = "E038: a sitemap nested over {depth} deep; not read"
E039 = "E039: cannot read the list of URLs {path}: {detail}"
W006 = "W006: the page names no character set; decoded as {encoding}"
W007 = "W007: the page reads differently now; stored anew as article {new} (was {old})"
# knowledge
E020 = "E020: knowledge file {path} is malformed: {detail}"
E021 = "E021: knowledge file {path} not found"
E022 = "E022: cannot read dictionary {path}: {detail}"
E023 = "E023: cannot write knowledge file {path}: {detail}"
# store and query
E040 = "E040: cannot open database {path}: {detail}"
E041 = "E041: {path} is not a Dateline database"
E042 = "E042: unknown event type {value!r}; expected one of {choices}"
E043 = "E043: not a date {value!r}; expected YYYY, YYYY-MM or YYYY-MM-DD"
E044 = "E044: unknown format {value!r}; expected one of {choices}"
E045 = "E045: no actor matches {value!r}"
E046 = ("E046: {value!r} matches {count:,} actors:\n{choices}\nbest guess: {best}; name one"
        " by its id")
E047 = "E047: no {what} has the id {value!r}"
E048 = "E048: a relation needs two different actors; both names mean {value!r}"
E049 = ("E049: database {path} is busy: another process has held it for over {seconds} s; "
        "try again when it is done")
E050 = ("E050: another ingest is writing to {path} (it holds {lock}); wait for it to finish, or "
        "ingest into another database")
E051 = "E051: {what} must be a whole number from {least} to {most}, not {value!r}"
E052 = ("E052: key dates take no type (--type, ?type=): they weigh every event of a day;"
        " filter by actor, query, since or until")
E053 = "E053: the confidence threshold must be a number from 0 to 1, not {value!r}"
E054 = ("E054: fusion failed ({detail}); the fused tables are as they were and every stored article"
        " is kept")
# analysis
E060 = "E060: spaCy pipeline {name!r} is not installed; run `make install`"
# interfaces
E080 = "E080: cannot write {path}: {detail}"
E081 = ("E081: {path} exists and is not an empty folder; name a new or empty folder for the"
        " export{hint}")
E067 = ("E067: {path} holds {name}, which no export writes; --force replaces only an earlier"
        " export's files: move the others away or name another folder")
E082 = ("E082: this server needs its token; open the URL `dateline serve` printed, or send"
        " `Authorization: Bearer TOKEN`")
E084 = ("E084: --token is {length} characters long; give a token of at least {least} characters"
        " that is hard to guess")
E085 = ("E085: this server answers only the host names it was started for ({allowed}); start it"
        " with --allowed-host {host} to answer that one too")
# scale-out
E090 = "E090: cannot reach the Dask scheduler at {address}: {detail}"
# anything else
E099 = "E099: unexpected error ({detail}); set DATELINE_DEBUG=1 to see where it happened"
# actor corrections (`dateline actors merge | split | set`)
E055 = ("E055: {a!r} and {b!r} both mean {actor}; a merge or a split into another actor needs two"
        " different actors")
E056 = "E056: cannot split in article {value!r}: {detail}"
E057 = "E057: cannot set {what}: {expected}"
# search and --about (`dateline search`, `Database.search`, `about=`)
E063 = ("E063: the search {value!r} has no words to look for; type words, or \"a phrase\" in"
        " double quotes")
E064 = "E064: no such kind to search: {value!r} (expected {choices})"
E065 = "E065: the search {value!r} could not be run: {detail}"
E066 = "E066: search needs the tantivy package, which is not installed; run `make install`"
# event ids typed in part (`dateline event PREFIX`, `/events/PREFIX`)
E058 = ("E058: {value!r} starts the ids of {count:,} events:\n{choices}\ntype more of the id to"
        " name one")
E059 = ("E059: {value!r} is too short to name an event by the start of its id; type at least"
        " {least} characters of it")
# following sources (`dateline watch`)
E068 = ("E068: --every must be a time such as 30s, 15m or 1h (seconds, minutes or hours, more"
        " than none), not {value!r}")
E069 = "E069: watch follows web addresses (http:// or https://), not {value!r}"
W008 = "W008: none of the {count} sources could be fetched; each is tried again next round"
W009 = "W009: the round took {took}, longer than --every {every}; the next one begins at once"
# paged lists (`?page=`, `?per_page=`, `?month=` of the web UI's timeline and events)
E061 = "E061: {what} must be {expected}, not {value!r}"
E062 = "E062: {what} {value!r} is not in this list: {detail}"
