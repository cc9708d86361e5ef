"""A characterisation is no act: a verb of considering, its subject and "one of the most" before an
event word in one clause ("وتعد الوحدات الكردية من أكثر القوات نجاحا في قتال التنظيم"، "وتعتبر المنطقة
من أكثر المناطق تعرضا للقصف") says what someone or somewhere is like. An act told in another clause
of the sentence, or with its own day or toll, stays."""
import pytest

import marsad

DAY = "2015-08-20"


def _records(text: str) -> list[tuple[str, str]]:
    return [(e.sub_event_type, e.location) for e in marsad.extract(text, DAY)]


@pytest.mark.parametrize("text, kept", [
    ("قتل شخصان بانفجار عبوة ناسفة في مدينة القامشلي أمس. وتعد الوحدات الكردية من أكثر القوات نجاحا في قتال "
     "التنظيم المتطرف في الأجزاء الشمالية لسوريا.", ("Remote explosive/landmine/IED", "Qamishli")),
    ("قتل مدني بقصف على بلدة كنصفرة اليوم. وتعتبر منطقة جبل الزاوية من أكثر المناطق تعرضا للقصف المدفعي في ريف "
     "إدلب.", ("Shelling/artillery/missile attack", "Kansafra")),
    ("أصيب ثلاثة جنود بانفجار لغم قرب بلدة تل تمر اليوم. ويعد تنظيم داعش من أخطر الجماعات التي تزرع الألغام "
     "والعبوات الناسفة في المنطقة.", ("Remote explosive/landmine/IED", "Tal Tamr")),
    ("قتل عنصر من الشرطة برصاص مجهولين في مدينة الرمادي اليوم. ويعتبر قضاء الرمادي من بين أكثر المناطق التي "
     "تشهد هجمات مسلحة في الأنبار.", ("Armed clash", "Ramadi")),
])
def test_a_characterisation_is_no_event(text, kept):
    assert _records(text) == [kept]


def test_an_act_in_another_clause_of_the_sentence_stays():
    text = ("وتعتبر بلدة كنصفرة من أكثر البلدات تعرضا للقصف في جبل الزاوية، وقد قتل فيها ثلاثة مدنيين أمس بقصف "
            "مدفعي لقوات النظام.")
    found = _records(text)
    assert ("Shelling/artillery/missile attack", "Kansafra") in found, found
