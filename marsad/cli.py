"""The ``marsad`` command line: a thin layer over the library.

Exit codes: 0 success; 1 some inputs were rejected (each reported on
standard error with file and line, the rest processed); 2 usage errors.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from functools import partial

from marsad.budget import DEFAULT_MAX_SECONDS
from marsad.errors import MarsadError, UsageError


LANG_HELP = ("the articles' language: ar, or auto (their language field, else detected). English extraction is "
             "not offered: tried on English news it found no deaths and wrong actors (issue 20)")


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return number


def _seconds_arg(value: str) -> float | None:
    """A time budget in seconds; 0 means none."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more: {value!r}")
    return seconds or None


def _confidence_arg(value: str) -> float:
    """A confidence floor in [0, 1]."""
    from marsad.stages.confidence import parse_floor

    floor = parse_floor(value)
    if floor is None:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1: {value!r}")
    return floor


def confidence_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--min-confidence", type=_confidence_arg, metavar="X",
                   help="hold back records whose confidence is under X (default: the threshold of the "
                        "confidence model, kb/data/confidence.tsv; 0 keeps every record)")


def _floor(args) -> float:
    """The confidence floor of a run: --min-confidence, else $MARSAD_MIN_CONFIDENCE, else the
    model's threshold (a bad variable is a usage error before any input is read)."""
    from marsad.stages.confidence import default_threshold

    return default_threshold() if args.min_confidence is None else args.min_confidence


def _budget(args):
    from marsad.budget import Budget

    return Budget(max_seconds=args.max_seconds, max_chars=args.max_chars)


def _text_arg(value: str) -> str:
    """An option's text: bytes that are not UTF-8 are refused here, not deep inside a run."""
    from marsad.validation import text_problem

    problem = text_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}; the command line must be UTF-8 text") from None
    return value


def build_parser() -> argparse.ArgumentParser:
    from marsad import __version__

    parser = argparse.ArgumentParser(prog="marsad", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def field_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--field", dest="fields", action="append", type=_field_arg, default=[], metavar="NAME=KEY",
                       help="read an article field from another key of JSON inputs (repeatable): "
                            "text, published, title, source, url, id or language, e.g. published=pub_time")

    ex = sub.add_parser("extract", help="print event records (JSON Lines) for text, HTML or JSONL inputs")
    ex.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl); - for standard input")
    ex.add_argument("--published", type=_date_arg, help="publication date for inputs that carry none")
    ex.add_argument("--source", type=_text_arg, help="source name for inputs that carry none")
    ex.add_argument("--lang", choices=["ar", "auto"], default="auto",
                    help=LANG_HELP)
    ex.add_argument("--pretty", action="store_true", help="indented JSON, one record after another")
    ex.add_argument("--rejects", metavar="FILE", help="also write rejected inputs to FILE (JSON Lines)")
    ex.add_argument("--max-chars", type=_positive_int, default=2_000_000, metavar="N",
                    help="reject documents longer than N characters (default 2000000)")
    ex.add_argument("--max-seconds", type=_seconds_arg, default=DEFAULT_MAX_SECONDS, metavar="S",
                    help="reject a document whose extraction takes longer than S seconds "
                         f"(default {DEFAULT_MAX_SECONDS:g}; 0 for no limit)")
    field_option(ex)
    confidence_option(ex)
    ex.add_argument("--no-progress", action="store_true", help="no progress bar")

    ev = sub.add_parser("evaluate", help="score extraction against gold JSON Lines")
    ev.add_argument("gold", help="gold file (event-schema.md section 4)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="database: an SQLite file path or a postgresql:// URL "
                                    "(default $MARSAD_DB, else marsad.db)")

    ing = sub.add_parser("ingest", help="extract, geocode, deduplicate and store articles")
    ing.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl); - for standard input")
    db_option(ing)
    ing.add_argument("--published", type=_date_arg, help="publication date for inputs that carry none")
    ing.add_argument("--source", type=_text_arg, help="source name for inputs that carry none")
    ing.add_argument("--lang", choices=["ar", "auto"], default="auto",
                     help=LANG_HELP)
    ing.add_argument("--max-chars", type=_positive_int, default=2_000_000, metavar="N",
                     help="reject documents longer than N characters (default 2000000)")
    ing.add_argument("--max-seconds", type=_seconds_arg, default=DEFAULT_MAX_SECONDS, metavar="S",
                     help="reject a document whose extraction takes longer than S seconds "
                          f"(default {DEFAULT_MAX_SECONDS:g}; 0 for no limit)")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar")
    field_option(ing)
    confidence_option(ing)
    ing.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                     help="extract in N local processes (default 1; the database has one writer)")
    ing.add_argument("--dask", metavar="ADDRESS",
                     help="extract on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' "
                          "for a LocalCluster of --workers processes (2 when --workers is 1)")
    ing.add_argument("--batch-size", type=_positive_int, default=32, metavar="N",
                     help="articles per batch and per write transaction (default 32)")
    ing.add_argument("--partition", type=_partition_arg, metavar="[COUNTRY,...:]SINCE..UNTIL",
                     help="write as one of several concurrent writers (PostgreSQL) of a backfill: compare reports "
                          "only with the events of this window of event dates (and countries); run "
                          "`marsad merge-boundary` when all partitions are in")

    mb = sub.add_parser("merge-boundary", help="after a partitioned backfill: merge the events that straddle "
                                               "partitions")
    db_option(mb)

    rej = sub.add_parser("rejected", help="list the inputs ingest could not use, with where and why")
    db_option(rej)
    rej.add_argument("--json", action="store_true", help="JSON Lines instead of a list")

    def filters(p: argparse.ArgumentParser) -> None:
        db_option(p)
        p.add_argument("--since", type=_date_arg, help="events on or after this date")
        p.add_argument("--until", type=_date_arg, help="events on or before this date")
        p.add_argument("--country", type=_text_arg, help="country name, e.g. Syria")
        p.add_argument("--admin1", type=_text_arg, help="governorate (ACLED admin1 name)")
        p.add_argument("--type", dest="event_type", type=_text_arg, help="event type or sub-event type")
        p.add_argument("--actor", type=_text_arg, help="part of an actor's name")
        p.add_argument("--bbox", type=_bbox_arg, metavar="W,S,E,N", help="bounding box in degrees")
        p.add_argument("--min-fatalities", type=int, metavar="N", help="at least N deaths")
        p.add_argument("--min-confidence", type=_confidence_arg, metavar="X",
                       help="events whose confidence is at least X (0 to 1)")
        p.add_argument("--text", type=_text_arg, help="words that must appear in the event record")

    evs = sub.add_parser("events", help="list stored events as a table")
    filters(evs)
    evs.add_argument("--limit", type=_positive_int, metavar="N", help="at most N events")

    show = sub.add_parser("show", help="one stored event with its sources and edits (JSON)")
    db_option(show)
    show.add_argument("event_id")

    ed = sub.add_parser("edit", help="correct fields of a stored event: field=value ...")
    db_option(ed)
    ed.add_argument("event_id")
    ed.add_argument("changes", nargs="+", metavar="field=value")
    ed.add_argument("--by", dest="editor", type=_text_arg, help="who makes the change (default $MARSAD_EDITOR, else $USER)")
    ed.add_argument("--note", type=_text_arg, help="why")

    sp = sub.add_parser("split", help="take one source out of a merged event into an event of its own")
    db_option(sp)
    sp.add_argument("event_id")
    sp.add_argument("source_key", type=int, help="the source's source_key, as `marsad show` prints it")
    sp.add_argument("--by", dest="editor", help="who makes the change (default $MARSAD_EDITOR, else $USER)")

    de = sub.add_parser("delete", help="delete a stored event that is none (its tombstone stays; incremental "
                                       "pulls report it as deleted)")
    db_option(de)
    de.add_argument("event_id")
    de.add_argument("--by", dest="editor", type=_text_arg, help="who deletes it (default $MARSAD_EDITOR, else $USER)")
    de.add_argument("--note", type=_text_arg, help="why")

    exp = sub.add_parser("export", help="write stored events as ACLED CSV, JSON Lines or GeoJSON")
    filters(exp)
    exp.add_argument("--format", choices=["acled-csv", "jsonl", "geojson", "removed-csv"], default="acled-csv",
                     help="removed-csv: the events removed (merged into another or deleted by a reviewer) since "
                          "--updated-since, as ACLED's deleted-events list (event_id_cnty, deleted_timestamp) "
                          "with status and merged_into")
    exp.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    exp.add_argument("--updated-since", metavar="WHEN",
                     help="only events changed (ingested, merged, edited, split) at or after WHEN: Unix seconds "
                          "(the largest timestamp of a previous export), a date or an ISO date-time (UTC), in "
                          "the order of their changes; jsonl and geojson also report the events removed since "
                          "(status merged, with merged_into, or deleted)")
    exp.add_argument("--inter-labels", action="store_true",
                     help="acled-csv: ACLED's text labels of actor types (State forces, Rebel group-Civilians) "
                          "in inter1, inter2 and interaction instead of their codes")

    srv = sub.add_parser("serve", help="the REST API and the web app over a database")
    db_option(srv)
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    srv.add_argument("--max-seconds", type=_seconds_arg, default=DEFAULT_MAX_SECONDS, metavar="S",
                     help="refuse a posted article whose extraction takes longer than S seconds "
                          f"(default {DEFAULT_MAX_SECONDS:g}; 0 for no limit)")

    tok = sub.add_parser("token", help="API tokens that may write through marsad serve")
    tok_sub = tok.add_subparsers(dest="token_command", required=True)
    tok_add = tok_sub.add_parser("add", help="make a token for NAME and print it once")
    tok_add.add_argument("name", type=_text_arg, help="who writes with it (recorded as the editor)")
    db_option(tok_add)
    tok_list = tok_sub.add_parser("list", help="list tokens by name (never the tokens themselves)")
    db_option(tok_list)
    tok_revoke = tok_sub.add_parser("revoke", help="revoke every token of NAME")
    tok_revoke.add_argument("name")
    db_option(tok_revoke)

    pl = sub.add_parser("places", help="analysts' local gazetteer entries, and the place names no gazetteer knows")
    pl_sub = pl.add_subparsers(dest="places_command", required=True)
    pl_set = pl_sub.add_parser("set", help="store where NAME is and re-geocode the stored events of that place")
    pl_set.add_argument("name", help="the place name as written in the reports (Arabic or English)")
    pl_set.add_argument("--lat", required=True, help="latitude in degrees (-90..90)")
    pl_set.add_argument("--lon", required=True, help="longitude in degrees (-180..180)")
    pl_set.add_argument("--country", help="country name, Arabic name or ISO code (default: the one the point lies in)")
    pl_set.add_argument("--admin1", help="governorate, ACLED admin1 name (default: the one the point lies in)")
    pl_set.add_argument("--admin2", help="district (default: that of the nearest known place)")
    pl_set.add_argument("--kind", default="village", help="village, town, city, neighbourhood or facility")
    pl_set.add_argument("--by", dest="editor", help="who sets it (default $MARSAD_EDITOR, else $USER)")
    pl_set.add_argument("--note", help="why, or the source of the coordinates")
    db_option(pl_set)
    pl_list = pl_sub.add_parser("list", help="list the local entries")
    pl_list.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    db_option(pl_list)
    pl_unres = pl_sub.add_parser("unresolved", help="place names events carry that no gazetteer knows")
    pl_unres.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    db_option(pl_unres)

    gz = sub.add_parser("gazetteer", help="the gazetteer: bring your own places")
    gz_sub = gz.add_subparsers(dest="gazetteer_command", required=True)
    gz_imp = gz_sub.add_parser("import", help="add the places of a GeoNames file (XX.txt) for extract and ingest")
    gz_imp.add_argument("files", nargs="+", metavar="FILE", help="GeoNames dump: tab-separated, 19 columns")

    from marsad.watch.commands import register
    register(sub, db_option, filters, _text_arg)  # sources, watch, watchlist
    return parser


def _field_arg(value: str) -> tuple[str, str]:
    from marsad.readers import FIELD_NAMES

    name, sep, key = value.partition("=")
    name, key = name.strip(), key.strip()
    if not sep or not key or name not in FIELD_NAMES or name == "body":
        names = ", ".join(n for n in FIELD_NAMES if n != "body")
        raise argparse.ArgumentTypeError(f"NAME=KEY with NAME one of {names}: {value!r}")
    return name, key


def _partition_arg(value: str):
    from marsad.errors import UsageError
    from marsad.store.partitions import Partition

    try:
        return Partition.parse(value)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _bbox_arg(value: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (parts[0] < parts[2] and parts[1] < parts[3]):
        raise argparse.ArgumentTypeError(f"a bounding box is W,S,E,N in degrees with W<E and S<N: {value!r}")
    return parts


def _filters(args) -> dict:
    return {k: getattr(args, k, None) for k in ("since", "until", "country", "admin1", "event_type", "actor",
                                                "bbox", "min_fatalities", "min_confidence", "text", "limit")}


def _existing_store(args):
    """The store at ``--db`` for a command that reads (or corrects) a dataset: a database that does
    not exist is an error (E404), not a new empty one."""
    from sqlalchemy.engine import make_url

    from marsad.errors import NotFoundError
    from marsad.store import database_url, open_store

    url = database_url(args.db)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not parsed.database.startswith("file:"):
        if not os.path.isfile(parsed.database):
            shown = args.db or os.environ.get("MARSAD_DB") or parsed.database
            raise NotFoundError(f"no database at {shown}: check --db (or $MARSAD_DB); `marsad ingest FILES "
                                f"--db {shown}` makes one")
    return open_store(args.db)


def _editor(args) -> str:
    import os
    return args.editor or os.environ.get("MARSAD_EDITOR") or os.environ.get("USER") or "analyst"


def cmd_ingest(args) -> int:
    from marsad.ingest import ingest
    from marsad.readers import Rejected, read_inputs
    from marsad.store import open_store

    store = open_store(args.db)

    undated = _Undated()

    def reported(items):
        for item in items:
            if isinstance(item, Rejected):
                print(f"marsad: {item}", file=sys.stderr, flush=True)
            else:
                undated.count(item)
            yield item

    items = read_inputs(args.paths, published=args.published, source=args.source, lang=args.lang,
                        max_chars=args.max_chars, fields=dict(args.fields))
    from marsad.runner import open_runner

    with open_runner(workers=args.workers, dask=args.dask) as runner:
        summary = ingest(store, reported(items), progress=not args.no_progress and sys.stderr.isatty(),
                         runner=runner, batch_size=args.batch_size, budget=_budget(args), partition=args.partition,
                         min_confidence=_floor(args))
    for line in summary.failed:
        print(f"marsad: {line}", file=sys.stderr)
    undated.warn()
    print(summary.line())
    return 1 if summary.rejected else 0


class _Undated:
    """Counts the articles read without a publication date, and warns once at the end: their
    relative dates (أمس، اليوم) cannot be resolved, so their events may have no date."""

    def __init__(self) -> None:
        self.n = 0
        self.first: str | None = None

    def count(self, article) -> None:
        if article.published is None:
            self.n += 1
            self.first = self.first or article.origin or article.id

    def warn(self) -> None:
        if not self.n:
            return
        from marsad.readers import FIELD_NAMES

        message = (f"marsad: warning: {self.n} article{'s' if self.n != 1 else ''} had no publication date "
                   f"(first: {self.first}); their relative dates (today, yesterday) are left unresolved. Give "
                   f"one in a field {', '.join(FIELD_NAMES['published'])}, name yours with --field "
                   "published=KEY, or pass --published YYYY-MM-DD")
        print(message, file=sys.stderr)


def cmd_merge_boundary(args) -> int:
    from marsad.store.partitions import merge_boundary

    store = _existing_store(args)
    summary = merge_boundary(store)
    store.close()
    print(summary.line())
    return 0


def cmd_rejected(args) -> int:

    rows = _existing_store(args).rejected_inputs()
    for row in rows:
        print(json.dumps(row, ensure_ascii=False) if args.json else f"{row['where']}: [{row['code']}] {row['reason']}")
    if not args.json:
        print(f"{len(rows)} rejected input{'s' if len(rows) != 1 else ''}")
    return 0


def cmd_events(args) -> int:
    from marsad.export import format_table

    print(format_table(_existing_store(args).events(**_filters(args))))
    return 0


def cmd_show(args) -> int:

    print(json.dumps(_existing_store(args).event(args.event_id), ensure_ascii=False, indent=2))
    return 0


def cmd_edit(args) -> int:
    from marsad.errors import UsageError

    changes = {}
    for item in args.changes:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(f"changes are field=value, not {item!r}")
        changes[name.strip()] = value
    record = _existing_store(args).edit(args.event_id, changes, editor=_editor(args), note=args.note)
    for name in changes:
        print(f"{args.event_id}: {name} = {json.dumps(record.get(name), ensure_ascii=False)}")
    return 0


def cmd_split(args) -> int:

    new_id = _existing_store(args).split(args.event_id, args.source_key, editor=_editor(args))
    print(f"source {args.source_key} of {args.event_id} is now event {new_id}")
    return 0


def cmd_delete(args) -> int:
    gone = _existing_store(args).delete(args.event_id, editor=_editor(args), note=args.note)
    print(f"{gone['event_id']} deleted (timestamp {gone['timestamp']})")
    return 0


def cmd_export(args) -> int:
    from marsad import export
    from marsad.errors import UsageError

    if args.inter_labels and args.format != "acled-csv":
        raise UsageError("--inter-labels is an option of --format acled-csv")
    since = export.parse_updated_since(args.updated_since) if args.updated_since else None
    store = _existing_store(args)
    if args.format == "removed-csv":
        records = export.removed_records(store, updated_since=since or 0)
    elif since is not None and args.format != "acled-csv":  # an incremental pull: the removed events too
        records = export.changed_records(store, updated_since=since, **_filters(args))
    else:
        records = export.stored_records(store, updated_since=since, **_filters(args))
    writer = {"acled-csv": partial(export.write_acled_csv, inter_labels=args.inter_labels),
              "jsonl": export.write_jsonl, "geojson": export.write_geojson,
              "removed-csv": export.write_removed_csv}[args.format]
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                n = writer(records, fh)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        print(f"{n} events written to {args.output}", file=sys.stderr)
    else:
        writer(records, sys.stdout)
    return 0


def cmd_serve(args) -> int:
    import socket

    import uvicorn

    from marsad.store import open_store
    from marsad.web.app import create_app

    from marsad.budget import Budget

    app = create_app(store=open_store(args.db), budget=Budget(max_seconds=args.max_seconds))
    # proto=IPPROTO_TCP: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say
    # they are TCP, and accepted sockets inherit the listener's; with Nagle on, every small response
    # on a kept-alive connection waits ~40 ms for the client's delayed ACK
    sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET, socket.SOCK_STREAM,
                         socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    sock.listen(128)  # connections made from now on wait for the server instead of being refused
    host, port = sock.getsockname()[:2]
    print(f"marsad serve: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def cmd_token(args) -> int:
    from marsad.store import open_store
    from marsad.store import queries

    store = open_store(args.db) if args.token_command == "add" else _existing_store(args)
    if args.token_command == "add":
        print(queries.add_token(store, args.name))
        print(f"marsad: token for {args.name!r} made; it is shown only now", file=sys.stderr)
    elif args.token_command == "list":
        for row in queries.list_tokens(store):
            state = f"revoked {row['revoked_at'][:19]}" if row["revoked_at"] else "active"
            print(f"{row['name']}\tcreated {row['created_at'][:19]}\t{state}")
    else:
        n = queries.revoke_token(store, args.name)
        print(f"revoked {n} token{'s' if n != 1 else ''} of {args.name!r}")
    return 0


def cmd_places(args) -> int:
    from marsad.store import local_places as lp
    from marsad.store import open_store

    # a local place may be set before the first ingest; listing needs a dataset
    store = open_store(args.db) if args.places_command == "set" else _existing_store(args)
    if args.places_command == "set":
        done = lp.set_local_place(store, args.name, args.lat, args.lon, country=args.country, admin1=args.admin1,
                                  admin2=args.admin2, kind=args.kind, editor=_editor(args), note=args.note)
        p = done.place
        print(f"{'added' if done.created else 'updated'} {p.name}: {p.latitude:g}, {p.longitude:g} "
              f"({', '.join(x for x in (p.admin2, p.admin1, p.country) if x)}; {p.kind}), set by {p.set_by}")
        print(f"re-geocoded {len(done.events)} event{'s' if len(done.events) != 1 else ''}"
              + (f": {', '.join(done.events)}" if done.events else "")
              + (f"; {len(done.unchanged)} already there" if done.unchanged else ""))
    elif args.places_command == "list":
        entries = lp.local_places(store)
        for p in entries:
            row = dict(name=p.name, latitude=p.latitude, longitude=p.longitude, country=p.country,
                       admin1=p.admin1, admin2=p.admin2, kind=p.kind, set_by=p.set_by,
                       set_at=p.set_at.isoformat() if p.set_at else None, note=p.note)
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
            else:
                print("\t".join([p.name, f"{p.latitude:g}, {p.longitude:g}", p.country, p.admin1 or "",
                                 p.admin2 or "", p.kind, p.set_by or "", (row["set_at"] or "")[:19], p.note or ""]))
        if not args.json:
            print(f"{len(entries)} local place{'s' if len(entries) != 1 else ''}")
    else:
        groups = lp.unresolved_places(store)
        for g in groups:
            if args.json:
                print(json.dumps(g, ensure_ascii=False))
            else:
                shown = ", ".join(g["article_ids"][:5]) + (" ..." if len(g["article_ids"]) > 5 else "")
                print(f"{g['events']:>5}  {g['name']}\t{g['country'] or ''}\tarticles: {shown}")
        if not args.json:
            print(f"{len(groups)} unresolved place name{'s' if len(groups) != 1 else ''}"
                  + ("; give one its place with: marsad places set NAME --lat .. --lon .." if groups else ""))
    return 0


def cmd_gazetteer(args) -> int:
    from marsad.geo.imports import import_geonames

    bad = 0
    for path in args.files:
        summary = import_geonames(path)
        for problem in summary.problems:
            print(f"marsad: {problem}", file=sys.stderr)
        bad += len(summary.problems)
        print(summary.line())
    return 1 if bad else 0


def cmd_extract(args) -> int:
    """Print event records for every readable input; report every unusable one on stderr.

    Rejected inputs (and articles whose extraction failed, code E199) are
    printed as ``marsad: path:line: [code] reason`` and, with ``--rejects``,
    appended to that file as JSON Lines; the other inputs are still processed.
    """
    from marsad.errors import KnowledgeBaseError, UsageError
    from marsad.pipeline import extract_article
    from marsad.readers import Rejected, read_inputs

    rejected = 0
    budget = _budget(args)
    undated = _Undated()
    try:
        rejects_fh = open(args.rejects, "a", encoding="utf-8") if args.rejects else None
    except OSError as exc:
        raise UsageError(f"cannot write the --rejects file {args.rejects}: {exc.strerror or exc}") from None
    bar = None
    if not args.no_progress and sys.stderr.isatty() and args.paths != ["-"]:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, postfix={"events": 0})

    def say(message: str, out=sys.stderr) -> None:
        """A line on stdout or stderr that leaves the progress bar whole."""
        if bar is not None and (out is sys.stderr or out.isatty()):
            bar.write(message, file=out)
        else:
            print(message, file=out)

    def reject(item: Rejected) -> None:
        nonlocal rejected
        rejected += 1
        say(f"marsad: {item}")
        sys.stderr.flush()
        if rejects_fh:
            rejects_fh.write(json.dumps(item.to_record(), ensure_ascii=False) + "\n")
            rejects_fh.flush()

    found = 0
    held: list = []
    floor = _floor(args)
    try:
        for item in read_inputs(args.paths, published=args.published, source=args.source, lang=args.lang,
                                max_chars=args.max_chars, fields=dict(args.fields)):
            if bar is not None:
                bar.update(1)
            if isinstance(item, Rejected):
                reject(item)
                continue
            undated.count(item)
            try:
                events = list(extract_article(item, budget, floor, held))
            except KnowledgeBaseError:
                raise  # the same for every article: stop with the knowledge-base message
            except MarsadError as exc:
                reject(Rejected.for_article(item, exc.message, exc.code))
                continue
            except Exception as exc:  # one article must not stop the others, nor print a traceback
                reject(Rejected.for_article(
                    item, f"internal error while extracting: {type(exc).__name__}: {exc}", "E199"))
                continue
            for event in events:
                say(json.dumps(event.to_record(), ensure_ascii=False, indent=2) if args.pretty else event.to_json(),
                    sys.stdout)
            sys.stdout.flush()
            if bar is not None and events:
                found += len(events)
                bar.set_postfix(events=found, refresh=False)
    finally:
        if bar is not None:
            bar.close()
        if rejects_fh:
            rejects_fh.close()
    undated.warn()
    if held:
        print(f"marsad: {len(held)} record{'s' if len(held) != 1 else ''} under confidence {floor:g} held back "
              "(--min-confidence 0 prints every record)", file=sys.stderr)
    return 1 if rejected else 0


def cmd_evaluate(args) -> int:
    from marsad.evaluate import evaluate_file, format_report

    report = evaluate_file(args.gold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        handler = {"extract": cmd_extract, "evaluate": cmd_evaluate, "ingest": cmd_ingest,
                   "merge-boundary": cmd_merge_boundary, "rejected": cmd_rejected, "events": cmd_events, "show": cmd_show,
                   "edit": cmd_edit, "split": cmd_split, "delete": cmd_delete, "export": cmd_export, "serve": cmd_serve,
                   "token": cmd_token, "places": cmd_places, "gazetteer": cmd_gazetteer}.get(args.command)
        if handler is None:
            from marsad.watch.commands import HANDLERS
            handler = HANDLERS.get(args.command)
        if handler is not None:
            status = handler(args)
            sys.stdout.flush()  # here, where a closed pipe is caught, not in Python's exit
            return status
    except BrokenPipeError:
        return _closed_pipe()
    except MarsadError as exc:
        from marsad.errors import StorageError, UsageError

        print(f"marsad: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 3 if isinstance(exc, StorageError) else 1
    except Exception as exc:  # the database or the file system failed outside a batch: say so, briefly
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            print(f"marsad: [E500] database error: {reason}", file=sys.stderr)
            return 3
        if isinstance(exc, OSError):
            print(f"marsad: [E501] {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
            return 3
        raise
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    return 2


def _closed_pipe() -> int:
    """The reader of our output has gone (``marsad events | head -1``): that is how such a pipe
    ends, so exit quietly with 0. Standard output is pointed at /dev/null, so that Python's own
    flush at exit does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real standard output (a test's capture): nothing to flush
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
