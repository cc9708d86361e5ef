"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 08:32:49.702033
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('actors',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('inter', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('origin', sa.String(length=1000), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('text_hash'),
    sa.UniqueConstraint('url')
    )
    op.create_table('places',
    sa.Column('place_id', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_ar', sa.String(length=300), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=200), nullable=True),
    sa.Column('admin2', sa.String(length=200), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('place_id')
    )
    op.create_table('rejected',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('where', sa.String(length=1000), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('sample', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fingerprint')
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=40), nullable=False),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('sub_event_type', sa.String(length=80), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('event_date_start', sa.Date(), nullable=True),
    sa.Column('event_date_end', sa.Date(), nullable=True),
    sa.Column('time_precision', sa.Integer(), nullable=True),
    sa.Column('actor1', sa.String(length=300), nullable=True),
    sa.Column('actor2', sa.String(length=300), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('admin1', sa.String(length=200), nullable=True),
    sa.Column('admin2', sa.String(length=200), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('place_id', sa.String(length=100), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('disagreement', sa.Boolean(), nullable=False),
    sa.Column('record', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor1'], ['actors.name'], ),
    sa.ForeignKeyConstraint(['actor2'], ['actors.name'], ),
    sa.ForeignKeyConstraint(['place_id'], ['places.place_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_country_admin1', ['country', 'admin1'], unique=False)
        batch_op.create_index('ix_events_date', ['event_date'], unique=False)
        batch_op.create_index('ix_events_type_date', ['event_type', 'event_date'], unique=False)

    op.create_table('edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('editor', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event'], ['events.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('edits', schema=None) as batch_op:
        batch_op.create_index('ix_edits_event', ['event'], unique=False)

    op.create_table('event_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event', sa.Integer(), nullable=False),
    sa.Column('article', sa.Integer(), nullable=False),
    sa.Column('extracted_id', sa.String(length=40), nullable=False),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('record', sa.Text(), nullable=False),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('match_rule', sa.Text(), nullable=True),
    sa.Column('match_score', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['article'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['event'], ['events.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article', 'extracted_id', name='uq_event_sources_article_extracted')
    )
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.create_index('ix_event_sources_event', ['event'], unique=False)

    op.create_table('no_merge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_a', sa.Integer(), nullable=False),
    sa.Column('source_b', sa.Integer(), nullable=False),
    sa.Column('editor', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['source_a'], ['event_sources.id'], ),
    sa.ForeignKeyConstraint(['source_b'], ['event_sources.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_a', 'source_b', name='uq_no_merge_pair')
    )



def downgrade() -> None:

    op.drop_table('no_merge')
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.drop_index('ix_event_sources_event')

    op.drop_table('event_sources')
    with op.batch_alter_table('edits', schema=None) as batch_op:
        batch_op.drop_index('ix_edits_event')

    op.drop_table('edits')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_date')
        batch_op.drop_index('ix_events_date')
        batch_op.drop_index('ix_events_country_admin1')

    op.drop_table('events')
    op.drop_table('rejected')
    op.drop_table('places')
    op.drop_table('articles')
    op.drop_table('actors')

