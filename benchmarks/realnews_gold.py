"""Score Dateline's timeline on real news we did not write: 60 Timeline17 articles, annotated
exhaustively (benchmarks/realnews/GUIDELINES.md; the draw is benchmarks/realnews/draw.py).

    .venv/bin/python benchmarks/realnews_gold.py [--db FILE] [--features FILE]

Ingests the articles (a date line from each folder's name) into a fresh database, or reads
`--db` when it holds them already, then prints for the default view and for all events:
- event precision: shown events that report a gold happening (a source sentence is one of its
  mentions, the type is its type);
- happening recall: gold happenings some shown event reports;
- fused whole: of the happenings that shown events report from 2+ of their mention sentences,
  the share where one event cites all those sentences;
- split: found happenings reported by 2+ shown events;
- no doer: shown events that name no doer;
- date and actor accuracy over matched events (the date at the event's precision equals the
  gold's; doer and target agree with the gold's by name or by country and sector, the sector
  being the one the event's words give the actor, as CAMEO codes it);
- the share of events dated by falling back to the publication date;
- the gold's people (full names of doers and targets) that came out as more than one actor.
`--features FILE` writes one JSON line per per-article event (its evidence and whether it reports
a gold happening), for benchmarks/realnews/fit_confidence.py.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from dateline import Database, ingest
from dateline.model import is_unresolved

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "realnews"))
from draw import COLLECTIONS, TIMELINE17, draw  # noqa: E402  (the sibling script)

GOLD = HERE / "realnews" / "gold"
_BRACKET_TOKENS = re.compile(r"-[LR][RSC]B-")
# Generic words that name no one in particular: agreement on them alone is no actor match.
GENERIC = frozenset({"the", "of", "and", "s", "forces", "force", "government", "security", "state", "army",
                     "troops", "officials", "official", "people", "group", "president", "minister",
                     "leader", "regime", "al", "a", "an", "in", "for", "national", "united"})


def letters(text: str) -> str:
    """The text's letters and digits alone, lowercased: tokenized and written text compare equal."""
    return re.sub(r"[\W_]+", "", _BRACKET_TOKENS.sub(" ", text)).lower()


@dataclass
class Happening:
    key: str
    item: dict
    lines: set[int]
    types: set[str]


@dataclass
class GoldArticle:
    path: str  # relative to TIMELINE17
    lines: list[str]  # letters() of each line
    happenings: list[Happening] = field(default_factory=list)

    def lines_of(self, sentence: str) -> set[int]:
        """The lines (1-based) a sentence of Dateline's comes from."""
        mine = letters(sentence)
        if len(mine) < 8:
            return set()
        return {n for n, line in enumerate(self.lines, 1) if line and (mine in line or line in mine)}


def load_gold(available_only: bool = False) -> dict[str, GoldArticle]:
    """Gold by article path; every drawn article must have its file unless `available_only`."""
    articles = {}
    for path in draw():
        collection, _, day, name = Path(path).parts
        gold_file = GOLD / f"{collection}__{day}__{name.split('.')[0]}.json"
        if not gold_file.exists() and available_only:
            continue
        if not gold_file.exists():
            raise SystemExit(f"missing gold for {path}: {gold_file}")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (TIMELINE17 / path).read_text(encoding="utf-8")
        article = GoldArticle(path, [letters(line) for line in text.split("\n")])
        for item in gold["happenings"]:
            article.happenings.append(Happening(f"{path}#{item['id']}", item,
                                                {m["line"] for m in item["mentions"]},
                                                {item["type"], *item.get("alt_types", [])}))
        articles[path] = article
    return articles


def write_corpus(paths: list[str], folder: Path) -> None:
    """Each article as a dated text file, `<collection>/<day>/<name>`."""
    for path in paths:
        collection, _, day, name = Path(path).parts
        target = folder / collection / day / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (TIMELINE17 / path).read_text(encoding="utf-8")
        target.write_text(f" date {day} :\n{text}", encoding="utf-8")


def gold_path(source: str) -> str:
    collection, day, name = Path(source).parts[-3:]
    return f"{collection}/InputDocs/{day}/{name}"


def matches(event, gold: dict[str, GoldArticle]) -> set[str]:
    """The gold happenings an event's sources report, with its type."""
    found = set()
    for source in event.sources:
        article = gold.get(gold_path(source.source))
        if article is None:
            continue
        lines = article.lines_of(source.sentence)
        found |= {h.key for h in article.happenings if h.lines & lines and event.type in h.types}
    return found


def date_value(event) -> str | None:
    if event.date is None:
        return None
    if event.date_precision == "month":
        return event.date.strftime("%Y-%m")
    if event.date_precision in ("year", "decade", "century"):
        return str(event.date.year)
    if event.date_precision == "week":
        year, week, _ = event.date.isocalendar()
        return f"{year}-W{week:02d}"
    return event.date.isoformat()


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in GENERIC and len(w) > 2}


def actor_agrees(actor, gold_actor: dict | None, sector: str | None = None) -> bool:
    """Whether an event's actor is the gold's: by a distinctive word of its names, or by country
    and sector, CAMEO-style. `sector` is the one the event's words give the actor ("Syrian
    troops": MIL); without one, the actor's own (a state's is GOV)."""
    if gold_actor is None or actor is None:
        return gold_actor is None and actor is None
    names = words(" ".join([actor.name, *actor.aliases]))
    if names & words(gold_actor["text"]):
        return True
    same_country = actor.country is not None and actor.country == gold_actor.get("country")
    wanted = gold_actor.get("sector")
    coded = sector or (None if actor.kind == "country" else actor.sector)
    return same_country and (wanted is None or coded == wanted or coded is None and wanted == "GOV")


def score(events, gold: dict[str, GoldArticle]) -> dict:
    happenings = {h.key: h for article in gold.values() for h in article.happenings}
    reported: dict[str, list] = {}
    matched = date_right = actor_right = 0
    for event in events:
        keys = matches(event, gold)
        if not keys:
            continue
        matched += 1
        for key in keys:
            reported.setdefault(key, []).append(event)
        # the happening whose doer agrees, the first by key on a tie: the same on every run
        best = max((happenings[k] for k in sorted(keys)),
                   key=lambda h: actor_agrees(event.source_actor, h.item["source"], event.source_sector))
        date_right += date_value(event) == best.item["date"]
        actor_right += (actor_agrees(event.source_actor, best.item["source"], event.source_sector)
                        and actor_agrees(event.target_actor, best.item.get("target"), event.target_sector))
    found_lines = {key: _lines_found(evs, happenings[key], gold) for key, evs in reported.items()}
    multi = [key for key, lines in found_lines.items() if len(lines) > 1]
    whole = sum(1 for key in multi if any(found_lines[key] <= _cited_lines(e, happenings[key], gold)
                                          for e in reported[key]))
    found = len(reported)
    return {
        "events": len(events),
        "precision": matched / len(events) if events else 0.0,
        "recall": found / len(happenings) if happenings else 0.0,
        "happenings": len(happenings),
        "fused_whole": (whole, len(multi)),
        "split": sum(1 for evs in reported.values() if len(evs) > 1) / found if found else 0.0,
        "no_doer": sum(1 for e in events if e.source_actor is None),
        "date_accuracy": date_right / matched if matched else 0.0,
        "actor_accuracy": actor_right / matched if matched else 0.0,
        "publication_fallback": sum(1 for e in events if e.date_basis == "publication") / len(events) if events else 0.0,
    }


def _cited_lines(event, happening: Happening, gold: dict[str, GoldArticle]) -> set[int]:
    """The happening's mention lines that the event cites."""
    article = gold[happening.key.split("#")[0]]
    lines = set()
    for source in event.sources:
        if gold_path(source.source) == article.path:
            lines |= article.lines_of(source.sentence)
    return lines & happening.lines


def _lines_found(events, happening: Happening, gold: dict[str, GoldArticle]) -> set[int]:
    """The happening's mention lines that some shown event of its type reports."""
    return set().union(*(_cited_lines(e, happening, gold) for e in events))


def people_split(db: Database, gold: dict[str, GoldArticle]) -> tuple[int, dict[str, set[str]]]:
    """The people the gold names as doers and targets, and those of them that came out as more
    than one actor. A gold person is a full name (two words or more) that Dateline mentions as a
    person and that a gold doer or target holds ("President Bashar al-Assad" holds "Bashar
    al-Assad"); it came out split when its mentions, and the bare surnames of the articles that
    name it in full, land on more than one actor (left unresolved counts as one more)."""
    texts = " | ".join(item[side]["text"].lower() for article in gold.values() for h in article.happenings
                       for item in (h.item,) for side in ("source", "target") if item.get(side))
    landed: dict[str, set[str]] = {}
    surnames: dict[tuple[str, str], str] = {}  # (article, surname) -> the full name it has there
    mentions = [m for m in db.mentions() if gold_path(m.source) in gold]
    for mention in mentions:
        actor = db.actor(mention.actor_id)
        name = " ".join(mention.text.split())
        if actor.kind == "person" and mention.how not in ("role", "qualifier") and len(name.split()) > 1 \
                and name.lower() in texts:
            landed.setdefault(name, set()).add(actor.id)
            surnames[(mention.article_id, name.split()[-1].lower())] = name
    for mention in mentions:
        name = surnames.get((mention.article_id, mention.text.strip().lower()))
        if name is not None:
            actor = db.actor(mention.actor_id)
            landed[name].add("unresolved" if is_unresolved(actor) else actor.id)
    return len(landed), {name: ids for name, ids in landed.items() if len(ids) > 1}


def write_features(db: Database, gold: dict[str, GoldArticle], out: Path) -> None:
    """One line per per-article event: its evidence and whether it reports a gold happening."""
    rows = db.connection.execute(
        "SELECT e.type, e.sentence_text, e.evidence, a.source FROM events e JOIN articles a ON a.id = e.article_id"
        " ORDER BY e.id").fetchall()
    with out.open("w", encoding="utf-8") as sink:
        for kind, sentence, evidence, source in rows:
            article = gold.get(gold_path(source))
            if article is None:
                continue
            lines = article.lines_of(sentence)
            right = any(h.lines & lines and kind in h.types for h in article.happenings)
            sink.write(json.dumps({"article": article.path, "type": kind,
                                   "evidence": (evidence or "").split(","), "right": right}) + "\n")


def report(name: str, figures: dict) -> None:
    whole, multi = figures["fused_whole"]
    print(f"{name:<13} events {figures['events']:>5}  precision {figures['precision']:.3f}  "
          f"recall {figures['recall']:.3f} (of {figures['happenings']})  fused whole {whole}/{multi}"
          f" ({whole / multi if multi else 0:.2f})  split {figures['split']:.3f}  no doer {figures['no_doer']}  "
          f"date acc {figures['date_accuracy']:.3f}  actor acc {figures['actor_accuracy']:.3f}  "
          f"publication-dated {figures['publication_fallback']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to use (ingested into when it lacks the articles)")
    parser.add_argument("--features", type=Path, help="write per-event evidence and labels here")
    parser.add_argument("--thresholds", action="store_true", help="also score views at other confidences")
    parser.add_argument("--available", action="store_true",
                        help="score only the articles whose gold is written (while annotating)")
    args = parser.parse_args()
    gold = load_gold(args.available)
    print(f"{len(gold)} articles, {sum(len(a.happenings) for a in gold.values())} gold happenings")
    with tempfile.TemporaryDirectory() as work:
        db_path = args.db or Path(work) / "realnews.duckdb"
        corpus = Path(work) / "corpus"
        write_corpus(sorted(gold), corpus)
        ingest([corpus], db=db_path, workers=2)
        with Database(db_path) as db:
            people, split = people_split(db, gold)
            print(f"gold people (full names of doers and targets) {people}, one actor each {people - len(split)}"
                  + "".join(f"\n  split: {name} -> {', '.join(sorted(ids))}" for name, ids in sorted(split.items())))
            report("default view", score(db.events(), gold))
            report("all events", score(db.events(min_confidence=0), gold))
            for collection in COLLECTIONS:
                part = {path: article for path, article in gold.items() if path.startswith(collection)}
                shown = [e for e in db.events() if any(gold_path(s.source) in part for s in e.sources)]
                report(f"  {collection.split('_')[0]}", score(shown, part))
            if args.thresholds:
                for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
                    report(f"at {threshold}", score(db.events(min_confidence=threshold), gold))
            if args.features:
                write_features(db, gold, args.features)


if __name__ == "__main__":
    main()
