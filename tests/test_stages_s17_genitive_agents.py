"""A bare side word right after an attack noun names the attacker ("قصف المعارضة على حي القصاع"، "قصف
النظام على كفرنبل"، "بقذائف المعارضة"); alone the word names no armed actor; the data file is valid."""
import pytest

import marsad
from marsad.actors import load_actor_kb
from marsad.kb import load_table, split_list


@pytest.mark.parametrize("text, attacker", [
    ("قالت مصادر حكومية إن قصف المعارضة على حي القصاع في دمشق أسفر اليوم عن مقتل ثلاثة أشخاص.",
     "Opposition Rebels"),
    ("قتل مدنيان اليوم بقذائف المعارضة على حي جرمانة في ريف دمشق.", "Opposition Rebels"),
    ("قتل خمسة مدنيين اليوم في قصف النظام على بلدة كفرنبل.", "Military Forces of Syria"),
    ("قتل 40 شخصا أمس في دوما جراء قصف القوات الحكومية. بالمقابل، قالت مصادر حكومية إن قصف المعارضة على "
     "حي القصاع في دمشق أسفر عن مقتل ثلاثة أشخاص.", "Opposition Rebels"),
])
def test_a_side_word_after_an_attack_noun_is_the_attacker(text, attacker):
    found = [e for e in marsad.extract(text, "2018-02-22", min_confidence=0) if e.fatalities in (2, 3, 5)]
    assert found and all(e.actor1 == attacker for e in found), [(e.location, e.actor1) for e in found]


def test_the_opposition_as_a_political_side_is_no_attacker():
    text = "اعتقلت قوات الأمن اليوم ثلاثة ناشطين من المعارضة في مدينة حماة."
    found = marsad.extract(text, "2018-02-22", min_confidence=0)
    assert "Opposition Rebels" not in [e.actor2 for e in found] + [e.actor1 for e in found]


def test_the_genitive_agents_file_names_known_actors_and_countries():
    kb = load_actor_kb()
    codes = {row["code"] for row in load_table("countries.tsv", required=("code", "name"))}
    rows = load_table("genitive_agents.tsv", required=("side", "actor"))
    assert rows
    for row in rows:
        assert row["actor"] in kb.actors, row
        assert set(split_list(row.get("scope") or "")) <= codes, row
