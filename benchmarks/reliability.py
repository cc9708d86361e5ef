"""The figures of docs/reliability.md, measured on real parts: a ``marsad serve`` process, real
SQLite files and a PostgreSQL server.

    .venv/bin/python benchmarks/reliability.py [--pg postgresql+psycopg://postgres@127.0.0.1:54329/postgres]
                                               [--examples 200]

1. memory: the server's resident memory before and after eight unauthenticated 50 MB posts
   (sent in full) and eight authenticated ones over the size limit;
2. the same article posted ten times at once: the status codes;
3. two overlapping ``marsad ingest`` runs into one database: the wall time of each and what is stored;
4. schemathesis with ``--examples`` examples per operation: server errors (5xx) on each backend.

Without ``--pg`` only SQLite is measured.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", help="a PostgreSQL server's SQLAlchemy URL (a database is made and dropped)")
    parser.add_argument("--examples", type=int, default=200)
    args = parser.parse_args()
    from conftest import Served, _libpq_url, _with_database

    backends = [("sqlite", None)] + ([("postgresql", args.pg)] if args.pg else [])
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
        served = Served(url, tmp)
        try:
            report[name] = {"memory": memory(served), "ten posts at once": burst(served),
                            "schemathesis": schemathesis_errors(served, args.examples),
                            "two overlapping ingests": overlapping(ingest_url, tmp)}
        finally:
            served.stop()
            if drop:
                drop()
        print(json.dumps({name: report[name]}, ensure_ascii=False, indent=2), flush=True)


if __name__ == "__main__":
    main()
