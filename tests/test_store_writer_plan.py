"""Issue 19 on a real SQLite file and a real PostgreSQL server: a candidate search reads the report's
place cell and fortnight, not every event its town ever had. The search's values are not known when
PostgreSQL plans the batch's one statement, and it once answered the box from the read side's index
on (longitude, latitude, date), which holds every date: a search then read the whole longitude band
of the town, and the server's work per article grew with the database (docs/performance.md)."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import text

from marsad.store import open_store, place_cell
from marsad.store.schema import articles, event_sources, events

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)
DAY = date(2024, 5, 10)
TOWN = (35.93, 36.63)  # Idlib


def _events(first_key: int, days: list[date]) -> list[dict]:
    """One Battles event in the town on each of ``days``, keys from ``first_key``."""
    from marsad.store import _long_range

    lat, lon = TOWN
    return [dict(id=key, event_id=f"ev-{key}", event_type="Battles", sub_event_type="Armed clash", event_date=day,
                 event_date_start=day, event_date_end=day, long_range=_long_range(day, day), country="Syria",
                 admin1="Idlib", latitude=lat, longitude=lon, place_cell=place_cell(lat, lon), geo_precision=1,
                 n_sources=1, disagreement=False, record="{}", created_at=NOW, updated_at=NOW)
            for key, day in enumerate(days, first_key)]


def _store_events(conn, rows: list[dict]) -> None:
    conn.execute(events.insert(), rows)
    conn.execute(event_sources.insert(), [dict(id=r["id"], event=r["id"], article=1, extracted_id=r["event_id"],
                                               record="{}", evidence_text="", match_fields="{}", match_text="")
                                          for r in rows])


def _searches() -> list[tuple[int, dict]]:
    """Thirty reports of a clash in the town, on the days around DAY."""
    from marsad.store import _search

    out = []
    for n in range(30):
        day = DAY + timedelta(days=n % 7 - 3)
        out.append((n, _search(dict(event_type="Battles", country="Syria", admin1="Idlib", event_date=day.isoformat(),
                                    latitude=TOWN[0] + 0.001 * n, longitude=TOWN[1], geo_precision=1))))
    return out


def _pg_buffers(conn, searches) -> tuple[int, str]:
    """Shared buffers the batch's one statement touched for ``searches``, and its plan as JSON text."""
    from marsad.store import _PG_CANDIDATES, _pg_candidate_params

    plan = conn.execute(text("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + _PG_CANDIDATES.text),
                        _pg_candidate_params(searches)).scalar()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    top = plan[0]["Plan"]
    return top["Shared Hit Blocks"] + top["Shared Read Blocks"], json.dumps(plan)


def test_a_search_reads_the_fortnight_of_its_place_cell_not_the_towns_years(db_url):
    """A town with 14 events in the reports' fortnight and 1,600 on other days of two years before:
    thirty searches of the town find events of the fortnight only, never through the (longitude,
    latitude, date) index, even with the tables' statistics made; on PostgreSQL the batch's one
    statement touches under 100 buffers per search (1,089 in all here; 97,329 when the server read
    the box from that index: the town's whole longitude band, for each of the box's two branches)."""
    from marsad.store import _COMPARED_NEAR, _pg_candidates

    recent = [DAY + timedelta(days=d) for d in range(-6, 8)]
    older = [date(2021, 1, 1) + timedelta(days=k % 800) for k in range(1600)]
    store = open_store(db_url)
    searches = _searches()
    with store._writing() as conn:
        conn.execute(articles.insert(), dict(id=1, text_hash="h", article_id="a", language="ar", text="t",
                                             extractor_version="x", ingested_at=NOW))
        _store_events(conn, _events(1, recent) + _events(100, older))
        conn.exec_driver_sql("ANALYZE")  # the plan made knowing the table's size and spread
        if store.engine.dialect.name == "postgresql":
            found = _pg_candidates(conn, searches)
            buffers, plan = _pg_buffers(conn, searches)
            assert buffers < 100 * len(searches), (buffers, plan)
        else:
            found = {n: store._sqlite_rows(conn, _COMPARED_NEAR, params) for n, params in searches}
            plan = _sqlite_plan(conn, _COMPARED_NEAR, searches[0][1])
            assert "ix_events_cell_range_start" in plan, plan
        assert "ix_events_lon_lat" not in plan, plan
    store.close()
    # every search finds events of the fortnight only (CANDIDATE_EVENTS of the 14 at most)
    assert all(rows for rows in found.values()) and len(found) == len(searches)
    keys = {row[0] for rows in found.values() for row in rows}
    assert keys <= set(range(1, 15)) and len(keys) >= 10, sorted(keys)[:20]


def _sqlite_plan(conn, stmt, params: dict) -> str:
    """SQLite's EXPLAIN QUERY PLAN of ``stmt`` with ``params``, as one line."""
    compiled = stmt.compile(dialect=conn.dialect)
    expanded = compiled.construct_expanded_state(params)
    convert, values = expanded.processors, expanded.parameters
    args = [convert[k](values[k]) if k in convert else values[k] for k in expanded.positiontup]
    rows = conn.connection.dbapi_connection.execute("EXPLAIN QUERY PLAN " + expanded.statement, args).fetchall()
    return " | ".join(row[-1] for row in rows)
