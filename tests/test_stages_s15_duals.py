"""A feminine event noun in the dual (قذيفتان صاروخيتان، بقذيفتين، عبوتان ناسفتان، ضربتين جويتين)
names its event as the singular does, and a dual feminine verb of killing (وقتلتا ثلاثة) counts its
dead."""
import pytest

import marsad
from marsad.triggers import case_forms

DAY = "2015-11-10"


@pytest.mark.parametrize("text, sub, place, deaths", [
    ("قتل 22 شخصا بقذيفتين استهدفتا وسط مدينة اللاذقية اليوم.", "Shelling/artillery/missile attack", "Latakia", 22),
    ("انفجرت عبوتان ناسفتان في سوق مدينة الرمادي اليوم وقتلتا ثلاثة أشخاص.", "Remote explosive/landmine/IED",
     "Ramadi", 3),
    ("سقطت قذيفتان على حي في مدينة حلب اليوم وقتلتا طفلين.", "Shelling/artillery/missile attack", "Aleppo", 2),
])
def test_a_dual_names_its_event(text, sub, place, deaths):
    found = marsad.extract(text, DAY)
    assert [(e.sub_event_type, e.location, e.fatalities) for e in found] == [(sub, place, deaths)], found


def test_dual_forms_of_a_feminine_phrase_only():
    assert case_forms("عبوة ناسفة") >= {"عبوتين ناسفتين", "عبوتان ناسفتان"}
    # a phrase with a word that is no feminine noun or adjective has no such dual
    assert not any(f.endswith("تين") for f in case_forms("محاولة اغتيال"))
