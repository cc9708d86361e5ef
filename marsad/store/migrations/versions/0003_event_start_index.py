"""index events by the start of their date range, for deduplication's candidate lookup

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 01:30:00
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_events_country_start', 'events', ['country', 'event_date_start'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_country_start', table_name='events')
