"""The engine for search clusters (Elasticsearch, OpenSearch): one implementation, a client adapter each.

Index design: versioned indices (`<alias>-v<time>`) behind one alias, created
from the archive's index template (es_body.load_template: whitespace-split
fields per language slot and folded fields holding tokens made in Python, a
keyword field per facet, date keys). The template is installed by an explicit
step (`archive engine setup`, or the first `archive index` into an empty
cluster); it carries a version and a priority, and is never put again over
what an administrator changed. Each index records the version it was made
from; `stats`, and a search the index cannot answer, report a template or an
index that differs from what this version expects.

Least privilege: searching reads the alias only (no template or index writes
on the search path); indexing writes documents into the alias; setting up,
reindexing and dropping are administration (README lists the privileges).
The product's own client sits behind a `ClusterAPI`; everything else (bodies,
bulk writes with retries and per-document errors, deep paging, outages and
refusals in one clear line) is written once here.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
from abc import ABC, abstractmethod
from contextlib import contextmanager
from typing import Any, ContextManager, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

from indexer.model import Communique

from ..collapse import group_of
from ..query import MatchAll, QuerySyntaxError
from ..request import SearchRequest
from ..results import Hit, SearchResult
from ..terms import folded_field
from ..config import SETTINGS
from .base import Engine, EngineError, EngineStats, EngineUnavailable, IndexReport
from ..facets import EXACT_BUCKETS, EXACT_FACETS, display_values, in_chunks, sample_share, to_count_exactly
from .es_body import (EXACT_BELOW, EXPORT_SORT, GROUP_FIELD, MAX_WINDOW, build_body, by_version, communiques,
                      count_aggregations, exact_counts_body, facet_counts, from_sampled, held_counts_body,
                      load_template, matching_query, members_body, skip_body, to_source, translated_aggregations,
                      without_translations)
from .hits import hit_from_doc, hits_shown

log = logging.getLogger(__name__)
RETRY_STATUS = (429, 502, 503, 504)
TEMPLATE_PRIORITY = 200  # above a catch-all template an administrator may have
TEMPLATE_META = "archive_template_version"  # in each index's mapping `_meta`: the template it was made from


def template_version(body: dict) -> int:
    """A number that changes whenever the template this version of the archive writes changes, or the
    terms it indexes (archive.terms.TERMS_VERSION): either way the indices must be rebuilt."""
    from ..terms import TERMS_VERSION

    digest = hashlib.sha256(json.dumps([body, TERMS_VERSION], sort_keys=True).encode()).hexdigest()
    return int(digest[:7], 16)


def without_credentials(url: str) -> str:
    """A URL as it may be shown: no user or password in it."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


class ApiFailure(Exception):
    """A client error, described the same way for every product (raised by a ClusterAPI)."""

    def __init__(self, status: int | None, reason: str, tls: bool = False):
        super().__init__(reason)
        self.status, self.reason, self.tls = status, reason, tls


class ClusterAPI(ABC):
    """The calls the cluster engine makes, spelt for one product's official client.

    Every method raises `ApiFailure` (status None: the cluster could not be reached) for
    what goes wrong, so the engine turns it into one clear message.
    """

    product = "cluster"

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def put_template(self, name: str, body: dict) -> None: ...

    @abstractmethod
    def get_template(self, name: str) -> dict | None: ...

    @abstractmethod
    def delete_template(self, name: str) -> None: ...

    @abstractmethod
    def mapping_meta(self, index: str) -> dict[str, dict]:
        """Index name -> the `_meta` of its mapping, for every index `index` names."""

    @abstractmethod
    def create_index(self, name: str) -> None: ...

    @abstractmethod
    def delete_indices(self, names: list[str]) -> None: ...

    @abstractmethod
    def refresh(self, index: str) -> None: ...

    @abstractmethod
    def aliased(self, alias: str) -> list[str]:
        """The indices behind `alias` ([] when there is none)."""

    @abstractmethod
    def put_alias(self, index: str, alias: str) -> None: ...

    @abstractmethod
    def update_aliases(self, actions: list[dict]) -> None: ...

    @abstractmethod
    def bulk(self, actions: Iterable[dict], chunk_size: int) -> Iterator[tuple[bool, dict]]:
        """(ok, item) per action, retrying 429 and 5xx answers with backoff."""

    @abstractmethod
    def get(self, index: str, doc_id: str) -> dict | None: ...

    @abstractmethod
    def count(self, index: str) -> dict: ...

    @abstractmethod
    def search(self, body: dict, index: str | None = None, filter_path: str | None = None,
               cache: bool = False) -> dict:
        """A search that refuses partial results (index None: the body names a point in time); `cache`:
        answered from the cluster's shard request cache when it holds the same body for the same data
        (only for bodies without hits, `size` 0)."""

    @abstractmethod
    def open_pit(self, index: str, keep_alive: str) -> str: ...

    @abstractmethod
    def close_pit(self, pit_id: str) -> None: ...


class SharedIndexCalls(ClusterAPI):
    """The index administration calls that both official clients spell alike (`client.indices.*`);
    a product's API supplies `indices`, `not_found` and `_translated` (its errors as ApiFailure)."""

    not_found: type[Exception] = Exception

    @property
    @abstractmethod
    def indices(self) -> Any:
        """The client's `indices` namespace."""

    @abstractmethod
    def _translated(self) -> ContextManager[None]: ...

    def get_template(self, name: str) -> dict | None:
        with self._translated():
            try:
                found = self.indices.get_index_template(name=name)
            except self.not_found:
                return None
        templates = found.get("index_templates") or []
        return templates[0]["index_template"] if templates else None

    def delete_template(self, name: str) -> None:
        with self._translated():
            try:
                self.indices.delete_index_template(name=name)
            except self.not_found:
                pass

    def mapping_meta(self, index: str) -> dict[str, dict]:
        with self._translated():
            found = self.indices.get_mapping(index=index)
        return {name: (body.get("mappings") or {}).get("_meta") or {} for name, body in found.items()}

    def create_index(self, name: str) -> None:
        with self._translated():
            self.indices.create(index=name)

    def delete_indices(self, names: list[str]) -> None:
        with self._translated():
            self.indices.delete(index=",".join(names))

    def refresh(self, index: str) -> None:
        with self._translated():
            self.indices.refresh(index=index)

    def aliased(self, alias: str) -> list[str]:
        with self._translated():
            try:
                return list(self.indices.get_alias(name=alias))
            except self.not_found:
                return []

    def put_alias(self, index: str, alias: str) -> None:
        with self._translated():
            self.indices.put_alias(index=index, name=alias)


def complete(resp: dict) -> dict:
    """`resp` if it covers the whole index; EngineUnavailable if some shards did not answer.

    While a node is down, a cluster answers a search from the shards it still
    has and reports the others in `_shards.failed`: lower totals and counts that
    look like an answer. A partial answer is an outage, never a result.
    """
    shards = resp.get("_shards") or {}
    failed = shards.get("failed") or 0
    if failed:
        failures = shards.get("failures") or [{}]
        cause = (failures[0].get("reason") or {}) if isinstance(failures[0], dict) else {}
        reason = cause.get("reason") or cause.get("type") or "no reason given"
        raise EngineUnavailable(f"the cluster answered from only part of the index "
                                f"({failed} of {shards.get('total', '?')} shards failed: {reason})")
    if resp.get("timed_out"):
        raise EngineUnavailable("the cluster timed out before every shard answered")
    return resp


class ClusterEngine(Engine):
    """The `Engine` interface over a search cluster; `api` is the product's client adapter."""

    name = "cluster"
    settings_prefix = "CLUSTER"

    def __init__(self, api: ClusterAPI, urls: list[str], alias: str = "communiques", shards: int = 1,
                 replicas: int | None = None, batch_size: int = SETTINGS["INDEX_BATCH_SIZE"][0]):  # type: ignore[assignment]
        self.api = api
        self.urls = [without_credentials(u) for u in urls]
        self.alias = alias
        self.shards, self.replicas, self.batch_size = shards, replicas, batch_size

    # -- errors ------------------------------------------------------------------------------

    @contextmanager
    def _calls(self, doing: str = "answer", query: bool = False):
        """Client failures as one clear line: outage -> EngineUnavailable, a refused query -> QuerySyntaxError."""
        try:
            yield
        except ApiFailure as exc:
            raise self._failure(exc, doing, query) from exc

    def _failure(self, exc: ApiFailure, doing: str, query: bool) -> Exception:
        where = f"{self.api.product} at {', '.join(self.urls)}"
        if exc.status is None:
            if exc.tls:
                return EngineUnavailable(f"{where}: the TLS connection failed ({exc.reason}); set "
                                         f"ARCHIVE_{self.settings_prefix}_CA_CERTS to the cluster's CA certificate")
            return EngineUnavailable(f"{where} cannot be reached ({exc.reason})")
        if exc.status == 401:
            return EngineError(f"{where} refused the credentials (401): check ARCHIVE_{self.settings_prefix}_API_KEY "
                               f"or _USERNAME and _PASSWORD")
        if exc.status == 403:
            return EngineError(f"{where} does not allow this user to {doing} (403: {exc.reason}); "
                               "README, 'Cluster privileges', lists what each task needs")
        if exc.status in RETRY_STATUS or exc.status >= 500:
            return EngineUnavailable(f"{where} is unavailable ({exc.status}): {exc.reason}")
        if exc.status == 404:
            return EngineError(f"{where} has no index {self.alias!r} yet: run `archive index` "
                               "(or `archive engine setup`) first")
        if query and exc.status == 400:
            problem = self._quiet_template_problem()
            if problem:  # the index does not have the fields this version searches: not the query's fault
                return EngineError(f"{where} could not run this search ({exc.reason}): {problem}")
            return QuerySyntaxError(f"The search engine could not run this query: {exc.reason}")
        return EngineError(f"{where} refused to {doing} ({exc.status}): {exc.reason}")

    # -- the template, indices and the alias (administration) ---------------------------------

    @property
    def template_name(self) -> str:
        return f"{self.alias}-template"

    def template_body(self) -> dict:
        body = load_template()
        body["index_patterns"] = [f"{self.alias}-v*"]
        index = body["template"]["settings"]["index"]
        index["number_of_shards"] = self.shards
        if self.replicas is None:
            index["auto_expand_replicas"] = "0-1"  # one replica on a cluster, none on a single node
        else:
            index["number_of_replicas"] = self.replicas
        body["priority"] = TEMPLATE_PRIORITY
        body["version"] = template_version(body)
        body["template"]["mappings"]["_meta"] = {TEMPLATE_META: body["version"]}  # each index records it
        return body

    def template_problem(self) -> str | None:
        """Why the installed template is not the one this version expects, or None."""
        with self._calls("read the index template"):
            installed = self.api.get_template(self.template_name)
        if installed is None:
            return f"the index template {self.template_name} is missing: run `archive engine setup`"
        if installed.get("version") != self.template_body()["version"]:
            return (f"the index template {self.template_name} differs from the one this version of the archive "
                    "writes (version {}, expected {}): run `archive engine setup` to replace it, then "
                    "`archive reindex`".format(installed.get("version"), self.template_body()["version"]))
        return None

    def index_problem(self) -> str | None:
        """Why an index behind the alias was not made from the template this version expects, or None."""
        expected = self.template_body()["version"]
        with self._calls("read the index mappings"):
            metas = self.api.mapping_meta(self.alias)
        for index, meta in sorted(metas.items()):
            made = meta.get(TEMPLATE_META)
            if made != expected:
                return (f"the index {index} was made from {'another' if made else 'an older'} template than this "
                        f"version of the archive writes (version {made or 'unknown'}, expected {expected}): "
                        "run `archive reindex`")
        return None

    def _quiet_template_problem(self) -> str | None:
        """The template's problem, else the index's, or None when they cannot be checked (a search-only
        user may not read templates or mappings: that is not a problem of the index)."""
        try:
            return self.template_problem() or self.index_problem()
        except EngineError as exc:
            log.info("template not checked: %s", exc)
            return None

    def setup(self, replace_template: bool = True) -> list[str]:
        """Install the template (replacing a different one if asked) and the first index behind the alias."""
        done = []
        with self._calls("set up the index template"):
            installed = self.api.get_template(self.template_name)
            wanted = self.template_body()
            if installed is None or (replace_template and installed.get("version") != wanted["version"]):
                self.api.put_template(self.template_name, wanted)
                done.append(f"index template {self.template_name} (version {wanted['version']})")
        with self._calls("create the index"):
            if not self.api.aliased(self.alias):
                index = self._new_index()
                self.api.put_alias(index, self.alias)
                done.append(f"index {index} behind the alias {self.alias}")
        return done

    def _new_index(self) -> str:
        name = f"{self.alias}-v{time.strftime('%Y%m%d%H%M%S')}{time.time_ns() % 1_000_000:06d}"
        with self._calls("create an index"):
            self.api.create_index(name)
        return name

    def _aliased(self) -> list[str]:
        with self._calls("read the alias"):
            return sorted(self.api.aliased(self.alias))

    def _swap_alias(self, new_index: str, extra: list[dict] = ()) -> None:
        """Point the alias at `new_index` in one atomic call, then delete the indices it left."""
        old = [i for i in self._aliased() if i != new_index]
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        actions.extend(extra)
        with self._calls("swap the alias"):
            self.api.update_aliases(actions)
            if old:
                self.api.delete_indices(old)

    @property
    def _reindex_marker(self) -> str:
        """An alias on the index a reindex is filling, there only while it runs."""
        return f"{self.alias}-reindexing"

    def _refuse_writes_during_reindex(self) -> None:
        with self._calls("read the alias"):
            running = bool(self.api.aliased(self._reindex_marker))
        if running:
            raise EngineError(
                f"A reindex of {self.alias} is running: a write now would be lost with the old index. "
                "Run this again when it has finished (after a crashed reindex: `archive reindex --force`).")

    def reindex(self, force: bool = False) -> str:
        """Copy every document into a new versioned index and swap the alias to it; returns its name.

        Searches keep running on the old index until the swap. Writes are refused
        while it runs (they would go to the old index and be lost with it); `force`
        first removes what a crashed reindex left behind. The template is set up first.
        """
        self.setup()
        with self._calls("reindex"):
            leftover = self.api.aliased(self._reindex_marker)
            if leftover:
                if not force:
                    raise EngineError(f"Another reindex of {self.alias} is running (or one crashed: "
                                      "use `archive reindex --force` if none is running).")
                self.api.delete_indices(sorted(leftover))
        new_index = self._new_index()
        with self._calls("reindex"):
            self.api.put_alias(new_index, self._reindex_marker)
        report = self._bulk(({"_op_type": "index", "_index": new_index, "_id": d.id, "_source": to_source(d)}
                             for d in self.iter_documents()), refresh_index=new_index)
        if report.errors:
            with self._calls("reindex"):
                self.api.delete_indices([new_index])
            raise EngineError(f"Reindexing failed for {len(report.errors)} documents, e.g. {report.errors[0]}")
        self._swap_alias(new_index, extra=[{"remove": {"index": new_index, "alias": self._reindex_marker}}])
        return new_index

    def clear(self) -> None:
        """Swap in a new empty index (delete_by_query is not in every distribution)."""
        self.setup(replace_template=False)
        self._swap_alias(self._new_index())

    def drop(self) -> None:
        """Remove the alias, its indices and the template (for tests and uninstalling)."""
        indices = self._aliased()
        with self._calls("drop the index"):
            if indices:
                self.api.delete_indices(indices)
            self.api.delete_template(self.template_name)

    def stats(self) -> EngineStats:
        location = f"{', '.join(self.urls)} (alias {self.alias})"
        indices = self._aliased()
        if not indices:
            return EngineStats(self.name, location, 0, problem=(
                f"there is no index {self.alias!r} yet: run `archive index` (or `archive engine setup`)"))
        return EngineStats(self.name, location, self.count(), problem=self._quiet_template_problem(),
                           details={"indices": indices})

    def close(self) -> None:
        self.api.close()

    # -- writing -----------------------------------------------------------------------------

    def _bulk(self, actions: Iterable[dict], refresh_index: str) -> IndexReport:
        report = IndexReport()
        with self._calls("write documents"):
            for ok, item in self.api.bulk(actions, self.batch_size):
                op, info = next(iter(item.items()))
                if ok:
                    report.indexed += op != "delete"
                elif not (op == "delete" and info.get("status") == 404):
                    error = info.get("error") or {}
                    reason = error.get("reason") if isinstance(error, dict) else str(error)
                    kind = error.get("type", "error") if isinstance(error, dict) else "error"
                    report.errors.append((str(info.get("_id", "")), f"{kind}: {reason}"))
            self.api.refresh(refresh_index)
        return report

    def _ready_for_writes(self) -> None:
        if not self._aliased():
            self.setup(replace_template=False)  # the first run into an empty cluster
        self._refuse_writes_during_reindex()

    def index(self, docs: Iterable[Communique]) -> IndexReport:
        self._ready_for_writes()
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
        self._ready_for_writes()
        report = self._bulk(({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids),
                            refresh_index=self.alias)
        if report.errors:
            raise EngineError(f"Could not delete {len(report.errors)} documents, e.g. {report.errors[0]}")

    # -- reading (the alias only) ----------------------------------------------------------------

    def get(self, doc_id: str) -> Communique | None:
        with self._calls("read a document"):
            found = self.api.get(self.alias, doc_id)
        return Communique.from_dict(found["_source"]) if found else None

    def count(self) -> int:
        with self._calls("count documents"):
            return int(complete(self.api.count(self.alias))["count"])

    def newest_added(self) -> str | None:
        body = {"size": 1, "query": {"match_all": {}}, "sort": [{"search.added": "desc"}], "_source": ["added"],
                "track_total_hits": False}
        with self._calls("search"):
            hits = complete(self.api.search(body, index=self.alias))["hits"]["hits"]
        return hits[0]["_source"].get("added") if hits else None

    def _walk(self, query: dict, sort: list, page_size: int = 500) -> Iterator[dict]:
        """Every hit of `query` in `sort` order, through a point in time and search_after."""
        with self._calls("search"):
            pit = self.api.open_pit(self.alias, "2m")
        try:
            after = None
            while True:
                body = {"query": query, "sort": sort, "size": page_size, "track_total_hits": False,
                        "pit": {"id": pit, "keep_alive": "2m"}}
                if after is not None:
                    body["search_after"] = after
                with self._calls("search"):
                    resp = complete(self.api.search(body))
                hits = resp["hits"]["hits"]
                yield from hits
                if len(hits) < page_size:
                    return
                pit, after = resp.get("pit_id", pit), hits[-1]["sort"]
        finally:
            self._close_pit(pit)

    def _close_pit(self, pit: str) -> None:
        try:
            self.api.close_pit(pit)
        except ApiFailure:
            pass  # it expires by itself

    def iter_matching(self, request: SearchRequest) -> Iterator[Communique]:
        for hit in self._walk(matching_query(request), EXPORT_SORT, page_size=1000):
            yield Communique.from_dict(hit["_source"])

    def iter_documents(self) -> Iterator[Communique]:
        for hit in self._walk({"match_all": {}}, [{"search.date_asc": "asc"}, {"id": "asc"}]):
            yield Communique.from_dict(hit["_source"])

    def translations(self, doc: Communique) -> list[Communique]:
        if not doc.translation_group:
            return []
        with self._calls("search"):
            resp = complete(self.api.search({"size": 100, "query": {"term": {"translation_group": doc.translation_group}}},
                                            index=self.alias))
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
        with self._calls("search"):
            resp = complete(self.api.search({"size": limit, "query": query}, index=self.alias))
        return [hit_from_doc(Communique.from_dict(h["_source"]), MatchAll(), score=h["_score"])
                for h in resp["hits"]["hits"]]

    def near_word(self, folded_word: str, limit: int = 20) -> list[Communique]:
        query = {"fuzzy": {"search.text_folded": {"value": folded_word, "fuzziness": 2, "transpositions": True}}}
        with self._calls("search"):
            resp = complete(self.api.search({"size": limit, "query": query}, index=self.alias))
        return [Communique.from_dict(h["_source"]) for h in resp["hits"]["hits"]]

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        body = build_body(request)  # raises QuerySyntaxError before any call
        alone = nowhere = False
        if request.offset + request.per_page > MAX_WINDOW:
            resp, ranked = self._deep_page(request)
        else:
            # The page, then the counts apart (`size` 0): the cluster keeps those in its shard request
            # cache until the index changes, so paging, sorting and coming back to a search count
            # nothing again (its own way of doing what the embedded engine's facet cache does).
            # (Counted once the page says how many versions match: `_count_aggregations`.)
            del body["aggs"]
            counts = {"query": body["query"], "size": 0, "track_total_hits": False}
            if not request.versions:  # whether any matching version has translations, asked with the page
                body["aggs"] = translated_aggregations(request)
            with self._calls("search", query=True):
                resp = complete(self.api.search(body, index=self.alias))
                alone, nowhere = without_translations(resp.pop("aggregations", None) or {})
                if alone:
                    # Each matching communiqué is one version: counting versions counts them, exactly.
                    counts["aggs"] = count_aggregations(request, untranslated=True, nowhere=nowhere)
                else:
                    counts["aggs"] = self._count_aggregations(request, resp["hits"]["total"]["value"])
                if counts["aggs"]:
                    resp["aggregations"] = complete(self.api.search(counts, index=self.alias, cache=True)).get(
                        "aggregations")
            ranked = [self._versions(h, request) for h in resp["hits"]["hits"]]
        hits = hits_shown(ranked, request, self.marks)
        aggregations = resp.get("aggregations") or {}
        versions_total = resp["hits"]["total"]["value"]
        grouped = None if request.versions or alone else communiques(aggregations)
        return SearchResult(total=versions_total if grouped is None else grouped,
                            hits=hits, facets=self._facets(aggregations, request, versions_total, alone, nowhere),
                            page=request.page, per_page=request.per_page, versions_total=versions_total,
                            total_estimated=grouped is not None and grouped > EXACT_BELOW,
                            expansions=list(request.query.expansions),
                            took_ms=(time.perf_counter() - started) * 1000)

    @staticmethod
    def _count_aggregations(request: SearchRequest, versions_total: int) -> dict:
        """The counts' aggregations of a search matching `versions_total` versions (some of them
        translated): past EXACT_FACETS, and where a sample is worth it (facets.sample_share), each
        value's communiqués estimated in a sample of the communiqués."""
        if request.versions or versions_total <= EXACT_FACETS:
            return count_aggregations(request)
        return count_aggregations(request, sample=sample_share(versions_total, cluster=True))

    def _facets(self, aggregations: dict, request: SearchRequest, versions_total: int,
                untranslated: bool = False, nowhere: bool = False) -> dict:
        """Facet values; communiqués estimated by cardinality, then counted exactly for the values
        likely shown when the search matched up to EXACT_FACETS versions (as the embedded engine does).
        `untranslated` (no matching version has a translation; `nowhere`: no version of the index): the
        facets counted by version are exact already (see `by_version`)."""
        counts = facet_counts(aggregations, request)
        weak = from_sampled(aggregations, request, counts)
        if weak:  # likely shown values the sample said too little of: estimated over what holds them
            with self._calls("search", query=True):
                held = complete(self.api.search(held_counts_body(request, weak), index=self.alias, cache=True))
            for name, found in facet_counts(held.get("aggregations") or {}, request).items():
                counts[name].update(found)
        as_versions = by_version(request, untranslated, nowhere)
        exact = versions_total <= EXACT_FACETS
        uncounted: dict[str, set[str]] = {}
        grouped = {name: found for name, found in counts.items() if name not in as_versions}
        if exact and grouped:
            chosen = {name: to_count_exactly(name, found, request) for name, found in grouped.items()}
            uncounted = {name: set(counts[name]) - set(values) for name, values in chosen.items()}
            # In parts that each make at most EXACT_BUCKETS buckets (one per value and communiqué): the
            # cluster refuses a request past search.max_buckets (65,536 by default).
            for part in in_chunks(chosen, counts, EXACT_BUCKETS):
                with self._calls("search", query=True):
                    precise = complete(self.api.search(exact_counts_body(request, part), index=self.alias))
                for name, exact_counts in facet_counts(precise.get("aggregations") or {}, request).items():
                    counts[name].update(exact_counts)  # the values further down keep their estimates
        return {name: display_values(name, found, request, estimated=not (exact or name in as_versions),
                                     uncounted=uncounted.get(name, ()))
                for name, found in counts.items()}

    @staticmethod
    def _versions(hit: dict, request: SearchRequest) -> list[tuple[Communique, float | None]]:
        """The matching language versions a hit stands for, in rank order (itself alone when not collapsed)."""
        by_score = request.effective_sort == "relevance"
        inner = ((hit.get("inner_hits") or {}).get("versions") or {}).get("hits", {}).get("hits")
        return [(Communique.from_dict(h["_source"]), h.get("_score") if by_score else None) for h in inner or [hit]]

    def _deep_page(self, request: SearchRequest) -> tuple[dict, list]:
        """A page past max_result_window: walk the ranked hits with search_after inside one point in
        time (communiqués counted as they first appear), then fetch the page and the counts."""
        with self._calls("search"):
            pit = self.api.open_pit(self.alias, "2m")
        try:
            after, seen, page, ranked = None, {}, None, []
            want = request.offset + request.per_page
            while True:
                step = min(MAX_WINDOW, want if request.versions else MAX_WINDOW)
                with self._calls("search", query=True):
                    resp = complete(self.api.search(
                        dict(skip_body(request, step, after), pit={"id": pit, "keep_alive": "2m"}),
                        filter_path="hits.hits.sort,hits.hits.fields,hits.hits._id,pit_id,_shards,timed_out"))
                hits = (resp.get("hits") or {}).get("hits") or []
                pit = resp.get("pit_id", pit)
                for h in hits:
                    key = h["_id"] if request.versions else (h.get("fields") or {}).get(GROUP_FIELD, [h["_id"]])[0]
                    seen.setdefault(key, None)
                    if len(seen) >= want:
                        break
                if len(seen) >= want or len(hits) < step:
                    page = list(seen)[request.offset:want]
                    break
                after = hits[-1]["sort"]
            if page:
                body = members_body(request, page) if not request.versions else \
                    dict(members_body(request, []), query={"ids": {"values": page}}, size=len(page))
                with self._calls("search", query=True):
                    found = complete(self.api.search(dict(body, pit={"id": pit, "keep_alive": "2m"})))
                by_key: dict[str, list] = {key: [] for key in page}
                for h in found["hits"]["hits"]:
                    doc = Communique.from_dict(h["_source"])
                    by_key.setdefault(doc.id if request.versions else group_of(doc), []).append((doc, h.get("_score")))
                ranked = [by_key[key] for key in page if by_key.get(key)]
            counts = {k: v for k, v in build_body(request).items() if k not in ("collapse", "from", "search_after")}
            with self._calls("search", query=True):
                bare = {k: v for k, v in counts.items() if k != "aggs"}
                matched = complete(self.api.search(dict(bare, size=0, pit={"id": pit, "keep_alive": "2m"})))
                counts["aggs"] = self._count_aggregations(request, matched["hits"]["total"]["value"])
                totals = complete(self.api.search(dict(counts, size=0, pit={"id": pit, "keep_alive": "2m"})))
            return totals, ranked
        finally:
            self._close_pit(pit)
