"""The data's words in the interface's language (issue 20 item 6) and the map's town names: Arabic
labels of every ACLED type and sub-type, actors' Arabic names from the knowledge base, and the
packaged town list, each read from its data file and checked."""
from __future__ import annotations

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.triggers import EVENT_TYPES
from marsad.web import labels
from marsad.web.towns import TOWNS, load_towns


def test_every_event_type_and_sub_type_has_an_arabic_label():
    names = [t for t in EVENT_TYPES] + [s for subs in EVENT_TYPES.values() for s in subs]
    missing = [n for n in names if n not in labels.event_labels()]
    assert missing == []
    arabic = [labels.event_label(n, "ar") for n in names]
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in a) for a in arabic)
    assert len(set(arabic)) == len(arabic)  # no two types read the same
    assert labels.event_label("Battles", "en") == "Battles"


@pytest.mark.parametrize("name, arabic", [
    ("Islamic State", "داعش"), ("Syrian Democratic Forces", "قسد"),
    ("Unidentified Armed Group (Syria)", "جماعة مسلحة مجهولة (سوريا)"),
    ("Civilians (Iraq)", "مدنيون (العراق)"), ("Police Forces of Yemen", "قوات الشرطة (اليمن)"),
    ("Police Forces of Yemen (2015-)", "قوات الشرطة (اليمن)"), ("Some Local Militia", "Some Local Militia")])
def test_actor_names_in_arabic(name, arabic):
    assert labels.actor_label(name, "ar") == arabic
    assert labels.actor_label(name, "en") == name


def test_the_town_list_is_read_and_checked():
    towns = load_towns()
    assert len(towns) > 3000
    assert [t.population for t in towns] == sorted((t.population for t in towns), reverse=True)
    aleppo = next(t for t in towns if t.name == "Aleppo" and t.country_code == "SY")
    assert aleppo.name_ar == "حلب" and abs(aleppo.latitude - 36.2) < 0.1
    assert sum(1 for t in towns if t.name_ar) > 0.5 * len(towns)


@pytest.mark.parametrize("row, message", [
    ("Aleppo\tحلب\tSY\tnorth\t37.1\t100", "latitude and longitude must be numbers"),
    ("Aleppo\tحلب\tSY\t96.0\t37.1\t100", "latitude -90..90"),
    ("Aleppo\tHalab\tSY\t36.2\t37.1\t100", "Arabic name in Arabic letters"),
    ("Aleppo\tحلب\tSY\t36.2\t37.1", "5 columns, expected 6")])
def test_a_bad_town_row_names_its_file_and_line(tmp_path, row, message):
    path = tmp_path / "towns.tsv"
    header = TOWNS.read_text(encoding="utf-8").splitlines()[:4]
    path.write_text("\n".join(header + ["Homs\tحمص\tSY\t34.7\t36.7\t50", row]) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_towns.__wrapped__(path)
    assert message in str(caught.value) and f"{path}:6" in str(caught.value)
