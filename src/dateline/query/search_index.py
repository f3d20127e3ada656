"""A full-text index of a database's articles, events and actors, and what a user's search means.

The engine is tantivy (BM25). The index lives in memory: it is built from the database file when
first searched (1.5 to 2 s for the 4,608 articles and 22,181 events of Timeline17) and kept,
keyed by the file's state (`query.kept.file_state`: path, inode, size, modification time, and
its write-ahead log's), so a web server builds it once per version of the file, not once per
request.

What is indexed, each as a title and a body:
- an article: its headline; its text;
- a fused event: its summary; the sentences of the articles that report it;
- an actor (the canonical ones a user can name): its name; its aliases.

Both are read by one analyzer: words split at anything but letters and digits, lower-cased,
stemmed with the Snowball English stemmer ("meetings" and "meeting" are one word; "U.S." is
the two words "u s"). A search is words and "quoted phrases"; a hit must hold every one of them
(in its title or its body), and a title holding a word counts more (TITLE_BOOST).
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb

from dateline.errors import E063, E066, QueryError
from dateline.model import Actor
from dateline.query.kept import file_state

TITLE_BOOST = 2.0  # a headline (a summary, a name) says what the record is about
MAX_WORD_CHARS = 40  # longer "words" are not words (tantivy's own default)
KEPT_INDEXES = 2  # the indexes kept in memory, the latest built last
PIECES = re.compile(r'"([^"]*)"|([^\s"]+)')  # a "quoted phrase", or a word


def _tantivy():
    """The tantivy module; E066 where it is not installed."""
    try:
        import tantivy
    except ImportError:
        raise QueryError(E066) from None
    return tantivy


def analyzer():
    """The analyzer both the index and the searches read text with (see the module's docstring)."""
    tantivy = _tantivy()
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(MAX_WORD_CHARS))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("english")).build())


def query_pieces(query: str) -> list[list[str]]:
    """A user's search as its pieces, each a word or a quoted phrase as analyzed words; what
    has no word in it (punctuation, a lone quote) is left out. E063 when nothing is left."""
    read = analyzer()
    pieces = []
    for phrase, word in PIECES.findall(query or ""):
        words = read.analyze(phrase or word)
        if words and words not in pieces:
            pieces.append(words)
    if not pieces:
        raise QueryError(E063.format(value=query))
    return pieces


@dataclass(slots=True)
class Document:
    """One searchable record: its kind (singular), id, title and body."""

    kind: str
    id: str
    title: str
    body: str


@dataclass
class SearchIndex:
    """The tantivy index of one version of a database, and the about-sets asked of it."""

    index: object
    schema: object
    abouts: dict[tuple, list[str]] = field(default_factory=dict)

    def find(self, pieces: list[list[str]], kinds: Sequence[str], limit: int) -> list[tuple]:
        """(score, kind, id) of the best `limit` records of these kinds holding every piece."""
        query = self.query(pieces, kinds)
        searcher = self.index.searcher()
        found = []
        for score, address in searcher.search(query, limit).hits:
            doc = searcher.doc(address)
            found.append((score, doc["kind"][0], doc["id"][0]))
        return found

    def query(self, pieces: list[list[str]], kinds: Sequence[str] = ()):
        """Every piece in the title or the body, of a record of one of these kinds (any kind
        when none is given)."""
        tantivy = _tantivy()
        must = [(tantivy.Occur.Must, tantivy.Query.term_set_query(self.schema, "kind", list(kinds)))
                ] if kinds else []
        for words in pieces:
            either = [tantivy.Query.boost_query(self._piece("title", words), TITLE_BOOST),
                      self._piece("body", words)]
            must.append((tantivy.Occur.Must, tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, part) for part in either])))
        return tantivy.Query.boolean_query(must)

    def _piece(self, field_name: str, words: list[str]):
        tantivy = _tantivy()
        if len(words) == 1:
            return tantivy.Query.term_query(self.schema, field_name, words[0])
        return tantivy.Query.phrase_query(self.schema, field_name, words)

    def snippets(self, pieces: list[list[str]], texts: Sequence[str], chars: int):
        """For each text, its passage of about `chars` characters with the most matched words,
        and their (start, end) character spans in it; the text's opening where none match."""
        tantivy = _tantivy()
        generator = tantivy.SnippetGenerator.create(self.index.searcher(), self.query(pieces),
                                                    self.schema, "body")
        generator.set_max_num_chars(chars)
        found = []
        for text in texts:
            snippet = generator.snippet_from_doc(tantivy.Document(body=text))
            fragment = snippet.fragment()
            if not snippet.highlighted():
                found.append((_opening(text, chars), []))
                continue
            data = fragment.encode()  # tantivy's spans count bytes
            spans = [(len(data[:r.start].decode(errors="ignore")),
                      len(data[:r.end].decode(errors="ignore"))) for r in snippet.highlighted()]
            found.append((fragment, spans))
        return found


def build_index(documents: Iterable[Document]) -> SearchIndex:
    """An in-memory index of these records."""
    tantivy = _tantivy()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("kind", stored=True, tokenizer_name="raw")
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", tokenizer_name="dateline")
    builder.add_text_field("body", tokenizer_name="dateline")
    schema = builder.build()
    index = tantivy.Index(schema)
    index.register_tokenizer("dateline", analyzer())
    writer = index.writer()
    for doc in documents:
        writer.add_document(tantivy.Document(kind=doc.kind, id=doc.id, title=doc.title,
                                             body=doc.body))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return SearchIndex(index, schema)


def read_documents(con: duckdb.DuckDBPyConnection, actors: Iterable[Actor]) -> list[Document]:
    """Every article, fused event and named actor of a database, as searchable records."""
    docs = [Document("article", i, title or "", text or "") for i, title, text in con.execute(
        "SELECT id, title, text FROM articles ORDER BY id").fetchall()]
    docs += [Document("event", i, summary or "", sentences or "") for i, summary, sentences in
             con.execute("""
        SELECT f.id, f.summary, string_agg(DISTINCT e.sentence_text, ' ')
        FROM fused_events f LEFT JOIN fused_event_sources s ON s.fused_id = f.id
        LEFT JOIN events e ON e.id = s.event_id GROUP BY f.id, f.summary ORDER BY f.id""").fetchall()]
    docs += [Document("actor", a.id, a.name, " ".join(a.aliases)) for a in actors]
    return docs


_KEPT: OrderedDict[tuple, SearchIndex] = OrderedDict()
_LOCK = threading.Lock()


def kept_index(path: str, build) -> SearchIndex:
    """The index of this version of the file (`kept.file_state`), built by `build()` the first
    time it is asked for, once even when asked from two threads at a time (the web server's
    background build and a search); the latest KEPT_INDEXES are kept. A database with no file
    is indexed every time."""
    version = file_state(path)
    if version is None:
        return build()
    with _LOCK:
        if version not in _KEPT:
            _KEPT[version] = build()
            while len(_KEPT) > KEPT_INDEXES:
                _KEPT.popitem(last=False)
        _KEPT.move_to_end(version)
        return _KEPT[version]


def _opening(text: str, chars: int) -> str:
    """The first `chars` characters of a text, cut at a space."""
    if len(text) <= chars:
        return text
    cut = text.rfind(" ", 0, chars)
    return text[:cut if cut > 0 else chars] + " …"
