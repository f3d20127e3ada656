"""Actors on real news: every Timeline17 Syrian-crisis article (Reuters and BBC) ingested, then
how its people came out.

    .venv/bin/python benchmarks/actors_timeline17.py [--db FILE] [--collections NAME ...]

Ingests the collections (a date line from each folder's name) into a fresh database, or reads
`--db` when it holds them already, and prints:
- every mention whose words hold "Assad", by the actor it landed on (Bashar al-Assad, Hafez
  al-Assad, another named Assad, left unresolved in its article, or anything else);
- actors whose whole name is the bare surname "Assad" (the bar: none);
- actors whose names are no names of people, states, organisations or groups (page furniture,
  datelines, common words): the bar is none. `not_a_name` says what counts;
- canonical people named by one word alone: surnames the corpus did not join to anyone.
Exits 1 when a bar is missed.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from dateline import Database, ingest
from dateline.knowledge import load_knowledge
from dateline.model import is_unresolved

TIMELINE17 = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tls-timeline17"
COLLECTIONS = ("SyrianCrisis_reuters", "SyrianCrisis_bbc")
TIME_ZONES = frozenset({"bst", "gmt", "edt", "est", "cet", "cest", "utc", "pdt", "pst", "eet", "eest"})
# Words of page furniture ("Views expressed ...", "Reporting by", "Rough Cut", "Latest Key
# Developments"): as the name's first word, or the phrases anywhere in it.
FURNITURE_WORDS = frozenset({"views", "reporting", "editing", "writing", "photo", "copyright", "click",
                             "comments", "caption", "image", "share", "print", "email", "video", "videos",
                             "related", "pictures"})
FURNITURE_PHRASES = re.compile(r"\b(?:latest(?: key)? developments|rough cut|expressed in|click here)\b",
                               re.IGNORECASE)
# Closed-class words that begin no name: a headline or caption run into one ("Under Mubarak").
FUNCTION_WORDS = frozenset({"the", "a", "an", "under", "over", "after", "before", "with", "without",
                            "against", "from", "into", "in", "on", "at", "by", "for", "as", "if", "when"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "du", "da", "la", "le", "von", "van",
                            "der", "of", "and", "the", "for", "on", "in", "des", "y", "e", "ul", "ud", "ad", "d"})
# A word the corpus writes in lower case this often is a common word, not a name ("Views", "Format").
COMMON_SHARE = 0.8
ASSAD = re.compile(r"\bassad\b", re.IGNORECASE)


def write_corpus(collections: list[str], folder: Path, root: Path = TIMELINE17, every: int = 1) -> int:
    """Every `every`-th article of the collections as `<collection>/<day>/<name>` with a date line."""
    count = 0
    for collection in collections:
        for path in sorted((root / collection / "InputDocs").glob("*/*.txt"))[::every]:
            day = path.parent.name
            target = folder / collection / day / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f" date {day} :\n{path.read_text(encoding='utf-8')}", encoding="utf-8")
            count += 1
    return count


def lowercase_share(texts: list[str]) -> dict[str, float]:
    """Per word: the share of its uses written in lower case ("views" is a word, "Assad" a name)."""
    lower, capital = Counter(), Counter()
    for text in texts:
        for word in re.findall(r"[A-Za-z]+", text):
            (lower if word.islower() else capital)[word.lower()] += 1
    return {w: lower[w] / (lower[w] + capital[w]) for w in set(lower) | set(capital) if lower[w] >= 3}


def not_a_name(actor, common: dict[str, float], known: set[str]) -> str | None:
    """Why an actor's name is no name of anyone, or None. Actors of the knowledge are names by
    definition; for the others: a time zone ("BST AMMAN"), a word of page furniture ("Views
    expressed"), a possessive ("Osborne's"), a number standing alone, a first word in lower case,
    a person named from a headline ("Under Mubarak", "Defying Assad"), or a person named by one
    word the corpus writes mostly in lower case ("Format")."""
    if actor.id in known or actor.id.startswith("role:"):
        return None
    words = actor.name.split()
    folded = [re.sub(r"[^\w]", "", w.lower()) for w in words]
    if TIME_ZONES & set(folded):
        return "time zone"
    if folded[:1] and folded[0] in FURNITURE_WORDS or FURNITURE_PHRASES.search(actor.name):
        return "page furniture"
    if re.search(r"['\u2019]s?$", actor.name):
        return "a possessive"
    if folded and folded[0].isdigit():
        return "a number"  # "Channel 4 News" is a name; "12" or "2011 Reuters" is not
    if not words or words[0][:1].islower() and folded[0] not in NAME_PARTICLES:
        return "a first word in lower case"
    if len(words) > 1 and folded[0] in FUNCTION_WORDS and actor.kind == "person":
        return "a headline's word"
    if len(words) > 1 and folded[0].endswith("ing") and common.get(folded[0], 0.0) > COMMON_SHARE:
        return "a headline's verb"  # "Defying Assad", "Targeting Assad"
    # A company may be named by a common word ("Shell", "Next"); a person may not ("Format").
    if len(words) == 1 and common.get(folded[0], 0.0) > COMMON_SHARE and actor.kind == "person":
        return "a common word"
    return None


def assad_landings(db: Database) -> Counter:
    """Where the mentions whose words hold "Assad" landed."""
    landed = Counter()
    for mention in db.mentions():
        if not ASSAD.search(mention.text):
            continue
        actor = db.actor(mention.actor_id)
        if is_unresolved(actor):
            landed["unresolved in its article"] += 1
        elif actor.name in ("Bashar al-Assad", "Hafez al-Assad"):
            landed[actor.name] += 1
        elif actor.id.startswith("role:") or mention.how in ("role", "qualifier"):
            landed["an office of Assad's (\"Assad's ambassador\")"] += 1
        elif actor.kind == "person" and len(actor.name.split()) > 1 \
                and any(ASSAD.search(name) for name in (actor.name, *actor.aliases)):  # "Riad al-Assad"
            landed["another named Assad: " + actor.name] += 1
        else:
            landed[f"wrong: {actor.name} ({actor.id})"] += 1
    return landed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to use (ingested into when it lacks the articles)")
    parser.add_argument("--collections", nargs="+", default=list(COLLECTIONS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        files = write_corpus(args.collections, corpus)
        db_path = args.db or Path(work) / "timeline17.duckdb"
        ingest([corpus], db=db_path, workers=2)
        with Database(db_path) as db:
            texts = [article.text for article in db.articles()]
            common = lowercase_share(texts)
            actors = db.actors()
            print(f"{files} files, {len(texts)} articles, {len(actors)} actors")
            landed = assad_landings(db)
            print(f"mentions of Assad: {sum(landed.values())}")
            for where, count in landed.most_common():
                print(f"  {count:>6}  {where}")
            bare = [(a, n) for a, n in actors if a.name.lower() == "assad"]
            print(f"actors named 'Assad' alone: {len(bare)}")
            known = set(load_knowledge().actors)
            furniture = [(a, n, why) for a, n in actors if (why := not_a_name(a, common, known))]
            print(f"actors whose name is no name: {len(furniture)}")
            for actor, mentions, why in furniture:
                print(f"  {actor.name!r} ({actor.id}, {mentions} mentions): {why}")
            single = [(a, n) for a, n in actors if a.kind == "person" and len(a.name.split()) == 1]
            print(f"people named by one word: {len(single)}; most mentioned:")
            for actor, mentions in single[:15]:
                print(f"  {mentions:>5}  {actor.name} ({actor.id})")
    sys.exit(1 if bare or furniture else 0)


if __name__ == "__main__":
    main()
