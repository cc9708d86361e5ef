"""The relational schema of a marsad dataset (SQLAlchemy Core).

Tables:

* ``articles``: every article ingested, keyed by the SHA-256 of its text (and
  unique by URL when it has one), with its text, so that evidence offsets can
  always be shown against the words they point to;
* ``events``: the deduplicated events, one row each, with the ACLED-style
  columns used for filtering and the whole merged record as JSON;
* ``event_counts``, ``event_days``: events and deaths per month, place and type, and per day, kept
  by triggers, for statistics;
* ``event_sources``: each article's own reading of an event (its numbers, its
  actors, its evidence), the event it was merged into, and which rule and score
  merged it;
* ``edits``: every analyst correction (who, when, field, old and new value);
* ``no_merge``: pairs an analyst split apart, which deduplication must respect;
* ``places``, ``actors``: the gazetteer places and canonical actors events refer to;
* ``rejected``: inputs that could not be used, with where and why;
* ``api_tokens``: hashed tokens for writes through the REST API, each with a name;
* ``local_places``: analysts' gazetteer entries (a name's place in one country, who set it,
  when and why), which the geocoder puts before its own namesakes;
* ``watch_sources``, ``watch_entries``: the feeds and sitemaps ``marsad watch`` follows, with
  their polling state, and every entry found in them, with how far it got (see marsad.watch);
* ``watch_robots``: each host's robots.txt as last read, so that a round within the hour does
  not ask again and a later one asks conditionally;
* ``watch_lists``, ``watch_alerts``: saved event filters with a target (webhook or email), and
  each matching event version's delivery to each list, with its idempotency key;
* ``watch_changes``: the outbox of event changes, written by triggers in the event's own
  transaction while a watch list exists, turned into alerts by ``marsad watch`` (migration 0010);
* ``removed_events``: the tombstones of events that are gone, merged into another event (the
  boundary pass) or deleted by a reviewer, with when and why: incremental pulls report them
  (migration 0011).

The schema is created and upgraded by the Alembic migrations in
``marsad/store/migrations`` (never by ``metadata.create_all``), on SQLite and on
PostgreSQL alike.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
                        PrimaryKeyConstraint, String, Table, Text, UniqueConstraint)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("article_id", String(200), nullable=False),
    Column("url", String(2000), unique=True),
    Column("source", String(200)),
    Column("published", Date),
    Column("language", String(8), nullable=False),
    Column("title", Text),
    Column("origin", String(1000)),
    Column("text", Text, nullable=False),
    Column("extractor_version", String(40), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_articles_article_id", articles.c.article_id)  # the API's /api/articles/{id}

places = Table(
    "places", metadata,
    Column("place_id", String(100), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("name_ar", String(300)),
    Column("kind", String(30)),
    Column("country", String(100)),
    Column("country_code", String(2)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("latitude", Float),
    Column("longitude", Float),
)

actors = Table(
    "actors", metadata,
    Column("name", String(300), primary_key=True),
    Column("inter", Integer),
    Column("name_key", String(300)),  # the name folded (marsad.store.search.fold_key): the actor filter
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(40), nullable=False, unique=True),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("event_date", Date),
    Column("event_date_start", Date),
    Column("event_date_end", Date),
    Column("time_precision", Integer),
    Column("actor1", String(300), ForeignKey("actors.name")),
    Column("actor2", String(300), ForeignKey("actors.name")),
    Column("country", String(100)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("location", String(300)),
    Column("place_id", String(100), ForeignKey("places.place_id")),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("n_sources", Integer, nullable=False),
    Column("disagreement", Boolean, nullable=False),
    Column("record", Text, nullable=False),  # the merged event record, JSON
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # the 1-degree cell of the merged place (marsad.store.place_cell): the writer's candidate search
    # looks up the few cells around a new report instead of a country's whole date window
    Column("place_cell", Integer),
    # whether the date range is longer than a week (marsad.store.SHORT_RANGE_DAYS): the candidate
    # search looks a week back for the others, and two months back only for these few
    Column("long_range", Boolean),
    # what the API's filters compare (marsad.store.filters), kept at write time from the columns and
    # the record (marsad.store.search): the names folded (case, Arabic spelling), and the event's
    # search words, which SQLite's FTS5 table events_fts and PostgreSQL's GIN index
    # ix_events_search_text (to_tsvector('simple', search_text), made by migration 0007) index
    Column("country_key", String(100)),
    Column("admin1_key", String(200)),
    Column("type_key", String(60)),
    Column("sub_type_key", String(80)),
    Column("search_text", Text),
    # what the writer needs to merge one more report into the event without reading its other
    # sources (marsad.store._EventState, JSON; migration 0012): empty for an event stored before
    Column("merge_summary", Text),
    # the merged record's confidence (the surest report's; migration 0013): the min_confidence filter
    Column("confidence", Float),
)
Index("ix_events_date", events.c.event_date)
Index("ix_events_confidence", events.c.confidence, events.c.event_date)
Index("ix_events_type_date", events.c.event_type, events.c.event_date)
Index("ix_events_country_admin1", events.c.country, events.c.admin1)
Index("ix_events_country_start", events.c.country, events.c.event_date_start)
# the filters, each followed by the date: a page of a common value is read in date order, not
# sorted from all its events
# (with the deaths: the statistics by day of one country, governorate or type are read from these alone)
Index("ix_events_country_key", events.c.country_key, events.c.event_date, events.c.fatalities)
Index("ix_events_admin1_key", events.c.admin1_key, events.c.event_date, events.c.fatalities)
Index("ix_events_type_key", events.c.type_key, events.c.event_date, events.c.fatalities)
Index("ix_events_sub_type_key", events.c.sub_type_key, events.c.event_date, events.c.fatalities)
# (with the date and the deaths: the statistics by period of an actor or an area read these alone;
# an actor's are those of actor1, plus actor2, less both, which the first index tells on its own)
Index("ix_events_actor1", events.c.actor1, events.c.actor2, events.c.event_date, events.c.fatalities)
Index("ix_events_actor2", events.c.actor2, events.c.event_date, events.c.fatalities)
Index("ix_events_lon_lat", events.c.longitude, events.c.latitude, events.c.event_date, events.c.fatalities)
# the sorts of the API's event list (event_date, event_type and country have theirs above)
Index("ix_events_fatalities", events.c.fatalities, events.c.event_date)
Index("ix_events_location", events.c.location)
Index("ix_events_sub_type", events.c.sub_event_type)
Index("ix_events_admin1", events.c.admin1)
Index("ix_events_n_sources", events.c.n_sources)
# (with the id: an incremental pull pages by (updated_at, event_id) from the index alone, migration 0011)
Index("ix_events_updated", events.c.updated_at, events.c.event_id)
# counts and deaths per day, week or month are read from this index alone, not from the rows
# (which hold each event's whole record)
Index("ix_events_date_fatalities", events.c.event_date, events.c.fatalities)
# the writer's candidate search (marsad.store._CANDIDATES_NEAR): a range of the first three or four
# columns, and every other column the search tests or returns, so that it reads no events row (migration 0010)
Index("ix_events_cell_range_start", events.c.place_cell, events.c.long_range, events.c.event_date_start,
      events.c.event_date_end, events.c.event_type, events.c.latitude, events.c.longitude, events.c.geo_precision,
      events.c.country, events.c.admin1)
Index("ix_events_admin1_range_start", events.c.country, events.c.admin1, events.c.long_range, events.c.event_date_start,
      events.c.event_date_end, events.c.event_type, events.c.latitude, events.c.longitude, events.c.geo_precision,
      events.c.place_cell)

event_sources = Table(
    "event_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("event", Integer, ForeignKey("events.id"), nullable=False),
    Column("article", Integer, ForeignKey("articles.id"), nullable=False),
    Column("extracted_id", String(40), nullable=False),  # the event id the extractor gave in this article
    Column("fatalities", Integer),
    Column("record", Text, nullable=False),  # this article's own event record, JSON
    Column("evidence_text", Text, nullable=False),  # the article's sentences about the event (for matching)
    Column("match_rule", Text),  # why it was merged into ``event`` (null: it started the event)
    Column("match_score", Float),
    # what duplicate matching reads of this source, kept when it is stored so that it is never
    # re-read from the record or re-normalised: the record's MATCH_FIELDS (JSON) and the evidence
    # text's normalised words (dedup.match_words); empty for sources stored before schema 0005
    Column("match_fields", Text),
    Column("match_text", Text),
    UniqueConstraint("article", "extracted_id", name="uq_event_sources_article_extracted"),
)
# (with the key: an event's first and latest sources are the ends of its range, migration 0010)
Index("ix_event_sources_event", event_sources.c.event, event_sources.c.id)

# Events and deaths per month, country, governorate, type and sub-type ('' for none), kept by
# triggers on ``events`` (migration 0007) whichever code writes the events: the statistics by month,
# place and type, the facets and the totals of the filters on these columns are read from it (and
# from the events of the first and last month of a date range that does not cover them whole).
event_counts = Table(
    "event_counts", metadata,
    Column("month", String(7), nullable=False),  # the event_date's YYYY-MM, '' when undated
    Column("country", String(100), nullable=False),
    Column("admin1", String(200), nullable=False),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("country_key", String(100), nullable=False),
    Column("admin1_key", String(200), nullable=False),
    Column("type_key", String(60), nullable=False),
    Column("sub_type_key", String(80), nullable=False),
    Column("events", Integer, nullable=False),
    Column("fatalities", BigInteger, nullable=False),
    PrimaryKeyConstraint("month", "country", "admin1", "event_type", "sub_event_type", name="pk_event_counts"),
)
# the statistics and facets of all events read these alone
Index("ix_event_counts_country", event_counts.c.country, event_counts.c.events, event_counts.c.fatalities)
Index("ix_event_counts_admin1", event_counts.c.admin1, event_counts.c.events, event_counts.c.fatalities)
Index("ix_event_counts_types", event_counts.c.event_type, event_counts.c.sub_event_type, event_counts.c.events,
      event_counts.c.fatalities)
Index("ix_event_counts_country_key", event_counts.c.country_key, event_counts.c.month)
Index("ix_event_counts_admin1_key", event_counts.c.admin1_key, event_counts.c.month)
Index("ix_event_counts_type_key", event_counts.c.type_key, event_counts.c.month)
Index("ix_event_counts_sub_type_key", event_counts.c.sub_type_key, event_counts.c.month)

# Events and deaths per day (dated events), kept by the same triggers: the statistics by day, week
# and month of all events, and the totals of a date range.
event_days = Table(
    "event_days", metadata,
    Column("day", String(10), nullable=False),  # YYYY-MM-DD
    Column("events", Integer, nullable=False),
    Column("fatalities", BigInteger, nullable=False),
    PrimaryKeyConstraint("day", name="pk_event_days"),
)

edits = Table(
    "edits", metadata,
    Column("id", Integer, primary_key=True),
    Column("event", Integer, ForeignKey("events.id"), nullable=False),
    Column("field", String(60), nullable=False),
    Column("old_value", Text),  # JSON
    Column("new_value", Text),  # JSON
    Column("editor", String(200), nullable=False),
    Column("note", Text),
    Column("edited_at", DateTime(timezone=True), nullable=False),
)
Index("ix_edits_event", edits.c.event)

no_merge = Table(
    "no_merge", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_a", Integer, ForeignKey("event_sources.id"), nullable=False),
    Column("source_b", Integer, ForeignKey("event_sources.id"), nullable=False),
    Column("editor", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_a", "source_b", name="uq_no_merge_pair"),
)

rejected = Table(
    "rejected", metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(64), nullable=False, unique=True),  # where + sample hash
    Column("where", String(1000), nullable=False),
    Column("code", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("sample", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Tokens that may write through the REST API (marsad token add NAME); only a hash is kept,
# and the name is what the edit history records as the editor.
api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)
Index("ix_api_tokens_name", api_tokens.c.name)

# Analysts' gazetteer entries (marsad places set, the review screen): one per name and country;
# ``name_key`` is the name's lookup key without a leading place noun (geo.gazetteer.name_key).
local_places = Table(
    "local_places", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("name_key", String(300), nullable=False),
    Column("latitude", Float, nullable=False),
    Column("longitude", Float, nullable=False),
    Column("country", String(100), nullable=False),
    Column("country_code", String(2), nullable=False),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("kind", String(30), nullable=False),
    Column("set_by", String(200), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
    UniqueConstraint("name_key", "country_code", name="uq_local_places_name_country"),
)

# The feeds and sitemaps marsad watch follows (marsad sources add, a sources file), with their
# polling state: the validators of the last response, when it was polled, how it went, and when
# it may be polled again (later and later while it keeps failing).
watch_sources = Table(
    "watch_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2000), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("language", String(8)),  # ar, en; null: detected per article
    Column("interval_s", Integer, nullable=False),
    Column("origin", String(1000), nullable=False),  # "cli", or the sources file it came from
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("kind", String(20)),  # what the last response was: rss, atom, json, sitemap, sitemap index
    Column("etag", String(1000)),
    Column("last_modified", String(200)),
    Column("content_hash", String(64)),  # SHA-256 of the last body: unchanged feeds are not parsed again
    Column("last_polled_at", DateTime(timezone=True)),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_error_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("failures", Integer, nullable=False),  # consecutive failed polls
    Column("next_poll_at", DateTime(timezone=True)),
    Column("entries_found", Integer, nullable=False),
    Column("articles_new", Integer, nullable=False),
)

# Every entry found in a followed source, once per (canonical) URL, with how far it got:
# pending (to fetch), fetched (text kept here until it is ingested), stored, failed, rejected.
watch_entries = Table(
    "watch_entries", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Integer, ForeignKey("watch_sources.id"), nullable=False),
    Column("url", String(2000), nullable=False, unique=True),
    Column("title", Text),
    Column("summary", Text),
    Column("published", Date),
    Column("state", String(12), nullable=False),
    Column("text", Text),
    Column("text_from", String(10)),  # page, or summary (the page gave no text)
    Column("content_hash", String(64)),
    Column("attempts", Integer, nullable=False),
    Column("error", Text),
    Column("next_try_at", DateTime(timezone=True)),
    Column("found_at", DateTime(timezone=True), nullable=False),
    Column("fetched_at", DateTime(timezone=True)),
    Column("stored_at", DateTime(timezone=True)),
)
Index("ix_watch_entries_state", watch_entries.c.state, watch_entries.c.id)
Index("ix_watch_entries_source", watch_entries.c.source)
Index("ix_watch_entries_hash", watch_entries.c.content_hash)

# Each host's robots.txt as marsad watch last read it (status 200: its text; 4xx: none, all allowed).
watch_robots = Table(
    "watch_robots", metadata,
    Column("host", String(300), primary_key=True),  # scheme://host[:port]
    Column("status", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("etag", String(1000)),
    Column("last_modified", String(200)),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)

# Saved event filters (the events list's) with a target: a webhook URL or mailto: address.
watch_lists = Table(
    "watch_lists", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("filters", Text, nullable=False),  # JSON: marsad.store.event_filters' keyword arguments
    Column("target", String(2000), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("checked_at", DateTime(timezone=True), nullable=False),  # when it last looked at the changes
    # the last watch_changes id when it was made: it sees the changes after it only
    Column("changes_from", Integer, nullable=False, server_default="0"),
)

# One row per watch list, matching event and version of its record (the outbox of deliveries):
# sent once under its idempotency key, retried (same key) until then, failures kept.
watch_alerts = Table(
    "watch_alerts", metadata,
    Column("id", Integer, primary_key=True),
    Column("watch_list", Integer, ForeignKey("watch_lists.id"), nullable=False),
    Column("event_id", String(40), nullable=False),
    Column("version", String(32), nullable=False, server_default=""),  # digest of the record alerted
    Column("idem_key", String(64), nullable=False),  # sent with it: the receiver drops a repeat
    Column("change", String(8), nullable=False, server_default="new"),  # new, or updated (sent before)
    Column("record", Text),  # the event record as alerted (JSON)
    Column("state", String(10), nullable=False),  # pending, sent, failed
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
    Column("next_try_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
    UniqueConstraint("watch_list", "event_id", "version", name="uq_watch_alerts_list_event_version"),
    UniqueConstraint("idem_key", name="uq_watch_alerts_idem_key"),
)
Index("ix_watch_alerts_state", watch_alerts.c.state, watch_alerts.c.next_try_at)

# The outbox of event changes: a trigger on ``events`` adds a row (the event's key) in the
# transaction that inserts an event or changes its record, while a watch list exists (migration
# 0009); marsad watch makes the alerts and deletes the rows in one transaction. Ids only grow.
watch_changes = Table(
    "watch_changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("event", Integer, nullable=False),  # events.id; no foreign key: a change of a deleted event is dropped
    sqlite_autoincrement=True,
)


# Tombstones: an event that is gone, written in the transaction that removes it (migration 0011).
# ``status`` is "merged" (its sources moved to ``merged_into``, the kept event's id) or "deleted"
# (by a reviewer, ``editor``, with ``note``); ``record`` is the event's last merged record (JSON).
# Incremental pulls (``updated_since``) read them by (removed_at, id). Ids only grow.
removed_events = Table(
    "removed_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(40), nullable=False),
    Column("status", String(10), nullable=False),
    Column("merged_into", String(40)),
    Column("removed_at", DateTime(timezone=True), nullable=False),
    Column("editor", String(200)),
    Column("note", Text),
    Column("record", Text),
    sqlite_autoincrement=True,
)
Index("ix_removed_events_removed_at", removed_events.c.removed_at, removed_events.c.event_id)
Index("ix_removed_events_event_id", removed_events.c.event_id)
