"""A value built once per process, even when threads ask for it at the same moment.

``functools.lru_cache`` lets two threads that miss at once both build the value and hand
each its own copy. Tables whose per-word caches are keyed by ``id()`` of the lexicon's own
dicts must never meet a second copy (issue 18 item 8: ``E199 KeyError`` on cold starts of
``marsad serve``), so their builders use :func:`once` instead.
"""
from __future__ import annotations

import functools
import threading
from typing import Callable, TypeVar

T = TypeVar("T")


def once(build: Callable[[], T]) -> Callable[[], T]:
    """Decorate a builder with no arguments: the first call builds, every call returns that value."""
    lock = threading.Lock()
    box: list = []

    @functools.wraps(build)
    def get() -> T:
        if box:
            return box[0]
        with lock:
            if not box:
                box.append(build())
        return box[0]

    def cache_clear() -> None:
        with lock:
            box.clear()

    get.cache_clear = cache_clear  # same name as lru_cache's, for tests that rebuild
    return get
