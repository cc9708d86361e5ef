"""indexes for what the API and the CLI ask: an article by its id, events by country, governorate
and type as the filters compare them (lower case), by date within each, and periods' counts and
deaths from an index

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-10 08:00:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_articles_article_id', 'articles', ['article_id'], unique=False)
    op.create_index('ix_events_lower_country', 'events', [sa.text('lower(country)'), 'event_date'], unique=False)
    op.create_index('ix_events_lower_admin1', 'events', [sa.text('lower(admin1)'), 'event_date'], unique=False)
    op.create_index('ix_events_lower_type', 'events', [sa.text('lower(event_type)'), 'event_date'], unique=False)
    op.create_index('ix_events_lower_sub_type', 'events', [sa.text('lower(sub_event_type)'), 'event_date'], unique=False)
    op.create_index('ix_events_date_fatalities', 'events', ['event_date', 'fatalities'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_date_fatalities', table_name='events')
    op.drop_index('ix_events_lower_sub_type', table_name='events')
    op.drop_index('ix_events_lower_type', table_name='events')
    op.drop_index('ix_events_lower_admin1', table_name='events')
    op.drop_index('ix_events_lower_country', table_name='events')
    op.drop_index('ix_articles_article_id', table_name='articles')
