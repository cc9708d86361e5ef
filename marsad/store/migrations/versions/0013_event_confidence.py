"""each event's confidence as a column (the surest report's: marsad.stages.confidence, merged by
marsad.store.dedup), indexed with the date, for the ``min_confidence`` filter of the API, the web
app, ``marsad events`` and ``marsad export``

Revision ID: 0013
Revises: 0012
Create Date: 2027-01-20 08:00:00

The events stored before this revision keep an empty confidence (their records had none): the
filter leaves them out, and the next report merged into one of them gives it its own.
"""
import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('confidence', sa.Float(), nullable=True))
    op.create_index('ix_events_confidence', 'events', ['confidence', 'event_date'])


def downgrade() -> None:
    op.drop_index('ix_events_confidence', table_name='events')
    op.drop_column('events', 'confidence')
