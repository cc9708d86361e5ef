"""the writer's candidate search answered from its indexes alone: the two candidate indexes hold
every column the search tests and returns (SQLite reads no events row, each of which holds a whole
merged record), and the sources of an event are indexed by (event, id), so that its first and its
latest few are found without reading the others

Revision ID: 0010
Revises: 0009_watch_outbox
Create Date: 2027-01-13 08:00:00
"""
from alembic import op


revision = '0010'
down_revision = '0009_watch_outbox'
branch_labels = None
depends_on = None

CELL = ['place_cell', 'long_range', 'event_date_start']
ADMIN1 = ['country', 'admin1', 'long_range', 'event_date_start']
# what the candidate search tests beyond the index range, and what it returns of each candidate
MORE = ['event_date_end', 'event_type', 'latitude', 'longitude', 'geo_precision']


def upgrade() -> None:
    op.drop_index('ix_events_cell_range_start', table_name='events')
    op.create_index('ix_events_cell_range_start', 'events', CELL + MORE + ['country', 'admin1'], unique=False)
    op.drop_index('ix_events_admin1_range_start', table_name='events')
    op.create_index('ix_events_admin1_range_start', 'events', ADMIN1 + MORE + ['place_cell'], unique=False)
    op.drop_index('ix_event_sources_event', table_name='event_sources')
    op.create_index('ix_event_sources_event', 'event_sources', ['event', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_event_sources_event', table_name='event_sources')
    op.create_index('ix_event_sources_event', 'event_sources', ['event'], unique=False)
    op.drop_index('ix_events_admin1_range_start', table_name='events')
    op.create_index('ix_events_admin1_range_start', 'events', ADMIN1, unique=False)
    op.drop_index('ix_events_cell_range_start', table_name='events')
    op.create_index('ix_events_cell_range_start', 'events', CELL, unique=False)
