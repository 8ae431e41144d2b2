"""Search pages under load: `archive serve` in its own process(es), many connections at once.

    python benchmarks/load.py --data-dir DIR [--workers-web 2] [--connections 32] [--seconds 60] [--new-states] [--browsing]

Starts `archive serve` on a free loopback port with ARCHIVE_WORKERS_WEB
processes, then keeps `--connections` keep-alive connections busy with the
search URLs of benchmarks/search_page.py for `--seconds`. Prints pages per
second, p50/p95/p99 latency, errors, and the server's memory (resident set of
the server and its workers at the end). The load generator runs on the same
machine and takes some of its cores: figures are lower than a separate client
would measure.
"""
from __future__ import annotations

import argparse
import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import children, resident_kib, session_cookie  # noqa: E402
from benchmarks.search_page import free_port, new_state, urls_of  # noqa: E402


def family(pid: int) -> list[int]:
    """A process and its children still running."""
    return [pid, *children(pid)]


def family_resident_kib(pid: int) -> int:
    """Resident memory of a process and its children, from /proc."""
    return sum(resident_kib(p) for p in family(pid))


def percentile(ordered: list[float], share: float) -> float:
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of a process and its children still running, from /proc."""
    total = 0
    for p in family(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--workers-web", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--new-states", action="store_true",
                        help="every request a search state not seen before (see search_page.py)")
    parser.add_argument("--browsing", action="store_true", help="search_page.py's browsing URLs (no words)")
    args = parser.parse_args()
    urls = urls_of(args)
    fresh = new_state if args.new_states else (lambda url: url)

    port = free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": args.data_dir, "ARCHIVE_WORKERS_WEB": str(args.workers_web),
           "ARCHIVE_THREADS": str(args.threads)}
    if args.new_states:  # the same results under a new state: loaded and marked afresh, as a new search's
        env["ARCHIVE_RESULT_CACHE"] = "false"
    server = subprocess.Popen([sys.executable, "-c", "from archive.cli import main; main()", "serve",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5):
                    break
            except OSError:
                time.sleep(0.2)
        time.sleep(2)  # every worker up
        from archive.app import create_app
        cookie = session_cookie(create_app({"DATA_DIR": args.data_dir}))  # the server's instance folder
        for url in urls:  # warm every worker's caches a little
            for _ in range(args.workers_web):
                urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{url}",
                                                              headers={"Cookie": cookie}), timeout=60).read()
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        stop_at = time.perf_counter() + args.seconds

        def client(n: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            i = n
            while time.perf_counter() < stop_at:
                url = fresh(urls[i % len(urls)])
                i += 1
                started = time.perf_counter()
                try:
                    conn.request("GET", url, headers={"Cookie": cookie})
                    answer = conn.getresponse()
                    answer.read()
                    ok = answer.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors[0] += 1
            conn.close()

        began = time.perf_counter()
        server_cpu, own_cpu = cpu_seconds(server.pid), time.process_time()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.connections)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.perf_counter() - began
        server_cpu, own_cpu = cpu_seconds(server.pid) - server_cpu, time.process_time() - own_cpu
        memory = family_resident_kib(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    ordered = sorted(latencies)
    print(f"{args.workers_web} server process(es) x {args.threads} threads, {args.connections} connections, "
          f"{took:.0f} s, {len(urls)} {'browsing' if args.browsing else 'search'} URLs in turn"
          f"{', every request a new search state' if args.new_states else ''}")
    if ordered:
        print(f"pages/s={len(ordered) / took:.1f} p50={percentile(ordered, .5):.0f} ms "
              f"p95={percentile(ordered, .95):.0f} ms p99={percentile(ordered, .99):.0f} ms "
              f"errors={errors[0]} server memory={memory / 1024:.0f} MiB")
        print(f"CPU: server {server_cpu / len(ordered) * 1000:.1f} ms a page ({server_cpu / took:.2f} cores), "
              f"load generator {own_cpu / len(ordered) * 1000:.1f} ms a page ({own_cpu / took:.2f} cores)")
    else:
        print(f"no page answered; errors={errors[0]}")


if __name__ == "__main__":
    main()
