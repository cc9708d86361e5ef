"""Issue 19 item 1 on a real SQLite file and a real PostgreSQL server: what duplicate matching reads
is kept at write time (schema 0005), and a database made before that upgrades and deduplicates
exactly as one made at once."""
from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, func, inspect, select

from marsad.export import write_jsonl
from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import open_store, place_cell
from marsad.store.schema import event_sources, events

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "multisource.jsonl"


def _export(store) -> str:
    out = io.StringIO()
    write_jsonl(store.events(), out)
    return out.getvalue()


def _halves(tmp_path: Path) -> tuple[str, str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:30]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[30:]) + "\n", encoding="utf-8")
    return str(first), str(second)


def _alembic(url: str) -> Config:
    import marsad.store

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(marsad.store.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def test_sources_keep_what_matching_reads(db_url):
    store = open_store(db_url)
    ingest(store, read_inputs([str(SAMPLE)]))
    with store.engine.connect() as conn:
        empty = conn.execute(select(func.count()).select_from(event_sources).where(
            (event_sources.c.match_fields.is_(None)) | (event_sources.c.match_text.is_(None)))).scalar_one()
        cells = conn.execute(select(events.c.latitude, events.c.longitude, events.c.place_cell)).all()
    store.close()
    assert empty == 0
    assert cells and all(cell == place_cell(lat, lon) for lat, lon, cell in cells)
    assert any(cell is not None for _, _, cell in cells)


def test_database_from_before_schema_0005_upgrades_and_dedups_the_same(db_url, tmp_path):
    first, second = _halves(tmp_path)
    at_once = open_store(db_url)  # the same input in one go, at the current schema
    ingest(at_once, read_inputs([first, second]))
    expected = _export(at_once)
    at_once.close()

    sqlite = db_url.startswith("sqlite")
    older = f"sqlite:///{tmp_path}/older.db" if sqlite else _other_database(db_url)
    try:
        # the first half stored by a marsad of schema 0004: no place cells, no kept matching fields
        store = open_store(older)
        ingest(store, read_inputs([first]))
        store.close()
        command.downgrade(_alembic(older), "0004")
        engine = create_engine(older)
        with engine.connect() as conn:
            assert "match_fields" not in {c["name"] for c in inspect(conn).get_columns("event_sources")}
        engine.dispose()

        store = open_store(older)  # upgraded to head: place cells filled, old sources' fields left empty
        with store.engine.connect() as conn:
            cells = conn.execute(select(events.c.latitude, events.c.longitude, events.c.place_cell)).all()
            empty = conn.execute(select(func.count()).select_from(event_sources)
                                 .where(event_sources.c.match_fields.is_(None))).scalar_one()
        assert cells and all(cell == place_cell(lat, lon) for lat, lon, cell in cells)
        assert empty > 0
        later = ingest(store, read_inputs([second]))
        old_ids = {a.article_id for a in read_inputs([first])}
        # reports of the second half joined events of the first, matched against sources stored at 0004
        assert later.events_merged > 0 and any(
            {s["article_id"] in old_ids for s in e["sources"]} == {True, False} for e in store.events())
        assert _export(store) == expected
        store.close()
    finally:
        if not sqlite:
            _drop(older)


def _other_database(url: str) -> str:
    """A second fresh PostgreSQL database beside the test's own (dropped by the test)."""
    import uuid

    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    name = f"marsad_test_{uuid.uuid4().hex[:8]}"
    libpq = make_url(url).set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    libpq = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(parsed.database)))


# --------------------------------------------------------------------------- long date ranges

REPORT = "قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على بلدة كفرنبل في ريف إدلب، بحسب مصدر محلي."


class _Given:
    """A runner that hands the store the records each article was given (no extraction)."""

    local_places = None

    def __init__(self, records: dict[str, list[dict]]):
        self.records = records

    def map(self, batches):
        from marsad.model import Event, Extracted
        for batch in batches:
            yield batch, [Extracted([Event(**r) for r in self.records[a.article_id]]) for a in batch]


def _report(event_id: str, start: str, end: str, precision: int) -> dict:
    import marsad

    record = marsad.extract(REPORT, published="2024-03-25")[0].to_record()
    record.update(event_id=event_id, event_date=start, event_date_start=start, event_date_end=end,
                  time_precision=precision, latitude=35.5, longitude=36.55, geo_precision=1, country="Syria",
                  admin1="Idlib", evidence={})  # no spans: the article's whole text is its evidence
    return record


def test_a_report_joins_an_event_whose_long_range_began_weeks_before(db_url):
    """An event dated only to a 44-day range (10 Feb - 24 Mar) is a candidate for a report of
    23 March, though it began 42 days before: the writer looks a week back for short ranges and
    two months back for long ones (events.long_range)."""
    from marsad.model import Article

    records = {"vague": [_report("ev-vague", "2024-02-10", "2024-03-24", 3)],
               "exact": [_report("ev-exact", "2024-03-23", "2024-03-23", 1)],
               "other": [_report("ev-other", "2024-01-05", "2024-01-05", 1)]}
    store = open_store(db_url)
    items = {name: Article(text=REPORT + f" ({name})", id=name, published=None, source=name) for name in records}
    ingest(store, [items["vague"]], runner=_Given(records))
    with store.engine.connect() as conn:
        assert conn.execute(select(events.c.long_range)).scalar_one() is True
    summary = ingest(store, [items["other"], items["exact"]], runner=_Given(records))
    events_by_source = {s["article_id"]: e["event_id"] for e in store.events() for s in e["sources"]}
    store.close()
    assert summary.events_merged == 1 and events_by_source["exact"] == events_by_source["vague"] == "ev-vague"
    assert events_by_source["other"] == "ev-other"  # six weeks before the others: an event of its own
