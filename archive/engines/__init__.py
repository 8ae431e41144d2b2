"""Search engines behind one narrow interface (`Engine`): the embedded tantivy default, Elasticsearch, OpenSearch."""
from __future__ import annotations

from .base import Engine, EngineError, EngineFault, EngineStats, EngineUnavailable, IndexReport


def open_engine(config: dict) -> Engine:
    """The engine named by `config["ENGINE"]` ("tantivy", "elasticsearch" or "opensearch"), keeping
    what its result pages are made of unless `config["RESULT_CACHE"]` is off."""
    return _named_engine(config).keep_results(bool(config.get("RESULT_CACHE", True)))


def _named_engine(config: dict) -> Engine:
    name = (config.get("ENGINE") or "tantivy").lower()
    if name == "tantivy":
        from .tantivy_engine import TantivyEngine

        return TantivyEngine.from_config(config)
    if name == "elasticsearch":
        from .elasticsearch_engine import ElasticsearchEngine

        return ElasticsearchEngine.from_config(config)
    if name == "opensearch":
        from .opensearch_engine import OpenSearchEngine

        return OpenSearchEngine.from_config(config)
    raise EngineError(f"Unknown engine {name!r}: use 'tantivy', 'elasticsearch' or 'opensearch'.")


__all__ = ["Engine", "EngineError", "EngineFault", "EngineStats", "EngineUnavailable", "IndexReport", "open_engine"]
