"""`archive serve`: the web app behind a production WSGI server.

One process (waitress, threads) by default. With `WORKERS_WEB` above one,
gunicorn forks that many processes on one listening socket, each making its
own app and engine handle after the fork (an engine's handles are not shared
between processes), with `THREADS` threads each: Python runs one thread at a
time per process, so on a machine with several cores only several processes
serve pages in parallel. gunicorn restarts a worker that dies and stops them
all on Ctrl-C or SIGTERM.
"""
from __future__ import annotations

import click


def serve(config: dict, host: str, port: int) -> None:
    workers = max(1, int(config.get("WORKERS_WEB") or 1))
    click.echo(f"Serving the archive on http://{host}:{port}/ with {workers} "
               f"{'process' if workers == 1 else 'processes'} (Ctrl-C to stop)")
    if workers == 1:
        _serve_in_process(config, host, port)
    else:
        _serve_prefork(config, host, port, workers)


def served_app(config: dict):
    """The web app as `archive serve` runs it: a process that serves pages until it ends keeps the
    cycle collector off its tables once its first requests have loaded them (indexer.settle)."""
    from indexer.settle import Settler

    from .app import create_app

    app = create_app(config)
    app.teardown_request(Settler())
    return app


def _serve_in_process(config: dict, host: str, port: int) -> None:
    import waitress

    from .web.engine import close_engine

    app = served_app(config)
    try:
        waitress.serve(app, host=host, port=port, threads=config["THREADS"], ident="communique-archive")
    finally:
        close_engine(app)


def _serve_prefork(config: dict, host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from .web.engine import close_engine

    class Archive(BaseApplication):
        def load_config(self) -> None:
            for key, value in {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers,
                "worker_class": "gthread",
                "threads": config["THREADS"],
                "preload_app": False,  # each worker opens the index itself, after the fork
                "proc_name": "communique-archive",
                "graceful_timeout": 10,
                "control_socket_disable": True,  # no socket in the user's home: Ctrl-C and signals suffice
                # A search may hold 50 values of each facet: its links are longer than gunicorn's
                # 4,094-byte request line; waitress takes them, so must this.
                "limit_request_line": 0,
                "worker_exit": lambda server, worker: close_engine(worker.wsgi),
            }.items():
                self.cfg.set(key, value)

        def load(self):
            return served_app(config)

    Archive().run()
