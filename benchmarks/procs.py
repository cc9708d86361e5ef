"""Processes seen through /proc: the children of a process and whether one still runs (used by
benchmarks/reliability.py and tests/test_worker_exit.py to find workers left behind)."""
from __future__ import annotations

from pathlib import Path


def children(pid: int) -> set[int]:
    """The ids of the processes whose parent is ``pid``."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


def alive(pid: int) -> bool:
    """Does the process run (it exists and is no zombie)?"""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
