"""Elasticsearch through its official client: the `ClusterAPI` of archive.engines.cluster.

Settings: ARCHIVE_ELASTICSEARCH_URL (comma-separated), _INDEX (the alias),
_API_KEY or _USERNAME/_PASSWORD, _CA_CERTS, _VERIFY_CERTS, _TIMEOUT, _SHARDS,
_REPLICAS. The client's major version (8) matches the server's.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import TlsError, TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk

from ..config import SETTINGS
from .cluster import RETRY_STATUS, ApiFailure, ClusterEngine, SharedIndexCalls


def _reason(exc: ApiError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    causes = error.get("root_cause") or [error]
    return causes[0].get("reason") or error.get("reason") or str(exc.message)


def cluster_settings(config: dict, prefix: str) -> dict:
    """The engine's arguments from `<prefix>_*` settings (defaults from archive.config)."""
    def get(key):
        value = config.get(f"{prefix}_{key}")
        return SETTINGS[f"{prefix}_{key}"][0] if value is None else value

    replicas = get("REPLICAS")
    return dict(
        urls=[u.strip() for u in str(get("URL")).split(",") if u.strip()],
        alias=get("INDEX"),
        user=config.get(f"{prefix}_USERNAME") or None,
        password=config.get(f"{prefix}_PASSWORD") or "",
        ca_certs=config.get(f"{prefix}_CA_CERTS") or None,
        verify_certs=bool(get("VERIFY_CERTS")),
        timeout=float(get("TIMEOUT")),
        shards=int(get("SHARDS")),
        replicas=None if replicas in (None, "") else int(replicas),
        batch_size=int(config.get("INDEX_BATCH_SIZE") or SETTINGS["INDEX_BATCH_SIZE"][0]),
    )


class ElasticsearchAPI(SharedIndexCalls):
    product = "Elasticsearch"
    not_found = NotFoundError

    def __init__(self, urls: list[str], api_key: str | None = None, basic_auth: tuple[str, str] | None = None,
                 ca_certs: str | None = None, verify_certs: bool = True, timeout: float = 30.0):
        self._options = dict(api_key=api_key, basic_auth=basic_auth, ca_certs=ca_certs, verify_certs=verify_certs,
                             request_timeout=timeout, retry_on_timeout=True, max_retries=2)
        self.urls = urls
        self._es: Elasticsearch | None = None

    @property
    def es(self) -> Elasticsearch:
        """The client, made on first use."""
        if self._es is None:
            with self._translated():
                self._es = Elasticsearch(self.urls, **self._options)
        return self._es

    @property
    def indices(self):
        return self.es.indices

    @contextmanager
    def _translated(self):
        try:
            yield
        except TlsError as exc:
            raise ApiFailure(None, str(exc.message if hasattr(exc, "message") else exc), tls=True) from exc
        except TransportConnectionError as exc:
            text = str(exc)
            tls = "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text
            raise ApiFailure(None, "connection refused" if "refused" in text.lower() else text, tls=tls) from exc
        except TransportError as exc:
            raise ApiFailure(None, str(exc)) from exc
        except ApiError as exc:
            raise ApiFailure(exc.meta.status, _reason(exc)) from exc

    def close(self) -> None:
        if self._es is not None:
            self._es.close()
            self._es = None

    def put_template(self, name: str, body: dict) -> None:
        with self._translated():
            self.es.indices.put_index_template(name=name, **body)

    def update_aliases(self, actions: list[dict]) -> None:
        with self._translated():
            self.es.indices.update_aliases(actions=actions)

    def bulk(self, actions: Iterable[dict], chunk_size: int) -> Iterator[tuple[bool, dict]]:
        with self._translated():
            yield from streaming_bulk(self.es, actions, chunk_size=chunk_size, max_retries=5, initial_backoff=0.5,
                                      max_backoff=10, retry_on_status=RETRY_STATUS, raise_on_error=False)

    def get(self, index: str, doc_id: str) -> dict | None:
        with self._translated():
            try:
                return dict(self.es.get(index=index, id=doc_id))
            except NotFoundError as exc:
                if (exc.body or {}).get("found") is False:
                    return None  # the index is there, the document is not
                raise

    def count(self, index: str) -> dict:
        with self._translated():
            return dict(self.es.count(index=index))

    def search(self, body: dict, index: str | None = None, filter_path: str | None = None,
               cache: bool = False) -> dict:
        with self._translated():
            return dict(self.es.search(index=index, allow_partial_search_results=False, filter_path=filter_path,
                                       request_cache=True if cache else None, **body))

    def open_pit(self, index: str, keep_alive: str) -> str:
        with self._translated():
            return self.es.open_point_in_time(index=index, keep_alive=keep_alive)["id"]

    def close_pit(self, pit_id: str) -> None:
        with self._translated():
            self.es.close_point_in_time(id=pit_id)


class ElasticsearchEngine(ClusterEngine):
    name = "elasticsearch"
    settings_prefix = "ELASTICSEARCH"

    @classmethod
    def from_config(cls, config: dict) -> "ElasticsearchEngine":
        s = cluster_settings(config, cls.settings_prefix)
        api = ElasticsearchAPI(s["urls"], api_key=config.get("ELASTICSEARCH_API_KEY") or None,
                               basic_auth=(s["user"], s["password"]) if s["user"] else None,
                               ca_certs=s["ca_certs"], verify_certs=s["verify_certs"], timeout=s["timeout"])
        return cls(api, s["urls"], alias=s["alias"], shards=s["shards"], replicas=s["replicas"],
                   batch_size=s["batch_size"])
