"""The fighting an event came amid ("في ظل استمرار المعارك"، "وسط تصاعد المواجهات"، "مع استمرار القتال"،
"في ظل المعارك الدائرة") is the backdrop of the event its sentence told first: no event of its own, no
type for that event, and its span of time ("منذ أسابيع") does not make the event a recap."""
import pytest

import marsad


@pytest.mark.parametrize("text, sub, dead", [
    ("قتل 12 مدنيا اليوم في قصف مدفعي على مدينة كادقلي، بحسب مصدر طبي، فيما يعاني السكان من نقص الغذاء "
     "في ظل استمرار المعارك.", "Shelling/artillery/missile attack", 12),
    ("قال مسعفون إن خمسة أشخاص قتلوا في غارة جوية على بلدة مأرب، وسط استمرار الاشتباكات في المحافظة منذ "
     "أسابيع.", "Air/drone strike", 5),
    ("أصيب ثلاثة أطفال بقصف على حي سكني في مدينة الفاشر، في ظل تصاعد المواجهات بين الجيش وقوات الدعم "
     "السريع.", "Shelling/artillery/missile attack", 0),
    ("قتل شخصان في انفجار لغم بقرية في ريف درعا، مع استمرار القتال في المنطقة.",
     "Remote explosive/landmine/IED", 2),
    ("لقي ثلاثة مدنيين حتفهم بقذيفة هاون سقطت على سوق في مدينة تعز، في ظل المعارك الدائرة في "
     "المحافظة.", "Shelling/artillery/missile attack", 3),
])
def test_the_fighting_an_event_came_amid_is_no_event(text, sub, dead):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [(sub, dead)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text", [
    "هاجم مسلحون قرية في ريف حماة الشرقي اليوم وقتلوا خمسة مدنيين، ثم انسحبوا في ظل استمرار الاشتباكات "
    "مع الجيش على أطرافها.",
    "قتل أربعة مدنيين بقصف على حي سكني في مدينة تعز، وسط استمرار المعارك في محيط المدينة.",
])
def test_fighting_with_a_place_of_its_own_after_an_amid_frame_is_an_event(text):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert "Armed clash" in [e.sub_event_type for e in found], [(e.sub_event_type, e.location) for e in found]


def test_fighting_told_by_itself_after_an_amid_frame_is_still_an_event():
    text = "قتل خمسة مقاتلين اليوم في ظل تجدد الاشتباكات بين فصيلين مسلحين في مدينة جرابلس."
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.sub_event_type for e in found] == ["Armed clash"]
