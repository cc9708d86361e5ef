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


@pytest.mark.parametrize("text, place, reference", [
    ("قتل 12 جنديا اليوم في هجوم على نقطة أمنية في بلدة ودان 650 جنوب شرق طرابلس.", "Waddan", "Tripoli"),
    ("قتل مدنيان اليوم بقصف على بلدة الضلوعية 90 شمال بغداد.", "Dhuluiya", "Baghdad"),
    ("انفجرت عبوة ناسفة اليوم بدورية في بلدة القريتين 85 جنوب شرق حمص ما أدى إلى مقتل جنديين.", "Al-Qaryatayn", "Homs"),
])
def test_a_number_and_a_direction_before_a_city_measure_a_distance_from_it(text, place, reference):
    """"650 جنوب شرق طرابلس" with the unit (كم) left out, as wires often print it: the city is the
    point the distance is measured from, not a place of the event."""
    found = [e.location for e in marsad.extract(text, published=JANUARY)]
    assert place in found and reference not in found
