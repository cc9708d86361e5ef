"""The lead's classes of the eleventh session of issue 16, each in wordings of our own."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

JANUARY = date(2022, 1, 10)


@pytest.mark.parametrize("text, place", [
    ("شنت مقاتلات التحالف اليوم غارات على مديرية رازح خلفت قتلى وجرحى.", "Razih"),
    ("استهدفت غارة جوية اليوم مديرية كتاف أوقعت أضرارا في المنازل.", "Kitaf"),
    ("سقطت قذائف هاون اليوم على قرية بولو تسببت بأضرار مادية.", "Bolu"),
    ("قصف الطيران اليوم مديرية رازح أودت بحياة مدنيين.", "Razih"),
])
def test_a_verb_of_result_after_a_small_place_is_no_part_of_its_name(text, place):
    """"مديرية X خلفت/أوقعت/تسببت/أودت ...": a small known place right after its place noun and a
    rare word after it were read as one unknown two-word name, and the record was lost; a verb
    that tells the event's result opens a clause, it does not go on with a name."""
    assert place in [e.location for e in marsad.extract(text, published=JANUARY)]
