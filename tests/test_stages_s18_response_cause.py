"""The earlier event a response answers (ردا على، انتقاما ل، على خلفية + an event word) is the cause of
the event told, not its kind: a bombardment told "in response to a suicide bombing" stays a
bombardment, and a chemical attack named only as the reason of a campaign is no chemical attack at
the place of the strikes told before."""
import pytest

import marsad


@pytest.mark.parametrize("text, kept", [
    ("قصفت المدفعية التركية قرى في ريف منبج اليوم.\nوأعلنت أنقرة أن القصف جاء ردا على تفجير انتحاري.",
     "Shelling/artillery/missile attack"),
    ("قصفت المدفعية قرى في محيط بلدة تل رفعت صباح اليوم.\nوقال مصدر عسكري إن القصف جاء انتقاما لتفجير سيارة "
     "مفخخة.", "Shelling/artillery/missile attack"),
    ("شنت الطائرات الحربية غارات على بلدة معرة النعمان اليوم.\nوقال الجيش إن الغارات جاءت ردا على هجوم "
     "انتحاري.", "Air/drone strike"),
])
def test_a_response_keeps_its_own_kind(text, kept):
    found = marsad.extract(text, "2020-05-05", min_confidence=0)
    assert found and all(e.sub_event_type == kept for e in found), [e.sub_event_type for e in found]


@pytest.mark.parametrize("text", [
    "قصف الطيران الحربي مواقع في بلدة معرة النعمان فجر اليوم.\nوأكدت المعارضة أنها أسقطت طائرة حربية خلال "
    "الغارات، وذلك بعد ساعات من إعلان وزير الدفاع في الحكومة السورية المؤقتة عن حملة عسكرية جديدة رداً على "
    "أنباء عن هجوم بغاز الكلور.",
    "قصف الطيران الحربي مواقع في بلدة سراقب فجر اليوم.\nوأكدت الفصائل أنها أسقطت طائرة حربية خلال الغارات، "
    "وذلك بعد ساعات من إعلان قائد العمليات في الجيش الحكومي عن حملة عسكرية جديدة ردا على تقارير عن هجوم "
    "كيميائي.",
])
def test_the_answered_event_is_not_placed_at_the_strikes(text):
    found = marsad.extract(text, "2020-05-05", min_confidence=0)
    assert found and not any(e.sub_event_type == "Chemical weapon" for e in found), \
        [(e.sub_event_type, e.location) for e in found]
