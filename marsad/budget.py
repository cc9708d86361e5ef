"""The extraction budget of one article: how long it may take and how long it may be.

A document that extraction cannot finish in time (a 2 M character page dump, a pathological
text) must not stall an ingest or hold a server thread: it is rejected, with a message that
names the article and the budget, and the next article is extracted.

The time limit is a *cooperative deadline*: :func:`extraction_deadline` starts it for the
current thread (or task), and :func:`check_deadline` — called between pipeline stages and
inside the loops whose work grows with the length of the text — raises
:class:`BudgetExceeded` once it has passed. Nothing is interrupted from outside, so no lock or
shared cache is ever left half-built; the price is that the overrun is bounded by the longest
stretch between two checks (a few milliseconds on ordinary news, well under a second on a
1 M character document).

>>> from marsad.pipeline import extract
>>> extract("قتل مدنيان في قصف على سراقب", budget=Budget(max_seconds=30))  # doctest: +SKIP
"""
from __future__ import annotations

import contextvars
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from marsad.errors import InputError, UsageError

__all__ = ["Budget", "BudgetExceeded", "DEFAULT_MAX_SECONDS", "DEFAULT_MAX_CHARS", "extraction_deadline",
           "check_deadline"]

# About 400 times what an ordinary article takes on a slow machine, and more than a document
# at the size limit needs; a longer run is a document that would stall the ingest.
DEFAULT_MAX_SECONDS = 120.0
DEFAULT_MAX_CHARS = 2_000_000


@dataclass(frozen=True)
class Budget:
    """What one article's extraction may use: ``max_seconds`` of time (None: no limit) and
    ``max_chars`` characters of text (None: no limit)."""

    max_seconds: float | None = DEFAULT_MAX_SECONDS
    max_chars: int | None = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        if self.max_seconds is not None and (not isinstance(self.max_seconds, (int, float))
                                             or isinstance(self.max_seconds, bool)
                                             or not self.max_seconds > 0 or self.max_seconds == float("inf")):
            raise UsageError(f"max_seconds must be a number of seconds above 0, not {self.max_seconds!r}")
        if self.max_chars is not None and (not isinstance(self.max_chars, int) or isinstance(self.max_chars, bool)
                                           or self.max_chars < 1):
            raise UsageError(f"max_chars must be a positive whole number, not {self.max_chars!r}")

    @classmethod
    def unlimited(cls) -> "Budget":
        return cls(max_seconds=None, max_chars=None)


class BudgetExceeded(InputError):
    """An article's extraction went over its budget; the article is rejected, the run goes on."""

    code = "E110"


@dataclass
class _Deadline:
    at: float
    seconds: float
    started: float
    article: str
    chars: int
    stage: str = "start"


_current: contextvars.ContextVar[_Deadline | None] = contextvars.ContextVar("marsad_deadline", default=None)


@contextmanager
def extraction_deadline(budget: Budget | None, article: str, chars: int) -> Iterator[None]:
    """Within the block, :func:`check_deadline` raises once ``budget.max_seconds`` have passed.
    A text over ``budget.max_chars`` is refused at once (code E104). ``article`` (its id) and
    ``chars`` (its length) go into the message."""
    if budget is not None and budget.max_chars is not None and chars > budget.max_chars:
        error = BudgetExceeded(f"article {article} is too large: {chars:,} characters (the limit is "
                               f"{budget.max_chars:,}); split it or raise --max-chars.")
        error.code = "E104"  # the readers' code for a document over the size limit
        raise error
    if budget is None or budget.max_seconds is None:
        token = _current.set(None)  # an outer deadline does not reach an unlimited inner run
    else:
        now = time.monotonic()
        token = _current.set(_Deadline(now + budget.max_seconds, budget.max_seconds, now, article, chars))
    try:
        yield
    finally:
        _current.reset(token)


def at_stage(name: str) -> None:
    """Note the stage that runs now (for the message), then check the deadline."""
    deadline = _current.get()
    if deadline is not None:
        deadline.stage = name
        check_deadline()


def check_deadline() -> None:
    """Raise :class:`BudgetExceeded` if the current article's time is up (cheap: call it often)."""
    deadline = _current.get()
    if deadline is not None and time.monotonic() > deadline.at:
        spent = time.monotonic() - deadline.started
        raise BudgetExceeded(
            f"article {deadline.article} ({deadline.chars:,} characters) went over its extraction budget of "
            f"{deadline.seconds:g} s (stopped after {spent:.2f} s, in stage '{deadline.stage}'); "
            f"split it or raise --max-seconds.")
