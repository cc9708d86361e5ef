"""each event's merge summary, kept at write time: what dedup.merge needs of its sources (counts of
types, actor pairs and attributions in first-seen order, the best place and date so far, the tolls'
lowest values, range and notes), its first source's evidence, its outlets and where its record's
list of sources lies, so that a report merged into it costs the same whatever its number of sources

Revision ID: 0012
Revises: 0011
Create Date: 2027-01-14 08:00:00

The column stays empty for the events stored before this revision: the first time the writer
merges a report into one of them it reads its sources, as it always did, and keeps the summary
from then on (marsad.store._EventState).
"""
import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('merge_summary', sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column('events', 'merge_summary')
