"""Every knowledge-base file loads and passes its checks."""
import re
from pathlib import Path

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


# Where code names a category of cues.tsv: cue_words("x"), cue_phrases("x"), cue_matcher("x"),
# cue_starts(doc, "x"), roles' _in_units(a, g, "x") / _cue_in_units(a, g, "x"), row["cue"] == "x".
_CUE_NAMES = re.compile(r'\b(?:cue_words|cue_phrases|cue_matcher)\(\s*"([^"]+)"'
                        r'|\b(?:cue_starts|_in_units|_cue_in_units)\([^"()]*"([^"]+)"'
                        r'|(?:\["cue"\]|\.get\("cue"\)) == "([^"]+)"')


def _cue_categories() -> dict[str, list[str]]:
    from marsad.arabic.normalise import normalise_term
    found: dict[str, list[str]] = {}
    for row in load_table("cues.tsv", required=("cue", "phrase")):
        found.setdefault(row["cue"], []).append(normalise_term(row["phrase"]))
    return found


def _cue_names_in_code() -> dict[str, str]:
    """Category -> a file that names it."""
    import marsad
    root = Path(marsad.__file__).parent
    names: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        for m in _CUE_NAMES.finditer(path.read_text(encoding="utf-8")):
            names.setdefault(next(g for g in m.groups() if g), str(path.relative_to(root)))
    return names


def test_every_cue_category_named_in_code_exists_and_is_not_empty():
    from marsad.cues import cue_phrases
    from marsad.geo.places import _STOPWORD_CUES
    from marsad.stages.clauses import _OPENER_KINDS
    categories = _cue_categories()
    names = _cue_names_in_code()
    assert len(names) > 50, "the scan of the code found too few cue names"
    names.update({f"clause_{kind}": "stages/clauses.py" for kind in _OPENER_KINDS})  # cue_matcher(f"clause_{kind}")
    names.update({cue: "geo/places.py (_STOPWORD_CUES)" for cue in _STOPWORD_CUES})
    missing = {cue: where for cue, where in names.items() if not any(categories.get(cue, []))}
    assert not missing, f"categories named in code but absent from cues.tsv: {missing}"
    for cue in names:
        assert cue_phrases(cue), cue


def test_no_cue_category_holds_the_same_normalised_phrase_twice():
    twice = {}
    for cue, phrases in _cue_categories().items():
        seen = set()
        for phrase in phrases:
            assert phrase, f"empty phrase in {cue}"
            if phrase in seen:
                twice.setdefault(cue, []).append(phrase)
            seen.add(phrase)
    assert not twice, twice


def test_cue_words_are_normalised_and_an_unknown_category_is_an_error():
    from marsad.cues import cue_words
    assert "الي" in cue_words("destination_preposition")  # written إلى
    with pytest.raises(KnowledgeBaseError):
        cue_words("no such cue")


def test_relation_words_load_with_their_positions():
    from marsad.geo.places import relation_words
    assert relation_words("ar", "before")["شمالي"] == "north"
    assert relation_words("ar", "after")["الغربي"] == "west"
    assert relation_words("en", "of")["outskirts"] == "near"
    assert relation_words("en", "before")["close to"] == "near"


def test_no_casualty_word_is_also_a_country_name():
    # the accusative of a demonym can spell its country (سوريّاً = سوريا): listed as a victim noun it
    # would make the country a stopword that needs a place noun before it
    from marsad.arabic.normalise import normalise_term
    from marsad.kb import load_table, split_list
    countries = {normalise_term(n) for row in load_table("countries.tsv") for n in split_list(row.get("names_ar", ""))}
    words = {normalise_term(row["form"]) for row in load_table("casualty_words.tsv", required=("form", "kind"))}
    assert countries, "countries.tsv has Arabic names"
    assert not (words & countries), words & countries


def test_neighbours_are_pairs_of_known_country_codes_and_symmetric():
    from marsad.geo.places import neighbours
    near = neighbours()
    assert "TR" in near["SY"] and "SY" in near["TR"]
    assert all(a in near[b] for a, bs in near.items() for b in bs)
    assert all(len(c) == 2 and c.isupper() for c in near)


def test_proxy_rows_name_known_actors_and_a_sponsor_other_than_the_country():
    kb = load_actor_kb()
    rows = load_table("proxy_names.tsv", required=("country", "alias", "actor"))
    assert rows
    for row in rows:
        assert row["actor"] in kb.actors, row
        assert row["sponsor"] != row["country"], row
