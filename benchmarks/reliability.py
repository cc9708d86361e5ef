"""The figures of docs/reliability.md, measured on real parts: a ``marsad serve`` process, real
SQLite files and a PostgreSQL server.

    .venv/bin/python benchmarks/reliability.py [--pg postgresql+psycopg://postgres@127.0.0.1:54329/postgres]
                                               [--examples 200]

1. memory: the server's resident memory before and after eight unauthenticated 50 MB posts
   (sent in full) and eight authenticated ones over the size limit;
2. the same article posted ten times at once: the status codes;
3. two overlapping ``marsad ingest`` runs into one database: the wall time of each and what is stored;
4. schemathesis with ``--examples`` examples per operation: server errors (5xx) on each backend;
5. ``--kills`` runs of kill -9 during ``marsad ingest --workers 2`` (at a random moment between 10 %
   and 80 % of a 300-article corpus stored), each followed by a re-run: whether the final export
   (JSON Lines, and ACLED CSV) is identical to an uninterrupted run's (and whether the JSON Lines
   differ only in ``source_key``, a row number that PostgreSQL's sequences do not give back when
   the killed transaction is rolled back), and how many of the killed ingest's
   processes (workers, resource tracker) are still alive 5 s after the kill.

Without ``--pg`` only SQLite is measured. ``--only kill9,schemathesis`` measures only those parts.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from procs import alive, children as child_pids  # noqa: E402  (benchmarks/procs.py)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def post_50mb(url: str, headers: dict) -> str:
    """Send a 50 MB body in full (as a client that ignores an early answer would) and read the answer."""
    parts = urlsplit(url)
    size = 50_000_000
    with socket.create_connection((parts.hostname, parts.port), timeout=60) as sock:
        head = (f"POST /api/articles HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {size}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n")
        sock.sendall(head.encode())
        chunk = b"x" * (1 << 20)
        try:
            for _ in range(size // len(chunk)):
                sock.sendall(chunk)
        except OSError:
            pass  # the server answered and closed: the rest is never read
        try:
            return sock.recv(100).split(b"\r\n")[0].decode()
        except OSError as exc:
            return f"connection closed ({exc.__class__.__name__})"


def memory(served) -> dict:
    before = rss_mb(served.proc.pid)
    answers = [post_50mb(served.url, {}) for _ in range(8)]
    after_unauth = rss_mb(served.proc.pid)
    answers += [post_50mb(served.url, served.auth()) for _ in range(8)]
    after = rss_mb(served.proc.pid)
    return {"rss_before_mb": round(before), "rss_after_8_unauthenticated_mb": round(after_unauth),
            "rss_after_8_more_with_token_mb": round(after), "answers": sorted(set(answers))}


def burst(served) -> list:
    import httpx

    body = {"text": f"قتل مدنيان اليوم بقصف مدفعي على مدينة سراقب في ريف إدلب. {uuid.uuid4().hex}",
            "published": "2024-10-01"}
    barrier, codes = threading.Barrier(10), []

    def post():
        barrier.wait()
        r = httpx.post(served.url + "/api/articles", json=body, headers=served.auth(), timeout=120)
        codes.append((r.status_code, r.json().get("status")))

    threads = [threading.Thread(target=post) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(codes)


def overlapping(url: str, tmp: Path) -> dict:
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = [{k: v for k, v in r.items() if k != "source"} for r in module.generated_rows(300, 5)]
    files = []
    for name, part in (("a", rows[:200]), ("b", rows[100:][::-1])):
        path = tmp / f"{name}.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in part) + "\n", encoding="utf-8")
        files.append(path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(f), "--db", url, "--no-progress"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outs = [(p.wait(), p.stdout.read().strip(), round(time.monotonic() - started, 1)) for p in procs]
    from marsad.store import open_store
    store = open_store(url)
    stored = store.count("articles")
    store.close()
    return {"exit codes": [o[0] for o in outs], "summaries": [o[1] for o in outs],
            "seconds": [o[2] for o in outs], "articles stored (union 300)": stored}


def schemathesis_errors(served, examples: int) -> dict:
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_url(served.url + "/openapi.json")
    calls, errors = 0, []
    for result in schema.get_all_operations():
        operation = result.ok()
        headers = served.auth() if operation.method.upper() in ("POST", "PATCH") else {}

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case):
            nonlocal calls
            response = case.call(base_url=served.url, headers=headers, timeout=60)
            calls += 1
            if response.status_code >= 500:
                errors.append(f"{operation.method.upper()} {operation.path} -> {response.status_code}")

        call()
    return {"calls": calls, "server errors": len(errors), "examples": errors[:5]}


def _export(url: str, env: dict, fmt: str = "jsonl") -> str:
    done = subprocess.run([sys.executable, "-m", "marsad.cli", "export", "--db", url, "--format", fmt], env=env,
                          capture_output=True, text=True, check=True, timeout=600)
    return done.stdout


def _without_source_keys(export: str) -> list[dict]:
    """The export with each source's ``source_key`` (a row number, not data) left out."""
    rows = [json.loads(line) for line in export.splitlines()]
    for row in rows:
        for source in row.get("sources") or []:
            source.pop("source_key", None)
    return rows


def kill9(make_url, runs: int, tmp: Path, seed: int = 1) -> dict:
    """``runs`` kill -9 of ``ingest --workers 2`` at a random moment, then a re-run; against one
    uninterrupted run. ``make_url(name)`` gives a fresh empty database."""
    import random

    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    corpus = tmp / "kill9.jsonl"
    rows = module.generated_rows(300, 9)
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    ingest = [sys.executable, "-m", "marsad.cli", "ingest", str(corpus), "--workers", "2", "--no-progress",
              "--batch-size", "16"]
    reference_url = make_url("reference")
    subprocess.run(ingest + ["--db", reference_url], env=env, check=True, capture_output=True, timeout=1200)
    reference = _export(reference_url, env)
    reference_csv = _export(reference_url, env, "acled-csv")
    from marsad.store import open_store

    rng = random.Random(seed)
    results = []
    for run in range(runs):
        url = make_url(f"kill{run}")
        target = rng.randint(30, 240)  # articles stored when the kill comes
        proc = subprocess.Popen(ingest + ["--db", url], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        store = None
        children: set[int] = set()
        stored_at_kill = 0
        deadline = time.time() + 600
        while time.time() < deadline and proc.poll() is None:
            children |= child_pids(proc.pid)
            try:
                store = store or open_store(url)
                stored_at_kill = store.count("articles")
            except Exception:  # the database is not made yet
                stored_at_kill = 0
            if stored_at_kill >= target:
                break
            time.sleep(0.05)
        children |= child_pids(proc.pid)
        finished_first = proc.poll() is not None
        proc.kill()
        proc.wait()
        time.sleep(5.0)
        left = [c for c in children if alive(c)]
        for pid in left:  # do not leave them to the next run
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        if store is not None:
            store.close()
        rerun = subprocess.run(ingest + ["--db", url], env=env, capture_output=True, text=True, timeout=1200)
        final = _export(url, env)
        final_csv = _export(url, env, "acled-csv")
        results.append({"stored at kill": stored_at_kill, "finished before the kill": finished_first,
                        "children seen": len(children), "left behind after 5 s": len(left),
                        "rerun exit": rerun.returncode, "export identical": final == reference,
                        "acled-csv identical": final_csv == reference_csv,
                        "identical but for source_key": _without_source_keys(final) == _without_source_keys(reference)})
        print(json.dumps({"kill -9 run": run + 1, **results[-1]}), flush=True)
    return {"runs": runs, "events in the reference": len(reference.splitlines()),
            "exports identical": sum(r["export identical"] for r in results),
            "identical but for source_key": sum(r["identical but for source_key"] for r in results),
            "acled-csv exports identical": sum(r["acled-csv identical"] for r in results),
            "processes left behind": sum(r["left behind after 5 s"] for r in results),
            "articles stored at the kill": [r["stored at kill"] for r in results]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", help="a PostgreSQL server's SQLAlchemy URL (a database is made and dropped)")
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--kills", type=int, default=10, help="kill -9 runs per backend (default 10)")
    parser.add_argument("--pg-only", action="store_true", help="measure PostgreSQL only (with --pg)")
    parser.add_argument("--only", default="memory,burst,schemathesis,overlapping,kill9",
                        help="which parts to measure, comma-separated")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    from conftest import Served, _libpq_url, _with_database

    backends = ([] if args.pg_only else [("sqlite", None)]) + ([("postgresql", args.pg)] if args.pg else [])
    report = {}
    for name, server_url in backends:
        tmp = Path(tempfile.mkdtemp(prefix=f"marsad-rel-{name}-"))
        drop = None
        if server_url is None:
            url = f"sqlite:///{tmp / 'marsad.db'}"
            ingest_url = f"sqlite:///{tmp / 'ingest.db'}"
        else:
            import psycopg
            from psycopg import sql
            names = [f"marsad_rel_{uuid.uuid4().hex[:8]}" for _ in range(2)]
            with psycopg.connect(_libpq_url(server_url), autocommit=True) as conn:
                for db in names:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db)))
            url, ingest_url = (_with_database(server_url, db) for db in names)

            def drop(names=names, server_url=server_url):
                with psycopg.connect(_libpq_url(server_url), autocommit=True) as conn:
                    for db in names:
                        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db)))

        def make_url(label, tmp=tmp, server_url=server_url):
            if server_url is None:
                return f"sqlite:///{tmp / (label + '.db')}"
            import psycopg
            from psycopg import sql
            db = f"marsad_rel_{label}_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(_libpq_url(server_url), autocommit=True) as conn:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db)))
            made.append(db)
            return _with_database(server_url, db)

        made: list[str] = []
        report[name] = {}
        served = Served(url, tmp) if parts & {"memory", "burst", "schemathesis"} else None
        try:
            if "memory" in parts:
                report[name]["memory"] = memory(served)
            if "burst" in parts:
                report[name]["ten posts at once"] = burst(served)
            if "schemathesis" in parts:
                report[name]["schemathesis"] = schemathesis_errors(served, args.examples)
            if "overlapping" in parts:
                report[name]["two overlapping ingests"] = overlapping(ingest_url, tmp)
            if "kill9" in parts:
                report[name]["kill -9 during ingest --workers 2"] = kill9(make_url, args.kills, tmp)
        finally:
            if served is not None:
                served.stop()
            if drop:
                drop()
            if made:
                import psycopg
                from psycopg import sql
                with psycopg.connect(_libpq_url(server_url), autocommit=True) as conn:
                    for db in made:
                        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db)))
        print(json.dumps({name: report[name]}, ensure_ascii=False, indent=2), flush=True)


if __name__ == "__main__":
    main()
