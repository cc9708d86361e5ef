"""Two wordings of news prose the extractor missed:

- a manner adverb inside an event phrase of several words ("أطلقوا النار بشكل مباشر على"،
  "أطلق النار عشوائيا على"): the phrase still names the event (kb cue ``trigger_insert``);
- "one of them" with its pronoun as the toll ("مقتل أحدهما"، "وقتل أحدهم"): one dead, while a
  subgroup of a toll already given ("ثلاثة مدنيين أحدهم طفل") adds nothing, and an injury
  ("أصيب شابان أحدهما بجروح") is no death.
"""
import pytest

import marsad
from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.tokenise import make_doc

DAY = "2022-03-28"


@pytest.mark.parametrize("text, place", [
    ("أقدم مسلحون مجهولون أمس على إطلاق النار بشكل مباشر على شابين في مدينة الصنمين بريف درعا، "
     "ما أسفر عن مقتلهما على الفور.", "Al-Sanamayn"),
    ("أطلق عناصر الحاجز النار عشوائيا على سيارة مدنية قرب بلدة جاسم أمس ما أدى إلى مقتل امرأة.", "Jasim"),
    ("وقال شهود إن مسلحين أطلقوا النار بكثافة على حافلة تقل عمالا قرب مدينة الحويجة اليوم فقتلوا سائقها.",
     "Hawija"),
])
def test_a_manner_adverb_inside_a_gunfire_phrase(text, place):
    events = marsad.extract(text, DAY)
    assert place in {e.location for e in events}, events


def test_an_insert_never_opens_or_closes_a_phrase():
    m = PhraseMatcher()
    m.add("أطلق النار على", "fire")
    m.allow_inserts(["بشكل مباشر"])
    inside = make_doc("أطلق النار بشكل مباشر على السيارة")
    assert [x.tok_end - x.tok_start for x in m.find(inside)] == [5]
    # the insert before the first word or after the last is no part of the phrase
    assert not m.find(make_doc("بشكل مباشر النار على"))
    assert not m.find(make_doc("أطلق النار بشكل مباشر"))
    # another word in its place breaks the phrase
    assert not m.find(make_doc("أطلق النار بشكل واسع على"))


@pytest.mark.parametrize("text, deaths", [
    ("أطلق مسلحون مجهولون أمس النار على شابين في مدينة الصنمين بريف درعا، ما أسفر عن مقتل أحدهما "
     "وإصابة الآخر.", 1),
    ("استهدفت غارة إسرائيلية سيارة تقل ثلاثة أشخاص على طريق بلدة الغازية اليوم، وقتل أحدهم.", 1),
    ("انفجرت عبوة ناسفة بسيارة تقل امرأتين قرب بلدة الطارمية اليوم، ما أدى إلى مقتل إحداهما.", 1),
    ("قتل ثلاثة مدنيين أحدهم طفل بقصف مدفعي على قرية كفرنبل اليوم.", 3),
    ("قتلت امرأتان إحداهما حامل بقصف مدفعي على قرية كفرنبل اليوم.", 2),
    ("أصيب شابان أحدهما بجروح خطيرة بقصف مدفعي على قرية كفرنبل اليوم.", 0),
])
def test_one_of_them_is_one(text, deaths):
    events = marsad.extract(text, DAY)
    assert [e.fatalities for e in events] == [deaths], events
