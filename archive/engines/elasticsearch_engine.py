"""The Elasticsearch engine: the same `Engine` interface over a cluster, via the official client.

Index design: versioned indices (`<alias>-v<time>`) behind one alias, created from
the template in es_template.json. A document fills a stemmed title/text pair of
its own language (others go to `*_other`), a Python-folded copy of title and text,
keyword fields for every facet and integer date keys — the same fields and the
same query semantics as the tantivy engine (one compiler, archive.engines.compiler).

The search body and the document source are built by the pure functions of
`es_body`; this module owns the client: connections, bulk writes with retries,
the alias, deep paging and error translation.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from typing import Iterable, Iterator

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk

from indexer.model import Communique

from ..config import SETTINGS
from ..query import MatchAll, QuerySyntaxError
from ..request import SearchRequest
from ..results import Hit, SearchResult
from ..terms import folded_field
from .base import Engine, EngineError, EngineStats, EngineUnavailable, IndexReport
from .es_body import MAX_WINDOW, build_body, load_template, parse_facets, skip_body, to_source
from .hits import hit_from_doc

log = logging.getLogger(__name__)
RETRY_STATUS = (429, 502, 503, 504)


# -- responses -----------------------------------------------------------------------------------

def complete(resp):
    """`resp` if it covers the whole index; EngineUnavailable if some shards did not answer.

    While a node is down, Elasticsearch answers a search from the shards it still
    has and reports the others in `_shards.failed`: lower totals and counts that
    look like an answer. A partial answer is an outage, never a result.
    """
    shards = resp.get("_shards") or {}
    failed = shards.get("failed") or 0
    if failed:
        failures = shards.get("failures") or [{}]
        cause = (failures[0].get("reason") or {}) if isinstance(failures[0], dict) else {}
        reason = cause.get("reason") or cause.get("type") or "no reason given"
        raise EngineUnavailable(f"Elasticsearch answered from only part of the index "
                                f"({failed} of {shards.get('total', '?')} shards failed: {reason})")
    if resp.get("timed_out"):
        raise EngineUnavailable("Elasticsearch timed out before every shard answered")
    return resp


# -- the client --------------------------------------------------------------------------------

def _reason(exc: ApiError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    causes = error.get("root_cause") or [error]
    return causes[0].get("reason") or error.get("reason") or str(exc.message)


class ElasticsearchEngine(Engine):
    name = "elasticsearch"

    def __init__(self, urls: list[str], alias: str = "communiques", *, api_key: str | None = None,
                 basic_auth: tuple[str, str] | None = None, ca_certs: str | None = None,
                 verify_certs: bool = True, timeout: float = 30.0, shards: int = 1, replicas: int = 0,
                 batch_size: int = 200):
        self.urls = urls
        self.alias = alias
        self.shards, self.replicas, self.batch_size = shards, replicas, batch_size
        self._client_options = dict(api_key=api_key, basic_auth=basic_auth, ca_certs=ca_certs,
                                    verify_certs=verify_certs, request_timeout=timeout,
                                    retry_on_timeout=True, max_retries=2)
        self._es: Elasticsearch | None = None
        self._ready = False

    @classmethod
    def from_config(cls, config: dict) -> "ElasticsearchEngine":
        def get(key):
            value = config.get(key)
            return SETTINGS[key][0] if value is None else value

        user, password = config.get("ELASTICSEARCH_USERNAME"), config.get("ELASTICSEARCH_PASSWORD")
        return cls(
            [u.strip() for u in str(get("ELASTICSEARCH_URL")).split(",") if u.strip()],
            alias=get("ELASTICSEARCH_INDEX"),
            api_key=config.get("ELASTICSEARCH_API_KEY") or None,
            basic_auth=(user, password or "") if user else None,
            ca_certs=config.get("ELASTICSEARCH_CA_CERTS") or None,
            verify_certs=bool(get("ELASTICSEARCH_VERIFY_CERTS")),
            timeout=float(get("ELASTICSEARCH_TIMEOUT")),
            shards=int(get("ELASTICSEARCH_SHARDS")),
            replicas=int(get("ELASTICSEARCH_REPLICAS")),
            batch_size=int(get("INDEX_BATCH_SIZE")),
        )

    @contextmanager
    def _calls(self, query: bool = False):
        """Translate client errors: outage -> EngineUnavailable, a refused query -> QuerySyntaxError."""
        try:
            yield
        except TransportError as exc:
            raise EngineUnavailable(f"Elasticsearch at {', '.join(self.urls)} cannot be reached: {exc}") from exc
        except ApiError as exc:
            if exc.meta.status in RETRY_STATUS or exc.meta.status >= 500:
                raise EngineUnavailable(f"Elasticsearch is unavailable ({exc.meta.status}): {_reason(exc)}") from exc
            if query and exc.meta.status == 400:
                raise QuerySyntaxError(f"The search engine could not run this query: {_reason(exc)}") from exc
            raise EngineError(f"Elasticsearch refused the request ({exc.meta.status}): {_reason(exc)}") from exc

    @property
    def es(self) -> Elasticsearch:
        """The client (its major version, 8, matches the server's), made on first use."""
        if self._es is None:
            self._es = Elasticsearch(self.urls, **self._client_options)
        return self._es

    # -- indices and the alias ---------------------------------------------------------------

    def _template_body(self) -> dict:
        body = load_template()
        body["index_patterns"] = [f"{self.alias}-v*"]
        body["template"]["settings"]["index"].update(
            number_of_shards=self.shards, number_of_replicas=self.replicas)
        return body

    def _new_index(self) -> str:
        name = f"{self.alias}-v{time.strftime('%Y%m%d%H%M%S')}{time.time_ns() % 1_000_000:06d}"
        with self._calls():
            self.es.indices.create(index=name)
        return name

    def _ensure_index(self) -> None:
        if self._ready:
            return
        with self._calls():
            self.es.indices.put_index_template(name=f"{self.alias}-template", **self._template_body())
            if not self.es.indices.exists_alias(name=self.alias):
                index = self._new_index()
                self.es.indices.put_alias(index=index, name=self.alias)
        self._ready = True

    def _aliased(self) -> list[str]:
        with self._calls():
            try:
                return sorted(self.es.indices.get_alias(name=self.alias))
            except NotFoundError:
                return []

    def _swap_alias(self, new_index: str, extra: list[dict] = ()) -> None:
        """Point the alias at `new_index` in one atomic call, then delete the indices it left."""
        old = [i for i in self._aliased() if i != new_index]
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        actions.extend(extra)
        with self._calls():
            self.es.indices.update_aliases(actions=actions)
            if old:
                self.es.indices.delete(index=",".join(old))

    @property
    def _reindex_marker(self) -> str:
        """An alias on the index a reindex is filling, there only while it runs."""
        return f"{self.alias}-reindexing"

    def _refuse_writes_during_reindex(self) -> None:
        with self._calls():
            running = self.es.indices.exists_alias(name=self._reindex_marker)
        if running:
            raise EngineError(
                f"A reindex of {self.alias} is running: a write now would be lost with the old index. "
                "Run this again when it has finished (after a crashed reindex: `archive reindex --force`).")

    def reindex(self, force: bool = False) -> str:
        """Copy every document into a new versioned index and swap the alias to it; returns its name.

        Searches keep running on the old index until the swap. Writes are refused
        while it runs (they would go to the old index and be lost with it); `force`
        first removes what a crashed reindex left behind.
        """
        self._ensure_index()
        with self._calls():
            if self.es.indices.exists_alias(name=self._reindex_marker):
                if not force:
                    raise EngineError(f"Another reindex of {self.alias} is running (or one crashed: "
                                      "use `archive reindex --force` if none is running).")
                leftover = sorted(self.es.indices.get_alias(name=self._reindex_marker))
                self.es.indices.delete(index=",".join(leftover))
        new_index = self._new_index()
        with self._calls():
            self.es.indices.put_alias(index=new_index, name=self._reindex_marker)
        report = self._bulk(({"_op_type": "index", "_index": new_index, "_id": d.id, "_source": to_source(d)}
                             for d in self.iter_documents()), refresh_index=new_index)
        if report.errors:
            with self._calls():
                self.es.indices.delete(index=new_index)
            raise EngineError(f"Reindexing failed for {len(report.errors)} documents, e.g. {report.errors[0]}")
        self._swap_alias(new_index, extra=[{"remove": {"index": new_index, "alias": self._reindex_marker}}])
        return new_index

    def clear(self) -> None:
        """Swap in a new empty index (delete_by_query is not in every distribution)."""
        self._ensure_index()
        self._swap_alias(self._new_index())

    def drop(self) -> None:
        """Remove the alias, its indices and the template (for tests and uninstalling)."""
        with self._calls():
            indices = self._aliased()
            if indices:
                self.es.indices.delete(index=",".join(indices))
            try:
                self.es.indices.delete_index_template(name=f"{self.alias}-template")
            except NotFoundError:
                pass
        self._ready = False

    def stats(self) -> EngineStats:
        location = f"{', '.join(self.urls)} (alias {self.alias})"
        indices = self._aliased()
        if not indices:
            return EngineStats(self.name, location, 0, details={"indices": []})
        return EngineStats(self.name, location, self.count(), details={"indices": indices})

    def close(self) -> None:
        if self._es is not None:
            self._es.close()
            self._es = None

    # -- writing -----------------------------------------------------------------------------

    def _bulk(self, actions: Iterable[dict], refresh_index: str) -> IndexReport:
        report = IndexReport()
        with self._calls():
            for ok, item in streaming_bulk(self.es, actions, chunk_size=self.batch_size, max_retries=5,
                                           initial_backoff=0.5, max_backoff=10, retry_on_status=RETRY_STATUS,
                                           raise_on_error=False):
                op, info = next(iter(item.items()))
                if ok:
                    report.indexed += op != "delete"
                elif not (op == "delete" and info.get("status") == 404):
                    error = info.get("error") or {}
                    reason = error.get("reason") if isinstance(error, dict) else str(error)
                    kind = error.get("type", "error") if isinstance(error, dict) else "error"
                    report.errors.append((str(info.get("_id", "")), f"{kind}: {reason}"))
            self.es.indices.refresh(index=refresh_index)
        return report

    def index(self, docs: Iterable[Communique]) -> IndexReport:
        self._ensure_index()
        self._refuse_writes_during_reindex()
        missing: list[tuple[str, str]] = []

        def actions():
            for doc in docs:
                if not doc.id:
                    missing.append(("", f"{doc.source}: document has no id"))
                    continue
                yield {"_op_type": "index", "_index": self.alias, "_id": doc.id, "_source": to_source(doc)}

        report = self._bulk(actions(), refresh_index=self.alias)
        report.errors = missing + report.errors
        return report

    def delete(self, ids: Iterable[str]) -> None:
        self._ensure_index()
        self._refuse_writes_during_reindex()
        report = self._bulk(({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids),
                            refresh_index=self.alias)
        if report.errors:
            raise EngineError(f"Could not delete {len(report.errors)} documents, e.g. {report.errors[0]}")

    # -- reading -----------------------------------------------------------------------------

    def get(self, doc_id: str) -> Communique | None:
        self._ensure_index()
        with self._calls():
            try:
                found = self.es.get(index=self.alias, id=doc_id)
            except NotFoundError:
                return None
        return Communique.from_dict(found["_source"])

    def count(self) -> int:
        self._ensure_index()
        with self._calls():
            return int(complete(self.es.count(index=self.alias))["count"])

    def _walk(self, query: dict, sort: list, page_size: int = 500) -> Iterator[dict]:
        """Every hit of `query` in `sort` order, through a point in time and search_after."""
        with self._calls():
            pit = self.es.open_point_in_time(index=self.alias, keep_alive="2m")["id"]
        try:
            after = None
            while True:
                with self._calls():
                    resp = complete(self.es.search(query=query, sort=sort, size=page_size, search_after=after,
                                                   pit={"id": pit, "keep_alive": "2m"}, track_total_hits=False,
                                                   allow_partial_search_results=False))
                hits = resp["hits"]["hits"]
                yield from hits
                if len(hits) < page_size:
                    return
                pit, after = resp.get("pit_id", pit), hits[-1]["sort"]
        finally:
            try:
                self.es.close_point_in_time(id=pit)
            except (ApiError, TransportError):
                pass  # it expires by itself

    def iter_documents(self) -> Iterator[Communique]:
        self._ensure_index()
        for hit in self._walk({"match_all": {}}, [{"search.date_asc": "asc"}, {"id": "asc"}]):
            yield Communique.from_dict(hit["_source"])

    def translations(self, doc: Communique) -> list[Communique]:
        if not doc.translation_group:
            return []
        self._ensure_index()
        with self._calls():
            resp = complete(self.es.search(index=self.alias, size=100, allow_partial_search_results=False,
                                           query={"term": {"translation_group": doc.translation_group}}))
        docs = [Communique.from_dict(h["_source"]) for h in resp["hits"]["hits"]]
        return sorted((d for d in docs if d.id != doc.id), key=lambda d: (d.language or "", d.id))

    def more_like_this(self, doc_id: str, limit: int = 5) -> list[Hit]:
        doc = self.get(doc_id)
        if doc is None:
            return []
        query = {"bool": {
            "must": [{"more_like_this": {
                "fields": ["search.text_folded"], "like": folded_field(doc.title + "\n" + doc.text),
                "min_term_freq": 1, "min_doc_freq": 2, "max_query_terms": 25, "min_word_length": 4}}],
            # Its own translations are listed apart on the page, and its exact copies are merged.
            "must_not": [{"term": {"id": doc.id}}] + [{"term": {f: v}} for f, v in (
                ("content_hash", doc.content_hash), ("translation_group", doc.translation_group)) if v],
        }}
        with self._calls():
            resp = complete(self.es.search(index=self.alias, size=limit, query=query,
                                           allow_partial_search_results=False))
        return [hit_from_doc(Communique.from_dict(h["_source"]), MatchAll(), score=h["_score"])
                for h in resp["hits"]["hits"]]

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        body = build_body(request)  # raises QuerySyntaxError before any call
        self._ensure_index()
        if request.offset + request.per_page > MAX_WINDOW:
            resp = self._deep_page(request)
        else:
            with self._calls(query=True):
                resp = complete(self.es.search(index=self.alias, allow_partial_search_results=False, **body))
        by_score = request.sort == "relevance"
        hits = [hit_from_doc(Communique.from_dict(h["_source"]), request.query.highlight,
                             score=h.get("_score") if by_score else None) for h in resp["hits"]["hits"]]
        return SearchResult(total=resp["hits"]["total"]["value"], hits=hits,
                            facets=parse_facets(resp.get("aggregations") or {}, request),
                            page=request.page, per_page=request.per_page,
                            expansions=list(request.query.expansions),
                            took_ms=(time.perf_counter() - started) * 1000)

    def _deep_page(self, request: SearchRequest):
        """A page past max_result_window: walk to it with search_after inside one point in time."""
        with self._calls():
            pit = self.es.open_point_in_time(index=self.alias, keep_alive="2m")["id"]
        try:
            after, remaining = None, request.offset
            while remaining > 0:
                step = min(remaining, MAX_WINDOW)
                with self._calls(query=True):
                    resp = complete(self.es.search(pit={"id": pit, "keep_alive": "2m"},
                                                   filter_path="hits.hits.sort,pit_id,_shards,timed_out",
                                                   allow_partial_search_results=False,
                                                   **skip_body(request, step, after)))
                hits = (resp.get("hits") or {}).get("hits") or []
                pit = resp.get("pit_id", pit)
                if len(hits) < step:  # the page lies past the end: no hits, but real totals and facets
                    body = dict(build_body(request), size=0, **{"from": 0})
                    break
                after, remaining = hits[-1]["sort"], remaining - step
            else:
                body = build_body(request, search_after=after)
            with self._calls(query=True):
                return complete(self.es.search(pit={"id": pit, "keep_alive": "2m"},
                                               allow_partial_search_results=False, **body))
        finally:
            try:
                self.es.close_point_in_time(id=pit)
            except (ApiError, TransportError):
                pass
