"""The `archive` command: index, analyze, stats, serve, demo, reindex, evaluate.

Option names, output keys and exit codes are a contract other tools rely on
(see README). Exit status 0 means the run finished, even if files were rejected.
"""
from __future__ import annotations

import json
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from .config import load_config
from .engines import EngineError, open_engine
from .request import SearchRequest


def _config(ctx: click.Context) -> dict:
    return ctx.obj["config"]


def _limits(config: dict):
    """The reading settings and limits; a malformed one (ARCHIVE_JSON_FIELDS) is a usage error."""
    from indexer.limits import Limits

    try:
        return Limits.from_config(config)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


@contextmanager
def _engine(config: dict):
    try:
        engine = open_engine(config)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield engine
    finally:
        engine.close()


def _ledger(config: dict):
    from indexer.ledger import Ledger

    return Ledger(Path(config["DATA_DIR"]) / "ledger.sqlite")


@contextmanager
def _writing(config: dict):
    """The data folder's ledger, held by this process alone (one writer per data folder)."""
    from indexer.lock import FolderLocked, IndexLock

    try:
        lock = IndexLock(Path(config["DATA_DIR"])).acquire()
    except FolderLocked as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        ledger = _ledger(config)
        try:
            yield ledger
        finally:
            ledger.close()
    finally:
        lock.release()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--instance-path", type=click.Path(file_okay=False), envvar="ARCHIVE_INSTANCE_PATH",
              help="Instance folder (config file archive.cfg, default data folder).")
@click.option("--data-dir", type=click.Path(file_okay=False), help="Overrides ARCHIVE_DATA_DIR.")
@click.pass_context
def main(ctx: click.Context, instance_path: str | None, data_dir: str | None) -> None:
    """A searchable archive of communiqués: index files, search them on a web page."""
    overrides = {"DATA_DIR": data_dir} if data_dir else {}
    try:
        ctx.obj = {"config": load_config(instance_path, overrides)}
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _progress(files, total):
    """A progress bar with rate and ETA on a terminal (silent otherwise)."""
    from tqdm import tqdm

    return tqdm(total=total, unit="file", dynamic_ncols=True, disable=not sys.stderr.isatty(),
                file=sys.stderr)


def _workers(config: dict) -> int:
    import os

    return config["WORKERS"] or os.cpu_count() or 1


def _print_summary(summary, elapsed: float) -> None:
    f = summary.files
    click.echo(f"{summary.total_files} files: {f['indexed']} indexed, {f['updated']} updated, "
               f"{f['unchanged']} unchanged, {f['moved']} moved, {f['duplicate']} duplicate, "
               f"{f['rejected']} rejected ({elapsed:.1f} s)")
    click.echo(f"documents: {summary.new_documents} new, {summary.updated_documents} updated, "
               f"{summary.duplicate_records} duplicates merged, {summary.removed_documents} removed")
    if summary.pruned_sources:
        click.echo(f"{len(summary.pruned_sources)} sources pruned (gone from disk): their documents were removed, "
                   "or lost that source where another remains")
    if summary.missing_sources:
        click.echo(f"{len(summary.missing_sources)} sources missing (run with --prune to remove their documents)")
    if summary.withheld_records:
        click.echo(f"{summary.withheld_records} documents removed earlier (archive remove) were read again "
                   "and kept out")
    if summary.reanalysed_documents:
        click.echo(f"analysed again: {summary.reanalysed_documents} documents whose files had not changed, "
                   "because this version analyses texts differently")
    for path, reason in summary.rejected:
        click.echo(f"rejected: {path}: {reason}")
    for path, reason in summary.skipped:
        click.echo(f"skipped: {path}: {reason}")
    for doc_id, reason in summary.engine_errors:
        click.echo(f"engine error: {doc_id}: {reason}")
    if summary.error_log:
        click.echo(f"tracebacks of the files that failed: {summary.error_log}")
    if summary.interrupted:
        click.echo("interrupted: run the same command again to resume")


# The embedded engine's index written by many runs is in many segments, and every search visits each: past
# these, `archive index` advises a rebuild (147k documents in 11 segments: a new search a quarter slower).
REBUILD_ADVISED_SEGMENTS = 8
REBUILD_ADVISED_DOCUMENTS = 50_000


def _segments(stats) -> int | None:
    """The segments of the embedded engine's index (`EngineStats`; None on the clusters)."""
    return stats.details.get("segments")


def _rebuild_advice(engine) -> str | None:
    if engine.name != "tantivy":
        return None
    stats = engine.stats()
    segments = _segments(stats) or 0
    if segments >= REBUILD_ADVISED_SEGMENTS and (stats.documents or 0) >= REBUILD_ADVISED_DOCUMENTS:
        return (f"the index is in {segments} segments: `archive reindex` rebuilds it in fewer, which makes "
                "searches faster")
    return None


@main.command("index")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--follow-links", is_flag=True, help="Also read links inside folders that lead outside the paths given.")
@click.option("--prune", is_flag=True, help="Remove the documents of files indexed before under PATHS that are gone.")
@click.pass_context
def index_command(ctx: click.Context, paths: tuple[str, ...], as_json: bool, follow_links: bool,
                  prune: bool) -> None:
    """Index files, folders (recursively) or glob patterns."""
    import time

    from indexer.pipeline import index_paths

    config = _config(ctx)
    started = time.perf_counter()
    data_dir = Path(config["DATA_DIR"])
    with _writing(config) as ledger:
        try:
            with _engine(config) as engine:
                summary = index_paths(paths, engine, ledger, batch_size=config["INDEX_BATCH_SIZE"],
                                      progress=_progress, workers=_workers(config),
                                      limits=_limits(config), error_log=data_dir / "index-errors.log",
                                      follow_links=follow_links, prune=prune)
                advice = None if summary.interrupted else _rebuild_advice(engine)
        except EngineError as exc:
            raise click.ClickException(f"{exc} (run the same command again to resume)") from exc
    elapsed = time.perf_counter() - started
    if as_json:
        click.echo(json.dumps(dict(summary.to_dict(), seconds=round(elapsed, 3)), ensure_ascii=False))
    else:
        _print_summary(summary, elapsed)
        if advice:
            click.echo(advice)
    if summary.interrupted:
        sys.exit(130)


ANALYZE_KEYS = ("source", "id", "title", "date", "date_precision", "language", "language_confidence",
                "declared_language", "countries", "issuer", "issuer_country", "persons", "organisations",
                "places", "translation_group", "url", "attachments", "attached_to", "pages", "warnings")


@main.command("analyze")
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per document.")
@click.pass_context
def analyze_command(ctx: click.Context, files: tuple[str, ...], as_json: bool) -> None:
    """Read and analyse files without indexing anything (every good record of a file with bad ones too)."""
    import os

    from indexer.analysis import analyze
    from indexer.model import ReadError
    from indexer.paths import shown
    from indexer.pipeline import document_id, expand_paths, record_key
    from indexer.readers import read_path

    limits = _limits(_config(ctx))
    failed = False
    for path in expand_paths(files):
        try:
            for doc in read_path(path, limits):
                doc = analyze(doc)
                doc.source = shown(doc.source)
                doc.id = document_id(record_key(shown(os.path.realpath(path)), doc))
                data = {k: getattr(doc, k) for k in ANALYZE_KEYS}
                if as_json:
                    click.echo(json.dumps(data, ensure_ascii=False))
                else:
                    click.echo("\n".join(f"{k}: {v}" for k, v in data.items() if v not in (None, [], "")) + "\n")
        except ReadError as exc:
            failed = True
            click.echo(f"{shown(exc.path)}: {exc.reason}", err=True)
        except Exception as exc:  # noqa: BLE001 - one file's failure does not stop the others
            failed = True
            click.echo(f"{shown(path)}: the file could not be read ({type(exc).__name__}: {exc})", err=True)
    if failed:
        sys.exit(1)


@main.command("remove")
@click.argument("ids", nargs=-1)
@click.option("--source", "sources", multiple=True, metavar="PATH",
              help="Remove the documents read from this file (repeatable).")
@click.option("--translations", is_flag=True, help="Also remove the documents' other language versions.")
@click.option("--reason", help="Why (kept in the removal log and shown on the removed document's page).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def remove_command(ctx: click.Context, ids: tuple[str, ...], sources: tuple[str, ...], translations: bool,
                   reason: str | None, yes: bool) -> None:
    """Take documents out of the archive (a withdrawn release, a wrong import, a takedown).

    Removed from the engine and the ledger, logged in removals.log in the data folder; their pages
    answer 410 Gone, and reading the same text again keeps them out.
    """
    import getpass

    from indexer.removal import NothingToRemove, documents_to_remove, remove_documents

    if not ids and not sources:
        raise click.UsageError("give document ids, or --source PATH")
    config = _config(ctx)
    data_dir = Path(config["DATA_DIR"])
    with _writing(config) as ledger, _engine(config) as engine:
        try:
            docs = documents_to_remove(engine, ledger, ids, sources, translations)
        except NothingToRemove as exc:
            raise click.ClickException(str(exc)) from None
        for doc in docs:
            click.echo(f"{doc.id}  {doc.language or '?'}  {doc.date or '':10}  {doc.title}")
        if not yes and not click.confirm(f"Remove these {len(docs)} document(s) from the archive?"):
            raise click.ClickException("nothing removed")
        remove_documents(engine, ledger, docs, getpass.getuser(), reason, data_dir / "removals.log")
    click.echo(f"removed {len(docs)} document(s); logged in {data_dir / 'removals.log'}")


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Document counts per language and source, and rejected files."""
    config = _config(ctx)
    with _engine(config) as engine:
        try:
            engine_stats = engine.stats()
            languages = {}
            if engine_stats.problem is None:
                result = engine.search(SearchRequest.create(facets=("language",), per_page=1, facet_size=500))
                languages = {fv.value: fv.count for fv in result.facets["language"]}
        except EngineError as exc:
            raise click.ClickException(str(exc)) from exc
    documents = engine_stats.documents
    ledger = _ledger(config)
    try:
        stats = {
            "documents": documents,
            "engine": engine_stats.engine,
            "location": engine_stats.location,
            "problem": engine_stats.problem,
            "segments": _segments(engine_stats),  # see `archive reindex`
            "languages": languages,
            "sources": ledger.sources_by_folder(),
            "files": ledger.file_counts(),
            "rejected": [{"path": p, "reason": r} for p, r in ledger.rejected()],
        }
    finally:
        ledger.close()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=1))
    else:
        _print_stats(stats)
    if engine_stats.problem:
        sys.exit(1)  # the archive cannot serve as it is: scripts and monitors see it


@main.command("audit")
@click.option("--facet", "facets", multiple=True, type=click.Choice(["country", "person", "org", "place"]),
              help="Facet to audit (repeatable; default: all four).")
@click.option("--top", default=50, show_default=True, help="Values per facet, most frequent first.")
@click.option("--min-documents", default=5, show_default=True, help="Skip values held by fewer documents.")
@click.option("--sample", default=40, show_default=True, help="Documents read per value.")
@click.option("--examples", default=3, show_default=True, help="Contexts shown per value.")
@click.option("--flagged", is_flag=True, help="Show only the values with a flag.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per value.")
@click.pass_context
def audit_command(ctx: click.Context, facets: tuple[str, ...], top: int, min_documents: int, sample: int,
                  examples: int, flagged: bool, as_json: bool) -> None:
    """The top values of the entity facets in context, with the ones that look wrong flagged."""
    from .audit import AUDITED, audit, report

    config = _config(ctx)
    with _engine(config) as engine:
        try:
            values = audit(engine, facets or AUDITED, top=top, min_documents=min_documents, sample=sample)
        except EngineError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        for v in values:
            if v.flags or not flagged:
                click.echo(json.dumps(v.to_dict(examples), ensure_ascii=False))
    else:
        click.echo(report(values, examples=examples, only_flagged=flagged))
        click.echo(f"{sum(bool(v.flags) for v in values)} of {len(values)} values flagged")


def _print_stats(stats: dict) -> None:
    click.echo(f"documents: {stats['documents']} ({stats['engine']}, {stats['location']})")
    if stats["problem"]:
        click.echo(f"problem: {stats['problem']}")
    if stats["segments"]:
        click.echo(f"segments: {stats['segments']}")
    click.echo("languages: " + ", ".join(f"{k} {v}" for k, v in stats["languages"].items()))
    click.echo("sources:")
    for folder, n in stats["sources"].items():
        click.echo(f"  {n:7d}  {folder}")
    click.echo(f"rejected files: {len(stats['rejected'])}")
    for item in stats["rejected"]:
        click.echo(f"  {item['path']}: {item['reason']}")


def _serve(config: dict, host: str, port: int) -> None:
    from .serving import serve

    serve(config, host, port)


@main.command("serve")
@click.option("--host", default=None, help="Address to listen on (default ARCHIVE_HOST, 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default ARCHIVE_PORT, 5000).")
@click.pass_context
def serve_command(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the search page with a production WSGI server (waitress; gunicorn with ARCHIVE_WORKERS_WEB > 1)."""
    config = _config(ctx)
    _serve(config, host or config["HOST"], port or config["PORT"])


def sample_files() -> list[str]:
    """The bundled sample communiqués (its README describes them and is not one)."""
    from indexer.pipeline import expand_paths

    folder = Path(__file__).parent / "sample"
    return [p for p in expand_paths([str(folder)]) if Path(p).name != "README.md"]


@main.command("demo")
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
@click.option("--keep", is_flag=True, help="Index into ARCHIVE_DATA_DIR instead of a throwaway folder.")
@click.option("--no-serve", is_flag=True, help="Index the sample and stop.")
@click.pass_context
def demo_command(ctx: click.Context, host: str | None, port: int | None, keep: bool, no_serve: bool) -> None:
    """Index the bundled sample communiqués and serve them."""
    from indexer.pipeline import index_paths

    config = dict(_config(ctx))
    tmp = None
    if not keep:
        tmp = tempfile.TemporaryDirectory(prefix="archive-demo-")
        config["DATA_DIR"] = tmp.name
        config["ENGINE"] = "tantivy"
        config["DATABASE_URL"] = f"sqlite:///{Path(tmp.name) / 'archive.sqlite3'}"
    import time

    started = time.perf_counter()
    _demo_user(config)
    ledger = _ledger(config)
    try:
        with _engine(config) as engine:
            summary = index_paths(sample_files(), engine, ledger)
    finally:
        ledger.close()
    _print_summary(summary, time.perf_counter() - started)
    click.echo(f"Data folder: {config['DATA_DIR']}")
    try:
        if not no_serve:
            _serve(config, host or config["HOST"], port or config["PORT"])
    finally:
        if tmp is not None:
            tmp.cleanup()


def _demo_user(config: dict) -> None:
    """The demo's account: made (and its password printed) when the database has no user yet."""
    from . import users

    database = _database(config)
    if users.list_users(database):
        click.echo("Sign in with your account (archive users list shows them).")
        return
    password = users.new_password()
    users.add(database, "demo", password, "admin")
    click.echo(f"Sign in as user: demo  password: {password}")


def _database(config: dict):
    from .db import Database

    database = Database.from_config(config)
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(database.dispose)  # no connection outlives the command
    database.upgrade()
    return database


def _new_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt="Again")


@main.group("users")
def users_group() -> None:
    """Accounts of the web page: admin, staff or read-only."""


def _users_call(function, *args):
    from .users import UserError

    try:
        return function(*args)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["admin", "staff", "read-only"]), default="staff", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@click.option("--sso-only", is_flag=True, help="No password: the user signs in only through single sign-on.")
@click.pass_context
def users_add_command(ctx: click.Context, name: str, role: str, password_stdin: bool, sso_only: bool) -> None:
    """Add a user (the password is asked for unless --password-stdin or --sso-only)."""
    from . import users

    database = _database(_config(ctx))
    _users_call(users.check_name, name)
    password = None if sso_only else _new_password(password_stdin)
    user = _users_call(users.add, database, name, password, role)
    click.echo(f"added {user.username} ({user.role})")


@users_group.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def users_remove_command(ctx: click.Context, name: str, yes: bool) -> None:
    """Remove a user; their sessions end at once."""
    from . import users

    database = _database(_config(ctx))
    if not yes:
        click.confirm(f"Remove the user {name}?", abort=True)
    _users_call(users.remove, database, name)
    click.echo(f"removed {name}")


@users_group.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@click.pass_context
def users_passwd_command(ctx: click.Context, name: str, password_stdin: bool) -> None:
    """Set a user's password; their other sessions end."""
    from . import users

    database = _database(_config(ctx))
    _users_call(users.set_password, database, name, _new_password(password_stdin))
    click.echo(f"password of {name} changed")


@users_group.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(["admin", "staff", "read-only"]))
@click.pass_context
def users_role_command(ctx: click.Context, name: str, role: str) -> None:
    """Give a user another role; their sessions end."""
    from . import users

    user = _users_call(users.set_role, _database(_config(ctx)), name, role)
    click.echo(f"{user.username} is now {user.role}")


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per user.")
@click.pass_context
def users_list_command(ctx: click.Context, as_json: bool) -> None:
    """List the users with their roles and last sign-in."""
    from . import users

    for user in users.list_users(_database(_config(ctx))):
        last = user.last_sign_in_at.isoformat(timespec="seconds") + "Z" if user.last_sign_in_at else None
        if as_json:
            click.echo(json.dumps({"username": user.username, "role": user.role, "last_sign_in": last,
                                   "password": user.password_hash is not None}, ensure_ascii=False))
        else:
            click.echo(f"{user.username}\t{user.role}\t{last or 'never signed in'}"
                       + ("" if user.password_hash else "\t(single sign-on only)"))


@main.command("export")
@click.argument("search")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="File to write (default: standard output).")
@click.pass_context
def export_command(ctx: click.Context, search: str, fmt: str, output: str | None) -> None:
    """Export every result of a search: SEARCH is a search page's URL or its query string
    ("q=otan&country=TR"); links start with ARCHIVE_PUBLIC_URL when it is set."""
    from . import export
    from .query import QuerySyntaxError
    from .request import RequestError

    config = _config(ctx)
    try:
        req = export.request_from(search)
    except (QuerySyntaxError, RequestError) as exc:
        raise click.ClickException(f"that search cannot be run: {exc}") from exc
    base = (config.get("PUBLIC_URL") or "").rstrip("/")
    rows = 0

    def counted(docs):
        nonlocal rows
        for doc in docs:
            rows += 1
            yield doc

    with _engine(config) as engine:
        out = open(output, "w", encoding="utf-8", newline="") if output else None
        try:
            for piece in export.chunks(fmt, counted(engine.iter_matching(req)), lambda i: f"{base}/doc/{i}"):
                if out is not None:
                    out.write(piece)
                else:
                    click.echo(piece, nl=False)
        except EngineError as exc:
            raise click.ClickException(str(exc)) from exc
        finally:
            if out is not None:
                out.close()
    if output:
        click.echo(f"{rows} rows written to {output}", err=True)


@main.group("alerts")
def alerts_group() -> None:
    """E-mail digests and webhooks of saved searches."""


@alerts_group.command("run")
@click.pass_context
def alerts_run_command(ctx: click.Context) -> None:
    """Send what is new in saved searches to their subscribers: safe to run from cron at any rate
    (a communiqué is sent once to each; a failed send is tried again next time). Exits 1 when a send failed."""
    from . import alerts

    config = _config(ctx)
    database = _database(config)
    with _engine(config) as engine:
        try:
            report = alerts.run(database, engine, alerts.Settings.from_config(config))
        except EngineError as exc:
            raise click.ClickException(str(exc)) from exc
    sent = sum(report.sent.values())
    click.echo(f"{len(report.sent)} alerts checked, {sent} communiqués sent, {len(report.failed)} failed, "
               f"{len(report.busy)} left to a run already working on them")
    for sub_id, reason in report.failed.items():
        click.echo(f"alert {sub_id} failed (tried again next run): {reason}")
    if report.failed:
        sys.exit(1)


@main.group("db")
def db_group() -> None:
    """The database of users and saved searches."""


@db_group.command("upgrade")
@click.pass_context
def db_upgrade_command(ctx: click.Context) -> None:
    """Bring the database's tables to this version (also done when the web app starts)."""
    from .db import Database

    database = Database.from_config(_config(ctx))
    ctx.call_on_close(database.dispose)
    done = database.upgrade()
    click.echo(f"{'upgraded' if done else 'already'} at revision {database.current_revision()} "
               f"({database.engine.url.render_as_string(hide_password=True)})")


@main.group("engine")
def engine_group() -> None:
    """Administer the search engine (clusters: the index template and the alias)."""


@engine_group.command("setup")
@click.option("--keep-template", is_flag=True, help="Do not replace an index template that differs.")
@click.pass_context
def engine_setup_command(ctx: click.Context, keep_template: bool) -> None:
    """Install the index template and the first index (an administrator's step on a cluster)."""
    with _engine(_config(ctx)) as engine:
        setup = getattr(engine, "setup", None)
        if setup is None:
            click.echo(f"nothing to set up: the {engine.name} engine creates its index on first use")
            return
        try:
            done = setup(replace_template=not keep_template)
        except EngineError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo("\n".join(f"created: {what}" for what in done) or "already set up: nothing to do")


@main.command("reindex")
@click.option("--force", is_flag=True, help="First remove what a crashed reindex left behind.")
@click.pass_context
def reindex_command(ctx: click.Context, force: bool) -> None:
    """Rebuild the index from its stored documents (also one written by an older version)."""
    config = _config(ctx)
    # Not beside an indexing run: what it wrote to the index being copied would be lost with it.
    with _writing(config), _engine(config) as engine:
        try:
            where = engine.reindex(force=force)
            segments = _segments(engine.stats())
            click.echo(f"reindexed {engine.count()} documents into {where}"
                       + (f" ({segments} segment{'s' if segments != 1 else ''})" if segments else ""))
        except EngineError as exc:
            raise click.ClickException(str(exc)) from exc


@main.command("evaluate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="Also list every wrong or missed prediction.")
@click.option("--throughput", "throughput", multiple=True, type=click.Path(exists=True),
              help="Also time each analysis stage over the files under this path (repeatable).")
@click.option("--limit", default=0, help="With --throughput: stop after this many files.")
def evaluate_command(files: tuple[str, ...], errors: bool, throughput: tuple[str, ...], limit: int) -> None:
    """Precision, recall and F1 per entity type, language and script, language accuracy, and with
    --throughput the documents/s of each analysis stage.

    FILE is a gold set (like dev-gold/gold.jsonl) or a language set (lines of lang and text).
    """
    from .evaluate import (evaluate_gold, evaluate_languages, format_report, format_stage_times, is_gold_file,
                           time_stages)

    if not files and not throughput:
        raise click.UsageError("give a gold or language set, or --throughput PATH")
    for name in files:
        path = Path(name)
        report = evaluate_gold(path) if is_gold_file(path) else evaluate_languages(path)
        click.echo(f"== {name}")
        click.echo(format_report(report))
        if errors:
            click.echo("\n".join(report.errors))
    if throughput:
        click.echo(f"== analysis throughput: {', '.join(throughput)}")
        click.echo(format_stage_times(time_stages(list(throughput), limit)))
