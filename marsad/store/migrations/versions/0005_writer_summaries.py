"""what the writer's duplicate matching reads, kept at write time: each event's place cell and
whether its date range is long, each source's matching fields and normalised words; candidate
indexes by place, range length and date

Revision ID: 0005
Revises: 0004
Create Date: 2027-01-10 07:00:00

``events.place_cell`` and ``events.long_range`` are filled here for the events already stored. The two new columns of
``event_sources`` stay empty for sources stored before this revision: the writer computes their
values from the source's record and evidence text when it compares with them, as it always did.
"""
import math

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _cell(lat, lon):
    # the same formula as marsad.store.place_cell (not imported: a migration stays as it was written)
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return (math.floor(lat) + 90) * 360 + (math.floor(lon) + 180)


def _long(start, end):
    # the same rule as marsad.store._long_range (SHORT_RANGE_DAYS = 7)
    if start is None or end is None:
        return None
    return (end - start).days > 7


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('place_cell', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('long_range', sa.Boolean(), nullable=True))
    with op.batch_alter_table('event_sources') as batch:
        batch.add_column(sa.Column('match_fields', sa.Text(), nullable=True))
        batch.add_column(sa.Column('match_text', sa.Text(), nullable=True))
    conn = op.get_bind()
    events = sa.table('events', sa.column('id', sa.Integer), sa.column('latitude', sa.Float),
                      sa.column('longitude', sa.Float), sa.column('event_date_start', sa.Date),
                      sa.column('event_date_end', sa.Date), sa.column('place_cell', sa.Integer),
                      sa.column('long_range', sa.Boolean))
    rows = conn.execute(sa.select(events.c.id, events.c.latitude, events.c.longitude, events.c.event_date_start,
                                  events.c.event_date_end)).all()
    values = [{"pk": pk, "cell": _cell(lat, lon), "long": _long(start, end)} for pk, lat, lon, start, end in rows]
    if values:
        conn.execute(events.update().where(events.c.id == sa.bindparam("pk"))
                     .values(place_cell=sa.bindparam("cell"), long_range=sa.bindparam("long")), values)
    op.create_index('ix_events_cell_range_start', 'events', ['place_cell', 'long_range', 'event_date_start'],
                    unique=False)
    op.create_index('ix_events_admin1_range_start', 'events', ['country', 'admin1', 'long_range', 'event_date_start'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_admin1_range_start', table_name='events')
    op.drop_index('ix_events_cell_range_start', table_name='events')
    with op.batch_alter_table('event_sources') as batch:
        batch.drop_column('match_text')
        batch.drop_column('match_fields')
    with op.batch_alter_table('events') as batch:
        batch.drop_column('long_range')
        batch.drop_column('place_cell')
