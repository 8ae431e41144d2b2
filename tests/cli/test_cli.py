"""The `archive` command's contract: names, options, output keys, exit codes."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archive.cli import ANALYZE_KEYS, main
from tests.accounts import signed_in_client

FR = (" date 2025-07 La Turquie et le Royaume-Uni ont discuté de l'adhésion de la Suède à l'OTAN.\n\n"
      "Le porte-parole Ibrahim Kalin s'est entretenu avec Tim Barrow à Ankara.")
EN = "date 2024-03-01\nJapan and Brazil signed a scientific cooperation agreement in Tokyo.\n"
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry</title><language>en</language>
<item><title>Sweden joins</title><description>Sweden and Finland joined NATO.</description>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><guid>a1</guid></item>
<item><title>Spain and Portugal</title><description>Madrid and Lisbon met.</description><guid>a2</guid></item>
</channel></rss>"""


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, ["--data-dir", str(tmp_path / "data"), *args], catch_exceptions=False)
    return invoke


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "fr.txt").write_text(FR, encoding="utf-8")
    (folder / "sub" / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "feed.rss").write_text(FEED, encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


def test_index_accounts_for_every_file_and_exits_zero(run, inbox):
    result = run("index", str(inbox))
    assert result.exit_code == 0
    assert "4 files: 3 indexed, 0 updated, 0 unchanged, 0 moved, 0 duplicate, 1 rejected" in result.output
    assert "documents: 4 new" in result.output
    assert f"rejected: {inbox / 'broken.json'}: " in result.output
    again = run("index", "--json", str(inbox))
    summary = json.loads(again.output)
    assert summary["files"]["unchanged"] == 3 and summary["files"]["total"] == 4
    assert summary["rejected"][0]["path"] == str(inbox / "broken.json")


def test_index_advises_a_rebuild_of_an_index_in_many_segments(run, inbox, tmp_path, monkeypatch):
    """Each run's commits add segments: past a number of them (lowered here), `archive index` says that
    `archive reindex` would rebuild the index in fewer, and after it, it no longer does."""
    import archive.cli

    monkeypatch.setattr(archive.cli, "REBUILD_ADVISED_SEGMENTS", 3)
    monkeypatch.setattr(archive.cli, "REBUILD_ADVISED_DOCUMENTS", 4)
    for n in range(3):  # three runs, each a commit of its own
        (inbox / f"more-{n}.txt").write_text(f"date 2024-0{n + 1}-02\nNorway and Chile met in Oslo ({n}).\n",
                                             encoding="utf-8")
        result = run("index", str(inbox))
    assert "segments: `archive reindex` rebuilds it in fewer" in result.output
    assert json.loads(run("stats", "--json").output)["segments"] >= 3
    result = run("reindex")
    assert result.exit_code == 0 and "reindexed 7 documents" in result.output and "(1 segment)" in result.output
    (inbox / "more-3.txt").write_text("date 2024-05-02\nPeru and Chile met in Lima.\n", encoding="utf-8")
    assert "archive reindex" not in run("index", str(inbox)).output


def test_reindex_waits_for_no_indexing_run(run, inbox, tmp_path):
    """A rebuild beside an indexing run would lose what the run writes to the index it copies: refused."""
    from indexer.lock import IndexLock

    run("index", str(inbox))
    lock = IndexLock(tmp_path / "data").acquire()  # as a running `archive index` holds it
    try:
        result = run("reindex")
    finally:
        lock.release()
    assert result.exit_code != 0 and "another `archive index` is running" in result.output
    assert "reindexed" not in result.output and run("reindex").exit_code == 0


def test_index_takes_globs(run, inbox):
    result = run("index", "--json", str(inbox / "**" / "*.txt"))
    assert json.loads(result.output)["files"]["indexed"] == 2


def test_analyze_prints_one_json_object_per_document(run, inbox):
    result = run("analyze", "--json", str(inbox / "fr.txt"), str(inbox / "feed.rss"))
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert len(docs) == 3
    assert all(set(ANALYZE_KEYS) <= set(d) for d in docs)
    fr = docs[0]
    assert fr["source"] == str(inbox / "fr.txt")
    assert fr["language"] == "fr" and fr["countries"] == ["GB", "SE", "TR"]
    assert fr["date"] == "2025-07" and fr["organisations"] == ["NATO"]
    assert {"Ibrahim Kalin", "Tim Barrow"} <= set(fr["persons"])
    assert docs[1]["source"].startswith(str(inbox / "feed.rss") + "#")
    assert docs[1]["countries"] == ["FI", "SE"]


def test_analyze_reports_unreadable_files_and_exits_non_zero(run, inbox):
    result = run("analyze", "--json", str(inbox / "broken.json"))
    assert result.exit_code == 1 and "broken.json" in result.output


def test_stats(run, inbox):
    run("index", str(inbox))
    stats = json.loads(run("stats", "--json").output)
    assert stats["documents"] == 4
    assert stats["languages"] == {"en": 3, "fr": 1}
    assert sum(stats["sources"].values()) == 4
    assert stats["rejected"][0]["path"] == str(inbox / "broken.json")
    assert stats["segments"] == 1  # one run, one commit
    text = run("stats").output
    assert "documents: 4" in text and "broken.json" in text and "segments: 1" in text


def test_demo_indexes_the_bundled_sample(run):
    result = run("demo", "--keep", "--no-serve")
    assert result.exit_code == 0
    assert " 0 rejected" in result.output
    stats = json.loads(run("stats", "--json").output)
    assert stats["documents"] >= 30 and len(stats["languages"]) >= 6


def test_reindex_rebuilds_an_index_written_by_an_older_schema(run, inbox, tmp_path):
    import tantivy

    from archive.engines.tantivy_engine import SCHEMA_VERSION, TantivyEngine

    run("index", str(inbox))
    index_dir = tmp_path / "data" / "tantivy"
    (index_dir / "archive-schema-version").write_text("0")  # as an older release left it
    result = run("stats")
    assert result.exit_code == 1 and "archive reindex" in result.output
    result = run("reindex")
    assert result.exit_code == 0 and "reindexed 4 documents" in result.output
    engine = TantivyEngine(index_dir)
    assert engine.count() == 4 and engine.get(next(iter(engine.iter_documents())).id) is not None
    assert not (tmp_path / "data" / "tantivy.old").exists()
    assert (index_dir / "archive-schema-version").read_text() == SCHEMA_VERSION
    assert tantivy.Index.open(str(index_dir)).searcher().num_docs == 4


def test_a_second_indexing_run_on_one_data_folder_is_refused_with_who_holds_it(run, inbox, tmp_path):
    from indexer.lock import IndexLock

    with IndexLock(tmp_path / "data"):
        result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "index", str(inbox)])
    assert result.exit_code == 1
    assert "another `archive index` is running on" in result.output and "pid" in result.output
    assert "Traceback" not in result.output
    # The lock file stays behind, as after a crash: nobody holds it, so the next run goes ahead.
    assert (tmp_path / "data" / "index.lock").exists()
    assert run("index", str(inbox)).exit_code == 0


def test_analyze_refuses_what_is_not_a_regular_file_at_once(run, tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("analyze", str(fifo), "/dev/zero")
    assert result.exit_code == 1
    assert f"{fifo}: not a regular file" in result.output and "/dev/zero: not a regular file" in result.output


def test_analyze_prints_the_good_records_of_a_file_with_bad_ones(run, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"title": "Good one", "text": "Japan and Brazil met."}\nnot json\n'
                    '{"title": "Good two", "text": "Sweden joined NATO."}\n', encoding="utf-8")
    result = run("analyze", "--json", str(path))
    assert result.exit_code == 1
    titles = [json.loads(line)["title"] for line in result.output.splitlines() if line.startswith("{")]
    assert titles == ["Good one", "Good two"] and "record 2: not valid JSON" in result.output


def test_the_summary_names_links_it_did_not_follow(run, tmp_path):
    import os

    inside, outside = tmp_path / "in", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Not for the archive, about Paris.", encoding="utf-8")
    os.symlink(outside / "secret.txt", inside / "link.txt")
    result = run("index", str(inside))
    assert f"skipped: {inside / 'link.txt'}: a link to {outside / 'secret.txt'}, outside the paths given" in result.output
    assert "--follow-links" in result.output


def test_evaluate_scores_per_language_and_script_and_times_each_stage(run, tmp_path, inbox):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "fr.txt").write_text(FR, encoding="utf-8")
    (gold / "ru.txt").write_text("Министр иностранных дел Франции посетил Берлин и Варшаву на прошлой неделе.",
                                 encoding="utf-8")
    lines = [{"id": "a", "file": "fr.txt", "lang": "fr", "countries": ["GB", "SE", "TR"],
              "persons": ["Ibrahim Kalin", "Tim Barrow"], "organisations": ["NATO"], "uncertain": []},
             {"id": "b", "file": "ru.txt", "lang": "ru", "countries": ["FR", "DE", "PL"], "persons": [],
              "organisations": [], "uncertain": []}]
    (gold / "gold.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = run("evaluate", str(gold / "gold.jsonl"), "--throughput", str(inbox / "sub"))
    assert result.exit_code == 0, result.output
    rows = {tuple(line.split()[:2]) for line in result.output.splitlines() if line.startswith(" ")}
    assert {("fr",), ("ru",)} <= {row[:1] for row in rows}
    assert ("script", "Cyrillic") in rows and ("script", "Latin") in rows
    stages = [line.split()[0] for line in result.output.split("== analysis throughput")[1].splitlines()[3:]]
    assert stages[:2] == ["normalise", "name_issuer"] and "extract_persons" in stages
    assert "read 1 files, 1 documents" in result.output and "whole analysis" in result.output
    assert run("evaluate").exit_code == 2  # nothing to evaluate


def test_a_json_mapping_set_later_reads_the_records_it_makes_readable(tmp_path, run, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "export.jsonl").write_text(
        '{"Headline": "Kept", "Content": "Sweden and Finland joined NATO."}\n'
        '{"Headline": "Mapped later", "story": "Japan and Brazil signed an agreement in Tokyo."}\n',
        encoding="utf-8")
    first = json.loads(run("index", "--json", str(folder)).output)
    assert first["documents"]["new"] == 1 and "record 2: no text" in first["rejected"][0]["reason"]
    monkeypatch.setenv("ARCHIVE_JSON_FIELDS", "text=story")
    second = json.loads(run("index", "--json", str(folder)).output)
    assert second["documents"]["new"] == 1 and second["rejected"] == []  # the other one is not indexed twice
    monkeypatch.setenv("ARCHIVE_JSON_FIELDS", "texte=story")
    refused = run("index", str(folder))
    assert refused.exit_code == 2 and "no field 'texte'" in refused.output


def test_remove_asks_logs_and_the_page_answers_410(run, inbox, tmp_path):
    from archive.app import create_app

    run("index", str(inbox))
    client = signed_in_client(create_app({"TESTING": True, "ENGINE": "tantivy", "DATA_DIR": str(tmp_path / "data")}))
    hit = client.get("/?q=Tokyo&format=json").get_json()["results"][0]
    declined = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "remove", hit["id"]], input="n\n")
    assert declined.exit_code == 1 and "nothing removed" in declined.output
    assert client.get(hit["url"]).status_code == 200
    done = run("remove", hit["id"], "--yes", "--reason", "a wrong import")
    assert done.exit_code == 0 and hit["title"] in done.output and "removed 1 document" in done.output
    client = signed_in_client(create_app({"TESTING": True, "ENGINE": "tantivy", "DATA_DIR": str(tmp_path / "data")}))
    gone = client.get(hit["url"])
    assert gone.status_code == 410 and "was removed from the archive" in gone.get_data(as_text=True)
    assert "a wrong import" in client.get(hit["url"] + "?format=json").get_json()["error"]
    assert client.get("/?q=Tokyo&format=json").get_json()["total"] == 0
    assert client.get("/doc/no-such-id").status_code == 404
    again = run("remove", hit["id"], "--yes")
    assert again.exit_code == 1 and "removed already" in again.output
    assert "a wrong import" in (tmp_path / "data" / "removals.log").read_text(encoding="utf-8")
    assert run("remove").exit_code == 2  # nothing named


def test_index_says_what_is_missing_and_prunes_when_asked(run, inbox):
    import os

    run("index", str(inbox))
    os.remove(inbox / "fr.txt")
    missing = run("index", str(inbox))
    assert "1 sources missing (run with --prune to remove their documents)" in missing.output
    pruned = json.loads(run("index", "--prune", "--json", str(inbox)).output)
    assert pruned["documents"]["removed"] == 1 and len(pruned["sources"]["pruned"]) == 1


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(120)
def test_serve_with_several_processes_answers_from_each(run, tmp_path):
    """ARCHIVE_WORKERS_WEB=2: two pre-forked processes, each with its own index handle, serve the
    pages; Ctrl-C (SIGINT) stops them all."""
    import os
    import signal
    import subprocess
    import sys
    import time
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    assert run("demo", "--keep", "--no-serve").exit_code == 0
    port = _free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path / "data"), "ARCHIVE_WORKERS_WEB": "2"}
    # (-P: the installed package, not the checkout the tests run from)
    server = subprocess.Popen([sys.executable, "-P", "-c", "from archive.cli import main; main()", "serve",
                               "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                with urllib.request.urlopen(base + "/health", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        for _ in range(100):  # the second worker may still be starting when the first answers
            children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
            if len(children) >= 2:
                break
            time.sleep(0.2)
        assert len(children) == 2  # two workers under the one that listens
        # signed in by a cookie the app of the same instance folder (same key, same database) makes
        from archive.app import create_app
        from tests.accounts import session_cookie
        cookie = {"Cookie": session_cookie(create_app({"DATA_DIR": str(tmp_path / "data")}))}

        def fetch(q):
            with urllib.request.urlopen(urllib.request.Request(f"{base}/?q={q}&format=json", headers=cookie),
                                        timeout=30) as answer:
                return answer.status, json.load(answer)["total"]
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(fetch, ["NATO", "Ukraine", "Bern", "NATO"] * 6))
        assert {status for status, _ in answers} == {200} and answers[0][1] == answers[3][1] > 0
        # a search with many values has a request line longer than gunicorn's default 4,094 bytes
        long = "&".join([f"not_place=A+place+far+away+with+a+long+name+number+{n}" for n in range(50)]
                        + [f"not_person=Somebody+with+a+long+name+number+{n}" for n in range(50)])
        assert len(long) > 4094
        with urllib.request.urlopen(urllib.request.Request(f"{base}/?q=NATO&{long}&format=json", headers=cookie),
                                    timeout=30) as answer:
            assert answer.status == 200
    except Exception as exc:  # the server's log says why
        server.send_signal(signal.SIGINT)
        raise AssertionError(f"{exc}; the server said:\n{server.communicate(timeout=30)[0]}") from exc
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    assert "with 2 processes" in output
    for pid in children:
        assert not os.path.exists(f"/proc/{pid}"), "a worker outlived the server"
