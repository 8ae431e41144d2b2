"""The embedded engine: a tantivy index on disk, in-process, no server to run.

Schema: a stemmed title and text field per supported language (a document
fills only its own language's pair; others go to `*_other`), a pre-folded copy
of title and text for accent- and case-insensitive matching, a raw fast field
per facet (and a folded key field for facets declared `folded`), integer date
keys for ranges and sorting, and the whole `Communique` as stored JSON. The
fields follow archive.facets and archive.terms, and so does the schema
version: an index written by another version answers with a message that
says to run `archive reindex`. Queries are compiled from the archive's own
query tree by the shared compiler; this module only spells them in tantivy.
"""
from __future__ import annotations

import collections
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import cachetools
import orjson
import tantivy

from indexer.model import Communique, added_key

from ..collapse import first_groups, group_key, group_of
from ..dates import date_bounds, date_keys
from ..facets import (EXACT_BUCKETS, EXACT_FACETS, FACETS, NAMES, SURELY_EXACT_BELOW, counted, counted_order,
                      display_values, document_values, facet, from_sample, in_chunks, sample_bounds, sample_share,
                      to_count_exactly)
from ..query import MatchAll
from ..request import SearchRequest
from ..results import FacetValue, Hit, SearchResult
from ..terms import LANG_SLOTS, TERMS_VERSION, folded_field, index_terms, slot
from .base import Engine, EngineError, EngineStats, IndexReport
from .compiler import Backend, QueryCompiler
from .hits import hit_from_doc, hits_shown
from .leads import GroupSummary, mixed_term, summarise
from .similar import similar_terms

Q, O = tantivy.Query, tantivy.Occur
# Numbers naming the states of an index a process has loaded: never repeated within a process, even
# across indexes reopened or rebuilt, so nothing counted on one state is read for another.
_GENERATIONS = itertools.count(1)
LEAD_BOUNDS = ("desc", "asc", "added")  # a lead's bounds: its group's date keys and `added` keys
GROUPS_ESTIMATED = {"groups": {"cardinality": {"field": "group"}}}  # a bucket's communiqués, estimated


def _values(request: SearchRequest, name: str, field: str | None = None) -> dict:
    """The terms aggregation of a facet's values counted for `request` (over `field`, else the facet's own)."""
    return {"terms": {"field": field or name, "size": counted(request, name), **counted_order(name)}}


def _fields() -> list[tuple[str, str]]:
    """(field, kind) of the schema, in order; the schema version is derived from it."""
    fields = [("id", "id")]
    fields += [(f"{kind}_{s}", "terms") for s in LANG_SLOTS for kind in ("title", "text")]
    fields += [("title_folded", "terms"), ("text_folded", "terms")]
    fields += [(f.name, "facet") for f in FACETS]
    fields += [(f"{f.name}_key", "raw") for f in FACETS if f.folded]
    fields += [("translation_group", "raw"), ("content_hash", "raw"), ("group", "facet"), ("group_key", "int")]
    fields += [("date_desc", "int"), ("date_asc", "int"), ("added", "int"), ("payload", "stored")]
    # A group's lead version holds the group's summary (`leads`): its facet values, mixed terms and bounds.
    fields += [("lead", "int"), ("mixed", "raw")] + [(f"{f.name}_all", "facet") for f in FACETS]
    fields += [(f"lead_{bound}_{end}", "int") for bound in LEAD_BOUNDS for end in ("lo", "hi")]
    return fields


SCHEMA_VERSION = "4-" + hashlib.sha1(json.dumps([_fields(), TERMS_VERSION]).encode()).hexdigest()[:10]
VERSION_FILE = "archive-schema-version"


def _build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    for name, kind in _fields():
        if kind == "id":
            sb.add_text_field(name, stored=True, tokenizer_name="raw", fast=True)
        elif kind == "terms":
            sb.add_text_field(name, tokenizer_name="terms")
        elif kind == "facet":
            sb.add_text_field(name, tokenizer_name="raw", fast=True)
        elif kind == "raw":
            sb.add_text_field(name, tokenizer_name="raw")
        elif kind == "int":
            sb.add_integer_field(name, fast=True, indexed=True)
        else:
            sb.add_bytes_field(name, stored=True)
    return sb.build()


def _register_tokenizers(index: tantivy.Index) -> None:
    # Fields hold tokens already made by archive.terms: split at spaces, nothing more.
    index.register_tokenizer("terms", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())


def _doc_size(doc: Communique) -> int:
    return len(doc.text) + len(doc.title) + 1


def _doc_key(searcher, address, generation: int) -> tuple[int, int, int]:
    return generation, address.segment_ord, address.doc


def _load_found(searcher, address, generation: int) -> Communique:
    """`_load`, for a document found in the index state `generation` (what `_doc_key` keeps it by)."""
    return _load(searcher, address)


def _load(searcher, address) -> Communique:
    return Communique.from_dict(orjson.loads(searcher.doc(address).to_dict()["payload"][0]))


@functools.lru_cache(maxsize=1)
def _rebuild_searcher(path: str):
    return tantivy.Index.open(path).searcher()


def _rebuild_part(path: str, places: list[tuple[int, int]]) -> list[Communique]:
    """In a worker of `reindex`: the documents at `places` (segment, document) of the index at `path`,
    with their index terms made."""
    searcher = _rebuild_searcher(path)
    docs = [_load(searcher, tantivy.DocAddress(segment, doc)) for segment, doc in places]
    for doc in docs:
        index_terms(doc)
    return docs


class TantivyBackend(Backend[tantivy.Query]):
    """The compiler's leaf builders, spelt in tantivy queries."""

    def __init__(self, schema: tantivy.Schema):
        self.schema = schema

    def text_field(self, kind: str, slot: str) -> str:
        return f"{kind}_{slot}"

    def facet_field(self, name: str) -> str:
        return name

    def key_field(self, name: str) -> str:
        return f"{name}_key"

    def date_field(self, order: str) -> str:
        return f"date_{order}"

    def added_field(self) -> str:
        return "added"

    def match_all(self):
        return Q.all_query()

    def match_none(self):
        return Q.empty_query()

    @staticmethod
    def _boosted(query, boost: float | None):
        return Q.boost_query(query, boost) if boost not in (None, 1) else query

    def term(self, field: str, token: str, boost: float | None = None):
        return self._boosted(Q.term_query(self.schema, field, token), boost)

    def phrase(self, field: str, tokens: Sequence[str], boost: float):
        return self._boosted(Q.phrase_query(self.schema, field, list(tokens)), boost)

    def prefix(self, field: str, prefix: str):
        return Q.regex_query(self.schema, field, prefix + ".*")  # folded tokens: letters and digits only

    def terms(self, field: str, values: Sequence[str]):
        return Q.term_set_query(self.schema, field, list(values))

    def range(self, field: str, gte: int | None = None, lte: int | None = None):
        return Q.range_query(self.schema, field, tantivy.FieldType.Integer, gte, lte)

    def all_of(self, must, must_not=None, filter=None):
        return Q.boolean_query([(O.Must, q) for q in [*must, *(filter or [])]] +
                               [(O.MustNot, q) for q in must_not or []])

    def any_of(self, should):
        return Q.boolean_query([(O.Should, q) for q in should])


class TantivyEngine(Engine):
    name = "tantivy"

    def __init__(self, path: str | Path, writer_heap: int = 128_000_000):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.schema = _build_schema()
        self.compiler = QueryCompiler(TantivyBackend(self.schema))
        self._writer = None
        self._writer_heap = writer_heap
        self._lock = threading.Lock()
        self._index: tantivy.Index | None = None
        self._reload_lock = threading.Lock()
        self._loaded_meta: bytes | None = None  # tantivy's meta.json as it was when the reader last loaded
        self._generation = 0
        self._facet_cache = cachetools.LRUCache(maxsize=self.FACET_CACHE_SIZE)
        self._totals = cachetools.LRUCache(maxsize=self.FACET_CACHE_SIZE)  # (versions, communiqués, exact) by state
        self._untranslated: tuple[int, int, int] = (-1, 0, 0)  # (state, versions without translations, versions)
        self._counts_lock = threading.Lock()
        # Documents of result pages as loaded, by state and address, when results are kept (keep_results).
        self._docs: cachetools.LRUCache | None = None
        self._load_kept = None  # _load through self._docs
        # Ranked pages by state, when results are kept: what a page's communiqués and versions are (addresses).
        self._pages: cachetools.LRUCache | None = None
        self._docs_lock = threading.Lock()
        self._helpers: ThreadPoolExecutor | None = None  # made at first use: after a web server's fork
        self._helpers_lock = threading.Lock()
        self._open()

    @classmethod
    def from_config(cls, config: dict) -> "TantivyEngine":
        engine = cls(Path(config["DATA_DIR"]) / "tantivy")
        if config.get("REINDEX_MEMORY_MB"):  # else the class's default (the setting's)
            engine.rebuild_heap = int(float(config["REINDEX_MEMORY_MB"]) * 1_000_000)
        engine.rebuild_workers = int(config.get("WORKERS") or 0)
        return engine

    # -- the index on disk -------------------------------------------------------------------------

    @property
    def _marker(self) -> Path:
        return self.path / VERSION_FILE

    @property
    def stale(self) -> bool:
        """True when the index on disk was written by another version of the archive."""
        return self._marker.exists() and self._marker.read_text().strip() != SCHEMA_VERSION

    def _open(self) -> None:
        if self.stale:
            return  # kept as it is: `reindex` rebuilds it, every other call says so
        try:
            self._index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        except ValueError as exc:
            raise EngineError(f"Cannot open the index in {self.path}: {exc}") from exc
        self._marker.write_text(SCHEMA_VERSION)
        _register_tokenizers(self._index)
        # The reader is reloaded by `_snapshot`, which then knows exactly which commit it reads.
        self._index.config_reader("Manual")
        self._loaded_meta = None
        self.forget_counts()

    @property
    def index_(self) -> tantivy.Index:
        if self._index is None:
            raise EngineError(
                f"The index in {self.path} was built by another version of the archive; "
                "run `archive reindex` to rebuild it from its stored documents.")
        return self._index

    # `reindex` writes the new index with this much memory (bytes; ARCHIVE_REINDEX_MEMORY_MB) and commits
    # once: tantivy cuts a segment each time it fills, so the rebuilt index is in few, large segments.
    rebuild_heap = 1_000_000_000
    REBUILD_BATCH = 5_000  # documents written at once by `reindex` (whole groups: a group's versions together)
    rebuild_workers = 0  # processes reading and making terms for `reindex` (0: one per core; ARCHIVE_WORKERS)

    def reindex(self, force: bool = False) -> str:
        """Rebuild the index with this version's schema from its stored documents, in as few segments as
        `rebuild_heap` allows (an index written over many commits is in many: searches over few are faster).

        The old index is read with the schema it was written with; the new one is
        built beside it and swapped in by renaming, so an interrupted rebuild
        leaves the old index as it was.
        """
        self.close()
        fresh = self.path.with_name(self.path.name + ".rebuild")
        retired = self.path.with_name(self.path.name + ".old")
        for leftover in (fresh, retired):
            shutil.rmtree(leftover, ignore_errors=True)
        old = tantivy.Index.open(str(self.path))
        searcher = old.searcher()
        # (tantivy takes 15 MB to 4 GB per writing thread)
        engine = TantivyEngine(fresh, writer_heap=max(50_000_000, min(self.rebuild_heap, 4_000_000_000 - 1)))
        # Written a batch of whole groups at a time and committed once at the end: each batch's groups are
        # complete, so nothing written needs what an earlier batch wrote (not searchable before the commit).
        # Worker processes read each batch's documents and make their terms; this one writes them.
        workers = max(1, self.rebuild_workers or os.cpu_count() or 1)
        batches = self._whole_groups(self._by_group(searcher))
        context = multiprocessing.get_context("spawn")  # no fork of a process holding index files
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                pending: collections.deque = collections.deque()
                for batch in batches:
                    pending.append(pool.submit(_rebuild_part, str(self.path), batch))
                    if len(pending) > workers:  # a few batches in flight: memory stays flat
                        engine.index(pending.popleft().result(), commit=False)
                while pending:
                    engine.index(pending.popleft().result(), commit=False)
            engine._write(lambda writer: None)  # the commit
        finally:
            engine.close()
        del old, searcher
        self._index = None
        self.path.rename(retired)
        fresh.rename(self.path)
        shutil.rmtree(retired, ignore_errors=True)
        self._open()
        return str(self.path)

    @staticmethod
    def _by_group(searcher) -> list[tuple[int, tuple[int, int]]]:
        """(group number, (segment, document)) of every document of `searcher`, the versions of each group
        next to each other."""
        addresses = [address for _, address in searcher.search(Q.all_query(), max(1, searcher.num_docs)).hits]
        try:  # the groups' numbers (an index written by an older version may not have them)
            keys = searcher.fast_field_values("group_key", addresses)
        except ValueError:
            keys = [None]
        if None in keys:  # read from the documents
            keys = [group_key(group_of(_load(searcher, address))) for address in addresses]
        return sorted(zip(keys, ((address.segment_ord, address.doc) for address in addresses)))

    def _whole_groups(self, placed: list[tuple[int, tuple[int, int]]]) -> Iterator[list[tuple[int, int]]]:
        """The places of `placed` (ordered by group) in batches of about REBUILD_BATCH, each of whole groups."""
        batch: list[tuple[int, int]] = []
        last = None
        for key, place in placed:
            if len(batch) >= self.REBUILD_BATCH and key != last:
                yield batch
                batch = []
            batch.append(place)
            last = key
        if batch:
            yield batch

    def drop(self) -> None:
        self.close()
        self._index = None
        shutil.rmtree(self.path, ignore_errors=True)

    def stats(self) -> EngineStats:
        if self.stale:
            return EngineStats(self.name, str(self.path), None, problem=(
                "the index was built by another version of the archive: run `archive reindex`"))
        searcher = self._searcher()
        return EngineStats(self.name, str(self.path), searcher.num_docs,
                           details={"segments": searcher.num_segments, "schema": SCHEMA_VERSION})

    # -- writing -------------------------------------------------------------------------

    def _get_writer(self):
        if self._writer is None:
            try:
                self._writer = self.index_.writer(heap_size=self._writer_heap, num_threads=1)
            except ValueError as exc:
                raise EngineError(
                    f"The index in {self.path} is locked by another indexing run ({exc}).") from exc
        return self._writer

    def _document(self, doc: Communique, summary: GroupSummary | None = None,
                  values_of=document_values) -> tantivy.Document:
        """`doc` as written, with its group's `summary` if it is the group's lead (`values_of`: as in
        `leads.summarise`)."""
        d = tantivy.Document()
        d.add_text("id", doc.id)
        where = slot(doc.language)
        title_stemmed, text_stemmed, title_folded, text_folded = index_terms(doc)
        d.add_text(f"title_{where}", title_stemmed)
        d.add_text(f"text_{where}", text_stemmed)
        d.add_text("title_folded", title_folded)
        d.add_text("text_folded", text_folded)
        for f, values in zip(FACETS, values_of(doc).values()):
            for value in values:
                d.add_text(f.name, value)
            if f.folded:
                for key in f.keys(values):
                    d.add_text(f"{f.name}_key", key)
        d.add_text("translation_group", doc.translation_group or "")
        d.add_text("content_hash", doc.content_hash or "")
        d.add_text("group", group_of(doc))
        d.add_integer("group_key", group_key(group_of(doc)))
        desc, asc = date_keys(doc.date)
        d.add_integer("date_desc", desc)
        d.add_integer("date_asc", asc)
        d.add_integer("added", added_key(doc.added))
        d.add_bytes("payload", orjson.dumps(doc.to_dict()))
        d.add_integer("lead", 1 if summary is not None else 0)
        if summary is not None:
            for name, values in summary.values.items():
                for value in values:
                    d.add_text(f"{name}_all", value)
            for term in summary.mixed:
                d.add_text("mixed", term)
            for bound in LEAD_BOUNDS:
                low, high = summary.bounds[bound]
                d.add_integer(f"lead_{bound}_lo", low)
                d.add_integer(f"lead_{bound}_hi", high)
        return d

    def _write(self, change, commit: bool = True) -> None:
        with self._lock:
            writer = self._get_writer()
            change(writer)
            if not commit:
                return
            writer.commit()
        self._snapshot()  # visible to the next search, whichever thread makes it

    def index(self, docs: Iterable[Communique], commit: bool = True) -> IndexReport:
        """Write `docs` (and commit them, unless `commit` is false: only `reindex`, which writes whole groups
        at a time, leaves what it wrote uncommitted, as what is not committed is not looked up)."""
        report = IndexReport()
        batch: dict[str, Communique] = {}  # by id: a document given twice is written as given last
        for doc in docs:
            if not doc.id:
                report.errors.append(("", f"{doc.source}: document has no id"))
                continue
            batch.pop(doc.id, None)
            batch[doc.id] = doc
            report.indexed += 1

        def add(writer):
            searcher = self._searcher()
            # The groups the batch changes: its documents' and, for documents written again, their old ones.
            groups = {doc.translation_group for doc in batch.values() if doc.translation_group}
            groups |= {doc.translation_group for doc in self._stored(searcher, "id", list(batch))
                       if doc.translation_group}
            stored = self._group_members(searcher, groups, leaving=batch)
            versions = {group: [doc for doc, _ in members] for group, members in stored.items()}
            for doc in batch.values():
                if doc.translation_group:
                    versions.setdefault(doc.translation_group, []).append(doc)
            # Each document's facet values, taken once for its group's summary and its own fields.
            taken: dict[int, dict] = {}

            def values_of(doc: Communique) -> dict:
                values = taken.get(id(doc))
                if values is None:
                    values = taken[id(doc)] = document_values(doc)
                return values
            summaries = {group: summarise(docs, values_of) for group, docs in versions.items() if docs}
            for doc_id in batch:
                writer.delete_documents_by_term("id", doc_id)
            for group, members in stored.items():
                if members:
                    self._rewrite_leads(writer, members, summaries[group])
            for doc in batch.values():
                if doc.translation_group:
                    summary = summaries[doc.translation_group]
                    writer.add_document(self._document(doc, summary if summary.lead == doc.id else None,
                                                       values_of))
                else:
                    writer.add_document(self._document(doc, summarise([doc], values_of), values_of))

        self._write(add, commit)
        return report

    def _stored(self, searcher, field: str, values: list[str]) -> list[Communique]:
        """The stored documents whose `field` holds one of `values`."""
        if not values:
            return []
        query = Q.term_set_query(self.schema, field, values)
        found = searcher.search(query, 1, count=True).count
        return [_load(searcher, address) for _, address in searcher.search(query, found).hits] if found else []

    def _group_members(self, searcher, groups: set[str], leaving) -> dict[str, list[tuple[Communique, bool]]]:
        """The versions of `groups` in the index, but those whose ids are in `leaving`: (document, whether
        it is its group's lead now), by group."""
        members: dict[str, list[tuple[Communique, bool]]] = {group: [] for group in groups}
        if not groups:
            return members
        query = Q.term_set_query(self.schema, "translation_group", sorted(groups))
        found = searcher.search(query, 1, count=True).count
        hits = searcher.search(query, found).hits if found else []
        leads = searcher.fast_field_values("lead", [address for _, address in hits]) if hits else []
        for (_, address), lead in zip(hits, leads):
            doc = _load(searcher, address)
            if doc.id not in leaving:
                members[doc.translation_group].append((doc, bool(lead)))
        return members

    def _rewrite_leads(self, writer, members: list[tuple[Communique, bool]], summary: GroupSummary) -> None:
        """Write again the versions already in the index whose lead role or group summary changes: the
        group's lead, with its new `summary`, and the version that was lead before, without one."""
        for doc, was_lead in members:
            if was_lead or doc.id == summary.lead:
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(self._document(doc, summary if doc.id == summary.lead else None))

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)

        def remove(writer):
            searcher = self._searcher()
            leaving = set(ids)
            groups = {doc.translation_group for doc in self._stored(searcher, "id", ids) if doc.translation_group}
            for doc_id in ids:
                writer.delete_documents_by_term("id", doc_id)
            for members in self._group_members(searcher, groups, leaving).values():
                if members:
                    self._rewrite_leads(writer, members, summarise([doc for doc, _ in members]))

        self._write(remove)

    def clear(self) -> None:
        self._write(lambda writer: writer.delete_all_documents())

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                self._writer.wait_merging_threads()
                self._writer = None
        with self._helpers_lock:
            if self._helpers is not None:
                self._helpers.shutdown()
                self._helpers = None

    # -- reading -------------------------------------------------------------------------

    def _meta(self) -> bytes:
        try:
            return (self.path / "meta.json").read_bytes()
        except FileNotFoundError:
            return b""

    def _snapshot(self) -> tuple[tantivy.Searcher, int]:
        """A searcher over the index as last committed, by this process or any other, and the number
        of that state (it changes whenever the state may have).

        tantivy replaces meta.json (the list of committed segments, with a stamp that grows with every
        commit) atomically at each commit. When it differs from the one last loaded, the reader is
        reloaded, and the state it loaded is known when meta.json read the same before and after.
        """
        index = self.index_
        with self._reload_lock:
            meta = self._meta()
            if meta != self._loaded_meta:
                while True:
                    index.reload()
                    after = self._meta()
                    if after == meta:
                        break
                    meta = after
                self._loaded_meta = meta
                self._generation = next(_GENERATIONS)
            return index.searcher(), self._generation

    def _searcher(self):
        return self._snapshot()[0]

    def get(self, doc_id: str) -> Communique | None:
        searcher = self._searcher()
        found = searcher.search(Q.term_query(self.schema, "id", doc_id), 1)
        return _load(searcher, found.hits[0][1]) if found.hits else None

    def count(self) -> int:
        return self._searcher().num_docs

    def newest_added(self) -> str | None:
        searcher = self._searcher()
        found = searcher.search(Q.all_query(), 1, order_by_field="added", order=tantivy.Order.Desc)
        return _load(searcher, found.hits[0][1]).added if found.hits else None

    def iter_documents(self) -> Iterator[Communique]:
        searcher = self._searcher()
        step = 500
        for offset in range(0, searcher.num_docs, step):
            page = searcher.search(Q.all_query(), step, offset=offset,
                                   order_by_field="date_asc", order=tantivy.Order.Asc)
            for _, address in page.hits:
                yield _load(searcher, address)

    EXPORT_PAGE = 2000

    def iter_matching(self, request: SearchRequest) -> Iterator[Communique]:
        query = self.compiler.narrow(self.compiler.main(request), request)
        searcher = self._searcher()  # one snapshot for the whole walk: writes meanwhile do not shift pages
        offset = 0
        while True:
            page = searcher.search(query, self.EXPORT_PAGE, offset=offset, order_by_field="date_desc",
                                   order=tantivy.Order.Desc)
            for _, address in page.hits:
                yield _load(searcher, address)
            if len(page.hits) < self.EXPORT_PAGE:
                return
            offset += self.EXPORT_PAGE

    def translations(self, doc: Communique) -> list[Communique]:
        if not doc.translation_group:
            return []
        searcher = self._searcher()
        found = searcher.search(Q.term_query(self.schema, "translation_group", doc.translation_group), 100)
        docs = [_load(searcher, a) for _, a in found.hits]
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
        return [hit_from_doc(_load(searcher, a), MatchAll(), score=s) for s, a in found.hits]

    def near_word(self, folded_word: str, limit: int = 20) -> list[Communique]:
        searcher = self._searcher()
        query = Q.fuzzy_term_query(self.schema, "text_folded", folded_word, distance=2, transposition_cost_one=True)
        return [_load(searcher, address) for _, address in searcher.search(query, limit).hits]

    # -- searching -----------------------------------------------------------------------

    EXACT_GROUPS = 50_000  # up to this many matching versions, communiqués are counted exactly

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        searcher, generation = self._snapshot()

        @functools.cache
        def main_query() -> tuple:
            """(main, query): compiled only when something is not kept, and once."""
            main = self.compiler.main(request)
            return main, self.compiler.narrow(main, request)

        @functools.cache
        def whole() -> bool:
            return self._whole(searcher, request)
        kwargs = {}
        if request.effective_sort == "date":
            kwargs = {"order_by_field": "date_desc", "order": tantivy.Order.Desc}
        elif request.effective_sort == "date_asc":
            kwargs = {"order_by_field": "date_asc", "order": tantivy.Order.Asc}
        # A page's ranking depends on neither the reader's languages (they pick the version shown) nor the facets.
        page_key = (generation, replace(request, prefer=(), facets=(), facet_size=10, more=(), whole=()))
        pages = self._pages
        known = None
        if pages is not None:
            with self._counts_lock:
                known = pages.get(page_key)
        if known is not None:
            total, versions_total, exactly, addresses = known
        elif request.versions:
            found = searcher.search(main_query()[1], max(1, request.per_page), count=True, offset=request.offset, **kwargs)
            total = versions_total = found.count
            exactly = True
            addresses = [[(address, None if kwargs else score)] for score, address in found.hits[:request.per_page]]
        else:
            total, versions_total, exactly, addresses = self._collapsed(searcher, generation, main_query()[1],
                                                                        request, kwargs, whole)
        if pages is not None and known is None:
            with self._counts_lock:
                pages[page_key] = (total, versions_total, exactly, addresses)
        ranked = [[(self._result_doc(searcher, generation, address), score) for address, score in group]
                  for group in addresses]
        hits = hits_shown(ranked, request, self.marks)
        facets = self._facets(searcher, generation, main_query, request, versions_total, total, exactly, whole)
        return SearchResult(total=total, hits=hits, facets=facets,
                            page=request.page, per_page=request.per_page, versions_total=versions_total,
                            total_estimated=not exactly,
                            expansions=list(request.query.expansions), state=generation,
                            took_ms=(time.perf_counter() - started) * 1000)

    def _untranslated_versions(self, searcher, generation: int) -> tuple[int, int]:
        """(versions without translations, versions) in the index: each of the first is a communiqué of its
        own (its group is itself)."""
        with self._counts_lock:
            state, alone, versions = self._untranslated
        if state != generation:
            alone = searcher.search(Q.term_query(self.schema, "translation_group", ""), 1, count=True).count
            versions = searcher.num_docs
            with self._counts_lock:
                self._untranslated = (generation, alone, versions)
        return alone, versions

    def _one_version_each(self, searcher, generation: int, query) -> bool:
        """Whether no version matching `query` has a translation: then each is a communiqué of its own."""
        alone, versions = self._untranslated_versions(searcher, generation)
        if alone == versions:  # an archive without translations
            return True
        if not alone:  # every version has translations (the federal news service's: three or four)
            return False
        translated = Q.boolean_query([(O.Must, query),
                                      (O.MustNot, Q.term_query(self.schema, "translation_group", ""))])
        return not searcher.search(translated, 1, count=True).count

    def _whole(self, searcher, request: SearchRequest) -> bool:
        """Whether `request` matches whole communiqués only (every version of a group or none): no words,
        and no selection, exclusion or bound that splits a group of the index (see `leads`)."""
        if request.versions or not isinstance(request.query.match, MatchAll):
            return False
        terms = [mixed_term(name, term) for name, values in (*request.filters, *request.exclusions)
                 for term in facet(name).terms(values)]
        splits = [Q.term_set_query(self.schema, "mixed", terms)] if terms else []
        low, high = date_bounds(request.date_from, request.date_to)
        # A bound splits the groups whose versions lie on both sides of it.
        if low is not None:  # date_desc >= low
            splits.append(self._straddling("desc", low))
        if high is not None:  # date_asc <= high
            splits.append(self._straddling("asc", high + 1))
        if request.added_after:  # added >= the time + 1
            splits.append(self._straddling("added", added_key(request.added_after) + 1))
        if not splits:
            return True
        return not searcher.search(Q.boolean_query([(O.Should, q) for q in splits]), 1, count=True).count

    def _straddling(self, bound: str, at: int):
        """The leads of groups with a version below `at` and one at or above it."""
        return Q.boolean_query([
            (O.Must, Q.range_query(self.schema, f"lead_{bound}_lo", tantivy.FieldType.Integer, None, at - 1)),
            (O.Must, Q.range_query(self.schema, f"lead_{bound}_hi", tantivy.FieldType.Integer, at, None))])

    def _leads_of(self, query):
        """`query`'s matches that are leads: one per communiqué where `query` matches whole communiqués."""
        return Q.boolean_query([(O.Must, query), (O.Must, Q.term_query(self.schema, "lead", 1))])

    def _collapsed(self, searcher, generation: int, query, request: SearchRequest, kwargs: dict,
                   whole=lambda: False):
        """(communiqués, language versions, whether the communiqués are counted exactly, the addresses and
        scores of the matching versions of each communiqué on the page, ranked). `whole()`: whether the
        request matches whole communiqués only."""
        # What a search state matches is counted once per state of the index, like its facets: paging
        # through a long result list or coming back to it walks only as far as the page.
        key = (generation, replace(request, page=1, per_page=1, sort=None, prefer=(), facets=(), facet_size=10,
                                   more=(), whole=()))
        with self._counts_lock:
            known = self._totals.get(key)
        limit = max(4 * (request.offset + request.per_page), 100)  # mostly far enough for the page
        found = None
        if known:
            versions_total = known[0]
        else:  # the first walk counts the matching versions as well
            found = searcher.search(query, limit, count=True, **kwargs)
            versions_total = found.count
            if not versions_total:
                return 0, 0, True, []
            if whole():  # the communiqués are the matching leads
                known = (versions_total, searcher.search(self._leads_of(query), 1, count=True).count, True)
            elif self._one_version_each(searcher, generation, query):
                known = (versions_total, versions_total, True)
            elif limit < versions_total <= self.EXACT_GROUPS:
                # Up to EXACT_GROUPS versions, one walk over all of them also counts the communiqués exactly.
                limit, found = versions_total, None
            if known:
                with self._counts_lock:
                    self._totals[key] = known
        # Walk the ranked hits until the page's communiqués have all appeared (each at its best rank).
        while True:
            if found is None:
                found = searcher.search(query, limit, **kwargs)
            addresses = [address for _, address in found.hits]
            keys = searcher.fast_field_values("group_key", addresses) if addresses else []
            page, complete = first_groups(keys, request.offset, request.per_page)
            walked_all = len(addresses) >= versions_total or len(addresses) < limit
            if complete or walked_all:
                break
            limit, found = limit * 4, None
        if known:
            total, exactly = known[1], known[2]
        else:
            exactly = walked_all
            total = len(set(keys)) if walked_all else int(searcher.cardinality(query, "group"))
            with self._counts_lock:
                self._totals[key] = (versions_total, total, exactly)
        if not page:
            return total, versions_total, exactly, []
        if exactly and total == versions_total:  # each matching communiqué matched by one version: the walk's
            ranked = {}
            for (score, address), group in zip(found.hits, keys):
                ranked.setdefault(group, (address, None if kwargs else score))
            return total, versions_total, exactly, [[ranked[group]] for group in page]
        # Every matching version of the page's communiqués, in rank order.
        # (The page's groups only filter: each version keeps its score, as in the walk.)
        in_page = Q.const_score_query(Q.term_set_query(self.schema, "group_key", page), 0.0)
        members = Q.boolean_query([(O.Must, query), (O.Must, in_page)])
        found = searcher.search(members, len(page) * 50, **kwargs)
        by_group: dict[int, list] = {key: [] for key in page}
        member_keys = searcher.fast_field_values("group_key", [a for _, a in found.hits]) if found.hits else []
        for (score, address), key in zip(found.hits, member_keys):
            by_group[key].append((address, None if kwargs else score))
        return total, versions_total, exactly, [by_group[key] for key in page if by_group[key]]

    # Like Solr's query result cache: the ranked addresses of result pages shown, by state and page, so that
    # a page shown again (a link opened by a colleague, the landing page, going back) ranks nothing again.
    PAGE_CACHE_SIZE = 1024
    DOC_CACHE_CHARS = 8_000_000  # of text and titles, per process (NSB: a result page's documents hold ~300,000)

    def keep_results(self, keep: bool = True) -> "TantivyEngine":
        super().keep_results(keep)
        self._docs = cachetools.LRUCache(maxsize=self.DOC_CACHE_CHARS, getsizeof=_doc_size) if keep else None
        self._pages = cachetools.LRUCache(maxsize=self.PAGE_CACHE_SIZE) if keep else None
        self._load_kept = cachetools.cached(self._docs, key=_doc_key, lock=self._docs_lock)(_load_found) \
            if keep else None
        return self

    def _result_doc(self, searcher, generation: int, address) -> Communique:
        """A result's document (shared by the searches that show it: never changed)."""
        load = self._load_kept
        return load(searcher, address, generation) if load is not None else _load(searcher, address)

    # Search states whose facet counts are kept, per process: paging, sorting and coming back to a
    # search (the landing page, a country's page, a saved search) count nothing again until the index
    # changes. A state holds the values it shows (a few hundred at most: the map's countries, the months).
    FACET_CACHE_SIZE = 256

    def forget_counts(self) -> None:
        """Count every search state afresh, its matches and its facets, and load and mark its results
        afresh (benchmarks time a state's first search)."""
        with self._counts_lock:
            self._facet_cache.clear()
            self._totals.clear()
            if self._pages is not None:
                self._pages.clear()
        if self._load_kept is not None:
            self._load_kept.cache_clear()
        if self.marks is not None:
            self.marks.clear()

    def _facets(self, searcher, generation: int, main_query, request: SearchRequest,
                versions_total: int, total: int, exactly: bool = True,
                whole=lambda: False) -> dict[str, list[FacetValue]]:
        """Each facet's values shown for `request`, counted once per state of the index (`main_query()`:
        the request's compiled main query first)."""
        # Everything the counts depend on, and nothing else: not the page, the order or the reader's languages.
        key = (generation, replace(request, page=1, per_page=1, sort=None, prefer=()))
        # The values shown follow from the counts and the key's request alone: kept with them, and each
        # search gets copies (FacetValue is mutable).
        with self._counts_lock:
            shown = self._facet_cache.get(key)
        if shown is None:
            if whole():
                buckets, uncounted, estimated = self._count_leads(searcher, main_query()[0], request), {}, set()
            else:
                alone, versions = self._untranslated_versions(searcher, generation)
                buckets, uncounted, estimated = self._count_facets(searcher, main_query()[0], request,
                                                                   versions_total, total, exactly,
                                                                   untranslated=alone == versions)
            shown = {f: display_values(f, buckets[f], request, estimated=f in estimated,
                                       uncounted=uncounted.get(f, ()))
                     for f in buckets}
            with self._counts_lock:
                self._facet_cache[key] = shown
        return {f: [FacetValue(v.value, v.count, v.selected, v.excluded, v.estimated) for v in values]
                for f, values in shown.items()}

    # Facets are counted on this many threads at once: tantivy lets go of the interpreter while it
    # aggregates, so one search's facets are counted on several cores (147k, everything matching:
    # 274-309 ms on one thread, 158-176 ms on two).
    AGGREGATION_THREADS = max(1, min(2, os.cpu_count() or 1))
    # What counting a facet's values costs, relatively (147k, everything matching, each facet alone, in ms:
    # organisations 55, people 27, countries and topics 20, issuers 12, the others 5-8): the open
    # vocabularies hold the most values. The threads get even shares by these weights.
    COUNTING_COST = {"org": 55, "person": 27, "country": 20, "topic": 20, "issuer": 12}
    COUNTING_COST_OTHER = 7

    def _aggregate(self, searcher, query, aggs: dict, cost: dict[str, float] | None = None,
                   most: float | None = None) -> dict:
        """`searcher.aggregate(query, aggs)`, its named aggregations shared out among threads, each thread
        taking about as much of their `cost` (by name; else COUNTING_COST) as the others; with `most`, no
        call takes more than that (more calls than threads where needed)."""
        parts = min(self.AGGREGATION_THREADS, len(aggs))
        if parts < 2 and most is None:
            return searcher.aggregate(query, aggs)
        cost = cost or {name: self.COUNTING_COST.get(name, self.COUNTING_COST_OTHER) for name in aggs}
        shares: list[dict] = [{} for _ in range(max(1, parts))]
        loads = [0.0] * len(shares)
        for name in sorted(aggs, key=lambda name: -cost[name]):  # the costliest first, each to the least loaded
            least = loads.index(min(loads))
            if most is not None and shares[least] and loads[least] + cost[name] > most:
                shares.append({})
                loads.append(0.0)
                least = len(shares) - 1
            shares[least][name] = aggs[name]
            loads[least] += cost[name]
        shares = [share for share in shares if share]
        if len(shares) < 2:
            return searcher.aggregate(query, aggs)
        with self._helpers_lock:
            if self._helpers is None:  # one thread per request counting at once (the server's threads)
                self._helpers = ThreadPoolExecutor(max_workers=8, thread_name_prefix="facet-counts")
            helpers = self._helpers
        others = [helpers.submit(searcher.aggregate, query, share) for share in shares[1:]]
        result = dict(searcher.aggregate(query, shares[0]))
        for other in others:
            result.update(other.result())
        return result

    def _counted_over(self, main, request: SearchRequest) -> list[tuple[object, list[str], bool]]:
        """(query, facets, whether over what the search matches) for each set of facets counted together:
        the facets without a selection over what the search matches, each selected one without its own."""
        wanted = [f for f in NAMES if f in request.facets]
        selected = {f for f, _ in request.filters}
        shared = [f for f in wanted if f not in selected]
        return ([(self.compiler.narrow(main, request), shared, True)] if shared else []) + \
            [(self.compiler.narrow(main, request, skip=f), [f], False) for f in wanted if f in selected]

    def _count_leads(self, searcher, main, request: SearchRequest) -> dict[str, dict[str, int]]:
        """Counts of each facet with every filter but its own, for a request matching whole communiqués: the
        matching leads' group values, each lead one communiqué (exact, no counting by group)."""
        buckets: dict[str, dict[str, int]] = {}

        def count(query, facets):
            aggs = {f: _values(request, f, f"{f}_all") for f in facets}
            for f in facets:  # and the values selected, wherever they rank
                if request.selected(f):
                    aggs[f"{f}/selected"] = {"terms": {"field": f"{f}_all", "size": len(request.selected(f)),
                                                       "include": list(request.selected(f))}}
            result = self._aggregate(searcher, self._leads_of(query), aggs)
            for f in facets:
                buckets[f] = {b["key"]: b["doc_count"] for b in result[f]["buckets"]}
                if f"{f}/selected" in result:
                    buckets[f].update({b["key"]: b["doc_count"] for b in result[f"{f}/selected"]["buckets"]})

        for query, facets, _ in self._counted_over(main, request):
            count(query, facets)
        return {f: buckets[f] for f in NAMES if f in request.facets}

    def _count_facets(self, searcher, main, request: SearchRequest, versions_total: int, total: int,
                      exactly: bool = True, untranslated: bool = False):
        """Counts of each facet with every filter but its own (one aggregation for the unselected):
        (values and counts by facet, values left estimated by facet, the facets whose counts are estimates).

        Communiqués are estimated (HyperLogLog) to pick the values to show, then counted exactly for
        those when the search matched up to EXACT_FACETS versions (`versions_total`, of `total`
        communiqués, counted `exactly` or estimated). `untranslated`: no version in the index has a
        translation, so every facet counts versions.
        """
        wanted = [f for f in NAMES if f in request.facets]
        exact = request.versions or versions_total <= EXACT_FACETS
        # Every matching communiqué matched by one version alone (an archive without translations, a search
        # in one language): the matching versions are the communiqués, so counting versions counts them exactly.
        one_each = request.versions or (exactly and total == versions_total)
        buckets: dict[str, dict[str, int]] = {}
        uncounted: dict[str, set[str]] = {}  # values left estimated (beyond MAX_EXACT_VALUES)
        estimated: set[str] = set()

        def count(query, facets, matched: int = 0, by_version: bool = False):
            """Count `facets` over `query`, which matches `matched` versions (0: not known), each of them a
            communiqué of its own if `by_version`."""
            if not by_version and not exact:
                sampled = self._sampled_counts(searcher, query, facets, request, matched)
                if sampled is not None:
                    buckets.update(sampled)
                    estimated.update(facets)
                    return
            aggs = {f: _values(request, f) for f in facets}
            if not by_version:  # communiqués, not language versions
                for f in facets:
                    aggs[f]["aggs"] = GROUPS_ESTIMATED
            result = self._aggregate(searcher, query, aggs)
            for f in facets:
                buckets[f] = {b["key"]: int(b["groups"]["value"]) if "groups" in b else b["doc_count"]
                              for b in result[f]["buckets"]}
            if by_version:  # every value counted exactly
                return
            if not exact:
                estimated.update(facets)
                return
            listed = {f: to_count_exactly(f, buckets[f], request) for f in facets}
            uncounted.update({f: set(buckets[f]) - set(listed[f]) for f in facets})
            # An estimate below SURELY_EXACT_BELOW is the count (as the values left uncounted are shown):
            # the groups under each larger value are counted, by their 64-bit number (a number field
            # buckets in half the time of the group's text; only how many there are is read).
            # A value on every matching version (the year of a month's communiqués, the issuer's country
            # of one issuer's) is on every matching communiqué: it needs no counting.
            everywhere = {f: {b["key"] for b in result[f]["buckets"] if b["doc_count"] == matched}
                          for f in facets} if matched else {}
            chosen = {f: [v for v in listed[f] if buckets[f][v] >= SURELY_EXACT_BELOW
                          and v not in everywhere.get(f, ())] for f in facets}
            # Each value's groups cost about as much as its versions (the estimates) to gather and read, and
            # make as many buckets: the values go in parts of about an even share of them per thread, at most
            # EXACT_BUCKETS (tantivy aborts an aggregation past 65,000 buckets).
            load = sum(max(1, buckets[f][v]) for f in facets for v in chosen[f])
            share = max(1, min(EXACT_BUCKETS, -(-load // self.AGGREGATION_THREADS)))
            precise, cost = {}, {}
            for i, part in enumerate(in_chunks({f: chosen[f] for f in facets if chosen[f]}, buckets, share)):
                for f, values in part.items():
                    precise[f"{f}/{i}"] = {"terms": {"field": f, "size": len(values), "include": values},
                                           "aggs": {"groups": {"terms": {"field": "group_key", "size": EXACT_FACETS}}}}
                    cost[f"{f}/{i}"] = sum(max(1, buckets[f][v]) for v in values)
            result = self._aggregate(searcher, query, precise, cost, most=EXACT_BUCKETS) if precise else {}
            exact_by_facet: dict[str, dict[str, int]] = {}
            for name, found in result.items():
                exact_by_facet.setdefault(name.partition("/")[0], {}).update(
                    {b["key"]: len(b["groups"]["buckets"]) for b in found["buckets"]})
            for f in facets:
                if listed[f]:
                    exact_counts = exact_by_facet.get(f, {})
                    exact_counts.update(dict.fromkeys(everywhere.get(f, ()), total))
                    # The values further down keep their estimates (marked where they may be wrong).
                    buckets[f] = {v: exact_counts.get(v, c) for v, c in buckets[f].items()}

        for query, facets, matching in self._counted_over(main, request):
            if matching:
                count(query, facets, versions_total, by_version=one_each)
            else:
                count(query, facets, by_version=request.versions or untranslated)
        return {f: buckets[f] for f in wanted}, uncounted, estimated

    def _sampled_counts(self, searcher, query, facets: list[str], request: SearchRequest,
                        matched: int = 0) -> dict[str, dict[str, int]] | None:
        """Estimated communiqués of each value of `facets` over `query` (matching `matched` versions, 0: not
        known) from a sample of the communiqués (facets.sample_share); None: not sampled."""
        share = sample_share(matched or searcher.search(query, 1, count=True).count)
        if share is None:
            return None
        low, high = sample_bounds(share)
        sample = Q.boolean_query([(O.Must, query), (O.Must, Q.range_query(
            self.schema, "group_key", tantivy.FieldType.Integer, low, high))])
        versions = self._aggregate(searcher, query, {f: _values(request, f) for f in facets})
        in_sample = self._aggregate(searcher, sample, {f: {**_values(request, f), "aggs": GROUPS_ESTIMATED}
                                                       for f in facets})
        estimates: dict[str, dict[str, int]] = {}
        weak: dict[str, list[str]] = {}
        for f in facets:
            estimates[f], weak[f] = from_sample(
                f, {b["key"]: b["doc_count"] for b in versions[f]["buckets"]},
                {b["key"]: (b["groups"]["value"], b["doc_count"]) for b in in_sample[f]["buckets"]}, request)
        weak = {f: values for f, values in weak.items() if values}
        if weak:  # the likely shown values the sample says too little of: estimated over what holds them
            holding = Q.boolean_query([(O.Must, query), (O.Must, Q.boolean_query(
                [(O.Should, Q.term_set_query(self.schema, f, values)) for f, values in weak.items()]))])
            result = self._aggregate(searcher, holding, {
                f: {"terms": {"field": f, "size": len(values), "include": values}, "aggs": GROUPS_ESTIMATED}
                for f, values in weak.items()})
            for f in weak:
                estimates[f].update({b["key"]: int(b["groups"]["value"]) for b in result[f]["buckets"]})
        return estimates
