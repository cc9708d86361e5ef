"""Issue 19 item 3 on a real SQLite file and a real PostgreSQL server: the API's reads come from
indexed columns (migration 0007) and give the same events, counts and statistics as the
old reads of the JSON record did; cursor paging visits every event once while events are being
added; the text filter finds Arabic words however they are spelt; an old database upgrades."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import and_, create_engine, func, inspect, or_, select, text

from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.runner import InProcess
from marsad.store import open_store, queries
from marsad.store.schema import actors, event_counts, event_days, events
from marsad.store.search import fold_key, search_words

REPO = Path(__file__).resolve().parents[1]
SAMPLES = [str(REPO / "examples" / "sample-articles.jsonl"), str(REPO / "examples" / "multisource.jsonl")]
HELDOUT = REPO / "examples" / "multisource-heldout.jsonl"


def _build_samples(url: str) -> None:
    store = open_store(url)
    try:
        ingest(store, read_inputs(SAMPLES))
        # a few events without deaths, place or governorate, so that pages and statistics meet no values
        ids = [e["event_id"] for e in store.events()]
        store.edit(ids[0], {"fatalities": None}, editor="test")
        store.edit(ids[1], {"fatalities": None, "location": None}, editor="test")
        store.edit(ids[2], {"admin1": None}, editor="test")
    finally:
        store.close()


@pytest.fixture
def store(db_url, db_template):
    """The bundled samples ingested (once a session, then copied for each test)."""
    db_template(db_url, "reads_samples", _build_samples)
    store = open_store(db_url)
    queries._counts.clear()
    yield store
    store.close()


def _old_conditions(country=None, admin1=None, event_type=None, actor=None, bbox=None, min_fatalities=None,
                    since=None, until=None, text=None):
    """The filters as marsad compared them before migration 0007: lower() of the columns, a
    substring of the actors' names, a substring of the JSON record."""
    cond = []
    if since:
        cond.append(events.c.event_date >= since)
    if until:
        cond.append(events.c.event_date <= until)
    if country:
        cond.append(func.lower(events.c.country) == country.lower())
    if admin1:
        cond.append(func.lower(events.c.admin1) == admin1.lower())
    if event_type:
        cond.append(or_(func.lower(events.c.event_type) == event_type.lower(),
                        func.lower(events.c.sub_event_type) == event_type.lower()))
    if actor:
        cond.append(or_(func.lower(events.c.actor1).contains(actor.lower(), autoescape=True),
                        func.lower(events.c.actor2).contains(actor.lower(), autoescape=True)))
    if bbox:
        lon0, lat0, lon1, lat1 = bbox
        cond.append(and_(events.c.longitude >= lon0, events.c.longitude <= lon1,
                         events.c.latitude >= lat0, events.c.latitude <= lat1))
    if min_fatalities is not None:
        cond.append(events.c.fatalities >= min_fatalities)
    if text:
        cond.append(events.c.record.contains(text, autoescape=True))
    return cond


def _old_ids(store, **filters) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(select(events.c.event_id).where(*_old_conditions(**filters))).scalars())


def _new_ids(store, **filters) -> set[str]:
    return {e["event_id"] for e in store.events(**filters)}


FILTERS = [
    {}, {"country": "Syria"}, {"country": "syria"}, {"country": "IRAQ"}, {"country": "Narnia"},
    {"admin1": "Idlib"}, {"admin1": "al-hasakah"}, {"admin1": "Deir ez-Zor"},
    {"event_type": "Battles"}, {"event_type": "explosions/remote violence"}, {"event_type": "Air/drone strike"},
    {"event_type": "armed clash"}, {"event_type": "no such type"},
    {"actor": "Islamic"}, {"actor": "forces of"}, {"actor": "civilians"}, {"actor": "100%_"},
    {"bbox": (35.0, 34.0, 38.0, 37.0)}, {"bbox": (40.0, 30.0, 48.0, 38.0)},
    {"min_fatalities": 0}, {"min_fatalities": 2}, {"min_fatalities": 50},
    {"since": date(2024, 3, 15)}, {"until": date(2024, 6, 2)},
    {"since": date(2024, 4, 17), "until": date(2024, 9, 8)}, {"since": date(2024, 5, 9), "until": date(2024, 5, 23)},
    {"country": "Syria", "event_type": "Battles", "since": date(2024, 1, 1)},
    {"admin1": "Nineveh", "actor": "turkey", "min_fatalities": 1},
]


@pytest.mark.parametrize("filters", FILTERS, ids=[json.dumps(f, default=str, ensure_ascii=False) for f in FILTERS])
def test_filters_find_the_same_events_as_before(store, filters):
    assert _new_ids(store, **filters) == _old_ids(store, **filters)


def test_text_filter_finds_what_the_record_said_and_more(store):
    # English words of the record's place, type and actors, and Arabic words the reports were quoted with
    # (not "Idlib": SQLite's LIKE found it in the article id sample-idlib-shelling, and ids and URLs
    # are no words of an event)
    for word in ("Hawija", "Ghwayran", "drone", "Turkey", "قصف", "غارة", "اشتباكات"):
        old, new = _old_ids(store, text=word), _new_ids(store, text=word)
        assert old and old <= new, word
    # a word in a key of the JSON is no word of any event (before, "fatalities" found every event)
    assert _new_ids(store, text="fatalities") == set()


def test_text_filter_ignores_hamza_ta_marbuta_diacritics_and_proclitics(store):
    shelling = _new_ids(store, text="قصف")
    assert shelling
    assert _new_ids(store, text="قَصْف") == shelling and _new_ids(store, text="قصـــف") == shelling
    # a word with its article is found wherever the plain word is: بقصف, القصف and قصفت are قصف
    definite = _new_ids(store, text="القصف")
    assert definite and definite <= shelling and _new_ids(store, text="بالقصف") >= definite
    raid = _new_ids(store, text="غارة")
    assert raid and _new_ids(store, text="غاره") == raid and _new_ids(store, text="غارَةٌ") == raid
    clashes = _new_ids(store, text="اشتباكات")
    assert clashes and _new_ids(store, text="إشتباكات") == clashes and _new_ids(store, text="أشتباكات") == clashes
    # every word must be found; a word that no event has finds nothing; punctuation alone finds nothing
    assert _new_ids(store, text="قصف Idlib") == shelling & _new_ids(store, text="Idlib")
    assert _new_ids(store, text="قصف زمرّد") == set()
    assert _new_ids(store, text="!!! ؟") == set()


def test_actor_filter_finds_an_actor_by_its_arabic_alias(store):
    islamic_state = _old_ids(store, actor="Islamic State")
    assert islamic_state
    for alias in ("داعش", "تنظيم الدولة", "الدواعش", "ISIS"):
        assert _new_ids(store, actor=alias) == islamic_state, alias
    assert _new_ids(store, actor="قسد") == _old_ids(store, actor="Syrian Democratic Forces")


def test_sqlite_text_filter_reads_the_full_text_index(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/marsad.db")
    ingest(store, read_inputs(SAMPLES[:1]))
    from marsad.store import event_filters

    query = select(events.c.id).where(*event_filters(text="قصف"))
    with store.engine.connect() as conn:
        plan = " | ".join(r[-1] for r in conn.execute(text("EXPLAIN QUERY PLAN " + str(query.compile(
            dialect=store.engine.dialect, compile_kwargs={"literal_binds": True})))))
    store.close()
    assert "VIRTUAL TABLE INDEX" in plan and "events_fts" in plan, plan


def _expected_stats(records: list[dict], by: str, sqlite: bool) -> list[dict]:
    """The statistics as computed from the records themselves."""
    out: dict = {}
    for r in records:
        if by in ("day", "week", "month"):
            if not r.get("event_date"):
                continue
            day = date.fromisoformat(r["event_date"])
            key = queries._bucket(day, by)
        else:
            key = r.get({"admin1": "admin1", "type": "event_type", "sub_type": "sub_event_type"}[by])
        slot = out.setdefault(key, {"key": key, "events": 0, "fatalities": 0})
        slot["events"] += 1
        slot["fatalities"] += r.get("fatalities") or 0
    keys = sorted((k for k in out if k is not None))
    keys = ([None] + keys if sqlite else keys + [None]) if None in out else keys
    return [out[k] for k in keys]


STATS_FILTERS = FILTERS + [{"actor": "forces of", "since": date(2024, 4, 17)}, {"actor": "داعش", "until": date(2024, 5, 1)},
                           # days in the first and the last month the calendar has (no month before or after them)
                           {"until": date(1, 1, 1)}, {"until": date(1, 1, 15), "country": "Syria"},
                           {"since": date(9999, 12, 20)}, {"since": date(9999, 12, 2), "country": "Syria"}]


@pytest.mark.parametrize("filters", STATS_FILTERS,
                         ids=[json.dumps(f, default=str, ensure_ascii=False) for f in STATS_FILTERS])
def test_statistics_and_totals_are_those_of_the_matching_records(store, filters):
    records = store.events(**filters)
    sqlite = store.engine.dialect.name == "sqlite"
    for by in queries.GROUPINGS:
        assert queries.aggregate(store, by=by, **filters) == _expected_stats(records, by, sqlite), by
    page = queries.event_page(store, limit=3, **filters)
    assert page.total == len(records) and not page.estimated
    facets = queries.facets(store, **filters)
    for name in queries.FACETS:
        counts = Counter(r.get(name) for r in records)
        assert {f["key"]: f["events"] for f in facets[name]} == dict(counts), name
        assert [f["events"] for f in facets[name]] == sorted(counts.values(), reverse=True)


def test_event_counts_follow_every_write(store):
    def recount():
        with store.engine.connect() as conn:
            kept = {tuple(r[:5]): (r[5], r[6]) for r in conn.execute(select(
                event_counts.c.month, event_counts.c.country, event_counts.c.admin1, event_counts.c.event_type,
                event_counts.c.sub_event_type, event_counts.c.events, event_counts.c.fatalities)) if r[5]}
        counted: dict = {}
        for r in store.events():
            key = ((r.get("event_date") or "")[:7], r.get("country") or "", r.get("admin1") or "", r["event_type"],
                   r["sub_event_type"])
            n, dead = counted.get(key, (0, 0))
            counted[key] = (n + 1, dead + (r.get("fatalities") or 0))
        return kept, counted

    kept, counted = recount()
    assert kept == counted
    one = store.events()[5]
    store.edit(one["event_id"], {"event_date": "2019-02-03", "fatalities": 9, "event_type": "Battles",
                                 "sub_event_type": "Armed clash"}, editor="test")
    merged = next(e for e in store.events() if len(e["sources"]) > 1)
    store.split(merged["event_id"], merged["sources"][-1]["source_key"], editor="test")
    ingest(store, read_inputs([str(HELDOUT)]))
    kept, counted = recount()
    assert kept == counted


def test_totals_are_kept_until_the_data_changes_and_estimated_past_the_limit(store, monkeypatch):
    syria = queries.event_page(store, country="Syria").total
    assert syria == len(store.events(country="Syria"))
    ingest(store, read_inputs([str(HELDOUT)]))
    assert queries.event_page(store, country="Syria").total == len(store.events(country="Syria")) > syria
    # past COUNT_LIMIT a filter no count answers is estimated (SQLite: from a sample of events;
    # PostgreSQL: by its planner, from the statistics autovacuum keeps), and says so
    monkeypatch.setattr(queries, "COUNT_LIMIT", 5)
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    civilians = len(store.events(actor="civilians"))
    page = queries.event_page(store, actor="civilians", limit=2)
    assert page.estimated and 5 < page.total <= store.count("events")
    assert abs(page.total - civilians) <= max(3, civilians // 2)
    assert not queries.event_page(store, country="Syria").estimated  # a counted filter is never estimated


SORTS = [("event_date", "desc"), ("event_date", "asc"), ("fatalities", "desc"), ("fatalities", "asc"),
         ("location", "asc"), ("location", "desc"), ("admin1", "asc"), ("sources", "desc"), ("updated", "desc"),
         ("sub_event_type", "asc")]


@pytest.mark.parametrize("sort,order", SORTS)
def test_offset_pages_are_in_the_order_they_were_before(store, sort, order):
    column = queries.SORT_FIELDS[sort]
    key = column.asc() if order == "asc" else column.desc()
    with store.engine.connect() as conn:
        before = [r[0] for r in conn.execute(select(events.c.event_id).order_by(key.nulls_last(), events.c.event_id))]
    paged = []
    for offset in range(0, len(before) + 4, 4):
        paged += [e["event_id"] for e in queries.event_page(store, sort=sort, order=order, limit=4,
                                                            offset=offset).events]
    assert paged == before


@pytest.mark.parametrize("sort,order", SORTS)
def test_cursor_paging_visits_every_event_once_while_events_are_added(store, db_url, sort, order):
    at_start = {e["event_id"] for e in store.events()}
    writer = open_store(db_url)  # another writer, as another process would be
    incoming = [a for a in read_inputs([str(HELDOUT)])]
    seen: list[str] = []
    page = queries.event_page(store, sort=sort, order=order, limit=3)
    steps = 0
    while True:
        seen += [e["event_id"] for e in page.events]
        if incoming:  # articles arrive between two pages
            ingest(writer, incoming[:2])
            incoming = incoming[2:]
        if page.cursor is None:
            break
        page = queries.event_page(store, sort=sort, order=order, limit=3, cursor=page.cursor)
        steps += 1
        assert steps < 200
    writer.close()
    assert len(seen) == len(set(seen)), [k for k, n in Counter(seen).items() if n > 1]
    assert at_start <= set(seen)


def test_a_cursor_is_refused_for_another_sort_or_filter_or_with_an_offset(store):
    from marsad.errors import UsageError

    first = queries.event_page(store, limit=2, country="Syria")
    assert first.cursor
    with pytest.raises(UsageError):
        queries.event_page(store, limit=2, country="Iraq", cursor=first.cursor)
    with pytest.raises(UsageError):
        queries.event_page(store, limit=2, country="Syria", sort="fatalities", cursor=first.cursor)
    with pytest.raises(UsageError):
        queries.event_page(store, limit=2, country="Syria", offset=2, cursor=first.cursor)
    for bad in ("x", "bm90IGpzb24", "W10", first.cursor[:-3]):
        with pytest.raises(UsageError):
            queries.event_page(store, limit=2, country="Syria", cursor=bad)
    assert queries.event_page(store, limit=2, country="Syria", cursor=first.cursor).events


def _alembic(url: str) -> Config:
    import marsad.store

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(marsad.store.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def test_database_from_before_schema_0007_upgrades_and_fills_the_columns(store, db_url):
    columns = ("event_id", "country_key", "admin1_key", "type_key", "sub_type_key", "search_text")
    with store.engine.connect() as conn:
        written = {r[0]: r for r in conn.execute(select(*(events.c[c] for c in columns)))}
        counts = sorted(tuple(r) for r in conn.execute(select(event_counts).where(event_counts.c.events != 0)))
    answers = {json.dumps(f, default=str): sorted(_new_ids(store, **f)) for f in FILTERS}
    store.close()
    command.downgrade(_alembic(db_url), "0006")
    engine = create_engine(db_url)
    with engine.connect() as conn:
        names = {c["name"] for c in inspect(conn).get_columns("events")}
        assert not names & set(columns[1:]) and "event_counts" not in inspect(conn).get_table_names()
    engine.dispose()

    upgraded = open_store(db_url)  # migration 0007 fills the columns of the events already stored
    queries._counts.clear()
    with upgraded.engine.connect() as conn:
        assert {r[0]: r for r in conn.execute(select(*(events.c[c] for c in columns)))} == written
        assert sorted(tuple(r) for r in conn.execute(select(event_counts).where(event_counts.c.events != 0))) == counts
    assert {json.dumps(f, default=str): sorted(_new_ids(upgraded, **f)) for f in FILTERS} == answers
    assert _new_ids(upgraded, text="غارة")
    # and the writer keeps them from there on
    ingest(upgraded, read_inputs([str(HELDOUT)]))
    assert _new_ids(upgraded, text="قصف") == _old_ids(upgraded, text="قصف") | _new_ids(upgraded, text="قصف")
    upgraded.close()


def test_undated_events_are_counted_but_in_no_period(store):
    one = store.events()[3]
    store.edit(one["event_id"], {"event_date": None}, editor="test")
    everything = store.events()
    assert queries.event_page(store).total == len(everything)
    periods = queries.aggregate(store, by="month")
    assert sum(b["events"] for b in periods) == len(everything) - sum(1 for e in everything if not e["event_date"])
    assert sum(b["events"] for b in queries.aggregate(store, by="type")) == len(everything)
    assert queries.event_page(store, until=date.today() + timedelta(days=1)).total == \
        len(everything) - sum(1 for e in everything if not e["event_date"])


def test_read_benchmark_builds_serves_and_measures_a_small_database(tmp_path, capsys):
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from store_reads import main

    assert main(["--reads", "300", "--backends", "sqlite", "--asks", "2", "--generated", "0",
                 "--templates", SAMPLES[0], "--keep", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "300 events" in printed and "| events: first page |" in printed and "| facets |" in printed
    results = json.loads((tmp_path / "reads.json").read_text())
    assert results["300 sqlite"]["built"]["events"] == 300


def test_an_actor_stored_without_its_folded_name_is_found_all_the_same(store):
    from marsad.store.schema import actors

    expected = _old_ids(store, actor="Islamic")
    with store.engine.begin() as conn:
        conn.execute(actors.update().values(name_key=None))
    assert {e["event_id"] for e in queries.event_page(store, actor="islamic", limit=1000).events} == expected
    assert _new_ids(store, actor="islamic") == expected == _new_ids(store, actor="داعش")


class _ArabicActor(InProcess):
    """Extraction in this process, with every ``actor2`` of the first article of each batch given an
    Arabic name (the knowledge base's actors are named in English; an analyst's may not be)."""

    name = "لواء القدس"

    def map(self, batches):
        for batch, results in super().map(batches):
            for event in (results[0].events or []) if results else []:
                event.actor2 = self.name
            yield batch, results


def test_ingest_fills_every_column_and_table_the_reads_use(db_url):
    # marsad.ingest's batched writer, with batches small enough that reports merge into events of
    # earlier batches (updates) and of their own batch (rows not sent yet), then a second run
    store = open_store(db_url)
    ingest(store, read_inputs(SAMPLES), batch_size=3, runner=_ArabicActor())
    ingest(store, read_inputs([str(HELDOUT)]), batch_size=5)
    queries._counts.clear()
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.event_id, events.c.country, events.c.admin1, events.c.event_type,
                                   events.c.sub_event_type, events.c.country_key, events.c.admin1_key,
                                   events.c.type_key, events.c.sub_type_key, events.c.search_text,
                                   events.c.record)).all()
        named = dict(conn.execute(select(actors.c.name, actors.c.name_key)).all())
        fts = conn.execute(text("SELECT count(*) FROM events_fts")).scalar_one() \
            if store.engine.dialect.name == "sqlite" else None
        if fts is not None:  # the full-text index holds what events.search_text holds, no more, no less
            conn.execute(text("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')"))
        days = {r[0]: (r[1], r[2]) for r in conn.execute(select(event_days)) if r[1]}
    records = store.events()
    assert len(rows) == len(records) > 30 and any(len(r["sources"]) > 1 for r in records)
    # every column the filters read is the writer's, as the migration would fill it
    for (event_id, country, admin1, kind, sub_kind, country_key, admin1_key, type_key, sub_type_key, words,
         record) in rows:
        assert (country_key, admin1_key, type_key, sub_type_key) == \
            (fold_key(country), fold_key(admin1), fold_key(kind), fold_key(sub_kind)), event_id
        assert words and words == search_words(json.loads(record)), event_id
    assert fts in (None, len(rows))
    # every actor named by an event is in the actors table with its folded name
    assert {n for r in records for n in (r.get("actor1"), r.get("actor2")) if n} <= set(named)
    assert all(key == fold_key(name) for name, key in named.items()), named
    # the counts the triggers keep
    counted: dict = {}
    for r in records:
        if r.get("event_date"):
            n, dead = counted.get(r["event_date"], (0, 0))
            counted[r["event_date"]] = (n + 1, dead + (r.get("fatalities") or 0))
    assert days == counted
    for name in queries.FACETS:
        facets = queries.facets(store)
        assert {f["key"]: f["events"] for f in facets[name]} == dict(Counter(r.get(name) for r in records)), name
    assert queries.event_page(store, limit=1).total == len(records)

    # and each event is found by each of its own values, spelt otherwise
    arabic = [r["event_id"] for r in records if r.get("actor2") == _ArabicActor.name]
    assert arabic and set(arabic) == _new_ids(store, actor="لِواءُ القُدس")
    for r in records:
        found = {"event_type": r["sub_event_type"].lower()}
        for name, value in (("country", r.get("country")), ("admin1", r.get("admin1")),
                            ("actor", r.get("actor1") or r.get("actor2"))):
            if value:
                found[name] = value.upper()
        quoted = [w for items in r["evidence"].values() for item in items for w in item["text"].split()
                  if len(w) > 3 and w.isalpha()]
        if quoted:
            found["text"] = quoted[0].replace("ة", "ه")
        assert _new_ids(store, text=r["event_id"]) == {r["event_id"]}  # an id pasted in the filter
        for name, value in found.items():
            assert r["event_id"] in _new_ids(store, **{name: value}), (name, value)
            page = queries.event_page(store, limit=500, **{name: value})
            assert r["event_id"] in {e["event_id"] for e in page.events}, (name, value)
    store.close()


NAUGHTY = ["", " ", "قَصْفٌ  عـــنيف\tعلى\nالرقّة", "\u200fمقتل\u200e ٣ مدنيين", "abc\x01def", "ﻻ ﷲ ﻹ", "ٱلرقة والمؤسسة ومسئول",
           "A\u0301B ÉTAT Ḥasakah", "\ufeffword\u2060joined", "emoji 🔥\ufe0f fire", "x" * 5000, "١٢٣٫٥ km",
           "مسؤول\u00a0\u2003رفيع", "\x00nul", "İstanbul ǅ"]


@pytest.mark.parametrize("text", NAUGHTY, ids=range(len(NAUGHTY)))
def test_search_words_are_the_words_of_the_normalised_text(text):
    # the writer folds a record's texts character by character (its cost on every event stored);
    # the words must be those of marsad.arabic.normalise's text, with the hamza seats folded
    from marsad.arabic.normalise import normalise
    from marsad.store import search

    expected = search._WORD.findall(normalise(text).text.translate(search._HAMZA_SEATS))
    assert search._WORD.findall(search._fold(text)) == expected
    words = set(search.search_words({"notes": text}).split())
    assert set(expected) <= words
