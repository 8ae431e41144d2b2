"""Settings in one place: defaults, then the instance file, then `ARCHIVE_*` environment variables.

Every key in `SETTINGS` is documented in README.md (a test checks it). The
instance file is `archive.cfg` in the instance folder (Python syntax, upper-case
names, as Flask's `from_pyfile` reads), or the file named by `ARCHIVE_CONFIG`.
"""
from __future__ import annotations

import os
from pathlib import Path

# name -> (default, type, one-line description). Paths default to None and are
# derived from the instance folder at load time.
SETTINGS: dict[str, tuple[object, type, str]] = {
    "DATA_DIR": (None, str, "Folder for the index and the ingest ledger (default: <instance>/data)."),
    "ENGINE": ("tantivy", str, "Search engine: 'tantivy' (embedded, default), 'elasticsearch' or 'opensearch'."),
    "ELASTICSEARCH_URL": ("http://127.0.0.1:9200", str, "Elasticsearch URL(s), comma-separated."),
    "ELASTICSEARCH_INDEX": ("communiques", str, "Alias that searches use; versioned indices sit behind it."),
    "ELASTICSEARCH_API_KEY": (None, str, "API key (base64 'id:key' form) for Elasticsearch."),
    "ELASTICSEARCH_USERNAME": (None, str, "Basic-auth user for Elasticsearch."),
    "ELASTICSEARCH_PASSWORD": (None, str, "Basic-auth password for Elasticsearch."),
    "ELASTICSEARCH_CA_CERTS": (None, str, "CA certificate file for TLS to Elasticsearch."),
    "ELASTICSEARCH_VERIFY_CERTS": (True, bool, "Verify Elasticsearch's TLS certificate."),
    "ELASTICSEARCH_TIMEOUT": (30.0, float, "Seconds before a request to Elasticsearch times out."),
    "ELASTICSEARCH_SHARDS": (1, int, "Primary shards of a new index."),
    "ELASTICSEARCH_REPLICAS": (None, int, "Replicas of a new index (default: one on a cluster, none on a single node)."),
    "OPENSEARCH_URL": ("http://127.0.0.1:9200", str, "OpenSearch URL(s), comma-separated."),
    "OPENSEARCH_INDEX": ("communiques", str, "Alias that searches use; versioned indices sit behind it."),
    "OPENSEARCH_USERNAME": (None, str, "Basic-auth user for OpenSearch."),
    "OPENSEARCH_PASSWORD": (None, str, "Basic-auth password for OpenSearch."),
    "OPENSEARCH_CA_CERTS": (None, str, "CA certificate file for TLS to OpenSearch."),
    "OPENSEARCH_VERIFY_CERTS": (True, bool, "Verify OpenSearch's TLS certificate."),
    "OPENSEARCH_TIMEOUT": (30.0, float, "Seconds before a request to OpenSearch times out."),
    "OPENSEARCH_SHARDS": (1, int, "Primary shards of a new index."),
    "OPENSEARCH_REPLICAS": (None, int, "Replicas of a new index (default: one on a cluster, none on a single node)."),
    "INDEX_BATCH_SIZE": (1000, int, "Documents per engine write during `archive index`."),
    "REINDEX_MEMORY_MB": (1000, float, "Memory of the embedded engine's writer during `archive reindex`: the "
                                       "rebuilt index is in a segment per this much (fewer: faster searches)."),
    "WORKERS": (0, int, "Processes that read and analyse files while indexing, or read documents and make "
                        "their terms during `archive reindex` (0: one per core)."),
    "MAX_FILE_MB": (50.0, float, "Files larger than this are refused from their size, before reading "
                                 "(JSON lists and JSON Lines are read as streams and may be larger)."),
    "MAX_RECORDS": (1_000_000, int, "Records read from one file; the rest are reported, not read."),
    "MAX_DEPTH": (64, int, "Deepest nesting of a JSON record; deeper records are refused."),
    "MAX_TEXT_CHARS": (5_000_000, int, "Characters of one document's text; longer documents are refused."),
    "OCR": (True, bool, "Read scanned PDF pages and images with Tesseract; off rejects them, saying so."),
    "OCR_TIMEOUT": (120.0, float, "Seconds of OCR per page before the file is rejected."),
    "JSON_FIELDS": (None, str, "Your JSON keys for the archive's fields, tried before the built-in ones: "
                               "'text=story|article_body,title=head,date=released'."),
    "PER_PAGE": (20, int, "Results per page on the search page."),
    "RESULT_CACHE": (True, bool, "Keep what recent result pages were made of (marked snippets; on the embedded "
                                 "engine also the documents loaded) in each web process, for searches shown "
                                 "again: paging back, searching again, narrowing by a facet."),
    "SECRET_KEY": (None, str, "Key that signs session cookies and form tokens (default: one made once and "
                              "kept in <instance>/secret_key, shared by every process)."),
    "DATABASE_URL": (None, str, "Database of users and saved searches (default: SQLite, "
                                "<instance>/archive.sqlite3; PostgreSQL: postgresql+psycopg://user:pw@host/db)."),
    "SESSION_HOURS": (12.0, float, "A sign-in ends this many hours after the user's last request."),
    "TRUSTED_PROXIES": (None, str, "Addresses or networks of reverse proxies whose X-Forwarded-* headers "
                                   "(and single sign-on header) are believed, comma-separated."),
    "SSO_HEADER": (None, str, "Single sign-on: the header in which a trusted proxy names the signed-in user "
                              "(e.g. X-Remote-User); off when unset."),
    "SMTP_HOST": (None, str, "Mail server for alert digests (`archive alerts run`); none: e-mail alerts fail, saying so."),
    "SMTP_PORT": (25, int, "Its port."),
    "SMTP_TLS": ("none", str, "'starttls', 'ssl' (TLS from the start) or 'none' (a server on this machine only)."),
    "SMTP_USERNAME": (None, str, "Its user name, if it wants one."),
    "SMTP_PASSWORD": (None, str, "Its password."),
    "MAIL_FROM": ("archive@localhost", str, "The From address of alert digests."),
    "SSO_ROLE": ("read-only", str, "Role of a user made on first single sign-on (admin, staff or read-only)."),
    "HOST": ("127.0.0.1", str, "Address `archive serve` listens on."),
    "PORT": (5000, int, "Port `archive serve` listens on."),
    "THREADS": (8, int, "Worker threads of the WSGI server (of each process)."),
    "WORKERS_WEB": (1, int, "Processes of `archive serve`, each with its own engine handle (gunicorn, pre-forked): "
                            "one per core serves pages on every core; 1 serves in one process (waitress)."),
    "PUBLIC_URL": (None, str, "The address colleagues open (e.g. https://archive.example.org): shared links "
                              "start with it; without it they are completed from the browser's address."),
}
ENV_PREFIX = "ARCHIVE_"


def _coerce(name: str, value, kind: type):
    if value is None or isinstance(value, kind):
        return value
    text = str(value).strip()
    if kind is bool:
        if text.lower() in ("1", "true", "yes", "on"):
            return True
        if text.lower() in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"{ENV_PREFIX}{name} must be true or false, not {value!r}")
    try:
        return kind(text)
    except ValueError:
        raise ValueError(f"{ENV_PREFIX}{name} must be a {kind.__name__}, not {value!r}") from None


def default_instance_path() -> Path:
    """`ARCHIVE_INSTANCE_PATH`, else ./instance (as Flask puts it beside an uninstalled app)."""
    return Path(os.environ.get("ARCHIVE_INSTANCE_PATH") or Path.cwd() / "instance")


def load_config(instance_path: str | os.PathLike | None = None, overrides: dict | None = None,
                environ: dict | None = None) -> dict:
    """Resolve every setting. Later sources win: defaults < instance file < environment < overrides."""
    environ = os.environ if environ is None else environ
    instance = Path(instance_path) if instance_path else default_instance_path()
    config = {name: default for name, (default, _, _) in SETTINGS.items()}

    cfg_file = Path(environ.get("ARCHIVE_CONFIG") or instance / "archive.cfg")
    if cfg_file.is_file():
        namespace: dict = {}
        exec(compile(cfg_file.read_text(encoding="utf-8"), str(cfg_file), "exec"), namespace)
        config.update({k: v for k, v in namespace.items() if k.isupper()})

    for name in SETTINGS:
        if ENV_PREFIX + name in environ:
            config[name] = environ[ENV_PREFIX + name]
    config.update(overrides or {})

    for name, (_, kind, _) in SETTINGS.items():
        config[name] = _coerce(name, config.get(name), kind)
    if not config["DATA_DIR"]:
        config["DATA_DIR"] = str(instance / "data")
    config["INSTANCE_PATH"] = str(instance)
    return config
