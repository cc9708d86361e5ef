"""Every knowledge-base file loads and passes its checks."""
import pytest

from marsad.actors import load_actor_kb
from marsad.errors import KnowledgeBaseError
from marsad.kb import DATA_DIR, load_table
from marsad.triggers import EVENT_TYPES, TERRITORY, trigger_matcher

SCHEMA_ACTORS = {
    "Islamic State": 2, "Syrian Democratic Forces": 2, "Asayish": 3, "Global Coalition against Daesh": 8,
    "Military Forces of Syria": 1, "Military Forces of Turkey": 8, "Syrian National Army": 2,
    "Hayat Tahrir al-Sham": 2, "Military Forces of Iraq": 1, "Popular Mobilization Forces": 3,
    "Military Forces of Russia": 8, "Military Forces of Israel": 8, "Civilians": 7, "Protesters": 6,
    "Unidentified Armed Group": 3,
}


def test_every_tsv_file_has_a_header_and_consistent_rows():
    for path in sorted(DATA_DIR.glob("*.tsv")):
        rows = load_table(path.name)
        assert rows, path.name


def test_schema_actors_are_present_with_their_acled_codes():
    kb = load_actor_kb()
    for name, inter in SCHEMA_ACTORS.items():
        assert kb.actors[name].inter == inter, name


def test_every_actor_has_arabic_aliases_and_no_alias_is_shared_without_a_scope():
    owners: dict[str, list[str]] = {}
    for row in load_table("actors.tsv"):
        aliases = [a for a in row["aliases_ar"].split("|") if a]
        assert aliases, row["canonical"]
        for a in aliases:
            owners.setdefault(a, []).append((row["canonical"], row["scope"]))
    for alias, who in owners.items():
        if len(who) > 1:
            assert all(scope for _, scope in who), f"{alias} is shared by {who} without country scopes"


def test_triggers_cover_every_acled_event_type():
    types = {row["event_type"] for row in load_table("triggers.tsv")}
    assert types == set(EVENT_TYPES)
    subs = {row["sub_event_type"] for row in load_table("triggers.tsv")} - {TERRITORY}
    for etype, expected in EVENT_TYPES.items():
        assert subs & set(expected), etype
    assert trigger_matcher().size > 100


def test_a_malformed_row_is_reported_with_file_and_line(tmp_path, monkeypatch):
    import marsad.kb as kb
    (tmp_path / "bad.tsv").write_text("a\tb\n1\t2\t3\n", encoding="utf-8")
    monkeypatch.setattr(kb, "DATA_DIR", tmp_path)
    kb.load_table.cache_clear()
    with pytest.raises(KnowledgeBaseError) as err:
        kb.load_table("bad.tsv")
    assert "bad.tsv:2" in str(err.value)
    kb.load_table.cache_clear()
