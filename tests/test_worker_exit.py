"""Worker processes of ``marsad ingest --workers 2`` end when the ingest is killed (issue 18 item
11: after kill -9 or SIGTERM they and the resource tracker kept running, about 300 MB)."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find child processes")


def _load_procs():
    spec = importlib.util.spec_from_file_location("bench_procs", REPO / "benchmarks" / "procs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


procs = _load_procs()  # benchmarks/procs.py: children of a process, and whether one runs


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_the_ingest_is_killed(tmp_path, sig):
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in module.generated_rows(3000, 3)),
                    encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(feed), "--db", str(tmp_path / "m.db"),
                             "--workers", "2", "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        children: set[int] = set()
        while time.time() < deadline and len(children) < 3:  # two workers and the resource tracker
            children = procs.children(proc.pid)
            time.sleep(0.2)
        assert len(children) >= 2, "the workers never started"
        time.sleep(1.0)
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        deadline = time.time() + 20
        while time.time() < deadline and any(procs.alive(c) for c in children):
            time.sleep(0.2)
        assert not [c for c in children if procs.alive(c)], "processes left behind after the ingest ended"
    finally:
        if proc.poll() is None:
            proc.kill()
