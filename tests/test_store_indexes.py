"""Issue 19 items 1 and 3 on a real SQLite file and a real PostgreSQL server: the migrations make
every index the schema declares, and the writer's and the API's lookups are answered from them."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import event_filters, open_store
from marsad.store.schema import articles, events, metadata

REPO = Path(__file__).resolve().parents[1]
SAMPLES = [str(REPO / "examples" / "sample-articles.jsonl"), str(REPO / "examples" / "multisource.jsonl")]


def test_migrations_make_every_declared_index(db_url):
    store = open_store(db_url)
    # the catalogues themselves: SQLAlchemy's inspector leaves out SQLite's expression indexes
    catalogue = text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
                     if db_url.startswith("sqlite") else "SELECT indexname FROM pg_indexes WHERE tablename = :t")
    with store.engine.connect() as conn:
        made = {table: set(conn.execute(catalogue, {"t": table}).scalars()) for table in metadata.tables}
    store.close()
    for table in metadata.tables.values():
        declared = {ix.name for ix in table.indexes}
        assert declared <= made[table.name], (table.name, declared - made[table.name])
    assert {"ix_events_cell_range_start", "ix_events_admin1_range_start", "ix_events_country_key",
            "ix_events_date_fatalities"} <= made["events"]
    assert "ix_articles_article_id" in made["articles"]


def _plan(store, query) -> str:
    with store.engine.connect() as conn:
        compiled = query.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True})
        return " | ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))


def test_lookups_use_indexes_not_scans(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/marsad.db")
    ingest(store, read_inputs(SAMPLES))
    one = store.events(limit=1)[0]
    # an article by its id (the API's /api/articles/{id})
    plan = _plan(store, select(articles.c.text).where(articles.c.article_id == "x"))
    assert "SEARCH articles USING INDEX ix_articles_article_id" in plan, plan
    # the case-insensitive country, governorate and type filters (folded keys, migration 0007)
    for name, value, index in (("country", one["country"], "ix_events_country_key"),
                               ("admin1", one["admin1"], "ix_events_admin1_key"),
                               ("event_type", "battles", "ix_events_type_key")):
        plan = _plan(store, select(events.c.id).where(*event_filters(**{name: value})))
        assert f"INDEX {index} (" in plan, (name, plan)
    # counts and deaths per period from the index alone
    plan = _plan(store, select(events.c.event_date, events.c.fatalities)
                 .where(events.c.event_date.isnot(None)).order_by(events.c.event_date))
    assert "COVERING INDEX ix_events_date_fatalities" in plan, plan
    store.close()
