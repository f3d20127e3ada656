"""Hand-built analyses for store, fuse, query, pipeline and CLI tests (no spaCy needed).

Three articles report the same Jaishankar–Atmar meeting in Dushanbe on 2021-07-13, naming Atmar
two ways; one also reports India's evacuation from Kandahar, another an undated Taliban threat.
"""
from __future__ import annotations

import hashlib
from datetime import date

from dateline.model import (Actor, Analysis, Article, Event, Location, Mention, Quote, Role,
                            Sentence, TimeRef)

JAISHANKAR = Actor("person:subrahmanyam-jaishankar", "Subrahmanyam Jaishankar", "person", "IND",
                   "GOV", ("S Jaishankar",),
                   (Role("external affairs minister", "IND", date(2019, 5, 30)),))
ATMAR = Actor("person:mohammad-haneef-atmar", "Mohammad Haneef Atmar", "person", "AFG", "GOV", (),
              (Role("foreign minister", "AFG", date(2020, 1, 1), date(2021, 12, 31)),))
ATMAR_SHORT = Actor("person:haneef-atmar", "Haneef Atmar", "person")
INDIA = Actor("IND", "India", "country", "IND")
AFGHANISTAN = Actor("AFG", "Afghanistan", "country", "AFG")
TALIBAN = Actor("group:taliban", "Taliban", "group", "AFG", "REB")
DUSHANBE = Location("Dushanbe", "TJK")


def article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def make_article(source: str, text: str, published: date | None,
                 title: str | None = None) -> Article:
    return Article(article_id(text), source, text, title=title, outlet="Test Wire",
                   published=published, published_basis="dateline" if published else "none")


def sentences_of(text: str) -> list[Sentence]:
    sentences, start = [], 0
    for index, part in enumerate(text.split(". ")):
        sentences.append(Sentence(index, start, start + len(part), part))
        start += len(part) + 2
    return sentences


def mention(text: str, sentence_text: str, sentence: Sentence, actor: Actor,
            how: str = "name") -> Mention:
    offset = sentence.start + sentence_text.index(text)
    return Mention(offset, offset + len(text), text, actor.id, sentence.index, how)


def event(article: Article, sentence: Sentence, trigger: str, type_: str, mode: str,
          source: Actor | None, target: Actor | None, **fields) -> Event:
    codes = {"CONSULT": ("040", 1, 1.0), "RETREAT": ("0874", 2, 5.0),
             "THREATEN": ("130", 3, -4.4)}[type_]
    return Event(f"{article.id}:{sentence.index}:{trigger}", article.id, type_, mode, codes[0],
                 codes[1], codes[2], source.id if source else None,
                 target.id if target else None, trigger, sentence.index, sentence.text, **fields)


def report_a() -> Analysis:
    text = ("Jaishankar and Atmar met in Dushanbe on Tuesday on the sidelines of the SCO meeting. "
            "India evacuated staff from its consulate in Kandahar on Sunday")
    article = make_article("articles/a.txt", text, date(2021, 7, 14), "India and Afghanistan meet")
    s0, s1 = sentences_of(text)
    meet = event(article, s0, "met", "CONSULT", "meet", JAISHANKAR, ATMAR, location=DUSHANBE,
                 date=date(2021, 7, 13), date_end=date(2021, 7, 13), date_precision="day",
                 date_basis="text", date_text="Tuesday", confidence=0.8)
    evacuate = event(article, s1, "evacuated", "RETREAT", "evacuate", INDIA, AFGHANISTAN,
                     location=Location("Kandahar", "AFG"), date=date(2021, 7, 11),
                     date_end=date(2021, 7, 11), date_precision="day", date_basis="text",
                     date_text="Sunday")
    times = [TimeRef(s0.start + 40, s0.start + 47, "Tuesday", "DATE", "2021-07-13",
                     date(2021, 7, 13), date(2021, 7, 13), "day", "publication-relative",
                     date(2021, 7, 14))]
    quote = Quote(f"{article.id}:q0", article.id, JAISHANKAR.id,
                  "We discussed the situation in Afghanistan", 0, date(2021, 7, 13))
    return Analysis(article, [s0, s1], times, [JAISHANKAR, ATMAR, INDIA, AFGHANISTAN],
                    [mention("Jaishankar", s0.text, s0, JAISHANKAR, "surname"),
                     mention("Atmar", s0.text, s0, ATMAR, "surname"),
                     mention("India", s1.text, s1, INDIA)],
                    [meet, evacuate], [quote])


def report_b() -> Analysis:
    text = ("Afghan Foreign Minister Haneef Atmar held talks with S Jaishankar in Dushanbe. "
            "The two discussed the peace process")
    article = make_article("articles/b.txt", text, date(2021, 7, 15))
    s0, s1 = sentences_of(text)
    talks = event(article, s0, "held talks", "CONSULT", "talks", ATMAR_SHORT, JAISHANKAR,
                  location=DUSHANBE, date=date(2021, 7, 15), date_end=date(2021, 7, 15),
                  date_precision="day", date_basis="publication")
    return Analysis(article, [s0, s1], [], [ATMAR_SHORT, JAISHANKAR],
                    [mention("Haneef Atmar", s0.text, s0, ATMAR_SHORT),
                     mention("S Jaishankar", s0.text, s0, JAISHANKAR, "alias")],
                    [talks], [])


def report_c() -> Analysis:
    text = ("Jaishankar met Atmar on July 13 and the two agreed to stay in touch. "
            "The Taliban threatened Indian interests")
    article = make_article("articles/c.jsonl:3", text, date(2021, 7, 14))
    s0, s1 = sentences_of(text)
    meet = event(article, s0, "met", "CONSULT", "meet", JAISHANKAR, ATMAR,
                 date=date(2021, 7, 13), date_end=date(2021, 7, 13), date_precision="day",
                 date_basis="text", date_text="July 13")
    threat = event(article, s1, "threatened", "THREATEN", "threaten", TALIBAN, INDIA)
    quote = Quote(f"{article.id}:q0", article.id, TALIBAN.id, "India must stay out", 1)
    return Analysis(article, [s0, s1], [], [JAISHANKAR, ATMAR, TALIBAN, INDIA],
                    [mention("Jaishankar", s0.text, s0, JAISHANKAR, "surname"),
                     mention("Atmar", s0.text, s0, ATMAR, "surname"),
                     mention("Taliban", s1.text, s1, TALIBAN)],
                    [meet, threat], [quote])


def meeting_analyses() -> list[Analysis]:
    return [report_a(), report_b(), report_c()]


def analyses_by_source() -> dict[str, Analysis]:
    return {analysis.article.source: analysis for analysis in meeting_analyses()}


def fake_reader(path) -> list:
    """A stand-in for `ingest.read_file`: the sample article whose source is this path's name."""
    from dateline.model import Skip
    samples = {a.article.source.split("/")[-1].split(":")[0]: a.article
               for a in meeting_analyses()}
    article = samples.get(path.name)
    return [article] if article else [Skip(str(path), "E002: unsupported file type")]


def fake_analyzer(article: Article) -> Analysis:
    """A stand-in for `analyze.analyze_article`: the sample analysis of this article."""
    for analysis in meeting_analyses():
        if analysis.article.id == article.id:
            return analysis
    return Analysis(article)


def fake_discover(paths) -> tuple[list, list]:
    """A stand-in for `ingest.discover`: files as given, folders expanded, missing ones skipped."""
    from dateline.model import Skip
    files, skips = [], []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            skips.append(Skip(str(path), f"E001: no such file or folder: {path}"))
    return files, skips


def write_sample_files(folder) -> list:
    """One file per sample article (named as its source), plus a copy of the first."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for analysis in meeting_analyses():
        path = folder / analysis.article.source.split("/")[-1].split(":")[0]
        path.write_text(analysis.article.text, encoding="utf-8")
        paths.append(path)
    return paths


def build_database(path) -> None:
    """A fused sample database, built through the library as the CLI would build it."""
    from dateline.fuse import fuse_store
    from dateline.store import Store
    with Store(path) as store:
        store.write(meeting_analyses())
        fuse_store(store)


def write_dated(folder, name, published, text):
    """A text file under a date line, as a dump writes one: what `dateline ingest` reads."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f" date {published} :\n{text}\n", encoding="utf-8")
    return path


def actor_of(db, source_name, text):
    """The canonical actor id of the first mention written `text` in the named file."""
    found = [m.actor_id for m in db.mentions() if m.source.endswith(source_name) and m.text == text]
    assert found, f"no mention {text!r} in {source_name}"
    return found[0]


# Events of every width for --since/--until (tests/query/test_query_date_ranges.py): name ->
# (first day, last day, precision), one event each, each between its own two actors.
RANGE_EVENTS = {
    "day June 3": (date(2011, 6, 3), date(2011, 6, 3), "day"),
    "day June 4": (date(2011, 6, 4), date(2011, 6, 4), "day"),
    "day June 5": (date(2011, 6, 5), date(2011, 6, 5), "day"),
    "June 2-3": (date(2011, 6, 2), date(2011, 6, 3), "day"),  # over the start's edge
    "June 3-4": (date(2011, 6, 3), date(2011, 6, 4), "day"),
    "June 4-6": (date(2011, 6, 4), date(2011, 6, 6), "day"),  # over the end's edge
    "week of May 30": (date(2011, 5, 30), date(2011, 6, 5), "week"),  # "this week" on June 3
    "June": (date(2011, 6, 1), date(2011, 6, 30), "month"),
    "2011": (date(2011, 1, 1), date(2011, 12, 31), "year"),
    "undated": (None, None, None),
}


def range_analysis(number: int, name: str) -> Analysis:
    """Delegation `number` meets India, at the dates RANGE_EVENTS gives `name`."""
    first, last, precision = RANGE_EVENTS[name]
    text = f"Delegation {number} met India about {name}. Nothing else was said"
    article = make_article(f"articles/{number}.txt", text, date(2011, 6, 10))
    sentence = sentences_of(text)[0]
    other = Actor(f"group:delegation-{number}", f"Delegation {number}", "group", None)
    found = Event(f"{article.id}:0:met", article.id, "CONSULT", "meet", "040", 1, 1.0, other.id,
                  INDIA.id, "met", 0, sentence.text, date=first, date_end=last,
                  date_precision=precision, date_basis="text" if first else None,
                  date_text=name if first else None, confidence=0.9)
    return Analysis(article, [sentence], [], [other, INDIA], [], [found], [])


def build_ranges_database(path) -> None:
    """A fused database of RANGE_EVENTS, as ingest builds one."""
    from dateline.fuse import fuse_store
    from dateline.store import Store
    with Store(path) as store:
        store.write([range_analysis(n, name) for n, name in enumerate(RANGE_EVENTS)])
        fuse_store(store)


def range_names(events) -> list[str]:
    """The RANGE_EVENTS names of these events (records or their JSON), sorted."""
    sentences = [e["sources"][0]["sentence"] if isinstance(e, dict) else e.sources[0].sentence
                 for e in events]
    return sorted(sentence.split(" about ")[1] for sentence in sentences)
