"""reads from columns, not JSON: folded keys of the filtered names, each event's search words
with a full-text index (SQLite FTS5, PostgreSQL tsvector), the actors' folded names, indexes for
every filter and sort of the API (covering the statistics' counts and deaths), and counts kept
by triggers: per month, place and type (event_counts) and per day (event_days)

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-12 08:00:00

The new columns are filled here for the events and actors already stored, with the same
functions the writer uses (:mod:`marsad.store.search`: a filter must find an old event as it
finds a new one), in slices of ``SLICE`` rows. The indexes are made after the columns are
filled, and ``event_counts`` from the filled rows.
"""
import json

import sqlalchemy as sa
from alembic import op

from marsad.store.search import fold_key, search_words

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

SLICE = 5000
KEYS = (('country_key', 'country', 100), ('admin1_key', 'admin1', 200), ('type_key', 'event_type', 60),
        ('sub_type_key', 'sub_event_type', 80))
# index name -> columns (the sorts of the API's event list, and the filters)
INDEXES = {
    'ix_events_country_key': ['country_key', 'event_date', 'fatalities'],
    'ix_events_admin1_key': ['admin1_key', 'event_date', 'fatalities'],
    'ix_events_type_key': ['type_key', 'event_date', 'fatalities'],
    'ix_events_sub_type_key': ['sub_type_key', 'event_date', 'fatalities'],
    'ix_events_actor1': ['actor1', 'actor2', 'event_date', 'fatalities'],
    'ix_events_actor2': ['actor2', 'event_date', 'fatalities'],
    'ix_events_lon_lat': ['longitude', 'latitude', 'event_date', 'fatalities'],
    'ix_events_fatalities': ['fatalities', 'event_date'],
    'ix_events_location': ['location'],
    'ix_events_sub_type': ['sub_event_type'],
    'ix_events_admin1': ['admin1'],
    'ix_events_n_sources': ['n_sources'],
    'ix_events_updated': ['updated_at'],
}
OLD_INDEXES = {
    'ix_events_lower_country': 'country', 'ix_events_lower_admin1': 'admin1', 'ix_events_lower_type': 'event_type',
    'ix_events_lower_sub_type': 'sub_event_type',
}
COUNTED_INDEXES = {
    'ix_event_counts_country': ['country', 'events', 'fatalities'],
    'ix_event_counts_admin1': ['admin1', 'events', 'fatalities'],
    'ix_event_counts_types': ['event_type', 'sub_event_type', 'events', 'fatalities'],
}
# The columns of ``event_counts`` an event's row is counted under ('' for none).
GROUP = ('month', 'country', 'admin1', 'event_type', 'sub_event_type')

SQLITE_FTS = [
    # the search words of events.search_text; the table keeps no copy of them (content='events')
    "CREATE VIRTUAL TABLE events_fts USING fts5(search_text, content='events', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', prefix='2 3')",
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events WHEN new.search_text IS NOT NULL BEGIN "
    "INSERT INTO events_fts (rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER events_fts_delete AFTER DELETE ON events WHEN old.search_text IS NOT NULL BEGIN "
    "INSERT INTO events_fts (events_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER events_fts_update AFTER UPDATE OF search_text ON events "
    "WHEN old.search_text IS NOT new.search_text BEGIN "
    "INSERT INTO events_fts (events_fts, rowid, search_text) SELECT 'delete', old.id, old.search_text "
    "WHERE old.search_text IS NOT NULL; "
    "INSERT INTO events_fts (rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL; "
    "END",
]


def _counted(row: str, sign: str, date_text: str) -> tuple[str, str]:
    """The values an events row (``new``/``old``) is counted under, and its deaths."""
    values = (f"coalesce({date_text}, '')", f"coalesce({row}.country, '')", f"coalesce({row}.admin1, '')",
              f"{row}.event_type", f"{row}.sub_event_type", f"coalesce({row}.country_key, '')",
              f"coalesce({row}.admin1_key, '')", f"coalesce({row}.type_key, '')", f"coalesce({row}.sub_type_key, '')")
    return ", ".join(values), f"{sign}coalesce({row}.fatalities, 0)"


def _where_counted(row: str, date_text: str) -> str:
    return (f"month = coalesce({date_text}, '') AND country = coalesce({row}.country, '') AND "
            f"admin1 = coalesce({row}.admin1, '') AND event_type = {row}.event_type AND "
            f"sub_event_type = {row}.sub_event_type")


COUNTED_COLUMNS = ("month, country, admin1, event_type, sub_event_type, country_key, admin1_key, type_key, "
                   "sub_type_key, events, fatalities")
CHANGED = ("old.event_date IS NOT new.event_date OR old.country IS NOT new.country OR old.admin1 IS NOT new.admin1 "
           "OR old.event_type IS NOT new.event_type OR old.sub_event_type IS NOT new.sub_event_type "
           "OR old.fatalities IS NOT new.fatalities")


def _sqlite_counts() -> list[str]:
    new_values, new_deaths = _counted("new", "", "substr(new.event_date, 1, 7)")
    add = (f"INSERT INTO event_counts ({COUNTED_COLUMNS}) VALUES ({new_values}, 1, {new_deaths}) "
           f"ON CONFLICT ({', '.join(GROUP)}) DO UPDATE SET events = events + 1, "
           f"fatalities = fatalities + excluded.fatalities;")
    remove = ("UPDATE event_counts SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, 0) "
              f"WHERE {_where_counted('old', 'substr(old.event_date, 1, 7)')};")
    # the day's row (dated events only)
    add += (" INSERT INTO event_days (day, events, fatalities) SELECT new.event_date, 1, coalesce(new.fatalities, 0) "
            "WHERE new.event_date IS NOT NULL ON CONFLICT (day) DO UPDATE SET events = events + 1, "
            "fatalities = fatalities + excluded.fatalities;")
    remove += (" UPDATE event_days SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, 0) "
               "WHERE day = old.event_date;")
    return [
        f"CREATE TRIGGER event_counts_insert AFTER INSERT ON events BEGIN {add} END",
        f"CREATE TRIGGER event_counts_delete AFTER DELETE ON events BEGIN {remove} END",
        f"CREATE TRIGGER event_counts_update AFTER UPDATE ON events WHEN {CHANGED} BEGIN {remove} {add} END",
    ]


def _postgresql_counts() -> list[str]:
    new_date, old_date = "to_char(NEW.event_date, 'YYYY-MM')", "to_char(OLD.event_date, 'YYYY-MM')"
    new_values, new_deaths = _counted("NEW", "", new_date)
    changed = CHANGED.replace("old.", "OLD.").replace("new.", "NEW.").replace(" IS NOT ", " IS DISTINCT FROM ")
    return [
        "CREATE FUNCTION marsad_event_counts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP IN ('UPDATE', 'DELETE') THEN "
        "UPDATE event_counts SET events = events - 1, fatalities = fatalities - coalesce(OLD.fatalities, 0) "
        f"WHERE {_where_counted('OLD', old_date)}; "
        "UPDATE event_days SET events = events - 1, fatalities = fatalities - coalesce(OLD.fatalities, 0) "
        "WHERE day = to_char(OLD.event_date, 'YYYY-MM-DD'); "
        "END IF; "
        "IF TG_OP IN ('UPDATE', 'INSERT') THEN "
        f"INSERT INTO event_counts ({COUNTED_COLUMNS}) VALUES ({new_values}, 1, {new_deaths}) "
        f"ON CONFLICT ({', '.join(GROUP)}) DO UPDATE SET events = event_counts.events + 1, "
        "fatalities = event_counts.fatalities + EXCLUDED.fatalities; "
        "IF NEW.event_date IS NOT NULL THEN "
        "INSERT INTO event_days (day, events, fatalities) "
        "VALUES (to_char(NEW.event_date, 'YYYY-MM-DD'), 1, coalesce(NEW.fatalities, 0)) "
        "ON CONFLICT (day) DO UPDATE SET events = event_days.events + 1, "
        "fatalities = event_days.fatalities + EXCLUDED.fatalities; "
        "END IF; "
        "END IF; RETURN NULL; END $$",
        "CREATE TRIGGER event_counts_insert_delete AFTER INSERT OR DELETE ON events FOR EACH ROW "
        "EXECUTE FUNCTION marsad_event_counts()",
        f"CREATE TRIGGER event_counts_update AFTER UPDATE ON events FOR EACH ROW WHEN ({changed}) "
        "EXECUTE FUNCTION marsad_event_counts()",
    ]


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    # plain ALTER TABLE ADD COLUMN (no batch copy of the table, which holds every record)
    for key, _, size in KEYS:
        op.add_column('events', sa.Column(key, sa.String(length=size), nullable=True))
    op.add_column('events', sa.Column('search_text', sa.Text(), nullable=True))
    op.add_column('actors', sa.Column('name_key', sa.String(length=300), nullable=True))

    events = sa.table('events', sa.column('id', sa.Integer), sa.column('record', sa.Text),
                      *(sa.column(c, sa.String) for _, c, _ in KEYS), *(sa.column(k, sa.String) for k, _, _ in KEYS),
                      sa.column('search_text', sa.Text))
    fill = events.update().where(events.c.id == sa.bindparam('pk')).values(
        search_text=sa.bindparam('words'), **{k: sa.bindparam(k) for k, _, _ in KEYS})
    last = 0
    while True:
        rows = conn.execute(sa.select(events.c.id, events.c.record, *(events.c[c] for _, c, _ in KEYS))
                            .where(events.c.id > last).order_by(events.c.id).limit(SLICE)).all()
        if not rows:
            break
        conn.execute(fill, [dict(pk=pk, words=search_words(json.loads(record)) or None,
                                 **{k: fold_key(v) for (k, _, _), v in zip(KEYS, values)})
                            for pk, record, *values in rows])
        last = rows[-1][0]
    actors = sa.table('actors', sa.column('name', sa.String), sa.column('name_key', sa.String))
    names = conn.execute(sa.select(actors.c.name)).scalars().all()
    if names:
        conn.execute(actors.update().where(actors.c.name == sa.bindparam('n')).values(name_key=sa.bindparam('k')),
                     [dict(n=n, k=fold_key(n)) for n in names])

    for name, column in OLD_INDEXES.items():
        op.drop_index(name, table_name='events')
    for name, columns in INDEXES.items():
        op.create_index(name, 'events', columns, unique=False)

    op.create_table(
        'event_counts',
        sa.Column('month', sa.String(7), nullable=False),
        sa.Column('country', sa.String(100), nullable=False),
        sa.Column('admin1', sa.String(200), nullable=False),
        sa.Column('event_type', sa.String(60), nullable=False),
        sa.Column('sub_event_type', sa.String(80), nullable=False),
        sa.Column('country_key', sa.String(100), nullable=False),
        sa.Column('admin1_key', sa.String(200), nullable=False),
        sa.Column('type_key', sa.String(60), nullable=False),
        sa.Column('sub_type_key', sa.String(80), nullable=False),
        sa.Column('events', sa.Integer(), nullable=False),
        sa.Column('fatalities', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*GROUP, name='pk_event_counts'),
    )
    month = "to_char(event_date, 'YYYY-MM')" if dialect == 'postgresql' else 'substr(event_date, 1, 7)'
    day = "to_char(event_date, 'YYYY-MM-DD')" if dialect == 'postgresql' else 'event_date'
    conn.exec_driver_sql(
        f"INSERT INTO event_counts ({COUNTED_COLUMNS}) "
        f"SELECT coalesce({month}, ''), coalesce(country, ''), coalesce(admin1, ''), event_type, sub_event_type, "
        "coalesce(country_key, ''), coalesce(admin1_key, ''), coalesce(type_key, ''), coalesce(sub_type_key, ''), "
        "count(*), sum(coalesce(fatalities, 0)) FROM events "
        f"GROUP BY coalesce({month}, ''), coalesce(country, ''), coalesce(admin1, ''), event_type, sub_event_type, "
        "coalesce(country_key, ''), coalesce(admin1_key, ''), coalesce(type_key, ''), coalesce(sub_type_key, '')")
    # the statistics and facets of all events read these alone (the counts are in the index)
    for name, columns in COUNTED_INDEXES.items():
        op.create_index(name, 'event_counts', columns, unique=False)
    op.create_table(
        'event_days',
        sa.Column('day', sa.String(10), nullable=False),
        sa.Column('events', sa.Integer(), nullable=False),
        sa.Column('fatalities', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('day', name='pk_event_days'),
    )
    conn.exec_driver_sql(
        f"INSERT INTO event_days (day, events, fatalities) SELECT {day}, count(*), sum(coalesce(fatalities, 0)) "
        f"FROM events WHERE event_date IS NOT NULL GROUP BY {day}")
    op.create_index('ix_event_counts_country_key', 'event_counts', ['country_key', 'month'], unique=False)
    op.create_index('ix_event_counts_admin1_key', 'event_counts', ['admin1_key', 'month'], unique=False)
    op.create_index('ix_event_counts_type_key', 'event_counts', ['type_key', 'month'], unique=False)
    op.create_index('ix_event_counts_sub_type_key', 'event_counts', ['sub_type_key', 'month'], unique=False)

    if dialect == 'sqlite':
        for statement in SQLITE_FTS + _sqlite_counts():
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
    else:
        conn.exec_driver_sql("CREATE INDEX ix_events_search_text ON events "
                             "USING gin (to_tsvector('simple'::regconfig, search_text))")
        for statement in _postgresql_counts():
            conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == 'sqlite':
        for trigger in ('events_fts_insert', 'events_fts_delete', 'events_fts_update', 'event_counts_insert',
                        'event_counts_delete', 'event_counts_update'):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS events_fts")
    else:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS event_counts_insert_delete ON events")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS event_counts_update ON events")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS marsad_event_counts()")
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_search_text")
    op.drop_table('event_days')
    op.drop_table('event_counts')
    for name in INDEXES:
        op.drop_index(name, table_name='events')
    for name, column in OLD_INDEXES.items():
        op.create_index(name, 'events', [sa.text(f'lower({column})'), 'event_date'], unique=False)
    op.drop_column('actors', 'name_key')
    for key in ('search_text',) + tuple(k for k, _, _ in KEYS):
        op.drop_column('events', key)
