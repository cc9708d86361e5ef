"""Peak memory of this process and of its child processes, measured so that a child's figure is its own.

``getrusage(...).ru_maxrss`` is the wrong tool for a benchmark that starts processes:
on Linux a process keeps the larger of its own peak and its parent's resident size
at the moment it was started (the kernel carries the old address space's high-water
mark across ``exec``), so every child of a 400 MB parent reports at least 400 MB.
The high-water mark of the current address space (``VmHWM`` in ``/proc/PID/status``)
starts afresh at ``exec`` and is what is wanted here. Where ``/proc`` is missing
(macOS) the figures fall back to ``ru_maxrss``, with the caveat above.
"""
from __future__ import annotations

import resource
import sys
import threading

import psutil


def _hwm_mb(pid: int | str = "self") -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def self_peak_mb() -> float:
    """This process's peak resident memory in MB."""
    hwm = _hwm_mb()
    if hwm is not None:
        return hwm
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


class ChildPeaks:
    """Samples the peak memory of every descendant process while it runs.

    A child's high-water mark only grows, so the last sample taken before it exits
    is its peak up to the sampling interval. Used as a context manager around the
    code that starts and stops the children; ``largest_mb`` is then the largest
    peak of any descendant (0.0 if none was seen).
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while True:
            try:
                children = me.children(recursive=True)
            except psutil.Error:
                children = []
            for child in children:
                hwm = _hwm_mb(child.pid)
                if hwm is None:
                    try:
                        hwm = child.memory_info().rss / (1024 * 1024)  # no /proc: the current size only
                    except psutil.Error:
                        continue
                self.peaks[child.pid] = max(hwm, self.peaks.get(child.pid, 0.0))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> "ChildPeaks":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def largest_mb(self) -> float:
        return max(self.peaks.values(), default=0.0)
