"""Issue 16, thirteenth session: an event retold in a story about something else is not the day's
event. Each pattern in several wordings of our own (countries, verbs, actors, word orders), with
negative controls where the day's own act must stay."""
from __future__ import annotations

import pytest

from tests.test_stages_events5 import _extract, _kinds

PUBLISHED = "2019-04-11"  # a Thursday


def _on_day(found, place_words, day=PUBLISHED):
    """The records at a place whose name holds one of ``place_words``, dated ``day``."""
    return [e for e in found if e.event_date == day and any(w in (e.location or "") for w in place_words)]


# --- 1. what follows "بعد [مدة] من X" after the main clause goes on telling X ------------------------

@pytest.mark.parametrize("text, retold", [
    # Yemen/Saudi Arabia: the earlier missiles, listed by their targets after the span
    ("اعترضت الدفاعات الجوية السعودية، مساء الخميس، طائرة مسيرة أطلقها الحوثيون باتجاه مدينة أبها. "
     "ويأتي الهجوم الجديد بعد أسبوعين من اعتراض الدفاعات صاروخين باتجاه مدينة جازان، وإسقاط صاروخ "
     "ثالث أطلق باتجاه مدينة نجران.", ("Jizan", "Najran")),
    # Syria: a relative clause and a coordinated reply after the span
    ("قصفت طائرات حربية، الخميس، مواقع للفصائل في بلدة كفرنبل بريف إدلب، وتأتي الغارات بعد أقل من شهر "
     "من هجوم استهدف نقطة للجيش في ريف حماة، ردت عليه الطائرات الروسية بغارات عنيفة على بلدة اللطامنة "
     "قتل فيها عشرة مدنيين.", ("Latamina",)),
    # Palestine: a raid and its arrests, four words apart, after the span
    ("أصيب شاب فلسطيني برصاص الجيش الإسرائيلي، الخميس، قرب مدينة الخليل، بعد أيام من اقتحام القوات "
     "الإسرائيلية مخيم جنين واعتقالها عشرة شبان من سكانه.", ("Jenin",)),
    # Libya: an attack on a gate and its toll, after the span
    ("شنت طائرات تابعة للجيش الوطني الليبي، الخميس، غارات على مواقع لمسلحين في مدينة درنة، وذلك بعد "
     "أسابيع من هجوم شنه مسلحون على بوابة أمنية قرب مدينة أجدابيا وأسفر عن مقتل ثلاثة جنود.", ("Ajdabiya",)),
    # Lebanon: a strike and its toll, in a relative clause after the span
    ("قصفت المدفعية الإسرائيلية، الخميس، أطراف بلدة كفرشوبا جنوبي لبنان، وذلك بعد أيام من غارة جوية "
     "استهدفت سيارة قرب بلدة الخيام وأسفرت عن مقتل شخصين.", ("Khiam",)),
    # Gaza: a shelling and its dead after the span, the day's shooting before it
    ("فتحت قوات الاحتلال، الخميس، النار على صيادين قبالة شاطئ مدينة غزة، وذلك بعد أسبوعين من قصف مدفعي "
     "استهدف موقعا للمقاومة شرق مدينة خان يونس وقتل فيه ناشطان.", ("Khan Yunis",)),
])
def test_what_follows_a_passed_span_tells_the_earlier_event(text, retold):
    """"وتأتي X بعد أيام من اعتراض صاروخين باتجاه جازان وإسقاط ثالث باتجاه نجران": the whole of the
    span's phrase, its relative clauses and the reply told with it, is the earlier event, never one of
    the day the news is told."""
    found = _extract(text, PUBLISHED)
    assert not _on_day(found, retold), _kinds(found)
    assert found, "the day's own act stays"


@pytest.mark.parametrize("text, place", [
    # the span opens the sentence: the main clause after it is the day's act
    ("وبعد أيام من هجوم على بوابة أمنية قرب أجدابيا، قصفت الطائرات الخميس مواقع المسلحين في مدينة "
     "درنة وقتلت خمسة منهم.", "Darnah"),
    ("وبعد أسبوعين من اشتباكات في الحديدة، شنت مقاتلات التحالف الخميس غارات على مواقع الحوثيين في "
     "مدينة صعدة.", "Sa'dah"),
    # the new act in a sentence of its own after the span
    ("ويأتي القصف بعد أيام من هجوم على حاجز للجيش. وقتل ثلاثة مدنيين الخميس في غارة جوية على بلدة "
     "معرة النعمان بريف إدلب.", "Maarat al-Numan"),
])
def test_the_days_act_around_a_passed_span_stays(text, place):
    found = _extract(text, PUBLISHED)
    assert _on_day(found, (place,)), _kinds(found)


# --- 2. a death sentence in a verdict's lead is no death: the body's undated acts are the case's -----

@pytest.mark.parametrize("text", [
    "حكمت محكمة الجنايات المركزية في بغداد، الخميس، بالإعدام على خمسة مدانين في قضية تفجير سوق شعبي "
    "في مدينة الحلة. وانفجرت سيارة مفخخة وسط السوق المزدحم ما أسفر عن مقتل 20 شخصا.",
    "قضت المحكمة الجزائية المتخصصة في عدن، الخميس، بإعدام ثلاثة أشخاص في قضية اغتيال مدير أمن المدينة. "
    "واستهدف تفجير انتحاري موكب المدير في حي التواهي، ما أدى إلى مقتله وستة من مرافقيه.",
    "قضت محكمة عسكرية في القاهرة، الخميس، بإعدام 12 متهما في قضية الهجوم على كمين أمني. وفتح مسلحون "
    "النار على أفراد الكمين في مدينة العريش، ما أدى إلى مقتل ثمانية جنود.",
    "أصدرت محكمة أمن الدولة، الخميس، حكما بإعدام متهمين اثنين في قضية الهجوم على مكتب المخابرات. "
    "وأطلق مسلح النار على عناصر المكتب في مخيم البقعة شمال عمان فقتل خمسة منهم.",
    "قضت محكمة ليبية في مصراتة، الخميس، بالإعدام على سبعة متهمين بتفجير مقر للشرطة. وانفجرت شاحنة "
    "مفخخة أمام المقر في مدينة زليتن وقتل في التفجير أكثر من 50 شخصا.",
])
def test_a_verdicts_story_retells_its_case(text):
    """"قضت محكمة الخميس بإعدام 17 في قضية تفجير ... ووقع التفجير في مدينة X": the lead is a
    verdict (its death sentence kills no one) and the body tells the case's acts, of long before."""
    found = _extract(text, PUBLISHED)
    assert not [e for e in found if e.event_date == PUBLISHED], _kinds(found)


@pytest.mark.parametrize("text, place", [
    # a verdict beside the day's own attack, dated
    ("قضت محكمة عسكرية، الخميس، بإعدام 12 متهما. وفي سياق آخر، قتل ثلاثة جنود الخميس في هجوم مسلح على "
     "حاجز للجيش في مدينة العريش.", "Arish"),
    # an execution by an armed group is a killing, not a court's sentence
    ("أعدم تنظيم داعش، الخميس، خمسة مدنيين رميا بالرصاص في بلدة هجين بريف دير الزور الشرقي.", "Hajin"),
])
def test_a_real_killing_beside_or_without_a_verdict_stays(text, place):
    found = _extract(text, PUBLISHED)
    assert _on_day(found, (place,)), _kinds(found)


# --- 3. a reaction that names a known event (قصف الغوطة) in its lead tells no event of its day --------

@pytest.mark.parametrize("text", [
    "الأمم المتحدة تدين قصف الحديدة\nدانت الأمم المتحدة، الخميس، بشدة قصف الأحياء السكنية في مدينة "
    "الحديدة. وقال المتحدث باسم المنظمة إن القصف أدى إلى مقتل مدنيين في حي الربصة.",
    "الجامعة العربية تستنكر تفجير المسجد\nاستنكرت الجامعة العربية، الخميس، تفجير المسجد في مدينة "
    "بنغازي. وأوضح بيان الجامعة أن التفجير أسفر عن سقوط ضحايا بين المصلين.",
    "فرنسا تندد باقتحام المخيم\nنددت فرنسا، الخميس، باقتحام القوات الإسرائيلية مخيم جنين. وقالت الخارجية "
    "الفرنسية إن الاقتحام أدى إلى مقتل شابين واعتقال عشرات في المخيم.",
    "لبنان يدين قصف الجنوب\nأدان رئيس الحكومة اللبنانية، الخميس، قصف الطيران الإسرائيلي لبلدات في "
    "الجنوب. وكانت غارات قد استهدفت أطراف بلدة كفرشوبا وسقط فيها جرحى.",
    "ألمانيا تدين هجوم الفاشر\nدانت الحكومة الألمانية، الخميس، هجوم قوات الدعم السريع على مدينة الفاشر. "
    "وقالت المتحدثة إن الهجوم على مخيم زمزم للنازحين خلف عشرات القتلى.",
    "الخارجية الأميركية تدين تفجير مقديشو\nأدانت وزارة الخارجية الأميركية، الخميس، تفجير السيارة المفخخة "
    "في العاصمة الصومالية مقديشو. وأوضحت الوزارة أن التفجير خلف أكثر من 20 قتيلا قرب فندق في المدينة.",
    "الأمم المتحدة تدين قصف طرابلس\nدانت البعثة الأممية، الخميس، قصف حي أبو سليم في العاصمة الليبية "
    "طرابلس. وأكدت البعثة أن القصف أدى إلى مقتل ثلاثة أطفال.",
    "تركيا تستنكر هجوم عفرين\nاستنكرت وزارة الخارجية التركية، الخميس، هجوم المسلحين على مدينة عفرين. "
    "وقالت الوزارة إن الهجوم أسفر عن مقتل سبعة مدنيين في سوق المدينة.",
])
def test_a_reaction_to_a_known_event_tells_none_of_its_day(text):
    """"ميركل تدين قصف الغوطة ... التقارير الواردة عن سيطرة الجيش على المدينة": a condemnation of an
    event the reader knows, with only the reaction's day, is about the reaction; the event named again
    in its body with no day of its own is not one of the reaction's day."""
    found = _extract(text, PUBLISHED)
    assert not [e for e in found if e.event_date == PUBLISHED], _kinds(found)


@pytest.mark.parametrize("text, place", [
    # the condemned act is given its own day: it stays, on it
    ("الأمم المتحدة تدين قصف الحديدة\nدانت الأمم المتحدة، الخميس، قصفا استهدف صباح اليوم الخميس حي "
     "الربصة في مدينة الحديدة وأسفر عن مقتل خمسة مدنيين.", "Hudaydah"),
    # a lead that tells the day's act itself (no reaction verb)
    ("قصف الطيران الحربي، الخميس، الأحياء السكنية في مدينة الحديدة، ما أدى إلى مقتل ستة مدنيين. وقال "
     "مسعفون إن القصف استهدف حي الربصة.", "Hudaydah"),
])
def test_a_reaction_or_a_lead_with_the_days_act_keeps_it(text, place):
    found = _extract(text, PUBLISHED)
    assert _on_day(found, (place,)), _kinds(found)


# --- 4. the toll of a campaign begun long ago, told after a capture of the day, is no act of the day --

@pytest.mark.parametrize("text, place", [
    ("سيطرت قوات الجيش اليمني، الخميس، على مركز مديرية حيس، في إطار عملية بدأت منذ نحو ثلاثة أشهر ضد "
     "الحوثيين، أسفرت عن مقتل عشرات المدنيين جراء القصف المدفعي.", "Hays"),
    ("استعاد الجيش العراقي، الخميس، السيطرة على قضاء تلعفر، في إطار عملية عسكرية بدأت منذ شهرين، أسفرت "
     "عن مقتل مئات المدنيين جراء القصف.", "Tal Afar"),
    ("أحكمت قوات الدعم السريع، الخميس، سيطرتها على مدينة نيالا، في إطار هجوم بدأ منذ ستة أشهر، أسفر عن "
     "مقتل آلاف المدنيين جراء القصف المدفعي.", "Nyala"),
    ("سيطرت فصائل المعارضة، الخميس، على بلدة كفرنبودة، في إطار معركة بدأت منذ نحو أربعة أشهر، أسفرت عن "
     "سقوط قتلى من المدنيين من جراء القصف الجوي.", "Kafr Nabudah"),
    ("اقتحمت القوات الإسرائيلية، الخميس، مدينة نابلس، في حملة متواصلة منذ أشهر ضد المسلحين، أدت إلى "
     "سقوط عشرات القتلى بسبب الغارات.", "Nablus"),
])
def test_a_long_campaigns_toll_is_no_strike_of_the_day(text, place):
    """"في إطار عملية بدأت منذ نحو شهرين، أسفرت عن سقوط قتلى من جراء القصف": the result clause gives
    the toll of the campaign the clause before it says began long ago, not a bombardment of the day
    the capture is told on."""
    found = _extract(text, PUBLISHED)
    assert not [e for e in found if e.event_type == "Explosions/Remote violence" and e.event_date == PUBLISHED
                and place in (e.location or "")], _kinds(found)


@pytest.mark.parametrize("text, place", [
    # the result clause gives a day of its own
    ("قصفت المدفعية، الخميس، مدينة تعز، ضمن عملية بدأت منذ أشهر، وأسفر القصف الخميس عن مقتل خمسة مدنيين.",
     "Taiz"),
    ("قتل خمسة مدنيين، الخميس، جراء القصف المدفعي على مدينة تعز.", "Taiz"),
])
def test_a_toll_of_the_day_stays_beside_a_campaign(text, place):
    found = _extract(text, PUBLISHED)
    assert _on_day(found, (place,)), _kinds(found)


# --- 5. last week's acts in a story about something else (talks, a meeting, an appeal) are a recap ---

@pytest.mark.parametrize("text", [
    "بحث وزيرا خارجية تركيا وروسيا في أنقرة الوضع في محافظة إدلب. ولجأ آلاف النازحين إلى مدينة معرة "
    "النعمان التي تعرضت لغارات جوية وقصف الأسبوع الماضي.",
    "التقى المبعوث الأممي وفدا من الحكومة اليمنية في الرياض لبحث ملف الأسرى. وشهدت مدينة الحديدة مواجهات "
    "عنيفة الأسبوع الماضي بين القوات الحكومية والحوثيين.",
    "ناقش مجلس الأمن تقريرا عن الوضع الإنساني في ليبيا. وتعرضت أحياء جنوب طرابلس لقصف صاروخي الأسبوع الماضي.",
    "دعا الاتحاد الأوروبي إلى وقف التصعيد في قطاع غزة. وشنت الطائرات الإسرائيلية غارات على مدينة رفح "
    "الأسبوع الماضي.",
    "طالبت منظمات حقوقية بالتحقيق في الأوضاع بإقليم دارفور. وتعرضت مدينة الجنينة لهجمات مسلحة الأسبوع الماضي.",
])
def test_last_weeks_acts_in_a_story_about_something_else_are_a_recap(text):
    """"منطقة إدلب التي تعرضت لغارات جوية وقصف الأسبوع الماضي" in a story on talks: a lead that tells
    no event keeps only acts of the last days, and a week's span reaches further back, naming no day."""
    found = _extract(text, PUBLISHED)
    assert not found, _kinds(found)


@pytest.mark.parametrize("text, place, day", [
    # the story on talks also tells yesterday's strike, on its day
    ("بحث وزيرا خارجية تركيا وروسيا الوضع في إدلب. وقتل ثلاثة مدنيين، أمس، في غارة جوية على مدينة معرة "
     "النعمان.", "Maarat al-Numan", "2019-04-10"),
    # a lead that tells last week's strike itself keeps it
    ("قتل خمسة مدنيين الأسبوع الماضي في غارة جوية على مدينة معرة النعمان.", "Maarat al-Numan", "2019-04-04"),
])
def test_a_recent_day_or_an_event_lead_keeps_its_act(text, place, day):
    found = _extract(text, PUBLISHED)
    assert _on_day(found, (place,), day), _kinds(found)


# --- 6. the attack a story weighs a response to (الرد على الهجوم) is the event told already ----------

@pytest.mark.parametrize("text", [
    "واشنطن تدرس الرد على هجوم إدلب\nأكد البيت الأبيض ضرورة الرد على الهجوم الذي شنته قوات النظام على "
    "بلدة خان شيخون. وأسفر الهجوم على البلدة عن مقتل 70 شخصا، وفق الدفاع المدني.",
    "الحكومة اليمنية تبحث الرد على قصف تعز\nبحث مجلس الوزراء اليمني سبل الرد على القصف الحوثي لمدينة "
    "تعز. وأدى القصف على أحياء المدينة إلى مقتل 12 مدنيا.",
    "طرابلس تتوعد بالرد على هجوم المطار\nشدد المجلس الرئاسي الليبي على حتمية الرد على الهجوم الصاروخي "
    "على مطار معيتيقة. وأسفر القصف عن إصابة ثلاثة مسافرين في المطار.",
    "إسرائيل تدرس الرد على إطلاق الصواريخ من غزة\nناقش المجلس الوزاري المصغر في إسرائيل الرد على إطلاق "
    "الصواريخ من قطاع غزة. وسقطت الصواريخ على مدينة عسقلان وأصابت منزلا.",
    "الخرطوم تتعهد بالرد على هجوم الفاشر\nتعهد الجيش السوداني بالرد على الهجوم الذي استهدف مدينة الفاشر. "
    "وقتل في الهجوم على المدينة 15 مدنيا.",
])
def test_the_attack_a_response_is_weighed_to_is_told_already(text):
    """"تؤكد على حتمية الرد على الهجوم الكيماوي ... وأسفر الهجوم الكيماوي في دوما عن مقتل 150": a story
    on the response names the attack as its object; told again with no day of its own, it is no attack
    of the day the response is weighed."""
    found = _extract(text, PUBLISHED)
    assert not [e for e in found if e.event_date == PUBLISHED], _kinds(found)


@pytest.mark.parametrize("text, place", [
    ("وفي إطار الرد على الهجوم، شنت الطائرات الحربية الخميس غارات على بلدة خان شيخون.", "Khan Shaykhun"),
    ("أعلن الجيش السوداني، الخميس، أنه نفذ الرد على الهجوم بقصف مواقع المسلحين في مدينة الفاشر، ما أسفر "
     "عن مقتل عشرة منهم.", "El Fasher"),
])
def test_a_response_carried_out_on_the_day_stays(text, place):
    found = _extract(text, PUBLISHED)
    assert _on_day(found, (place,)), _kinds(found)
