"""The first event of a sentence that has a point: what the place tests check against a row."""
from __future__ import annotations

import marsad


def first_located(text: str, published: str):
    """The first event ``marsad.extract`` gives ``text`` that has coordinates; fails naming the
    sentence when none has."""
    events = [e for e in marsad.extract(text, published=published) if e.latitude is not None]
    assert events, f"no located event in {text!r}"
    return events[0]
