"""Analysts' local gazetteer entries: the geocoder uses them, the store keeps them (SQLite and
PostgreSQL) and re-geocodes the events of their place, and ``marsad places`` sets, lists and
finds the names no gazetteer knows.

The records of unknown places follow the extractor's contract (the chosen location evidence
carries ``"in_gazetteer": false`` and the name as written, or has no ``place_id``); they are
built here, from a real extraction whose place is then made unknown, not left to the extractor.
The villages named below (الزعفرانة الشرقية، تل الورود، ...) are written for these tests; none is in
marsad's gazetteer.
"""
from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

import marsad
from marsad.cli import main
from marsad.errors import UsageError
from marsad.geo.gazetteer import load_gazetteer, name_key, register_local_places
from marsad.ingest import ingest
from marsad.model import Article, Event, Extracted, LocalPlace
from marsad.runner import Runner
from marsad.store import open_store
from marsad.store import local_places as lp

VILLAGE = "الزعفرانة الشرقية"
VILLAGE_AT = (35.2601, 36.8111)  # a point in Hama governorate
SENTENCE = "قتل مدنيان بقصف على قرية الزعفرانة الشرقية بريف حماة الشمالي"
NEW_SENTENCE = "قتل طفل وأصيب ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة الزعفرانة الشرقية صباح اليوم"


@pytest.fixture(autouse=True)
def no_local_places_left():
    """Each test starts and ends with a gazetteer without local entries (it is process-wide)."""
    register_local_places([])
    yield
    register_local_places([])


def resolved(text: str, published: str = "2024-05-01") -> list[tuple]:
    return [(e.location, e.latitude, e.longitude, e.geo_precision, e.admin1)
            for e in marsad.extract(text, published=published)]


# --------------------------------------------------------------------------- the geocoder

def test_unknown_village_resolves_to_its_local_entry_at_precision_1():
    before = resolved(SENTENCE)
    assert before and all(p[3] != 1 for p in before), before  # placed by its container only
    register_local_places([LocalPlace(VILLAGE, *VILLAGE_AT, "Syria", "SY", "Hama", id=1)])
    after = resolved(SENTENCE)
    assert [(p[1], p[2], p[3], p[4]) for p in after] == [(*VILLAGE_AT, 1, "Hama")]
    # another spelling (ه for ة) and another place noun, with no container named
    assert [(p[1], p[2], p[3]) for p in resolved(NEW_SENTENCE.replace("الشرقية", "الشرقيه"))] == [(*VILLAGE_AT, 1)]
    # gone again when the entries are replaced by none
    register_local_places([])
    assert resolved(SENTENCE) == before


def test_local_entry_outranks_its_namesake_in_that_governorate_but_not_elsewhere():
    gaz = load_gazetteer()
    # a village of GeoNames that has a namesake in another country
    name, home, other = _village_with_foreign_namesake(gaz)
    moved = (home.latitude + 0.05, home.longitude + 0.05)
    register_local_places([LocalPlace(name, *moved, home.country, home.country_code, home.admin1, id=7)])
    ids = [p.place_id for p in gaz.lookup(name)]
    assert ids[0] == "cur:local-7"
    assert home.place_id not in ids  # the namesake of its governorate is shadowed
    assert other.place_id in ids  # the one in another country stays a candidate
    register_local_places([])
    assert home.place_id in [p.place_id for p in gaz.lookup(name)]


def _village_with_foreign_namesake(gaz):
    by_key: dict[str, list] = {}
    for place in gaz.places():
        if place.place_id.startswith("gn:") and place.kind == "village" and place.name_ar:
            by_key.setdefault(name_key(place.name_ar), []).append(place)
    for key, places in sorted(by_key.items()):
        found = gaz.lookup(key)
        syrian = [p for p in found if p.country_code == "SY" and p.admin1 and not p.is_area]
        foreign = [p for p in found if p.country_code not in ("SY",) and not p.is_area]
        if len(syrian) == 1 and foreign:
            return key, syrian[0], foreign[0]
    pytest.fail("no Syrian village with a foreign namesake in the gazetteer")


# --------------------------------------------------------------------------- records of unknown places

_BASE: dict = {}


def base_record() -> dict:
    """A real record (the extractor's output for SENTENCE), taken once."""
    if not _BASE:
        _BASE.update(marsad.extract(SENTENCE, published="2024-05-01")[0].to_record())
    return copy.deepcopy(_BASE)


def unknown_place_record(name: str, day: str, *, country="Syria", admin1="Hama", at=(35.1318, 36.7578),
                         flag: bool = True) -> dict:
    """A record whose place no gazetteer knows: placed at its container (precision 2) and, by the
    extractor's contract, flagged ``in_gazetteer: false`` (or, ``flag=False``, with no place_id)."""
    r = base_record()
    r.update(event_id="ev-" + name_key(name + day).replace(" ", "")[:10] + day, event_date=day,
             event_date_start=day, event_date_end=day, location=name, latitude=at[0], longitude=at[1],
             geo_precision=2, country=country, admin1=admin1, admin2=admin1)
    item = {"start": 0, "end": len(name), "text": name, "location": name, "chosen": True, "geo_precision": 2,
            "place_id": "adm1:SY-HM" if flag else None, "reason": f"{name} is not in the gazetteer"}
    if flag:
        item["in_gazetteer"] = False
    r["evidence"]["location"] = [item]
    return r


class Given(Runner):
    """Hands the store the records a test wrote for each article (instead of extracting)."""

    def __init__(self, records: dict[str, list[dict]]):
        self.records = records

    def map(self, batches):
        for batch in batches:
            yield batch, [Extracted([Event(**r) for r in self.records[a.article_id]]) for a in batch]


def store_records(store, records: dict[str, list[dict]]) -> None:
    articles = [Article(text=f"{aid}: {' '.join(r['location'] for r in recs)}", id=aid, published=None,
                        source="test") for aid, recs in records.items()]
    ingest(store, articles, runner=Given(records))


def by_article(store) -> dict[str, dict]:
    return {e["sources"][0]["article_id"]: e for e in store.events()}


# --------------------------------------------------------------------------- the store

def _head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    import marsad.store
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(marsad.store.__file__).parent / "migrations"))
    return ScriptDirectory.from_config(cfg).get_current_head()


def test_migration_0004_creates_the_table_of_the_schema(db_url):
    store = open_store(db_url)
    try:
        engine = create_engine(db_url)
        columns = {c["name"] for c in inspect(engine).get_columns("local_places")}
        engine.dispose()
        from marsad.store.schema import local_places
        assert columns == {c.name for c in local_places.columns}
        with store.engine.connect() as conn:
            from alembic.migration import MigrationContext
            # at the head of the migrations, of which 0004 made this table
            assert MigrationContext.configure(conn).get_current_revision() == _head_revision() >= "0004"
    finally:
        store.close()


def test_unresolved_lists_unknown_names_by_frequency_then_set_moves_their_events(db_url):
    store = open_store(db_url)
    try:
        store_records(store, {
            "a1": [unknown_place_record(VILLAGE, "2024-05-01")],
            "a2": [unknown_place_record("الزعفرانه الشرقيه", "2024-05-10")],  # the same name, spelt otherwise
            "a3": [unknown_place_record("تل الورود", "2024-05-20", flag=False)],  # no place_id: unresolved too
            "a4": [unknown_place_record(VILLAGE, "2024-05-25", country="Iraq", admin1="Nineveh",
                                        at=(36.34, 43.13))],  # a namesake in another country
        })
        assert store.count("events") == 4
        listed = lp.unresolved_places(store)
        assert [(g["name"], g["country"], g["events"], g["article_ids"]) for g in listed] == [
            (VILLAGE, "Syria", 2, ["a1", "a2"]),
            (VILLAGE, "Iraq", 1, ["a4"]),
            ("تل الورود", "Syria", 1, ["a3"]),
        ]

        done = lp.set_local_place(store, "قرية " + VILLAGE, *VILLAGE_AT, country="سوريا", editor="rima",
                                  note="from a field map")
        assert done.created and done.place.name == VILLAGE and done.place.admin1 == "Hama"
        assert done.place.admin2  # the district of the nearest known place
        events = by_article(store)
        assert sorted(done.events) == sorted([events["a1"]["event_id"], events["a2"]["event_id"]])
        for aid in ("a1", "a2"):
            e = events[aid]
            assert (e["latitude"], e["longitude"], e["geo_precision"], e["admin1"]) == (*VILLAGE_AT, 1, "Hama")
            history = store.event(e["event_id"])["edits"]
            assert {h["field"] for h in history} >= {"latitude", "longitude", "geo_precision"}
            assert {h["editor"] for h in history} == {"rima"}
            assert all(VILLAGE in h["note"] and "field map" in h["note"] for h in history)
        assert events["a4"]["country"] == "Iraq" and events["a4"]["latitude"] == 36.34  # not its namesake
        assert [(g["name"], g["country"]) for g in lp.unresolved_places(store)] == \
            [(VILLAGE, "Iraq"), ("تل الورود", "Syria")]

        # set again elsewhere: the same entry, updated; the events follow, as new edits
        again = lp.set_local_place(store, VILLAGE, 35.27, 36.82, country="SY", editor="omar")
        assert not again.created and len(again.events) == 2
        entries = lp.local_places(store)
        assert [(p.name, p.latitude, p.longitude, p.set_by, p.id) for p in entries] == \
            [(VILLAGE, 35.27, 36.82, "omar", done.place.id)]
        assert by_article(store)["a1"]["latitude"] == 35.27
        assert store.event(events["a1"]["event_id"])["edits"][-1]["editor"] == "omar"
    finally:
        store.close()


def test_an_event_placed_from_its_review_screen_moves_even_from_another_country(db_url):
    store = open_store(db_url)
    try:
        store_records(store, {"b1": [unknown_place_record("تل الورود", "2024-06-01", country="Morocco",
                                                          admin1=None, at=(34.0, -6.8))]})
        event_id = store.events()[0]["event_id"]
        done = lp.set_local_place(store, "تل الورود", 36.1, 37.2, country="Syria", editor="rima", event_id=event_id)
        assert done.events == [event_id]
        moved = store.event(event_id)
        assert (moved["country"], moved["latitude"], moved["longitude"], moved["geo_precision"]) == \
            ("Syria", 36.1, 37.2, 1)
        assert moved["admin1"] == "Aleppo"  # from the point, none being given
    finally:
        store.close()


@pytest.mark.parametrize("args, message", [
    (dict(name="x", latitude=91, longitude=36), "latitude must be a finite number from -90 to 90"),
    (dict(name="x", latitude="nan", longitude=36), "latitude must be a finite number"),
    (dict(name="x", latitude=35, longitude=math.inf), "longitude must be a finite number"),
    (dict(name="x", latitude="35,2", longitude=36), "latitude must be a number"),
    (dict(name="x", latitude=35.2, longitude=36.8, country="Narnia"), "unknown country 'Narnia'"),
    (dict(name="x", latitude=36.8, longitude=35.2, country="Syria"), "outside Syria (latitude and longitude swapped?)"),
    (dict(name="x", latitude=35.2, longitude=36.8, admin1="Gotham"), "unknown admin1 'Gotham' in Syria; one of:"),
    (dict(name="x", latitude=0.0, longitude=-30.0), "lies in no country marsad knows"),
    (dict(name="  ", latitude=35.2, longitude=36.8), "a place needs a name"),
    (dict(name="x", latitude=35.2, longitude=36.8, kind="country"), "kind must be one of"),
    (dict(name="x", latitude=35.2, longitude=36.8, editor=None), "the name of who sets it"),
])
def test_bad_local_place_input_is_refused_with_a_clear_message(args, message):
    args = {"editor": "rima", **args}
    with pytest.raises(UsageError) as err:
        lp.validate(args.pop("name"), args.pop("latitude"), args.pop("longitude"), **args)
    assert message in err.value.message


# --------------------------------------------------------------------------- the command line

def test_cli_places_set_list_unresolved_and_ingest_uses_the_entry(tmp_path, capsys):
    db = str(tmp_path / "m.db")
    store = open_store(db)
    store_records(store, {"c1": [unknown_place_record(VILLAGE, "2024-05-01")],
                          "c2": [unknown_place_record(VILLAGE, "2024-05-09")],
                          "c3": [unknown_place_record("تل الورود", "2024-05-20")]})
    store.close()
    assert main(["places", "unresolved", "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["2", *VILLAGE.split(), "Syria", "articles:", "c1,", "c2"]
    assert out[1].split()[:3] == ["1", "تل", "الورود"] and out[-1].startswith("2 unresolved place names")

    assert main(["places", "set", VILLAGE, "--lat", str(VILLAGE_AT[0]), "--lon", str(VILLAGE_AT[1]),
                 "--admin1", "Hama", "--by", "rima", "--note", "field map", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"added {VILLAGE}: {VILLAGE_AT[0]:g}, {VILLAGE_AT[1]:g}" in out and "re-geocoded 2 events" in out
    assert main(["places", "list", "--json", "--db", db]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(p["name"], p["latitude"], p["admin1"], p["set_by"], p["note"]) for p in listed] == \
        [(VILLAGE, VILLAGE_AT[0], "Hama", "rima", "field map")]
    assert main(["places", "unresolved", "--json", "--db", db]) == 0
    assert [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()] == ["تل الورود"]

    # a new article naming the village, ingested by a later run, resolves to the entry
    register_local_places([])  # as in a new process: ingest loads the entries from the database
    article = tmp_path / "new.jsonl"
    article.write_text(json.dumps({"id": "n1", "text": NEW_SENTENCE, "published": "2024-07-02"},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["ingest", str(article), "--db", db, "--no-progress"]) == 0
    capsys.readouterr()
    store = open_store(db)
    new = by_article(store)["n1"]
    store.close()
    assert (new["location"], new["latitude"], new["longitude"], new["geo_precision"], new["admin1"]) == \
        (VILLAGE, *VILLAGE_AT, 1, "Hama")


@pytest.mark.parametrize("argv, message", [
    (["--lat", "95", "--lon", "36"], "latitude must be a finite number from -90 to 90, not '95'"),
    (["--lat", "inf", "--lon", "36"], "latitude must be a finite number"),
    (["--lat", "35.2", "--lon", "east"], "longitude must be a number in degrees, not 'east'"),
    (["--lat", "35.2", "--lon", "36.8", "--country", "Atlantis"], "unknown country 'Atlantis'"),
])
def test_cli_places_set_refuses_bad_input_without_a_traceback(tmp_path, capsys, argv, message):
    code = main(["places", "set", VILLAGE, *argv, "--by", "rima", "--db", str(tmp_path / "m.db")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert lp.local_places(open_store(str(tmp_path / "m.db"))) == []


def test_ingest_in_worker_processes_uses_the_local_entries(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    store = open_store(db)
    lp.set_local_place(store, VILLAGE, *VILLAGE_AT, country="Syria", editor="rima")
    store.close()
    register_local_places([])  # only the database has it now: the workers must get it from the writer
    article = tmp_path / "w.jsonl"
    article.write_text("\n".join(json.dumps({"id": f"w{i}", "text": text, "published": day}, ensure_ascii=False)
                                 for i, (text, day) in enumerate([(SENTENCE, "2024-07-02"), (NEW_SENTENCE, "2024-08-15")]))
                       + "\n", encoding="utf-8")
    assert main(["ingest", str(article), "--db", db, "--no-progress", "--workers", "2", "--batch-size", "1"]) == 0
    store = open_store(db)
    events = by_article(store)
    store.close()
    assert {aid: (e["latitude"], e["longitude"], e["geo_precision"]) for aid, e in events.items()} == \
        {"w0": (*VILLAGE_AT, 1), "w1": (*VILLAGE_AT, 1)}


def test_the_extractor_flags_unknown_villages_that_places_unresolved_lists_and_set_moves(tmp_path, capsys):
    """End to end with the real extractor: articles name a village no gazetteer knows, placed
    by their text at its container; ``places unresolved`` finds it; ``places set`` moves it."""
    db = str(tmp_path / "m.db")
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "x1", "text": SENTENCE + " اليوم.", "published": "2024-05-01"},
            {"id": "x2", "text": "أصيب ثلاثة مدنيين بقصف على قرية الزعفرانة الشرقية في ريف حماة صباح اليوم.",
             "published": "2024-05-03"}]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["ingest", str(feed), "--db", db, "--no-progress"]) == 0
    store = open_store(db)
    before = by_article(store)
    store.close()
    assert {r["location"] for r in before.values()} == {VILLAGE}
    assert all(r["geo_precision"] == 2 and r["admin1"] == "Hama" for r in before.values())
    capsys.readouterr()
    assert main(["places", "unresolved", "--json", "--db", db]) == 0
    [listed] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed["name"] == VILLAGE and listed["events"] == 2 and listed["articles"] == 2
    assert main(["places", "set", VILLAGE, "--lat", str(VILLAGE_AT[0]), "--lon", str(VILLAGE_AT[1]),
                 "--db", db]) == 0
    capsys.readouterr()
    store = open_store(db)
    after = by_article(store)
    store.close()
    assert {(r["latitude"], r["longitude"], r["geo_precision"]) for r in after.values()} == {(*VILLAGE_AT, 1)}
    assert main(["places", "unresolved", "--json", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == ""
