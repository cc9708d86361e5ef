"""marsad watch alerts exactly once: an outbox of event changes written by triggers in the event's
own transaction, and one alert per watch list, event and version, with its idempotency key

Revision ID: 0009_watch_outbox
Revises: 0008
Create Date: 2027-01-13 16:00:00

* ``watch_changes``: a row per insert of an event, or change of its record, made by a trigger on
  ``events`` in the transaction that writes the event (whichever code writes it: ingest, marsad
  watch, an analyst's edit or split), while at least one watch list exists. ``marsad watch``
  turns the rows into alerts and deletes them in one transaction (marsad.watch.alerts.find_alerts),
  so a change is never lost between the event's commit and its alert, whatever is killed when.
  The ids only grow (AUTOINCREMENT on SQLite, a sequence on PostgreSQL): a watch list remembers
  the last one when it is made (``watch_lists.changes_from``) and sees only the changes after it.
* ``watch_alerts``: one row per (watch list, event, version) (``version``: a digest of the event's
  record as it was alerted, kept in ``record``), with its ``idem_key``, sent to the receiver with
  the alert (the Idempotency-Key header, the body, the mail's Message-ID): a crash between the
  receiver's 2xx and the row being marked sent sends it again under the same key.
"""
import hashlib

import sqlalchemy as sa
from alembic import op

revision = '0009_watch_outbox'
down_revision = '0008'
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = [
    "CREATE TRIGGER watch_changes_insert AFTER INSERT ON events "
    "WHEN EXISTS (SELECT 1 FROM watch_lists) BEGIN INSERT INTO watch_changes (event) VALUES (new.id); END",
    "CREATE TRIGGER watch_changes_update AFTER UPDATE OF record ON events "
    "WHEN old.record IS NOT new.record AND EXISTS (SELECT 1 FROM watch_lists) "
    "BEGIN INSERT INTO watch_changes (event) VALUES (new.id); END",
]
POSTGRESQL_TRIGGERS = [
    "CREATE FUNCTION marsad_watch_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF EXISTS (SELECT 1 FROM watch_lists) THEN INSERT INTO watch_changes (event) VALUES (NEW.id); END IF; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER watch_changes_insert AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION marsad_watch_change()",
    "CREATE TRIGGER watch_changes_update AFTER UPDATE OF record ON events FOR EACH ROW "
    "WHEN (OLD.record IS DISTINCT FROM NEW.record) EXECUTE FUNCTION marsad_watch_change()",
]


def upgrade() -> None:
    conn = op.get_bind()
    op.create_table('watch_changes',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('event', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('id'),
                    sqlite_autoincrement=True)
    with op.batch_alter_table('watch_lists') as batch:
        batch.add_column(sa.Column('changes_from', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('watch_alerts') as batch:
        batch.add_column(sa.Column('version', sa.String(length=32), nullable=False, server_default=''))
        batch.add_column(sa.Column('idem_key', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('change', sa.String(length=8), nullable=False, server_default='new'))
        batch.add_column(sa.Column('record', sa.Text(), nullable=True))
        batch.drop_constraint('uq_watch_alerts_list_event', type_='unique')
        batch.create_unique_constraint('uq_watch_alerts_list_event_version', ['watch_list', 'event_id', 'version'])
    # the alerts made before: a key each (the record is read when they are sent, as before)
    alerts = sa.table('watch_alerts', sa.column('id', sa.Integer), sa.column('watch_list', sa.Integer),
                      sa.column('event_id', sa.String), sa.column('idem_key', sa.String))
    lists = sa.table('watch_lists', sa.column('id', sa.Integer), sa.column('name', sa.String),
                     sa.column('created_at', sa.DateTime))
    made = dict(conn.execute(sa.select(lists.c.id, lists.c.created_at)).all())
    rows = conn.execute(sa.select(alerts.c.id, alerts.c.watch_list, alerts.c.event_id)).all()
    if rows:
        conn.execute(alerts.update().where(alerts.c.id == sa.bindparam('pk')).values(idem_key=sa.bindparam('key')),
                     [dict(pk=pk, key=hashlib.sha256(f"{wl}|{made.get(wl)}|{event}|".encode()).hexdigest()[:40])
                      for pk, wl, event in rows])
    with op.batch_alter_table('watch_alerts') as batch:
        batch.alter_column('idem_key', existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint('uq_watch_alerts_idem_key', ['idem_key'])
    for statement in SQLITE_TRIGGERS if conn.dialect.name == 'sqlite' else POSTGRESQL_TRIGGERS:
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == 'sqlite':
        for trigger in ('watch_changes_insert', 'watch_changes_update'):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS watch_changes_insert ON events")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS watch_changes_update ON events")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS marsad_watch_change()")
    # one alert per list and event again: the newest version of each is kept
    conn.exec_driver_sql("DELETE FROM watch_alerts WHERE id NOT IN "
                         "(SELECT max(id) FROM watch_alerts GROUP BY watch_list, event_id)")
    with op.batch_alter_table('watch_alerts') as batch:
        batch.drop_constraint('uq_watch_alerts_idem_key', type_='unique')
        batch.drop_constraint('uq_watch_alerts_list_event_version', type_='unique')
        batch.create_unique_constraint('uq_watch_alerts_list_event', ['watch_list', 'event_id'])
        for column in ('record', 'change', 'idem_key', 'version'):
            batch.drop_column(column)
    with op.batch_alter_table('watch_lists') as batch:
        batch.drop_column('changes_from')
    op.drop_table('watch_changes')
