"""Clashes between the police and protesters, told with no act of the crowd's own (no stone thrown,
nothing set on fire), at a protest the forces met on its day and at its place, are that confrontation
told again: one record, the protest with intervention. When the crowd throws stones or burns tyres, its
riot stays a record of its own."""
import marsad


def _kinds(text):
    return sorted(e.sub_event_type for e in marsad.extract(text, "2022-11-30", min_confidence=0))


def test_clashes_at_a_protest_the_forces_met_are_that_protest():
    assert _kinds("فرقت الشرطة مئات المتظاهرين في مدينة أم درمان اليوم بالغاز المسيل للدموع. ودارت اشتباكات في عدة "
                  "نقاط بين الشرطة والمتظاهرين.") == ["Protest with intervention"]


def test_the_same_with_other_words_for_the_forces():
    assert _kinds("واجهت قوات الأمن اليوم مئات المتظاهرين في مدينة البصرة بالقنابل الصوتية والغاز المسيل للدموع. "
                  "واندلعت مواجهات بين الشرطة والمحتجين قرب مبنى المحافظة.") == ["Protest with intervention"]


def test_a_crowd_that_throws_stones_keeps_its_riot():
    assert "Violent demonstration" in _kinds(
        "فرقت الشرطة مئات المتظاهرين في مدينة أم درمان اليوم بالغاز المسيل للدموع. ورشق المتظاهرون الشرطة بالحجارة "
        "وأحرقوا إطارات.")
