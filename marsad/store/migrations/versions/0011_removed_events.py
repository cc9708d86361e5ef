"""tombstones of removed events: an event merged into another (the boundary pass) or deleted by a
reviewer leaves a row in ``removed_events`` (its id, merged or deleted, the kept event's id, when,
who and why, its last record), written in the transaction that removes it, so that incremental
pulls (``updated_since``: ``/api/changes``, ``marsad export``) report it; and the events' index of
their last change holds their id too, so that a pull pages by (updated_at, event_id) from the index
alone (events changed in one batch share their time: 100,000 of them, in a generated database)

Revision ID: 0011
Revises: 0010
Create Date: 2027-01-20 08:00:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('removed_events',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('event_id', sa.String(length=40), nullable=False),
                    sa.Column('status', sa.String(length=10), nullable=False),
                    sa.Column('merged_into', sa.String(length=40), nullable=True),
                    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('editor', sa.String(length=200), nullable=True),
                    sa.Column('note', sa.Text(), nullable=True),
                    sa.Column('record', sa.Text(), nullable=True),
                    sa.PrimaryKeyConstraint('id'),
                    sqlite_autoincrement=True)
    op.create_index('ix_removed_events_removed_at', 'removed_events', ['removed_at', 'event_id'], unique=False)
    op.create_index('ix_removed_events_event_id', 'removed_events', ['event_id'], unique=False)
    op.drop_index('ix_events_updated', table_name='events')
    op.create_index('ix_events_updated', 'events', ['updated_at', 'event_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_updated', table_name='events')
    op.create_index('ix_events_updated', 'events', ['updated_at'], unique=False)
    op.drop_index('ix_removed_events_event_id', table_name='removed_events')
    op.drop_index('ix_removed_events_removed_at', table_name='removed_events')
    op.drop_table('removed_events')
