"""OpenSearch through its official client (opensearch-py): the `ClusterAPI` of archive.engines.cluster.

Settings: ARCHIVE_OPENSEARCH_URL (comma-separated), _INDEX (the alias),
_USERNAME/_PASSWORD, _CA_CERTS, _VERIFY_CERTS, _TIMEOUT, _SHARDS, _REPLICAS.
The same index template and search bodies as Elasticsearch (the APIs agree);
points in time are OpenSearch's own (`_search/point_in_time`).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator

from opensearchpy import OpenSearch
from opensearchpy import exceptions as errors
from opensearchpy.helpers import streaming_bulk

from .cluster import ApiFailure, ClusterEngine, SharedIndexCalls
from .elasticsearch_engine import cluster_settings


def _reason(exc: errors.TransportError) -> str:
    info = exc.info if isinstance(exc.info, dict) else {}
    error = info.get("error") if isinstance(info.get("error"), dict) else {}
    causes = error.get("root_cause") or [error]
    return causes[0].get("reason") or error.get("reason") or str(exc.error)


class OpenSearchAPI(SharedIndexCalls):
    product = "OpenSearch"
    not_found = errors.NotFoundError

    def __init__(self, urls: list[str], basic_auth: tuple[str, str] | None = None, ca_certs: str | None = None,
                 verify_certs: bool = True, timeout: float = 30.0):
        self.urls = urls
        self._options = dict(http_auth=basic_auth, ca_certs=ca_certs, verify_certs=verify_certs, timeout=timeout,
                             retry_on_timeout=True, max_retries=2,
                             use_ssl=any(u.startswith("https:") for u in urls), ssl_show_warn=False)
        self._client: OpenSearch | None = None

    @property
    def client(self) -> OpenSearch:
        if self._client is None:
            self._client = OpenSearch(self.urls, **self._options)
        return self._client

    @property
    def indices(self):
        return self.client.indices

    @contextmanager
    def _translated(self):
        try:
            yield
        except errors.SSLError as exc:
            raise ApiFailure(None, str(exc.error or exc), tls=True) from exc
        except errors.ConnectionError as exc:
            text = str(exc.info or exc)
            tls = "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text
            raise ApiFailure(None, "connection refused" if "refused" in text.lower() else text, tls=tls) from exc
        except errors.TransportError as exc:
            status = exc.status_code if isinstance(exc.status_code, int) else None
            raise ApiFailure(status, _reason(exc)) from exc

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def put_template(self, name: str, body: dict) -> None:
        with self._translated():
            self.client.indices.put_index_template(name=name, body=body)

    def update_aliases(self, actions: list[dict]) -> None:
        with self._translated():
            self.client.indices.update_aliases(body={"actions": actions})

    def bulk(self, actions: Iterable[dict], chunk_size: int) -> Iterator[tuple[bool, dict]]:
        # opensearch-py retries only 429 itself; 5xx answers come back as item errors.
        with self._translated():
            yield from streaming_bulk(self.client, actions, chunk_size=chunk_size, max_retries=5,
                                      initial_backoff=0.5, max_backoff=10, raise_on_error=False)

    def get(self, index: str, doc_id: str) -> dict | None:
        with self._translated():
            try:
                return self.client.get(index=index, id=doc_id)
            except errors.NotFoundError as exc:
                if isinstance(exc.info, dict) and exc.info.get("found") is False:
                    return None
                raise

    def count(self, index: str) -> dict:
        with self._translated():
            return self.client.count(index=index)

    def search(self, body: dict, index: str | None = None, filter_path: str | None = None,
               cache: bool = False) -> dict:
        params = {"allow_partial_search_results": "false"}
        if filter_path:
            params["filter_path"] = filter_path
        if cache:
            params["request_cache"] = "true"
        with self._translated():
            return self.client.search(index=index, body=body, params=params)

    def open_pit(self, index: str, keep_alive: str) -> str:
        with self._translated():
            return self.client.create_pit(index=index, params={"keep_alive": keep_alive})["pit_id"]

    def close_pit(self, pit_id: str) -> None:
        with self._translated():
            self.client.delete_pit(body={"pit_id": [pit_id]})


class OpenSearchEngine(ClusterEngine):
    name = "opensearch"
    settings_prefix = "OPENSEARCH"

    @classmethod
    def from_config(cls, config: dict) -> "OpenSearchEngine":
        s = cluster_settings(config, cls.settings_prefix)
        api = OpenSearchAPI(s["urls"], basic_auth=(s["user"], s["password"]) if s["user"] else None,
                            ca_certs=s["ca_certs"], verify_certs=s["verify_certs"], timeout=s["timeout"])
        return cls(api, s["urls"], alias=s["alias"], shards=s["shards"], replicas=s["replicas"],
                   batch_size=s["batch_size"])
