"""Issue 19: the per-event merge summary (dedup.MergeSummary, events.merge_summary, migration 0012).
A report merged into a stored event gives the event exactly what dedup.merge of all its reports at
once gives, on a real SQLite file and a real PostgreSQL server, without the writer reading the
event's other reports."""
from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select, update

from marsad.ingest import ingest
from marsad.model import Article
from marsad.store import _SOURCES_WITH_ARTICLES, open_store
from marsad.store import dedup
from marsad.store.dedup import MergeSummary
from marsad.store.schema import event_sources, events
from given_runner import GivenRunner

REPORT = "قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على بلدة كفرنبل في ريف إدلب، بحسب مصدر محلي."

TYPES = [("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Battles", "Armed clash"),
         ("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Air/drone strike")]
TOLLS = [(None, None, None), (0, 0, 0), (3, 2, 4), (5, None, None), (3, 3, 3), (7, 5, 12), (5, 5, 5)]
PLACES = [(1, 0.85, "Kafranbel", 35.6138, 36.5645), (1, 0.9, "Kafranbel", 35.6140, 36.5650),
          (2, 0.7, "ريف إدلب", 35.62, 36.57), (1, 0.85, "كفرنبل", 35.6139, 36.5646), (3, 0.5, None, None, None)]
DATES = [(1, "2024-03-24", "2024-03-24"), (2, "2024-03-18", "2024-03-24"), (1, "2024-03-23", "2024-03-23")]
ACTORS = [("Military Forces of Syria", "Civilians"), ("Military Forces of Syria", None),
          ("Military Forces of Syria", "Hayat Tahrir al-Sham"), ("Hayat Tahrir al-Sham", "Military Forces of Syria")]


def _record(rng: random.Random, n: int) -> dict:
    kind, sub = rng.choice(TYPES)
    toll, low, high = rng.choice(TOLLS)
    precision, confidence, location, lat, lon = rng.choice(PLACES)
    time_precision, start, end = rng.choice(DATES)
    actor1, actor2 = rng.choice(ACTORS)
    return {"event_id": f"ev-{n}", "event_type": kind, "sub_event_type": sub, "event_date": start,
            "event_date_start": start, "event_date_end": end, "time_precision": time_precision,
            "actor1": actor1, "actor2": actor2, "assoc_actor_1": rng.choice([[], ["Local militia"]]),
            "assoc_actor_2": [], "inter1": 1, "inter2": rng.choice([7, 2]), "interaction": 17,
            "country": "Syria", "admin1": "Idlib", "admin2": rng.choice(["Maarrat al-Nu'man", None]),
            "location": location, "latitude": lat, "longitude": lon, "geo_precision": precision,
            "confidence": confidence, "fatalities": toll, "fatalities_low": low, "fatalities_high": high,
            "attribution": rng.choice([None, None, "Military Forces of Syria", "Russian Air Force"]),
            "notes": rng.choice([None, f"report {n}"]), "source": rng.choice(["SANA", "Enab Baladi", None]),
            "article_id": f"a-{n}"}


def test_merge_summary_gives_what_merge_gives_for_every_prefix_of_disagreeing_reports():
    """Reports that disagree on type, toll, place, date, actors and attribution, added one at a
    time (and kept as JSON between two, as the store keeps them): after each, the summary's merged
    record is dedup.merge's of all the reports so far, with and without an analyst's edits."""
    rng = random.Random(1912)
    disagreeing = 0
    for trial in range(60):
        reports = [_record(rng, n) for n in range(rng.randint(1, 25))]
        summary = MergeSummary()
        edits = rng.choice([{}, {"fatalities": 9}, {"location": "Kafr Nabl", "sources": [1, 2]}])
        for k, report in enumerate(reports, 1):
            summary = MergeSummary.from_json(json.loads(json.dumps(summary.to_json())))
            summary.add(report)
            assert summary.merged(edits) == dedup.merge(reports[:k], edits), (trial, k)
        expected = dedup.merge(reports)
        disagreeing += expected["disagreement"] and len(expected["merge_notes"]) == 2
    assert disagreeing >= 10  # the reports really disagreed on tolls and types


def test_merge_summary_keeps_the_first_of_equals_as_merge_does():
    """Two places of one precision and confidence, two actor pairs or types reported as often:
    the first reported wins, as min() and Counter.most_common keep the first of equals."""
    a = {"event_type": "Battles", "sub_event_type": "Armed clash", "geo_precision": 1, "confidence": 0.8,
         "location": "A", "actor1": "X", "actor2": "Y", "time_precision": 1, "event_date": "2024-01-02"}
    b = dict(a, sub_event_type="Attack", location="B", actor2="Z")
    summary = MergeSummary.of([a, b])
    merged = summary.merged()
    assert merged == dedup.merge([a, b])
    assert (merged["location"], merged["sub_event_type"], merged["actor2"]) == ("A", "Armed clash", "Y")
    summary.add(dict(b))
    assert summary.merged()["sub_event_type"] == "Attack" == dedup.merge([a, b, b])["sub_event_type"]


def _reports(n: int) -> tuple[list[Article], dict[str, list[dict]]]:
    """``n`` reports of one shelling (the same words, so they all match), disagreeing on the
    rest: type within the family, toll, place precision, date precision, actors, attribution."""
    import marsad

    base = marsad.extract(REPORT, published="2024-03-25")[0].to_record()
    rng = random.Random(19)
    articles, records = [], {}
    for k in range(n):
        record = dict(base, **{f: v for f, v in _record(rng, k).items() if f not in ("source", "article_id")})
        record.update(evidence={}, assoc_actor_1=[], admin1="Idlib", country="Syria")
        if k == 0:  # the first report names a town, so that every later one fits the event's place
            record.update(geo_precision=1, latitude=35.6138, longitude=36.5645, location="Kafranbel")
        if record["actor2"] not in (None, "Civilians", "Military Forces of Syria"):
            record["actor1"] = "Military Forces of Syria"  # a shared named actor: one event
        name = f"r{k:02d}"
        articles.append(Article(text=REPORT + f" ({name})", id=name, published=None,
                                source=rng.choice(["SANA", "Enab Baladi", "SOHR"])))
        records[name] = [record]
    return articles, records


def _stored(store, ev_pk: int) -> tuple[str, dict, list[dict]]:
    with store.engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == ev_pk)).one()._asdict()
        sources = [json.loads(r) for r in conn.execute(
            select(event_sources.c.record).where(event_sources.c.event == ev_pk).order_by(event_sources.c.id)).scalars()]
    return row.pop("record"), row, sources


def test_reports_merged_one_batch_at_a_time_make_the_event_merge_makes_of_all(db_url):
    """Twelve disagreeing reports of one event, written two or three per batch: after each batch
    the stored event's merged fields are dedup.merge's of all its reports, its record and columns
    are exactly what recomputing it from every source gives (Store._refresh), and the writer
    never read the event's sources to merge a report into it."""
    articles, records = _reports(12)
    store = open_store(db_url)
    read_all = []

    def count(conn, clauseelement, *args):
        if clauseelement is _SOURCES_WITH_ARTICLES:
            read_all.append(1)

    sa_event.listen(store.engine, "before_execute", count)
    done, sizes = 0, [1, 2, 3, 2, 1, 3]
    for size in sizes:
        summary = ingest(store, articles[done:done + size], runner=GivenRunner(records), batch_size=2)
        done += size
        assert summary.events_created == (1 if done == size else 0), "every report joins the one event"
        with store.engine.connect() as conn:
            ev_pk = conn.execute(select(events.c.id)).scalar_one()
        text, columns, sources = _stored(store, ev_pk)
        assert columns["n_sources"] == len(sources) == done
        expected = dedup.merge(sources)
        record = json.loads(text)
        assert {k: record[k] for k in expected} == expected
        assert [s["article_id"] for s in record["sources"]] == [a.article_id for a in articles[:done]]
        assert read_all == []  # merged from the summary
        with store._writing() as conn:  # the event made again from all its sources
            store._refresh(conn, ev_pk)
        read_all.clear()
        again, again_columns, _ = _stored(store, ev_pk)
        assert again == text
        assert {k: v for k, v in again_columns.items() if k != "updated_at"} == \
            {k: v for k, v in columns.items() if k != "updated_at"}
    sa_event.remove(store.engine, "before_execute", count)
    store.close()
    assert expected["disagreement"] and len(expected["merge_notes"]) == 2  # tolls and types disagreed
    assert len({s["location"] for s in sources}) > 1 and len({s["actor2"] for s in sources}) > 1


@pytest.mark.parametrize("damage", ["no summary", "record rewritten"])
def test_an_event_without_a_usable_summary_is_merged_from_its_sources(db_url, damage):
    """An event stored before migration 0012 has no summary, and one whose record another program
    rewrote has one that no longer describes it: the writer reads the event's sources once, as
    before 0012, and the event is what it would have been."""
    articles, records = _reports(6)
    expected_store = open_store(db_url)
    ingest(expected_store, articles, runner=GivenRunner(records), batch_size=2)
    with expected_store.engine.connect() as conn:
        expected_pk = conn.execute(select(events.c.id)).scalar_one()
    expected, _, _ = _stored(expected_store, expected_pk)
    with expected_store._writing() as conn:  # a second database: start afresh
        conn.execute(event_sources.delete())
        conn.execute(events.delete())
        conn.exec_driver_sql("DELETE FROM articles")
    expected_store.close()

    store = open_store(db_url)
    ingest(store, articles[:3], runner=GivenRunner(records), batch_size=2)
    with store._writing() as conn:
        ev_pk = conn.execute(select(events.c.id)).scalar_one()
        if damage == "no summary":
            conn.execute(update(events).where(events.c.id == ev_pk).values(merge_summary=None))
        else:  # the same record, written with other spacing: its sources' list is no longer where it was
            record = json.loads(conn.execute(select(events.c.record).where(events.c.id == ev_pk)).scalar_one())
            conn.execute(update(events).where(events.c.id == ev_pk).values(
                record=json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1)))
    read_all = []

    def count(conn, clauseelement, *args):
        if clauseelement is _SOURCES_WITH_ARTICLES:
            read_all.append(1)

    sa_event.listen(store.engine, "before_execute", count)
    ingest(store, articles[3:], runner=GivenRunner(records), batch_size=2)
    sa_event.remove(store.engine, "before_execute", count)
    text, columns, sources = _stored(store, ev_pk)
    store.close()
    assert len(read_all) == 1  # once, for the first merge; the summary is kept from then on
    assert json.loads(text) | {"event_id": None} == json.loads(expected) | {"event_id": None}
    assert columns["n_sources"] == 6 and json.loads(columns["merge_summary"])["merge"]["n"] == 6


def test_a_merge_that_adds_no_word_leaves_the_full_text_entry_alone(db_url):
    """The count of sources the merge writes in an event's notes ("Reported by 3 sources.") is no
    search word: a report that brings no new word merges without setting the event's search words
    (SQLite's full-text index is not written: its data pages stay as they were), and the text
    filter still finds the event by every word of its notes, place and outlet. A report that brings
    a new outlet does set them, and the event is found by it."""
    base = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
            "event_date": "2024-03-24", "event_date_start": "2024-03-24", "event_date_end": "2024-03-24",
            "time_precision": 1, "actor1": "Military Forces of Syria", "actor2": "Civilians", "assoc_actor_1": [],
            "assoc_actor_2": [], "inter1": 1, "inter2": 7, "interaction": 17, "country": "Syria", "admin1": "Idlib",
            "admin2": None, "location": "Kafranbel", "latitude": 35.6138, "longitude": 36.5645, "geo_precision": 1,
            "confidence": 0.85, "fatalities": 5, "fatalities_low": None, "fatalities_high": None,
            "attribution": None, "notes": "قصف مدفعي على كفرنبل", "source": "SANA"}
    outlets = ["SANA", "SANA", "SANA", "Enab Baladi"]
    records = {f"s{k}": [dict(base, event_id=f"ev-{k}", article_id=f"s{k}", source=outlet)]
               for k, outlet in enumerate(outlets)}
    articles = [Article(text=REPORT + f" ({k})", id=f"s{k}", published=None, source=outlet)
                for k, outlet in enumerate(outlets)]
    store = open_store(db_url)
    sqlite = store.engine.dialect.name == "sqlite"
    updates: list[str] = []

    def spy(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE EVENTS"):
            updates.append(statement)

    def stored():
        with store.engine.connect() as conn:
            words, n = conn.execute(select(events.c.search_text, events.c.n_sources)).one()
            index = conn.exec_driver_sql("SELECT * FROM events_fts_data ORDER BY id").all() if sqlite else None
        return words, n, index

    sa_event.listen(store.engine, "before_cursor_execute", spy)
    ingest(store, articles[:1], runner=GivenRunner(records), batch_size=1)
    words, _, index = stored()
    for k in (1, 2):  # the same words again
        updates.clear()
        summary = ingest(store, articles[k:k + 1], runner=GivenRunner(records), batch_size=1)
        assert summary.events_merged == 1
        assert stored() == (words, k + 1, index)
        assert updates and not any("search_text" in u for u in updates), updates
    (event,) = store.events()
    assert event["notes"] == "قصف مدفعي على كفرنبل Reported by 3 sources."
    for word in ("قصف", "مدفعي", "كفرنبل", "Kafranbel", "SANA", "Shelling"):
        assert [e["event_id"] for e in store.events(text=word)] == [event["event_id"]], word
    assert store.events(text="Reported") == [] and store.events(text="Enab") == []
    updates.clear()
    ingest(store, articles[3:], runner=GivenRunner(records), batch_size=1)  # a new outlet: a new word
    new_words, n, new_index = stored()
    assert n == 4 and set(new_words.split()) > set(words.split()) and any("search_text" in u for u in updates)
    assert [e["event_id"] for e in store.events(text="Enab")] == [event["event_id"]]
    if sqlite:
        assert new_index != index
    sa_event.remove(store.engine, "before_cursor_execute", spy)
    store.close()
