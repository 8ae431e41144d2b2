"""The embedded engine: a tantivy index on disk, in-process, no server to run.

Schema: a stemmed title and text field per supported language (a document
fills only its own language's pair; others go to `*_other`), a pre-folded copy
of title and text for accent- and case-insensitive matching, raw fast fields
for every facet, integer date keys for ranges and sorting, and the whole
`Communique` as stored JSON. Query text is compiled from the archive's own
query tree (archive.query), never handed to tantivy's parser as typed.
"""
from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator

import tantivy

from indexer.analysis.fold import fold
from indexer.model import Communique

from ..query import And, KeywordMatch, MatchAll, Node, Not, Or, Phrase, QuerySyntaxError, Term
from ..request import FACETS, SearchRequest
from ..results import FacetValue, Hit, SearchResult
from ..terms import LANG_SLOTS, folded, folded_field, slot, stemmed, stemmed_field
from .base import Engine, EngineError, IndexReport
from .similar import similar_terms
from .common import (AGG_SIZE, FACET_FIELDS, FOLDED_KEYS, TITLE_BOOST, date_bounds, date_keys, facet_values,
                     hit_from_doc, prepare_query, resolve_country, sort_facet_values)

SCHEMA_VERSION = "3"  # 2: issuer_country facet; 3: terms made in Python (archive.terms)


def _build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", fast=True)
    for name in LANG_SLOTS:
        sb.add_text_field(f"title_{name}", tokenizer_name="terms")
        sb.add_text_field(f"text_{name}", tokenizer_name="terms")
    sb.add_text_field("title_folded", tokenizer_name="terms")
    sb.add_text_field("text_folded", tokenizer_name="terms")
    for field in FACET_FIELDS.values():
        sb.add_text_field(field, tokenizer_name="raw", fast=True)
    for key in FOLDED_KEYS:
        sb.add_text_field(f"{key}_key", tokenizer_name="raw")
    sb.add_text_field("translation_group", tokenizer_name="raw")
    sb.add_text_field("content_hash", tokenizer_name="raw")
    sb.add_integer_field("date_desc", fast=True, indexed=True)
    sb.add_integer_field("date_asc", fast=True, indexed=True)
    sb.add_bytes_field("payload", stored=True)
    return sb.build()


def _register_tokenizers(index: tantivy.Index) -> None:
    # Fields hold tokens already made by archive.terms: split at spaces, nothing more.
    index.register_tokenizer("terms", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())


def rebuild_index(path: str | Path, batch: int = 1000) -> int:
    """Rebuild the index at `path` with this version's schema from its stored documents.

    The old index is read with the schema it was written with; the new one is
    built beside it and swapped in by renaming, so an interrupted rebuild
    leaves the old index as it was. Returns the number of documents.
    """
    path = Path(path)
    fresh = path.with_name(path.name + ".rebuild")
    retired = path.with_name(path.name + ".old")
    for leftover in (fresh, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    old = tantivy.Index.open(str(path))
    searcher = old.searcher()
    engine = TantivyEngine(fresh)
    count = 0
    for offset in range(0, searcher.num_docs, batch):
        page = searcher.search(tantivy.Query.all_query(), batch, offset=offset)
        docs = [Communique.from_dict(json.loads(searcher.doc(a).to_dict()["payload"][0])) for _, a in page.hits]
        count += engine.index(docs).indexed
    engine.close()
    path.rename(retired)
    fresh.rename(path)
    shutil.rmtree(retired, ignore_errors=True)
    return count


class TantivyEngine(Engine):
    name = "tantivy"

    def __init__(self, path: str | Path, writer_heap: int = 128_000_000):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.schema = _build_schema()
        marker = self.path / "archive-schema-version"
        if marker.exists() and marker.read_text().strip() != SCHEMA_VERSION:
            raise EngineError(
                f"The index in {self.path} was built by another version of the archive; "
                "run `archive reindex` to rebuild it from its stored documents.")
        try:
            self.index_ = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        except ValueError as exc:
            raise EngineError(f"Cannot open the index in {self.path}: {exc}") from exc
        marker.write_text(SCHEMA_VERSION)
        _register_tokenizers(self.index_)
        self._writer = None
        self._writer_heap = writer_heap
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: dict) -> "TantivyEngine":
        return cls(Path(config["DATA_DIR"]) / "tantivy")

    # -- writing -------------------------------------------------------------------------

    def _get_writer(self):
        if self._writer is None:
            try:
                self._writer = self.index_.writer(heap_size=self._writer_heap, num_threads=1)
            except ValueError as exc:
                raise EngineError(
                    f"The index in {self.path} is locked by another indexing run ({exc}).") from exc
        return self._writer

    def _document(self, doc: Communique) -> tantivy.Document:
        d = tantivy.Document()
        d.add_text("id", doc.id)
        where = slot(doc.language)
        d.add_text(f"title_{where}", stemmed_field(doc.title or "", doc.language))
        d.add_text(f"text_{where}", stemmed_field(doc.text or "", doc.language))
        d.add_text("title_folded", folded_field(doc.title or ""))
        d.add_text("text_folded", folded_field(doc.text or ""))
        for facet, field in FACET_FIELDS.items():
            for value in facet_values(doc, facet):
                d.add_text(field, value)
                if facet in FOLDED_KEYS:
                    d.add_text(f"{facet}_key", fold(value))
        d.add_text("translation_group", doc.translation_group or "")
        d.add_text("content_hash", doc.content_hash or "")
        desc, asc = date_keys(doc.date)
        d.add_integer("date_desc", desc)
        d.add_integer("date_asc", asc)
        d.add_bytes("payload", json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8"))
        return d

    def index(self, docs: Iterable[Communique]) -> IndexReport:
        report = IndexReport()
        with self._lock:
            writer = self._get_writer()
            for doc in docs:
                if not doc.id:
                    report.errors.append(("", f"{doc.source}: document has no id"))
                    continue
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(self._document(doc))
                report.indexed += 1
            writer.commit()
        self.index_.reload()
        return report

    def delete(self, ids: Iterable[str]) -> None:
        with self._lock:
            writer = self._get_writer()
            for doc_id in ids:
                writer.delete_documents_by_term("id", doc_id)
            writer.commit()
        self.index_.reload()

    def clear(self) -> None:
        with self._lock:
            writer = self._get_writer()
            writer.delete_all_documents()
            writer.commit()
        self.index_.reload()

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                self._writer.wait_merging_threads()
                self._writer = None

    # -- reading -------------------------------------------------------------------------

    def _searcher(self):
        return self.index_.searcher()

    @staticmethod
    def _load(searcher, address) -> Communique:
        stored = searcher.doc(address).to_dict()
        return Communique.from_dict(json.loads(stored["payload"][0]))

    def get(self, doc_id: str) -> Communique | None:
        searcher = self._searcher()
        found = searcher.search(tantivy.Query.term_query(self.schema, "id", doc_id), 1)
        return self._load(searcher, found.hits[0][1]) if found.hits else None

    def count(self) -> int:
        return self._searcher().num_docs

    def iter_documents(self) -> Iterator[Communique]:
        searcher = self._searcher()
        total = searcher.num_docs
        step = 500
        for offset in range(0, total, step):
            page = searcher.search(tantivy.Query.all_query(), step, offset=offset,
                                   order_by_field="date_asc", order=tantivy.Order.Asc)
            for _, address in page.hits:
                yield self._load(searcher, address)

    def translations(self, doc: Communique) -> list[Communique]:
        if not doc.translation_group:
            return []
        searcher = self._searcher()
        q = tantivy.Query.term_query(self.schema, "translation_group", doc.translation_group)
        found = searcher.search(q, 100)
        docs = [self._load(searcher, a) for _, a in found.hits]
        return sorted((d for d in docs if d.id != doc.id), key=lambda d: (d.language or "", d.id))

    def more_like_this(self, doc_id: str, limit: int = 5) -> list[Hit]:
        doc = self.get(doc_id)
        if doc is None:
            return []
        searcher = self._searcher()
        terms = similar_terms(folded_field(doc.title + "\n" + doc.text).split(),
                              lambda t: searcher.doc_freq("text_folded", t), searcher.num_docs)
        if not terms:
            return []
        Q, O = tantivy.Query, tantivy.Occur
        # Built from plain term queries: tantivy's own more-like-this query scores
        # with live documents against statistics that still count deleted ones, and
        # panics once any document has been updated or deleted.
        like = Q.boolean_query([(O.Should, Q.boost_query(Q.term_query(self.schema, "text_folded", t), w))
                                for t, w in terms])
        # Its own translations are listed apart on the page, and its exact copies are merged.
        unlike = [Q.term_query(self.schema, "id", doc.id)]
        unlike += [Q.term_query(self.schema, f, v) for f, v in (("content_hash", doc.content_hash),
                                                                 ("translation_group", doc.translation_group)) if v]
        q = Q.boolean_query([(O.Must, like)] + [(O.MustNot, u) for u in unlike])
        found = searcher.search(q, limit)
        return [hit_from_doc(self._load(searcher, a), MatchAll(), score=s) for s, a in found.hits]

    # -- searching -----------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        node, highlight, expansions = prepare_query(request)
        text_query = self._compile(node)
        searcher = self._searcher()
        main = self._combine(text_query, request, skip_facet=None)
        kwargs = {}
        if request.sort == "date":
            kwargs = {"order_by_field": "date_desc", "order": tantivy.Order.Desc}
        elif request.sort == "date_asc":
            kwargs = {"order_by_field": "date_asc", "order": tantivy.Order.Asc}
        found = searcher.search(main, request.per_page, count=True, offset=request.offset, **kwargs)
        hits = []
        for key, address in found.hits:
            doc = self._load(searcher, address)
            hits.append(hit_from_doc(doc, highlight, score=key if not kwargs else None))
        facets = self._facets(searcher, text_query, request)
        return SearchResult(total=found.count, hits=hits, facets=facets, page=request.page,
                            per_page=request.per_page, expansions=expansions,
                            took_ms=(time.perf_counter() - started) * 1000)

    def _combine(self, text_query, request: SearchRequest, skip_facet: str | None):
        """The text query with every filter, except the selection of `skip_facet`."""
        clauses = [(tantivy.Occur.Must, text_query)]
        for facet, values in request.filters:
            if facet != skip_facet:
                clauses.append((tantivy.Occur.Must, self._term_set(facet, values)))
        for facet, values in request.exclusions:
            clauses.append((tantivy.Occur.MustNot, self._term_set(facet, values)))
        low, high = date_bounds(request.date_from, request.date_to)
        # Undated documents hold 0 in date_desc and a high number in date_asc, so
        # each bound is checked on the key that keeps them out of any range.
        if low is not None:
            clauses.append((tantivy.Occur.Must, tantivy.Query.range_query(
                self.schema, "date_desc", tantivy.FieldType.Integer, low, None)))
        if high is not None:
            clauses.append((tantivy.Occur.Must, tantivy.Query.range_query(
                self.schema, "date_asc", tantivy.FieldType.Integer, None, high)))
        return tantivy.Query.boolean_query(clauses)

    def _term_set(self, facet: str, values) -> tantivy.Query:
        return tantivy.Query.term_set_query(self.schema, FACET_FIELDS[facet], list(values))

    def _facets(self, searcher, text_query, request: SearchRequest) -> dict[str, list[FacetValue]]:
        wanted = [f for f in FACETS if f in request.facets]
        selected = {f for f, _ in request.filters}
        buckets: dict[str, dict[str, int]] = {}

        def run(query, facets):
            aggs = {f: {"terms": {"field": FACET_FIELDS[f], "size": AGG_SIZE}} for f in facets}
            result = searcher.aggregate(query, aggs)
            for f in facets:
                buckets[f] = {b["key"]: b["doc_count"] for b in result[f]["buckets"]}

        shared = [f for f in wanted if f not in selected]
        if shared:
            run(self._combine(text_query, request, skip_facet=None), shared)
        for facet in wanted:
            if facet in selected:
                run(self._combine(text_query, request, skip_facet=facet), [facet])
        return {f: sort_facet_values(f, buckets[f], request) for f in wanted}

    # -- query compilation ----------------------------------------------------------------

    def _match(self, field: str, tokens: list[str]) -> tantivy.Query:
        """A term (one token) or phrase (several) on one field, titles boosted."""
        Q = tantivy.Query
        if not tokens:
            return Q.empty_query()
        q = Q.term_query(self.schema, field, tokens[0]) if len(tokens) == 1 else \
            Q.phrase_query(self.schema, field, tokens)
        return Q.boost_query(q, TITLE_BOOST) if field.startswith("title_") else q

    def _words(self, text: str, field: str | None) -> tantivy.Query:
        """Text in any language slot (stemmed as that language would) or in the folded fields."""
        kinds = ["title", "text"] if field is None else [field]
        clauses = [self._match(f"{k}_{s}", stemmed(text, s)) for k in kinds for s in LANG_SLOTS]
        clauses += [self._match(f"{k}_folded", folded(text)) for k in kinds]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, c) for c in clauses])

    def _compile(self, node: Node) -> tantivy.Query:
        Q, O = tantivy.Query, tantivy.Occur
        if isinstance(node, MatchAll):
            return Q.all_query()
        if isinstance(node, (Term, Phrase)) and not getattr(node, "prefix", False):
            return self._words(node.text, node.field)
        if isinstance(node, Term):  # prefix: the last word is a prefix, earlier words a phrase
            kinds = ["title", "text"] if node.field is None else [node.field]
            tokens = folded(node.text)
            if not tokens:
                return Q.empty_query()
            prefix = [(O.Should, Q.regex_query(self.schema, f"{k}_folded", tokens[-1] + ".*")) for k in kinds]
            clauses = [(O.Must, Q.boolean_query(prefix))]
            if len(tokens) > 1:
                clauses.append((O.Must, self._words(" ".join(tokens[:-1]), node.field)))
            return Q.boolean_query(clauses)
        if isinstance(node, KeywordMatch):
            return self._keyword(node)
        if isinstance(node, And):
            clauses = [(O.MustNot, self._compile(c.child)) if isinstance(c, Not)
                       else (O.Must, self._compile(c)) for c in node.children]
            if all(occ == O.MustNot for occ, _ in clauses):
                clauses.append((O.Must, Q.all_query()))
            return Q.boolean_query(clauses)
        if isinstance(node, Or):
            return Q.boolean_query([(O.Should, self._compile(c)) for c in node.children])
        if isinstance(node, Not):
            return Q.boolean_query([(O.Must, Q.all_query()), (O.MustNot, self._compile(node.child))])
        raise QuerySyntaxError(f"Unsupported query part {node!r}")

    def _keyword(self, node: KeywordMatch) -> tantivy.Query:
        if node.field in ("country", "issuer_country"):
            return tantivy.Query.term_query(self.schema, node.field, resolve_country(node.value))
        if node.field in FOLDED_KEYS:
            return tantivy.Query.term_query(self.schema, f"{node.field}_key", fold(node.value))
        value = node.value.lower() if node.field == "language" else node.value
        return tantivy.Query.term_query(self.schema, FACET_FIELDS[node.field], value)
