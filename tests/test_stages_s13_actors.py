"""Sides and places read from the frame of the act (roles stage, places stage), each class run on
plain strings of our own wording, with close wordings where the old reading must stay:

* a strike whose striker the report does not know ("طائرة مجهولة الهوية"، "لم تعرف هويتها"، "لم يحدد
  ... الجهة المسؤولة") has an unidentified actor1, even when another air force strikes in the article's
  background;
* the men of a struck vehicle are the force the vehicle is said to be of, after ل or an owner link
  ("عربة لميليشيات الحوثي"، "سيارة تابعة للتنظيم"), never another force of the article; a vehicle in a
  construct with its force ("دبابات الجيش") is the force's own and fires;
* a camp of the people displaced from X ("مخيم لنازحي X"، "مهجري X") is not at X; nor is a place that is
  only the topic of a case or a file ("قضايا X"، "ملف X")."""
from __future__ import annotations

import pytest

from test_stages_roles5 import events, pairs

HOUTHIS = "Ansar Allah (the Houthis)"
UNKNOWN = "Unidentified Armed Group"


def _of_type(found, etype):
    return [e for e in found if e.event_type == etype]


# --------------------------------------------------------------------------- the unknown striker

@pytest.mark.parametrize("text", [
    ("قتل أربعة مسلحين في غارة شنتها طائرة مجهولة الهوية على مزرعة قرب بلدة مرزق جنوبي ليبيا اليوم. "
     "وسبق أن شنت القيادة الأمريكية في أفريقيا غارات مماثلة على مواقع للمتشددين في الجنوب الليبي."),
    ("استهدفت غارة جوية لطائرة لم تعرف هويتها سيارة على طريق بلدة البوكمال اليوم ما أدى إلى مقتل ثلاثة "
     "أشخاص. ويشن طيران التحالف الدولي غارات متكررة على المنطقة منذ سنوات."),
    ("قصفت طائرة مجهولة مخزنا في منطقة الجفرة أمس ما أسفر عن مقتل شخصين. وكانت طائرات أمريكية قد "
     "شنت الشهر الماضي غارة على موقع لتنظيم داعش في المنطقة."),
    ("لقي خمسة مسلحين حتفهم بغارة جوية نفذتها طائرة مجهولة الهوية على منزل في بلدة أوباري اليوم. "
     "وتنفذ القوات الأمريكية ضربات جوية ضد المتشددين في ليبيا من حين لآخر."),
    ("قتل ستة أشخاص في غارة لطائرة لم تعرف هويتها على سوق في مدينة القائم اليوم. وتشن الطائرات "
     "الأمريكية غارات على مواقع التنظيم قرب الحدود منذ أشهر."),
])
def test_a_strike_by_an_aircraft_the_report_does_not_know_has_an_unidentified_striker(text):
    found = [e for e in events(text) if e.sub_event_type == "Air/drone strike"]
    assert found, "no strike"
    assert found[0].actor1 == UNKNOWN, pairs(found)


@pytest.mark.parametrize("text, striker", [
    # the striker named with the strike stays
    ("قتل أربعة مسلحين في غارة شنتها طائرة أمريكية على مزرعة قرب بلدة مرزق جنوبي ليبيا اليوم. "
     "وسبق أن شنت القيادة الأمريكية في أفريقيا غارات مماثلة على مواقع للمتشددين في الجنوب الليبي.",
     "Military Forces of the United States"),
    ("قتل ستة مسلحين في غارة للتحالف الدولي على موقع لتنظيم داعش في مدينة القائم اليوم.",
     "Global Coalition against Daesh"),
    # the air force of the article when the strike's own words name none and know of no stranger
    ("شنت الطائرات الروسية غارات على ريف إدلب. وقتل ثلاثة مدنيين في غارة جوية على بلدة سراقب اليوم.",
     "Military Forces of Russia"),
])
def test_a_named_or_told_air_force_keeps_the_strike(text, striker):
    found = [e for e in events(text) if e.sub_event_type == "Air/drone strike"]
    assert found, "no strike"
    assert all(e.actor1 == striker for e in found), pairs(found)


# --------------------------------------------------------------------------- the struck vehicle's men

@pytest.mark.parametrize("text, striker, owner", [
    ("استهدف طيران التحالف أطقما لميليشيا الحوثي في مديرية الملاجم اليوم. وتمكن الدفاع الجوي أمس من إسقاط "
     "طائرة مسيرة حوثية.", "Military Forces of Saudi Arabia", HOUTHIS),
    ("قصفت طائرات حربية روسية عربات لمسلحي هيئة تحرير الشام قرب بلدة كفرنبل اليوم. وقالت وزارة الدفاع إن "
     "الدفاعات الجوية في قاعدة حميميم تصدت لطائرات مسيرة.", "Military Forces of Russia", "Hayat Tahrir al-Sham"),
    ("قصفت طائرات حربية إسرائيلية سيارة لعناصر حزب الله قرب بلدة القصير اليوم. وقالت وكالة سانا إن "
     "الدفاعات الجوية السورية تصدت لصواريخ في سماء حمص.", "Military Forces of Israel", "Hezbollah"),
    ("استهدفت مقاتلات التحالف الدولي مركبات تابعة لتنظيم داعش قرب بلدة الباغوز اليوم. وذكرت سانا أن "
     "الدفاعات الجوية السورية تصدت لأهداف معادية فوق دمشق.", "Global Coalition against Daesh", "Islamic State"),
    ("أغارت مقاتلات التحالف على شاحنة لميليشيات الحوثي في مديرية حرض اليوم. وقال متحدث التحالف إن منظومات "
     "الدفاع الجوي في المملكة بكامل جاهزيتها.", "Military Forces of Saudi Arabia", HOUTHIS),
])
def test_the_men_of_a_struck_vehicle_are_the_force_it_belongs_to(text, striker, owner):
    found = [e for e in events(text) if e.sub_event_type == "Air/drone strike" and e.actor1 == striker]
    assert found, pairs(events(text))
    assert found[0].actor2 == owner, pairs(found)


@pytest.mark.parametrize("text, striker, target", [
    # the force's own vehicles in a construct fire; the owner of the position hit is the target
    ("قصفت دبابات الجيش الإسرائيلي موقعا لحركة حماس شرقي مدينة خان يونس اليوم.",
     "Military Forces of Israel", "Hamas Movement"),
    ("أطلقت مدرعات الاحتلال الإسرائيلي النار على منازل المواطنين في بلدة بيت حانون اليوم.",
     "Military Forces of Israel", "Civilians"),
    # a car of civilians stays the civilians'
    ("قتل ثلاثة مدنيين في غارة لطيران التحالف على سيارة لمواطنين في مديرية باقم اليوم.",
     "Military Forces of Saudi Arabia", "Civilians"),
])
def test_a_force_s_own_vehicles_and_civilian_cars_keep_their_sides(text, striker, target):
    found = events(text)
    assert found, "no event"
    assert found[0].actor1 == striker and found[0].actor2 == target, pairs(found)


# --------------------------------------------------------------------------- a camp of the displaced

@pytest.mark.parametrize("text, not_at, origin, deaths", [
    ("اشتدت المعارك بين الفصائل في جنوب طرابلس أمس. وقتل شخصان بسقوط صاروخ على مخيم لنازحي تاورغاء يوم "
     "الأحد.", "Tawergha", "تاورغاء", 2),
    ("قصفت الطائرات الحربية بلدات ريف حلب الغربي اليوم. وقتل طفل بغارة على مخيم لنازحي تلعفر.",
     "Tal Afar", "تلعفر", 1),
    ("قتلت امرأة بقذيفة سقطت على مخيم يؤوي نازحي الحديدة في مديرية الخوخة اليوم.", "Al Hudaydah", "الحديدة", 1),
    ("تواصل القصف على ريف إدلب الجنوبي منذ أيام. وقتل ثلاثة أطفال بقذيفة سقطت على مخيم لمهجري حمص اليوم.",
     "Homs", "حمص", None),
    ("شهدت مدينة تعز قصفا حوثيا عنيفا اليوم. وأصيبت امرأتان بقذيفة سقطت على مخيم لنازحي الحديدة.",
     "Al Hudaydah", "الحديدة", None),
    # the place after the camp is the camp's, not the container of the place its people fled
    ("أصيب خمسة أشخاص في قصف طال مخيما لمهجري حمص قرب بلدة أطمة اليوم.", "Homs", "حمص", None),
    ("تجددت الاشتباكات في مدينة الفاشر اليوم. وقتل خمسة مدنيين في قصف مدفعي طال مخيما لنازحي الجنينة.",
     "El Geneina", "الجنينة", 5),
])
def test_a_camp_of_the_displaced_is_not_at_the_place_they_fled(text, not_at, origin, deaths):
    found = events(text)
    assert found, "no event"
    for e in found:
        assert e.location != not_at and origin not in (e.location or ""), (e.location, e.admin1, e.admin2)
    if deaths is not None:
        assert max(e.fatalities for e in found) == deaths, [(e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, place", [
    # a camp named by its place stays there
    ("قتل طفلان بسقوط قذيفة على مخيم للنازحين في بلدة حمام العليل اليوم.", "Hammam al-Alil"),
    ("قصفت قوات النظام مخيم اليرموك في دمشق اليوم ما أدى إلى مقتل ثلاثة مدنيين.", "Yarmouk camp"),
])
def test_a_camp_named_by_its_place_keeps_it(text, place):
    found = events(text)
    assert found, "no event"
    assert any(place in (e.location or "") for e in found), [(e.location, e.admin1) for e in found]


@pytest.mark.parametrize("text, not_at", [
    ("قال الناشط المهتم بمتابعة قضايا تاورغاء إن شخصين قتلا بسقوط صاروخ على مخيم جنوب طرابلس يوم الأحد.",
     "Tawergha"),
    ("قال المسؤول عن ملف الرقة في المجلس إن ثلاثة مدنيين قتلوا بقصف على بلدة الحسكة اليوم.", "Ar Raqqah"),
])
def test_a_place_that_is_only_the_topic_of_a_case_is_no_event_place(text, not_at):
    found = events(text)
    assert found, "no event"
    assert all(e.location != not_at for e in found), [(e.location, e.admin1) for e in found]


# --------------------------------------------------------------------------- the taker of a capture

@pytest.mark.parametrize("text, taker, loser", [
    ("تمكنت قوات النخبة الحضرمية، بإسناد من القوات الإماراتية، من طرد عناصر القاعدة من وادي المسيني. وكانت "
     "قوات النخبة المدعومة من التحالف قد سيطرت اليوم على مدينة المكلا بعد فرار مسلحي التنظيم.",
     "Hadrami Elite Forces", "Al-Qaeda in the Arabian Peninsula"),
    ("تقدمت قوات سوريا الديمقراطية في ريف دير الزور الشرقي. وقالت مصادر محلية إن القوات المدعومة من التحالف "
     "الدولي سيطرت اليوم على بلدة هجين بعد انسحاب مسلحي تنظيم داعش منها.",
     "Syrian Democratic Forces", "Islamic State"),
    ("واصلت فصائل الجيش الوطني السوري تقدمها في منطقة عفرين. وقالت مصادر إن القوات المدعومة من تركيا سيطرت "
     "اليوم على بلدة جنديرس بعد انسحاب وحدات حماية الشعب الكردية منها.",
     "Syrian National Army", "People's Protection Units"),
    ("تواصل ألوية العمالقة عملياتها في الساحل الغربي. وقالت مصادر عسكرية إن القوات المدعومة من التحالف العربي "
     "سيطرت اليوم على مركز مديرية حيس بعد فرار مسلحي الحوثي.", "Giants Brigades", HOUTHIS),
    ("انتشرت قوات الحزام الأمني في محافظة أبين منذ أيام. وأفادت مصادر محلية بأن القوات المدعومة من الإمارات "
     "سيطرت اليوم على مدينة زنجبار بعد انسحاب مسلحي القاعدة منها.",
     "Security Belt Forces", "Al-Qaeda in the Arabian Peninsula"),
])
def test_a_capture_told_only_with_its_backer_is_the_backed_force_s(text, taker, loser):
    found = [e for e in events(text) if e.event_type == "Strategic developments" or "territory" in e.sub_event_type]
    assert found, pairs(events(text))
    assert (found[0].actor1, found[0].actor2) == (taker, loser), pairs(found)


@pytest.mark.parametrize("text, taker, loser", [
    # the taker named with the capture, its backer beside it
    ("تمكن الجيش اليمني بإسناد من طيران التحالف من السيطرة على مركز مديرية صرواح اليوم بعد فرار مسلحي الحوثي.",
     "Military Forces of Yemen", HOUTHIS),
    ("سيطرت ألوية العمالقة على مديرية حيس اليوم بعد فرار مسلحي الحوثي منها، بدعم من التحالف العربي.",
     "Giants Brigades", HOUTHIS),
])
def test_a_capture_with_its_taker_named_keeps_it(text, taker, loser):
    found = [e for e in events(text) if "territory" in e.sub_event_type]
    assert found, pairs(events(text))
    assert (found[0].actor1, found[0].actor2) == (taker, loser), pairs(found)


# --------------------------------------------------------------------------- a man's former force

@pytest.mark.parametrize("text, taker, arrested, former", [
    ("اعتقلت الشرطة التركية في إسطنبول اليوم رجلا يشتبه بانتمائه إلى تنظيم داعش، وهو جندي سابق في الجيش العراقي.",
     "Police Forces of Turkey", "Islamic State", "Military Forces of Iraq"),
    ("اعتقلت قوات الدعم السريع في الخرطوم اليوم ضابطا سابقا في الجيش السوداني بعد مداهمة منزله.",
     "Rapid Support Forces", "Civilians", "Military Forces of Sudan"),
    ("اعتقلت القوات الإسرائيلية في مدينة جنين اليوم شابا، وهو عنصر سابق في الأجهزة الأمنية الفلسطينية.",
     "Military Forces of Israel", "Civilians", "Military Forces of Palestine"),
    ("اعتقلت قوات سوريا الديمقراطية في مدينة الرقة اليوم رجلا، وهو قائد سابق في الجيش السوري الحر.",
     "Syrian Democratic Forces", "Civilians", "Opposition Rebels"),
    ("اعتقلت أجهزة الأمن الفلسطينية في نابلس اليوم ناشطا، وهو عضو سابق في كتائب شهداء الأقصى.",
     "Military Forces of Palestine", "Civilians", "Al-Aqsa Martyrs Brigade"),
])
def test_a_force_the_arrested_man_once_served_is_no_side(text, taker, arrested, former):
    found = [e for e in events(text) if e.sub_event_type == "Arrests"]
    assert found, pairs(events(text))
    assert (found[0].actor1, found[0].actor2) == (taker, arrested), pairs(found)
    assert former not in found[0].assoc_actor_1 + found[0].assoc_actor_2, pairs(found)


@pytest.mark.parametrize("text, taker, arrested", [
    # the arrested man's own group, named beside his past
    ("اعتقلت قوات الحزام الأمني في عدن اليوم قياديا في تنظيم القاعدة، وهو ضابط سابق في القوات الخاصة اليمنية.",
     "Security Belt Forces", "Al-Qaeda in the Arabian Peninsula"),
    # a member now, not a former one
    ("اعتقلت أجهزة الأمن الفلسطينية في نابلس اليوم ناشطا في كتائب شهداء الأقصى.",
     "Military Forces of Palestine", "Al-Aqsa Martyrs Brigade"),
])
def test_the_arrested_man_s_present_group_stays(text, taker, arrested):
    found = [e for e in events(text) if e.sub_event_type == "Arrests"]
    assert found, pairs(events(text))
    assert (found[0].actor1, found[0].actor2) == (taker, arrested), pairs(found)


# --------------------------------------------------------------------------- a man's followers as a side

@pytest.mark.parametrize("text, first", [
    ("اندلعت اشتباكات بين مسلحين من جماعة الحوثي وأتباع الشيخ القبلي حسين الأحمر في مديرية حوث اليوم، ما أسفر "
     "عن مقتل ستة.", HOUTHIS),
    ("تجددت الاشتباكات بين قوات الحوثيين وأتباع رجل دين زيدي في مديرية رازح اليوم، ما أدى إلى مقتل ثمانية "
     "مسلحين.", HOUTHIS),
    ("قتل خمسة أشخاص في اشتباكات بين قوات الأمن الصومالية وحراس زعيم عشيرة في مدينة بلدوين اليوم.",
     "Military Forces of Somalia"),
    ("اندلعت اشتباكات بين عناصر من حركة فتح ومرافقي قيادي محلي في مخيم عين الحلوة اليوم، ما أدى إلى مقتل "
     "شخصين.", "Fatah Movement"),
    ("تجددت الاشتباكات بين قوات الشرطة وأتباع زعيم قبلي في مدينة الكفرة اليوم، وقتل فيها أربعة أشخاص.", None),
])
def test_the_followers_of_a_man_are_the_second_side(text, first):
    found = [e for e in events(text) if e.sub_event_type == "Armed clash"]
    assert found, pairs(events(text))
    assert found[0].actor2 == UNKNOWN, pairs(found)
    assert first is None or found[0].actor1 == first, pairs(found)
    assert "Civilians" not in found[0].assoc_actor_2, pairs(found)


@pytest.mark.parametrize("text, sides", [
    # a group named after the follower word is the side
    ("اندلعت اشتباكات بين الجيش اليمني ومسلحي الحوثي في مديرية صرواح اليوم.",
     ("Military Forces of Yemen", HOUTHIS)),
    ("قتل جنديان في اشتباكات بين الجيش العراقي ومسلحي تنظيم داعش في قضاء الحويجة اليوم.",
     ("Military Forces of Iraq", "Islamic State")),
    ("اندلعت مواجهات بين الجيش العراقي وأنصار حزب الله في بلدة القائم اليوم.",
     ("Military Forces of Iraq", "Hezbollah")),
])
def test_a_group_named_after_the_follower_word_stays_the_side(text, sides):
    found = [e for e in events(text) if e.sub_event_type == "Armed clash"]
    assert found, pairs(events(text))
    assert (found[0].actor1, found[0].actor2) == sides, pairs(found)


# --------------------------------------------------------------------------- whose police in the West Bank

@pytest.mark.parametrize("text", [
    "أطلقت الشرطة النار على شاب قرب باب العامود في القدس اليوم بعد أن طعن شرطيا، وقالت الشرطة الإسرائيلية إن "
    "المهاجم قتل.",
    "اعتقلت الشرطة ثلاثة شبان من بلدة العيسوية في القدس اليوم، بحسب بيان للشرطة الإسرائيلية.",
    "دهمت الشرطة منزلا في حي سلوان بالقدس اليوم واعتقلت شابين، وذكرت متحدثة باسم الشرطة الإسرائيلية أنهما متهمان "
    "برشق الحجارة.",
    "قتلت الشرطة شابا فلسطينيا في مدينة الخليل اليوم بعد أن طعن مستوطنا، وفق ما أعلنت الشرطة الإسرائيلية.",
])
def test_a_bare_police_in_west_bank_news_that_names_the_israeli_police_is_theirs(text):
    found = events(text)
    assert found, "no event"
    assert found[0].actor1 == "Police Forces of Israel", pairs(found)


@pytest.mark.parametrize("text", [
    "اعتقلت الشرطة الفلسطينية في مدينة رام الله اليوم ثلاثة أشخاص، وقالت الشرطة إنهم متهمون بإطلاق النار على منزل.",
    "فرقت الشرطة مسيرة في مدينة نابلس اليوم واعتقلت عددا من المشاركين.",
])
def test_a_bare_police_with_no_israeli_police_named_stays_the_palestinian(text):
    found = events(text)
    assert found, "no event"
    assert "Police Forces of Palestine" in {e.actor1 for e in found} | {e.actor2 for e in found}, pairs(found)
    assert "Police Forces of Israel" not in {e.actor1 for e in found} | {e.actor2 for e in found}, pairs(found)


# --------------------------------------------------------------------------- the attacker shot dead

@pytest.mark.parametrize("text", [
    "أطلق شرطي النار على رجل طعن مستوطنا في البلدة القديمة بالقدس اليوم فأرداه قتيلا، حسب بيان للشرطة "
    "الإسرائيلية.",
    "أطلق حارس أمن النار على شاب حاول طعن عامل في محطة حافلات بمدينة بئر السبع اليوم فأرداه قتيلا.",
])
def test_an_attacker_shot_dead_is_the_toll_of_the_shooting(text):
    found = events(text)
    assert found, "no event"
    assert max(e.fatalities for e in found) == 1, [(e.sub_event_type, e.fatalities) for e in found]


# --------------------------------------------------------------------------- the loser of a capture, in its country

@pytest.mark.parametrize("text, loser", [
    ("قال الرئيس التركي إن العمليات ضد حزب العمال الكردستاني في جبال قنديل بالعراق ستتواصل حتى طرد مقاتلي حزب "
     "العمال الكردستاني من قضاء سنجار. وتقاتل أنقرة وحدات حماية الشعب الكردية في سوريا منذ سنوات. وأعلنت "
     "القوات التركية اليوم سيطرتها على بلدة راجو.", "People's Protection Units"),
    ("شن تنظيم داعش هجمات متفرقة في محافظة الأنبار العراقية، وقالت مصادر إن خلايا تنظيم داعش تنشط في صحراء "
     "الرطبة. وفي سوريا تخوض قوات النظام معارك مع هيئة تحرير الشام في ريف إدلب. وأعلنت قوات النظام اليوم "
     "سيطرتها على بلدة خان شيخون.", "Hayat Tahrir al-Sham"),
    ("أعلن التحالف اعتراض صاروخ أطلقته ميليشيا الحوثي على جازان، وقال إن ميليشيا الحوثي تواصل استهداف المدن "
     "السعودية. وفي الصومال يقاتل الجيش حركة الشباب منذ سنوات. وأعلن الجيش الصومالي اليوم سيطرته على بلدة "
     "بولوبردي.", "Al Shabaab"),
    ("قالت فرنسا إن تنظيم القاعدة يواصل هجماته في مالي وإن مسلحي تنظيم القاعدة قتلوا جنودا في تمبكتو. وفي ليبيا "
     "يقاتل الجيش الوطني الليبي تنظيم داعش. وأعلن الجيش الوطني الليبي اليوم سيطرته على حي في مدينة درنة.",
     "Islamic State"),
    ("قال مسؤولون عراقيون إن فصائل الحشد الشعبي تنتشر في قضاء سنجار، وإن الحشد الشعبي يرفض الانسحاب منه. وفي "
     "سوريا تقاتل قوات سوريا الديمقراطية تنظيم داعش. وأعلنت قوات سوريا الديمقراطية اليوم سيطرتها على بلدة "
     "الشعفة.", "Islamic State"),
])
def test_a_capture_s_loser_is_the_side_fought_in_the_place_s_country(text, loser):
    found = [e for e in events(text) if "territory" in e.sub_event_type]
    assert found, pairs(events(text))
    assert found[0].actor2 == loser, pairs(found)


# --------------------------------------------------------------------------- strikes that opened a ground advance

@pytest.mark.parametrize("text, striker, ground", [
    ("شنت مقاتلات التحالف غارات على مواقع الحوثيين في مديرية حيس. ومهد القصف الجوي الطريق أمام تقدم قوات الجيش "
     "اليمني في مديرية التحيتا اليوم.", "Military Forces of Saudi Arabia", "Military Forces of Yemen"),
    ("شنت طائرات التحالف غارات على مواقع الحوثيين في مديرية باقم. ومهدت الغارات لتقدم قوات الشرعية في مديرية "
     "كتاف اليوم بإسناد من القوات السودانية.", "Military Forces of Saudi Arabia", "Military Forces of Yemen"),
    ("شنت الطائرات الروسية غارات على ريف إدلب. ومهد القصف الجوي الطريق أمام تقدم قوات النظام في بلدة الهبيط "
     "اليوم.", "Military Forces of Russia", "Military Forces of Syria"),
    ("شن طيران التحالف الدولي غارات على مواقع داعش في الموصل. ومهد القصف الجوي لتقدم القوات العراقية في حي "
     "الزنجيلي اليوم.", "Global Coalition against Daesh", "Military Forces of Iraq"),
    ("نفذت مقاتلات التحالف سلسلة غارات في محافظة الجوف. ومهد القصف الجوي لتقدم قوات الجيش الوطني في مديرية خب "
     "والشعف اليوم.", "Military Forces of Saudi Arabia", "Military Forces of Yemen"),
])
def test_strikes_that_opened_a_ground_advance_are_the_air_force_s(text, striker, ground):
    found = [e for e in events(text) if e.sub_event_type == "Air/drone strike"]
    assert found, pairs(events(text))
    assert all(e.actor1 == striker for e in found), pairs(found)


def test_a_state_s_own_air_force_opening_its_army_s_advance_keeps_the_strike():
    found = [e for e in events("شن الطيران الحربي السوري غارات على مواقع الفصائل في بلدة اللطامنة اليوم، ومهد القصف "
                               "لتقدم قوات النظام باتجاه البلدة.") if e.sub_event_type == "Air/drone strike"]
    assert found and found[0].actor1 == "Military Forces of Syria", pairs(found)


# --------------------------------------------------------------------------- districts listed after their plural noun

@pytest.mark.parametrize("text, districts", [
    ("شنت مقاتلات التحالف غارات على مديريات شدا وباقم بمحافظة صعدة اليوم.", {"Shada", "Baqim"}),
    ("قصفت المدفعية السعودية مديريات رازح وشدا ومنبه الحدودية اليوم.", {"Razih", "Shada", "Munabbih"}),
    ("شن طيران التحالف غارات على مناطق في صعدة وشملت الغارات مديريات باقم وشدا اليوم.", {"Shada"}),
    ("تركزت غارات التحالف اليوم في مديريتي مجز وساقين بمحافظة صعدة.", {"Majz", "Saqayn"}),
    ("قصفت ميليشيا الحوثي بالمدفعية مديريتي حيس والخوخة جنوب الحديدة اليوم.", {"Hays", "Al Khawkhah"}),
])
def test_districts_listed_after_their_plural_noun_are_the_places(text, districts):
    found = events(text)
    assert found, "no event"
    assert districts <= {e.location for e in found}, [(e.location, e.geo_precision) for e in found]
    assert "Sa'dah" not in {e.location for e in found} and "Sadah" not in {e.location for e in found}, \
        [(e.location, e.geo_precision) for e in found]
