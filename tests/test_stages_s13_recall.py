"""Issue 16, thirteenth session: events missed whole, and a type taken from another day's event.

1. A list of villages after a plural or dual settlement noun (قرى، بلدتي، قريتي) loses a later name
   that is an ordinary word (والمزرعة، والقلعة) or opens with a place-name head the text gives with
   an ordinary word (وبرج قاسم، وتل سلمان): the noun names every village of its list.
2. A definite weak word (الهجوم) whose unit dates its own act names no event told on another day:
   an anniversary piece's kidnapping of 2016 does not type the attack of 2017.
3. Bombs made or readied (تجهيز السيارات المفخخة، تصنيع العبوات) exploded nowhere: a court's account
   of a convict's deeds makes no explosion of the day.
Each in wordings of our own, across countries, with controls that must stay as they are."""
from __future__ import annotations

import pytest

from tests.test_stages_events5 import _extract, _kinds


# --- 1. every name of a list after a plural settlement noun is a village ---------------------------

@pytest.mark.parametrize("text, name", [
    # Yemen: a common word last in the list, then the countryside that locates it
    ("قصفت ميليشيا الحوثي اليوم بقذائف الهاون قرى الشقيرة والعدنة والمزرعة بريف تعز الغربي.", "المزرعة"),
    # Syria: a common word after a name with a head
    ("قصفت قوات النظام بالمدفعية اليوم قرى معربليت وتل زعتر والقلعة بريف إدلب الجنوبي.", "القلعة"),
    # Iraq: a dual noun and a common word before the district that locates it
    ("قصف تنظيم داعش بقذائف الهاون اليوم قريتي البو جواري والمحطة بقضاء بيجي.", "المحطة"),
    # Syria: a name opening with برج after a dual noun
    ("قصفت قوات النظام اليوم قريتي أرنبة وبرج قاسم بريف حلب الغربي.", "برج قاسم"),
    # Syria (north-east): تل and a man's name, after a plural noun
    ("شن الطيران الحربي غارات اليوم على قرى السلطانية وتل سلمان بريف الحسكة.", "تل سلمان"),
    # Syria (Turkish artillery): برج and a man's name
    ("استهدفت المدفعية التركية قريتي الدردارة وبرج عبدالله بريف تل تمر اليوم.", "برج عبدالله"),
])
def test_a_later_name_of_a_village_list_is_a_village(text, name):
    """"قرى X وY والمزرعة بريف Z": the plural noun names its list's last word too; a name with a
    place-name head (برج، تل) is no ordinary phrase that the container stands for."""
    found = _extract(text)
    assert name in [e.location for e in found], _kinds(found)
    assert len(found) >= 2, _kinds(found)


@pytest.mark.parametrize("text, names", [
    # a describing phrase after the list is no village: the list's area, no "المناطق" village
    ("قصفت الطائرات اليوم قرى الشيخ عيسى والمناطق المحيطة بها في ريف حلب.", {"المناطق"}),
    # a plural or an ordinary word with no ة last in the list is no village (fields, the vicinity)
    ("قصفت قوات النظام اليوم قرى الزكاة والأربعين والحقول في ريف حماة الشمالي.", {"الحقول"}),
    ("قصفت المدفعية اليوم قريتي الشيخ مسكين والجوار بريف درعا.", {"الجوار"}),
    # a rare name the gazetteer does not know was kept already, and stays
    ("استهدفت طائرات مسيرة تابعة للدعم السريع أمس قريتي أم عشوش والرملة بولاية سنار.", set()),
    ("شن الطيران الإسرائيلي اليوم غارات على بلدات كفرحمام وراشيا الفخار والصخرة في قضاء حاصبيا.", set()),
    ("أطلقت مجموعات مسلحة النار على بلدتي العقيبة والنخلة بريف حمص الشمالي فجر اليوم.", set()),
])
def test_lists_that_were_right_stay(text, names):
    found = _extract(text)
    assert not names & {e.location for e in found}, _kinds(found)
    assert found, _kinds(found)


def test_a_known_list_name_keeps_its_gazetteer_place():
    found = _extract("شن الطيران الإسرائيلي اليوم غارات على بلدتي دبين وبرج الملوك في قضاء مرجعيون.")
    assert "Burj al-Muluk" in [e.location for e in found], _kinds(found)


# --- 2. a definite word of a dated unit names no event of another day ------------------------------

@pytest.mark.parametrize("text, place", [
    # Libya: a kidnapping a year before, then "the attack" on a police station with its toll
    ("في مثل هذا اليوم. في 3 مارس 2018 خطف مسلحون مجهولون صحفيا في مدينة درنة. وفي 10 مارس 2019 نفذ "
     "مسلحون الهجوم على مركز للشرطة في مدينة سبها ما أسفر عن مقتل 4 شرطيين.", "Sabha"),
    # Iraq: a judge kidnapped, the market attack a year later
    ("في مثل هذا اليوم. في 5 يناير 2019 اختطف مسلحون قاضيا في مدينة الموصل. وفي 12 يناير 2020 شن "
     "مسلحون الهجوم على سوق شعبي في قضاء الطارمية ما أدى إلى مقتل 3 مدنيين.", "Tarmiyah"),
    # Yemen: soldiers kidnapped, the attack on an army post the next year
    ("حدث في مثل هذا اليوم. في 8 يونيو 2015 اختطف عناصر من تنظيم القاعدة جنديين في محافظة أبين. وفي 20 "
     "يونيو 2016 شن التنظيم الهجوم على نقطة للجيش في مدينة عتق ما أسفر عن مقتل خمسة جنود.", "Ataq"),
    # Sudan: an activist kidnapped, the market attack the next year
    ("ذكرى. في 2 أبريل 2014 اختطف مسلحون ناشطا في مدينة نيالا. وفي 9 أبريل 2015 وقع الهجوم على سوق "
     "بلدة كتم ما أسفر عن مقتل 6 مدنيين.", "Kutum"),
    # Egypt: the mosque attack told again by a definite verbal noun, after a kidnapping of the year before
    ("في مثل هذا اليوم 24 نوفمبر 2017. هاجم مسلحون مسجد قرية الروضة شمال سيناء في 24 نوفمبر 2017 "
     "وقتلوا 305 مصلين. وفي 19 نوفمبر 2016 قام التنظيم بخطف شيخ قبلي في مدينة العريش. الهجوم. حيث "
     "قام المسلحون يوم 24 نوفمبر 2017 بالهجوم على المسجد في بئر العبد.", "Bi'r al Abd"),
])
def test_a_dated_attack_is_not_typed_by_another_days_kidnapping(text, place):
    """"في 2016 خطف ... وفي 2017 نفذ مسلحون الهجوم": the attack's own date differs from the
    kidnapping's, so "الهجوم" does not name the kidnapping and takes no abduction type."""
    found = _extract(text, published=None)
    at = [e for e in found if e.location == place]
    assert at and all(e.sub_event_type != "Abduction/forced disappearance" for e in at), _kinds(found)


@pytest.mark.parametrize("text, place, sub", [
    # the same day's kidnapping named again by "الهجوم": still the kidnapping
    ("في مثل هذا اليوم. في 3 مارس 2019 خطف مسلحون مجهولون صحفيا في مدينة درنة. وقال مصدر أمني إن "
     "الهجوم وقع قرب مقر البلدية في 3 مارس 2019.", "Darnah", "Abduction/forced disappearance"),
    # the same day's air strike named again by "القصف"
    ("في 3 مارس 2019 قصفت الطائرات الحربية بلدة كفرنبل. وفي 3 مارس 2019 أسفر القصف عن مقتل ثلاثة "
     "مدنيين.", "Kafranbel", "Air/drone strike"),
    # the earlier day's kidnapping keeps its own record and type
    ("في مثل هذا اليوم. في 3 مارس 2018 خطف مسلحون مجهولون صحفيا في مدينة درنة. وفي 10 مارس 2019 نفذ "
     "مسلحون الهجوم على مركز للشرطة في مدينة سبها ما أسفر عن مقتل 4 شرطيين.", "Darnah",
     "Abduction/forced disappearance"),
])
def test_the_same_days_event_named_again_keeps_its_type(text, place, sub):
    found = _extract(text, published=None)
    assert (sub, place) in _kinds(found), _kinds(found)


def test_a_kidnapping_named_again_today_keeps_its_type():
    found = _extract("اختطف مسلحون اليوم موظفا في مدينة سبها. وقال مصدر أمني إن الهجوم وقع قرب مقر البلدية.")
    assert _kinds(found) == [("Abduction/forced disappearance", "Sabha")]


# --- 3. bombs made or readied exploded nowhere -------------------------------------------------------

@pytest.mark.parametrize("text", [
    # Iraq: a court tells what the convict did
    "أصدرت محكمة الجنايات المركزية حكما بالإعدام على مدان. وكشفت المحكمة اليوم عن قيام المدان بتجهيز "
    "السيارات المفخخة في قضاء أبو غريب.",
    "قضت محكمة جنايات نينوى بالإعدام على إرهابي. وبينت المحكمة اليوم أن المدان اجتمع مع قادة التنظيم "
    "لتجهيز السيارات المفخخة في حي الكرامة بالموصل.",
    # Lebanon: a military court
    "أصدرت المحكمة العسكرية في بيروت حكما بالسجن على موقوف. وتبين اليوم أن الموقوف تولى تجهيز السيارات "
    "المفخخة في بلدة عرسال.",
    # Libya: bombs made
    "حكمت محكمة عسكرية في بنغازي بالسجن المؤبد على متهم. وأوضحت المحكمة اليوم أن المتهم شارك في تصنيع "
    "العبوات الناسفة في حي الصابري.",
    # Egypt: belts readied
    "قضت محكمة أمن الدولة بإعدام مدان. وكشفت المحكمة اليوم أن المدان أشرف على تجهيز الأحزمة الناسفة في "
    "مدينة العريش.",
    # Yemen
    "قضت المحكمة الجزائية المتخصصة في عدن بإعدام مدان. وذكرت المحكمة اليوم أن المدان قام بتجهيز العبوات "
    "الناسفة في مديرية المنصورة.",
])
def test_bombs_readied_are_no_explosion(text):
    found = _extract(text)
    assert not [e for e in found if e.event_type == "Explosions/Remote violence"], _kinds(found)


@pytest.mark.parametrize("text, sub", [
    # a car bomb readied by gunmen that went off today, with its dead
    ("انفجرت اليوم سيارة مفخخة جهزها مسلحون في مدينة الباب ما أدى إلى مقتل 4 مدنيين.",
     "Remote explosive/landmine/IED"),
    ("فجر انتحاري اليوم سيارة مفخخة في سوق بمدينة الصدر شرقي بغداد.", "Suicide bomb"),
    ("انفجرت عبوة ناسفة اليوم في مديرية المنصورة بعدن ما أدى إلى إصابة جنديين.",
     "Remote explosive/landmine/IED"),
    # a court story beside a car bomb of the day
    ("قضت محكمة جنايات نينوى بالإعدام على إرهابي. وفي سياق آخر انفجرت اليوم سيارة مفخخة في حي الكرامة "
     "بالموصل ما أدى إلى مقتل 4 مدنيين.", "Remote explosive/landmine/IED"),
])
def test_bombs_that_went_off_stay(text, sub):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


# --- 4. the north or the middle of the Gaza Strip is a governorate, not the whole Strip -------------

@pytest.mark.parametrize("text, place", [
    ("استشهد ثلاثة فلسطينيين في قصف مدفعي إسرائيلي استهدف شمال قطاع غزة صباح اليوم.", "North Gaza"),
    ("أصيب خمسة مواطنين برصاص قوات الاحتلال شمالي قطاع غزة اليوم.", "North Gaza"),
    # the Strip named only as القطاع
    ("قالت وزارة الصحة في غزة إن شابين قتلا في غارة إسرائيلية على شمال القطاع فجر اليوم.", "North Gaza"),
    ("شنت طائرات الاحتلال غارات على محافظة شمال غزة مساء اليوم ما أدى إلى استشهاد طفل.", "North Gaza"),
    ("قصفت المدفعية الإسرائيلية اليوم مناطق وسط قطاع غزة ما أدى إلى إصابة أربعة مواطنين.", "Deir al-Balah"),
])
def test_the_north_or_middle_of_the_strip_is_its_governorate(text, place):
    """"شمال القطاع"، "وسط قطاع غزة": the governorate (ACLED's second level), not the whole Strip."""
    found = _extract(text)
    assert [e.location for e in found] == [place], _kinds(found)


@pytest.mark.parametrize("text, place", [
    # a town or camp the text puts in the north or the middle of the Strip stays the place, one event
    ("قتل فلسطينيان في غارة إسرائيلية على مخيم جباليا شمال قطاع غزة اليوم.", "Jabalia camp"),
    ("أصيب ثلاثة مواطنين بقصف مدفعي على بلدة بيت حانون شمال القطاع اليوم.", "Bayt Hanun"),
    ("استشهد شاب برصاص الاحتلال في مخيم النصيرات وسط قطاع غزة اليوم.", "Nuseirat camp"),
])
def test_a_town_in_the_north_of_the_strip_stays_the_place(text, place):
    found = _extract(text)
    assert [e.location for e in found] == [place], _kinds(found)
