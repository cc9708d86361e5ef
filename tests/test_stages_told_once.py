"""One incident recorded once at its most precise place (issue 16, sixteenth session): a blast told
at a governorate or countryside and the attack on the same convoy told at a town in it, tied to
the blast ("بعد الانفجار"), are one explosion at the town; a lead of confrontations told only by
the region ("في عدد من مدن محافظة X") over the protests the body tells at its towns is their
summary, not an armed clash of its own. Two incidents stay two: a blast and an attack in two
governorates, an attack not tied to the blast, two towns struck by two sides, two ambushes in two
governorates, a lead that names an armed group or counts dead of its own. Every sentence is our
own."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SUNDAY = date(2023, 5, 7)


def records(text: str) -> list:
    return marsad.extract(text, published=SUNDAY, min_confidence=0)


# ----------------------------------------------------- a blast at the region, the attack at its town

@pytest.mark.parametrize("text, town", [
    ("استهدف انفجار موكبا لمحافظ ديالى خلال جولة له في محافظة ديالى، وفق ما نقلت وسائل الإعلام الرسمية. "
     "وأدى الانفجار لجرح خمسة أشخاص.\nوأكدت الشرطة نجاة المحافظ من محاولة اغتيال استهدفت موكبه في مدينة "
     "المقدادية، مضيفة أن المنفذين أطلقوا النار على الموكب بعد وقوع التفجير.", "Muqdadiyah"),
    ("تعرض موكب وزير الداخلية الصومالي لانفجار في إقليم شبيلي السفلى اليوم الأحد. وأصيب اثنان من الحراس.\n"
     "وذكرت مصادر أن مسلحين استهدفوا الموكب في مدينة أفجوي بعد الانفجار.", "Afgooye"),
    ("استهدف تفجير سيارة مفخخة موكب آمر كتيبة خلال مروره في منطقة الجفرة، الأحد، وفق مصادر محلية. وأسفر "
     "التفجير عن إصابة ثلاثة من مرافقيه.\nوقال مصدر أمني إن مسلحين أطلقوا النار على الموكب عند مدخل مدينة "
     "هون عقب الانفجار.", "Hun"),
])
def test_blast_at_a_region_and_attack_at_its_town_are_one_explosion_at_the_town(text, town):
    found = records(text)
    assert [(e.sub_event_type, e.location) for e in found] == [("Remote explosive/landmine/IED", town)]


@pytest.mark.parametrize("text", [
    # the attack lies in another governorate than the blast
    "انفجرت عبوة ناسفة بموكب مسؤول محلي في محافظة صلاح الدين صباح اليوم الأحد، ما أدى إلى إصابة اثنين من "
    "حراسه.\nوفي محافظة نينوى، استهدف مسلحون مجهولون سيارة مسؤول آخر في مدينة تلعفر بعد الانفجار.",
    # the attack in a town of the blast's governorate, not tied to the blast
    "انفجرت عبوة ناسفة بدورية للشرطة في محافظة ديالى صباح اليوم الأحد، ما أدى إلى إصابة اثنين من عناصرها.\n"
    "وفي مدينة المقدادية، أطلق مسلحون مجهولون النار على سيارة مدنية، ما أدى إلى إصابة سائقها.",
])
def test_blast_and_attack_not_told_as_one_act_stay_two(text):
    found = records(text)
    assert sorted(e.event_type for e in found) == ["Explosions/Remote violence", "Violence against civilians"], \
        [(e.sub_event_type, e.location) for e in found]


def test_two_ambushes_in_two_governorates_stay_two():
    text = ("نصب مسلحون كمينا لدورية للجيش في محافظة القصرين، الأحد، وقتلوا جنديين. وفي محافظة جندوبة، نصب "
            "مسلحون كمينا آخر لدورية للحرس الوطني قرب مدينة غار الدماء وقتلوا ثلاثة من عناصرها.")
    found = sorted((e.admin1, e.fatalities) for e in records(text))
    assert found == [("Jendouba", 3), ("Kasserine", 2)]


@pytest.mark.parametrize("text, places", [
    ("قصفت طائرات التحالف بلدة حرض، الأحد، فيما قصفت مدفعية الحوثيين مدينة ميدي في اليوم نفسه.",
     ["Harad", "Midi"]),
    ("شنت طائرات روسية غارات على بلدة كفرنبل اليوم الأحد، وقصفت فصائل المعارضة بلدة السقيلبية بالصواريخ.",
     ["Al-Suqaylabiyah", "Kafranbel"]),
])
def test_two_towns_struck_the_same_day_by_two_sides_stay_two(text, places):
    assert sorted(e.location for e in records(text)) == places


# ------------------------------------------- a lead of confrontations by the region over its protests

@pytest.mark.parametrize("text, towns", [
    ("اندلعت مواجهات بين قوات الأمن وشبان غاضبين في عدد من مدن محافظة البصرة، الأحد، احتجاجا على انقطاع "
     "الكهرباء.\nوخرجت مظاهرات غاضبة، مساء الأحد، في مدن الزبير وأبي الخصيب والقرنة، وأطلقت الشرطة الغاز "
     "المسيل للدموع.", ["Abi al Khasib", "Al Qurnah", "Az Zubayr"]),
    ("شهدت مدن عدة في محافظة ذي قار، الأحد، مواجهات بين الشرطة ومحتجين على تردي الخدمات.\nوتظاهر المئات "
     "في مدينتي الشطرة وسوق الشيوخ، وأطلقت الشرطة الغاز المسيل للدموع.", ["Ash Shatrah", "Suq ash Shuyukh"]),
    ("اندلعت مواجهات بين الجيش الإسرائيلي وشبان فلسطينيين في عدد من بلدات الضفة الغربية، الأحد، رفضا "
     "لمصادرة الأراضي.\nوتظاهر المئات، ظهر الأحد، عند حاجز قلنديا وفي بلدتي بيت أمر وكفر قدوم.",
     ["Beit Ummar", "Kafr Qaddum", "Qalandia checkpoint"]),
])
def test_lead_of_confrontations_by_the_region_sums_up_the_protests_at_its_towns(text, towns):
    found = records(text)
    assert all(e.event_type == "Protests" for e in found), [(e.sub_event_type, e.location) for e in found]
    assert sorted(e.location for e in found) == towns


def test_lead_of_clashes_with_an_armed_group_stays_beside_a_protest():
    text = ("اندلعت اشتباكات بين الجيش السوري ومسلحي داعش في عدد من قرى ريف حمص الشرقي، الأحد.\n"
            "وتظاهر العشرات في مدينة تلكلخ احتجاجا على انقطاع الكهرباء.")
    assert sorted(e.event_type for e in records(text)) == ["Battles", "Protests"]


def test_lead_of_confrontations_with_its_own_dead_is_kept():
    text = ("اندلعت مواجهات بين قوات الأمن ومحتجين في عدد من مدن محافظة البصرة، الأحد، أسفرت عن مقتل شخصين.\n"
            "وخرجت مظاهرات غاضبة في مدينة الزبير.")
    assert any(e.fatalities == 2 and e.location == "Basra" for e in records(text))


# ------------------------------------------------------------ a clash with the attackers of a blast

@pytest.mark.parametrize("text, town", [
    ("قتل ثمانية أشخاص في هجوم انتحاري استهدف مبنى وزارة الخارجية في العاصمة الصومالية مقديشو اليوم "
     "الأحد. وأفاد شهود أن قوات الأمن اشتبكت مع المهاجمين داخل المبنى لساعتين.", "Mogadishu"),
    ("فجر انتحاري حزاما ناسفا عند بوابة مركز للشرطة في مدينة الرمادي صباح اليوم الأحد، ما أدى إلى مقتل "
     "ثلاثة من عناصر الشرطة. واشتبك الحراس بعد ذلك مع منفذي الهجوم لنحو ساعة.", "Ramadi"),
    ("انفجرت سيارة مفخخة قرب فندق في مدينة سرت اليوم الأحد، ما أسفر عن مقتل أربعة مدنيين. ودارت اشتباكات "
     "بين قوات الأمن والمسلحين في محيط الفندق.", "Sirte"),
    ("انفجرت عبوة ناسفة بحافلة تقل موظفين في مدينة كركوك اليوم الأحد، ما أسفر عن مقتل ثلاثة منهم. واندلعت "
     "اشتباكات بين الشرطة والمهاجمين قرب موقع الانفجار.", "Kirkuk"),
])
def test_clash_with_the_attackers_of_a_blast_is_the_blast(text, town):
    found = records(text)
    assert [(e.event_type, e.location) for e in found] == [("Explosions/Remote violence", town)], \
        [(e.sub_event_type, e.location, e.actor1) for e in found]


@pytest.mark.parametrize("text", [
    # armed men the sentence introduces, in another town
    "قتل ثمانية أشخاص في هجوم انتحاري استهدف مبنى وزارة الخارجية في العاصمة الصومالية مقديشو اليوم الأحد. "
    "وفي مدينة أفجوي، اشتبكت قوات الأمن مع مسلحين من حركة الشباب.",
    # armed men the sentence introduces, with dead of their own
    "قتل ثمانية أشخاص في هجوم انتحاري استهدف مبنى وزارة الخارجية في العاصمة الصومالية مقديشو اليوم الأحد. "
    "واشتبكت قوات الأمن مع مسلحين في حي آخر من المدينة وقتلت خمسة منهم.",
    # the exchange of fire that ends a shooting attack: no blast to take it
    "أطلق مسلحون النار على ركاب حافلة في بلدة العريش اليوم الأحد، ما أسفر عن مقتل ستة مدنيين. واشتبكت "
    "قوات الجيش مع المسلحين قرب البلدة.",
])
def test_clash_with_men_of_its_own_or_after_a_shooting_stays(text):
    assert "Battles" in {e.event_type for e in records(text)}


# ------------------------------------------------- an area told only as where unnamed places lie

@pytest.mark.parametrize("text, towns", [
    ("شنت طائرات حربية روسية، الأحد، غارات مكثفة استهدفت مناطق عدة في ريف إدلب الجنوبي. وأوضح الدفاع المدني "
     "أن الغارات استهدفت بلدات عدة في الريف الجنوبي لمحافظة إدلب، حيث تركز القصف على بلدات كفرنبل وحاس "
     "ومعرة حرمة.", ["Has", "Kafranbel", "Maarat Hurma"]),
    ("تعرضت قرى عدة في ريف حماة الشمالي لقصف صاروخي من قوات النظام، الأحد، بحسب ناشطين، طال بلدات اللطامنة "
     "وكفرزيتا ومورك.", ["Al-Lataminah", "Kafr Zita", "Morek"]),
    ("قصفت القوات التركية بالمدفعية عددا من قرى ريف الحسكة الشمالي، الأحد، وطال القصف قريتي الدرباسية وأبو "
     "راسين.", ["Abu Rasin", "Al-Darbasiyah"]),
])
def test_area_of_unnamed_places_beside_its_named_towns_is_their_summary(text, towns):
    assert sorted(e.location for e in records(text)) == towns


@pytest.mark.parametrize("text", [
    # strikes by other means than the town's shelling
    "شنت طائرات حربية غارات على مناطق عدة في ريف إدلب الجنوبي، الأحد. وقصفت مدفعية النظام بلدة سراقب.",
    # the town lies in another governorate
    "شنت طائرات حربية غارات على مناطق عدة في ريف درعا الشرقي، الأحد. وفي ريف حلب الغربي، استهدفت الغارات "
    "بلدة الأتارب.",
])
def test_area_of_unnamed_places_without_its_towns_stays(text):
    assert any(e.geo_precision == 2 and e.location.endswith("countryside") and e.admin1 in ("Idlib", "Dara")
               for e in records(text)), [(e.sub_event_type, e.location) for e in records(text)]


# ------------------------------------------------ the doers of a fight told again with their means

@pytest.mark.parametrize("text", [
    "قتل ستة من عناصر الحرس الوطني التونسي، الأحد، في كمين نصبه مسلحون قرب مدينة القصرين. وقالت وزارة "
    "الداخلية في تونس العاصمة إن المسلحين هاجموا دورية أمنية بعبوة ناسفة قبل أن يطلقوا النار عليها.",
    "قتل خمسة جنود مصريين، الأحد، في كمين نصبه مسلحون جنوب مدينة رفح. وأفاد مصدر أمني في القاهرة بأن "
    "المسلحين استهدفوا المدرعة بعبوة ناسفة.",
    "قتل عنصران من قوات سوريا الديمقراطية في كمين نصبه مسلحون قرب بلدة الشحيل، الأحد. وذكر ناشطون أن "
    "المسلحين هاجموا سيارة العنصرين بقنبلة يدوية.",
])
def test_blast_told_by_the_doers_of_an_ambush_is_the_ambush(text):
    found = records(text)
    assert len(found) == 1, [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_blast_by_men_the_sentence_introduces_in_another_town_stays():
    text = ("قتل ستة من عناصر الحرس الوطني في كمين نصبه مسلحون قرب مدينة القصرين، الأحد. وفي مدينة سبيطلة، فجر "
            "مسلحون عبوة ناسفة بدورية للجيش.")
    assert sorted(e.location for e in records(text)) == ["Kasserine", "Sbeitla"]


def test_lead_told_by_a_word_of_attack_keeps_the_blast_its_body_tells():
    """"هجوم لمسلحين" in the lead and "المهاجمين استهدفوا النقطة بعبوة ناسفة" after it: one blast (the
    lead's general word sums it up), not the lead's clash alone."""
    text = ("قتل ثلاثة من عناصر الشرطة العراقية في هجوم لمسلحين على نقطة تفتيش في قضاء الطارمية، الأحد. وأوضحت "
            "خلية الإعلام الأمني في بغداد أن المهاجمين استهدفوا النقطة بعبوة ناسفة قبل أن يشتبكوا مع عناصرها.")
    assert [e.event_type for e in records(text)] == ["Explosions/Remote violence"]
