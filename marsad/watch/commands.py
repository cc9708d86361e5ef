"""The command line of marsad watch: ``marsad sources``, ``marsad watch``, ``marsad watchlist``.

Registered by :mod:`marsad.cli` (``register``); each handler is a thin layer over the library.
"""
from __future__ import annotations

import json
import sys

__all__ = ["register", "HANDLERS"]


def register(sub, db_option, filters, text_arg) -> None:
    """Add the watch commands to the ``marsad`` parser's subcommands."""
    src = sub.add_parser("sources", help="the news feeds and sitemaps marsad watch follows")
    src_sub = src.add_subparsers(dest="sources_command", required=True)
    s_add = src_sub.add_parser("add", help="follow a feed (RSS, Atom, JSON Feed) or a (news) sitemap")
    s_add.add_argument("url", type=text_arg)
    s_add.add_argument("--name", type=text_arg, help="the outlet's name (default: the host name)")
    s_add.add_argument("--language", choices=["ar", "en"], help="the articles' language (default: detected)")
    s_add.add_argument("--interval", metavar="DURATION",
                       help="time between polls: seconds, or 15m, 2h (default 15m, at least 60 s)")
    db_option(s_add)
    s_load = src_sub.add_parser("load", help="follow the sources a YAML file names (see the README)")
    s_load.add_argument("file")
    db_option(s_load)
    s_list = src_sub.add_parser("list", help="the sources followed, with their state")
    s_list.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    db_option(s_list)
    s_rm = src_sub.add_parser("remove", help="stop following a source (by URL or name)")
    s_rm.add_argument("source", type=text_arg, help="its URL or name")
    db_option(s_rm)

    w = sub.add_parser("watch", help="follow the sources: fetch new entries, extract, store, send alerts")
    db_option(w)
    w.add_argument("--once", action="store_true",
                   help="one round (every source not backed off for failing), then exit: for cron and tests")
    w.add_argument("--app-url", metavar="URL", default=None,
                   help="the web app's address, for the event links in alerts (default $MARSAD_APP_URL, "
                        "else http://127.0.0.1:8000)")
    w.add_argument("--smtp", metavar="HOST[:PORT]", help="the mail server for email alerts (default $MARSAD_SMTP, "
                                                          "else localhost:25)")
    w.add_argument("--mail-from", metavar="ADDRESS", help="the sender of email alerts (default marsad@localhost)")
    w.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes extracting a round's new articles, as for ingest (default 1: this process)")
    w.add_argument("--fetchers", type=int, default=8, metavar="N", help="pages fetched at a time (default 8)")
    w.add_argument("--allow-private-targets", action="store_true",
                   help="send alerts to webhooks on loopback, private or link-local addresses too (refused by "
                        "default; also MARSAD_ALLOW_PRIVATE_TARGETS=1)")
    w.add_argument("--timeout", type=float, default=20.0, metavar="S",
                   help="seconds to connect and for each read (default 20); a whole response gets 3 times that")
    w.add_argument("--retries", type=int, default=3, metavar="N", help="retries of a request on 429, 5xx or a "
                                                                         "timeout (default 3)")
    w.add_argument("--backoff", type=float, default=2.0, metavar="S",
                   help="the first retry's wait, doubled each time, with jitter (default 2)")
    w.add_argument("--host-interval", type=float, default=1.0, metavar="S",
                   help="seconds between two requests to one host (default 1; robots.txt's Crawl-delay wins)")
    w.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                   help="the largest response read (default 5000000 bytes)")
    w.add_argument("--max-seconds", type=float, default=120.0, metavar="S",
                   help="an article's extraction budget, as for ingest (default 120; 0 for no limit)")
    w.add_argument("--user-agent", metavar="TEXT", type=text_arg,
                   help="the User-Agent sent (default 'marsad/VERSION (news monitoring; python-httpx)'); "
                        "add a contact: 'marsad/0.1 (+https://your.org/contact)'")
    w.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="articles per batch and per write transaction, as for ingest (default 32)")
    w.add_argument("--quiet", action="store_true", help="log only warnings and the summary")

    wl = sub.add_parser("watchlist", help="saved filters whose new and updated events are sent to a webhook or "
                                          "by email (marsad watch sends them)")
    wl_sub = wl.add_subparsers(dest="watchlist_command", required=True)
    wl_add = wl_sub.add_parser("add", help="save a watch list: a name, the events list's filters, and a target")
    wl_add.add_argument("name", type=text_arg)
    target = wl_add.add_mutually_exclusive_group(required=True)
    target.add_argument("--webhook", metavar="URL", type=text_arg, help="POST the events (JSON) to this URL")
    target.add_argument("--email", metavar="ADDRESS", type=text_arg, help="mail the events to this address")
    wl_add.add_argument("--by", dest="editor", type=text_arg, help="who made it (default $MARSAD_EDITOR, else $USER)")
    wl_add.add_argument("--allow-private-targets", action="store_true",
                        help="accept a webhook on a loopback, private or link-local address (refused by default; "
                             "also MARSAD_ALLOW_PRIVATE_TARGETS=1)")
    filters(wl_add)  # --since --until --country --admin1 --type --actor --bbox --min-fatalities --text, --db
    wl_list = wl_sub.add_parser("list", help="the watch lists, with their alerts sent, pending and failed")
    wl_list.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    db_option(wl_list)
    wl_rm = wl_sub.add_parser("remove", help="delete a watch list and its alerts' history")
    wl_rm.add_argument("name")
    db_option(wl_rm)
    wl_alerts = wl_sub.add_parser("alerts", help="the alerts of one watch list (or all): sent, pending with their "
                                                 "attempts and last error, failed")
    wl_alerts.add_argument("name", nargs="?")
    wl_alerts.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    db_option(wl_alerts)


def cmd_sources(args) -> int:
    from marsad.store import open_store
    from marsad.watch import sources

    store = open_store(args.db)
    if args.sources_command == "add":
        source, added = sources.add_source(store, args.url, name=args.name, language=args.language,
                                           interval=args.interval)
        print(f"{'following' if added else 'updated'} {source.name}: {source.url} "
              f"(every {_duration(source.interval_s)}, language {source.language or 'detected'})")
    elif args.sources_command == "load":
        summary = sources.load_sources_file(store, args.file)
        for problem in summary.problems:
            print(f"marsad: {problem}", file=sys.stderr)
        print(summary.line())
        return 1 if summary.problems else 0
    elif args.sources_command == "list":
        found = sources.list_sources(store)
        waiting = sources.pending_counts(store)
        for s in found:
            if args.json:
                print(json.dumps(dict(s.to_record(), pending=waiting.get(s.id, 0)), ensure_ascii=False))
                continue
            last = s.last_success_at.isoformat(timespec="seconds") if s.last_success_at else "never"
            line = (f"{s.name}\t{s.url}\t{s.status}\tevery {_duration(s.interval_s)}\tlast success {last}\t"
                    f"articles {s.articles_new}\tpending {waiting.get(s.id, 0)}")
            if s.failures:
                line += (f"\tfailed {s.failures}x, next try {s.next_poll_at.isoformat(timespec='seconds')}: "
                         f"{s.last_error}")
            print(line)
        if not args.json:
            print(f"{len(found)} source{'s' if len(found) != 1 else ''}")
    else:
        n = sources.remove_source(store, args.source)
        if not n:
            from marsad.errors import NotFoundError
            raise NotFoundError(f"no source {args.source!r} is followed; see `marsad sources list`")
        print(f"no longer following {args.source}")
    return 0


def cmd_watch(args) -> int:
    import logging
    import os
    import signal
    import threading

    from marsad.budget import Budget
    from marsad.errors import UsageError
    from marsad.store import open_store
    from marsad.watch.fetch import USER_AGENT, Politeness
    from marsad.watch.rounds import Watcher, WatchOptions

    for name in ("workers", "fetchers", "timeout", "host_interval", "max_bytes", "batch_size"):
        if not getattr(args, name) > 0:
            raise UsageError(f"--{name.replace('_', '-')} must be more than 0")
    if args.retries < 0 or args.backoff < 0 or args.max_seconds < 0:
        raise UsageError("--retries, --backoff and --max-seconds are 0 or more")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s marsad watch: %(message)s", "%Y-%m-%dT%H:%M:%S"))
    watch_log = logging.getLogger("marsad.watch")
    watch_log.addHandler(handler)
    watch_log.setLevel(logging.WARNING if args.quiet else logging.INFO)
    store = open_store(args.db)
    politeness = Politeness(user_agent=args.user_agent or USER_AGENT, timeout=args.timeout, deadline=3 * args.timeout,
                            retries=args.retries, backoff=args.backoff, max_backoff=max(args.backoff, 60.0),
                            host_interval=args.host_interval, max_bytes=args.max_bytes)
    options = WatchOptions(politeness=politeness, workers=args.fetchers, extract_workers=args.workers,
                           batch_size=args.batch_size, budget=Budget(max_seconds=args.max_seconds or None))
    stop = threading.Event()

    def stopping(signum, _frame):
        if stop.is_set():  # a second signal: stop now
            raise KeyboardInterrupt
        print("marsad watch: stopping after the current batch (again to stop now)", file=sys.stderr, flush=True)
        stop.set()

    previous = signal.signal(signal.SIGINT, stopping), signal.signal(signal.SIGTERM, stopping)
    from marsad.watch.alerts import Deliverer, allow_private_default

    deliverer = Deliverer(app_url=args.app_url or os.environ.get("MARSAD_APP_URL") or "http://127.0.0.1:8000",
                          smtp=args.smtp or os.environ.get("MARSAD_SMTP") or "localhost:25",
                          mail_from=args.mail_from or "marsad@localhost", timeout=args.timeout,
                          user_agent=args.user_agent,
                          allow_private_targets=args.allow_private_targets or allow_private_default())
    watcher = Watcher(store, options, stop=stop, deliverer=deliverer)
    try:
        if args.once:
            summary = watcher.run_round()
            print(summary.line())
            return 1 if summary.sources_failed or summary.ingest.rejected else 0
        watcher.run()
        print("marsad watch: stopped", file=sys.stderr)
        return 0
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
        watch_log.removeHandler(handler)
        store.close()


def cmd_watchlist(args) -> int:
    import os

    from marsad.store import open_store
    from marsad.watch import alerts
    from marsad.watch.matching import FILTER_NAMES

    store = open_store(args.db)
    if args.watchlist_command == "add":
        chosen = {name: getattr(args, name, None) for name in FILTER_NAMES}
        by = args.editor or os.environ.get("MARSAD_EDITOR") or os.environ.get("USER") or "analyst"
        wl = alerts.add_watch_list(store, args.name, filters=chosen, webhook=args.webhook, email=args.email,
                                   created_by=by,
                                   allow_private_targets=args.allow_private_targets or alerts.allow_private_default())
        print(f"watch list {wl.name}: {json.dumps(wl.filters, ensure_ascii=False)} -> {wl.target}")
    elif args.watchlist_command == "list":
        found = alerts.list_watch_lists(store)
        for wl in found:
            if args.json:
                print(json.dumps(wl.to_record(), ensure_ascii=False))
            else:
                print(f"{wl.name}\t{json.dumps(wl.filters, ensure_ascii=False)}\t{wl.target}\tsent {wl.sent}, "
                      f"pending {wl.pending}, failed {wl.failed}")
        if not args.json:
            print(f"{len(found)} watch list{'s' if len(found) != 1 else ''}")
    elif args.watchlist_command == "remove":
        alerts.remove_watch_list(store, args.name)
        print(f"removed watch list {args.name}")
    else:
        rows = alerts.alerts_of(store, args.name)
        for row in rows:
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
                continue
            when = row["sent_at"] or row["next_try_at"] or ""
            error = f"\t{row['last_error']}" if row["last_error"] else ""
            print(f"{row['watch_list']}\t{row['event_id']}\t{row['change']}\t{row['state']}\tattempts {row['attempts']}"
                  f"\t{when[:19]}\tkey {row['idempotency_key'][:12]}{error}")
        if not args.json:
            print(f"{len(rows)} alert{'s' if len(rows) != 1 else ''}")
    return 0


def _duration(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


HANDLERS = {"sources": cmd_sources, "watch": cmd_watch, "watchlist": cmd_watchlist}
