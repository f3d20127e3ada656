"""Fused events as rows of GDELT 2.0's event table, for tools that read GDELT's files.

One tab-separated line per dated event, no header, the 61 columns in the order of the GDELT
Event Codebook V2.0 (checked against GDELT's published column list for the 2.0 event table),
then two of ours (`DATELINE_COLUMNS`): the event's confidence (0 to 1) and the TimeML value of
its date. They come last so that a reader taking GDELT's 61 fields by position reads them as
before. What we do not know stays empty: tone, ethnic and religious codes, known-group codes
(our actor ids are slugs, not CAMEO codes) and every coordinate.

Geography differs from GDELT's: our country codes are ISO 3166 alpha-3 ("AFG") and
ActionGeo_CountryCode carries them as they are, where GDELT's geo fields use FIPS 10-4 ("AF");
a reader joining on GDELT's geo codes must convert them. The actor country codes are CAMEO's,
which are ISO alpha-3 too.
"""
from __future__ import annotations

import calendar
import hashlib
import re
from datetime import date

from dateline.knowledge import load_knowledge, normalize
from dateline.model import Actor, FusedEvent, Location
from dateline.query.database import Database


def _actor_columns(n: int) -> tuple[str, ...]:
    return tuple(f"Actor{n}{part}" for part in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code"))


def _geo_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{part}" for part in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))


GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *_actor_columns(1), *_actor_columns(2),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *_geo_columns("Actor1Geo"), *_geo_columns("Actor2Geo"), *_geo_columns("ActionGeo"),
    "DATEADDED", "SOURCEURL",
)
# Ours, after GDELT's: how sure we are of the event, and its date as the words gave it.
DATELINE_COLUMNS: tuple[str, ...] = ("Confidence", "DateValue")
ROW_COLUMNS = GDELT_COLUMNS + DATELINE_COLUMNS
# Each column's position in a row: row[GDELT_INDEX["SQLDATE"]].
GDELT_INDEX: dict[str, int] = {name: i for i, name in enumerate(ROW_COLUMNS)}
# GDELT's geographic resolutions (ActionGeo_Type) that we can tell apart.
GEO_COUNTRY, GEO_WORLD_CITY = "1", "4"
# Anything a line-based reader would take for the end of a field or a row.
FIELD_BREAKS = re.compile("[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
EMPTY_GEO = ("",) * 8


def global_event_id(event_id: str) -> int:
    """A positive 63-bit number for our event id: GDELT's readers keep GLOBALEVENTID in a signed
    64-bit integer. It is the first 8 bytes of the id's BLAKE2b hash with the sign bit cleared,
    so it is the same on every export; two of 100,000 events collide with odds near 1 in 10^9."""
    digest = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & (2**63 - 1) or 1


def fraction_date(day: date) -> str:
    """YYYY.FFFF: the share of the year done by that day, day of year over days in the year.
    GDELT's codebook describes a rougher (month * 30 + day) / 365; the exact share sorts the same
    and stays within the year. Capped at .9999, the codebook's top, so 31 December stays in its
    own year."""
    days = 366 if calendar.isleap(day.year) else 365
    share = min((day.timetuple().tm_yday * 20000 + days) // (2 * days), 9999)  # rounded half up
    return f"{day.year}.{share:04d}"


def actor_fields(actor: Actor | None, sector: str | None = None) -> tuple[str, ...]:
    """The ten actor columns. The code is CAMEO-style: country then sector ("INDGOV", "AFGREB"),
    the country alone for a state ("AFG"), the sector alone for a body of no country ("IGO").
    `sector` is the one the event's words give the actor ("Syrian troops": SYRMIL), when any."""
    if actor is None:
        return ("",) * 10
    sector = sector or ("" if actor.kind == "country" else (actor.sector or ""))
    country = actor.country or ""
    return (country + sector, actor.name.upper(), country, "", "", "", "", sector, "", "")


def goldstein(intensity: float) -> str:
    return f"{intensity:g}"  # 1.0 as "1", -4.4 as "-4.4", as GDELT's files write them


def country_names() -> frozenset[tuple[str, str]]:
    """(code, normalized name) for every country name and alias in the package's knowledge:
    the package's, not a user's, so that one database always exports the same file."""
    return frozenset((actor.id, normalize(name)) for actor in load_knowledge().actors.values()
                     if actor.kind == "country" for name in (actor.name, *actor.aliases))


def action_geo(place: Location | None, countries: frozenset[tuple[str, str]]) -> tuple[str, ...]:
    if place is None:
        return EMPTY_GEO
    is_country = (place.country or "", normalize(place.name)) in countries
    return (GEO_COUNTRY if is_country else GEO_WORLD_CITY, place.name, place.country or "",
            "", "", "", "", "")


def _yyyymmdd(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def gdelt_row(event: FusedEvent, articles: dict[str, tuple[str | None, str | None]],
              countries: frozenset[tuple[str, str]]) -> tuple[str, ...]:
    """One dated event as its 61 GDELT fields and our two; `articles` maps an article id to its
    (outlet, url)."""
    day = event.date
    if day is None:
        raise ValueError(f"event {event.id} has no date; GDELT rows need one")
    sources = event.sources
    refs = [articles.get(s.article_id, (None, None)) for s in sources]
    # Outlets count as GDELT's "sources"; an article of no known outlet counts by its file
    # (a record "data.jsonl#7" by its file "data.jsonl").
    outlets = {("outlet", outlet) if outlet else ("file", s.source.split("#")[0])
               for s, (outlet, _) in zip(sources, refs)}
    published = [s.published for s in sources if s.published]
    url = (refs[0][1] or sources[0].source) if sources else ""
    # Sentences 0 and 1 are the title or the lead: GDELT's proxy for an event that matters.
    is_root = any(s.sentence_index is not None and s.sentence_index <= 1 for s in sources)
    cameo = event.cameo or ""
    fields = (
        str(global_event_id(event.id)), _yyyymmdd(day), f"{day.year:04d}{day.month:02d}",
        str(day.year), fraction_date(day),
        *actor_fields(event.source_actor, event.source_sector),
        *actor_fields(event.target_actor, event.target_sector),
        "1" if is_root else "0", cameo, cameo[:3], cameo[:2],
        # GDELT has no neutral class: it files CAMEO's neutral roots (01, 02) under 1.
        str(event.quad_class or 1), goldstein(event.intensity),
        str(len(event.members)), str(len(outlets)), str(len({s.article_id for s in sources})),
        "",  # AvgTone: we measure no tone
        *EMPTY_GEO, *EMPTY_GEO, *action_geo(event.location, countries),
        # DATEADDED: we keep no ingest time, so the first report's day stands in for it.
        f"{_yyyymmdd(min(published))}000000" if published else "", url,
        "" if event.confidence is None else f"{event.confidence:g}", event.date_value or "",
    )
    return tuple(FIELD_BREAKS.sub(" ", field) for field in fields)


def gdelt_rows(db: Database, min_confidence: float = 0.0) -> tuple[list[tuple[str, ...]], int]:
    """The GDELT rows of every dated event (at or above `min_confidence`), in the database's
    event order, and how many undated events were left out (a GDELT row needs a date)."""
    events = db.events(min_confidence=min_confidence)
    articles = {head.id: (head.outlet, head.url) for head in db.article_heads().values()}
    countries = country_names()
    rows = [gdelt_row(e, articles, countries) for e in events if e.date is not None]
    return rows, len(events) - len(rows)


def write_gdelt(rows: list[tuple[str, ...]], file) -> None:
    """Rows as GDELT writes them: tab-separated, one a line, no header."""
    file.writelines("\t".join(row) + "\n" for row in rows)
