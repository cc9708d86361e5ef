"""People named by a role or a trade (صاحب المنزل، راعي أغنام، موظف، إمام، محامي) killed one by one are
one dead each."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "أفاد مصدر أمني بمقتل راعي أغنام بانفجار لغم أرضي في صحراء الأنبار اليوم.",
    "اغتال مسلحون موظفا حكوميا أمام منزله في مدينة الديوانية اليوم.",
    "اقتحم مسلحون مجهولون منزلا في حي الجمهورية بمدينة الكوت اليوم وقتلوا صاحب المنزل.",
    "قتل مسلحون مجهولون إماما أمام مسجد في مدينة الرمادي اليوم.",
])
def test_a_person_named_by_a_role_is_one_dead(text):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.fatalities for e in found] == [1], [(e.location, e.fatalities) for e in found]
