"""People on their way to a place (المتوجهين إلى سوق X، كانوا متوجهين إلى مدينة Y) are not attacked at
that place, and people named by where they come from with a victim noun (كمينا لتجار من قرية X) were
not attacked there either: both places are set aside for the place the text gives the attack."""
import pytest

import marsad

DAY = "2024-07-13"


@pytest.mark.parametrize("text, place, not_places", [
    ("نصبت قوات الدعم السريع كمينا لتجار من قرية الحاج عبدالله المتوجهين إلى سوق مدينة الأبيض، وفتحت النار "
     "عليهم صباح اليوم قرب بلدة الرهد.", "Ar Rahad", {"El Obeid", "Al Hajj 'Abd Allah"}),
    ("قتل ثلاثة مدنيين كانوا متوجهين إلى مدينة الأبيض بهجوم مسلح قرب بلدة الرهد اليوم.", "Ar Rahad",
     {"El Obeid"}),
])
def test_a_destination_and_a_home_village_are_no_event_place(text, place, not_places):
    places = {e.location for e in marsad.extract(text, DAY)}
    assert place in places and not places & not_places, places
