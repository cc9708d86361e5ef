"""Watch lists: saved filters whose matching new and updated events reach a webhook and a mail
server, each exactly once, with failed deliveries retried and visible."""
from __future__ import annotations

import json
import socket
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import UsageError
from marsad.store import open_store
from marsad.watch.alerts import Deliverer, add_watch_list, alerts_of, list_watch_lists
from marsad.watch.fetch import Politeness
from marsad.watch.matching import clean_filters, event_matches
from marsad.watch.rounds import Watcher, WatchOptions
from marsad.watch.sources import add_source
from watch_site import Site, publish

REPO = Path(__file__).resolve().parents[1]
RECORDS = [json.loads(line) for line in (REPO / "examples" / "multisource.jsonl").open(encoding="utf-8")]


class Receiver:
    """A webhook receiver on 127.0.0.1 that answers 500 to its first ``fail_first`` calls."""

    def __init__(self, fail_first: int = 0):
        self.calls: list[tuple[int, dict, dict]] = []
        self.fail_first = fail_first
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                status = 500 if len(receiver.calls) < receiver.fail_first else 204
                receiver.calls.append((status, dict(self.headers), body))
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def delivered(self) -> list[str]:
        return [e["event"]["event_id"] for status, _, body in self.calls if status == 204 for e in body["events"]]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Mailbox:
    """aiosmtpd on 127.0.0.1, keeping every message it receives."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        box = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                box.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
                return "250 OK"

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def close(self):
        self.controller.stop()


@pytest.fixture
def receiver():
    r = Receiver(fail_first=1)
    yield r
    r.close()


@pytest.fixture
def mailbox():
    m = Mailbox()
    yield m
    m.close()


def test_alerts_reach_the_webhook_and_the_mailbox_once_per_matching_event(tmp_path, receiver, mailbox):
    store = open_store(str(tmp_path / "watch.db"))
    first, later = RECORDS[:14], RECORDS[14:28]
    with Site() as site:
        feeds = publish(site, first, kinds=("rss",))
        for name, url in feeds.items():
            add_source(store, url, name=name)
        add_watch_list(store, "syria-deaths", filters={"country": "syria", "min_fatalities": 1},
                       webhook=receiver.url, created_by="test")
        add_watch_list(store, "all-by-mail", filters={}, email="analyst@example.org", created_by="test")
        add_watch_list(store, "nothing", filters={"actor": "no such actor anywhere"}, webhook=receiver.url,
                       created_by="test")
        options = WatchOptions(politeness=Politeness(host_interval=0.001, backoff=0.01, timeout=2))
        deliverer = Deliverer(app_url="http://app.example", smtp=f"127.0.0.1:{mailbox.port}", retry_base=0.0,
                              timeout=5)
        round1 = Watcher(store, options, deliverer=deliverer).run_round()
        # the webhook's first call failed: its alerts wait for the next round, visibly
        waiting = [a for a in alerts_of(store, "syria-deaths")]
        assert waiting and all(a["state"] == "pending" and a["attempts"] == 1 and "HTTP 500" in a["last_error"]
                               for a in waiting)
        assert round1.alerts_failed == len(waiting)
        round2 = Watcher(store, options, deliverer=deliverer).run_round()
        assert round2.alerts_sent == len(waiting) and round2.entries_new == 0
        # later reports: new events, and reports merging into events already sent
        for path in list(site.routes):
            if path.startswith("/feeds/"):
                del site.routes[path]
        publish(site, first + later, kinds=("rss",))
        Watcher(store, options, deliverer=deliverer).run_round()
        Watcher(store, options, deliverer=deliverer).run_round()  # nothing new: nothing sent
    expected = {e["event_id"] for e in store.events(country="syria", min_fatalities=1)}
    assert expected and sorted(receiver.delivered()) == sorted(expected), "each matching event exactly once"
    assert len(receiver.calls) == 1 + 2  # the failed call, the retry, the later round's events
    status, headers, body = receiver.calls[1]
    headers = {k.lower(): v for k, v in headers.items()}
    assert body["watch_list"] == "syria-deaths" and body["filters"] == {"country": "syria", "min_fatalities": 1}
    sent = body["events"][0]
    assert sent["url"] == f"http://app.example/events/{sent['event']['event_id']}"
    assert headers["x-marsad-alerts"].split(",")[0] == str(sent["alert_id"])
    mailed = [line.split("/events/")[1] for _, msg in mailbox.messages
              for line in msg.get_content().splitlines() if "/events/" in line]
    assert sorted(mailed) == sorted(e["event_id"] for e in store.events())
    assert all(to == ["analyst@example.org"] and msg["Subject"].startswith("marsad: ") for to, msg in mailbox.messages)
    counts = {wl.name: (wl.sent, wl.pending, wl.failed) for wl in list_watch_lists(store)}
    assert counts == {"syria-deaths": (len(expected), 0, 0), "all-by-mail": (len(mailed), 0, 0),
                      "nothing": (0, 0, 0)}


def test_a_target_that_never_answers_is_given_up_after_its_attempts_and_shown_failed(tmp_path):
    store = open_store(str(tmp_path / "w.db"))
    assert main(["ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", str(tmp_path / "w.db"),
                 "--no-progress"]) == 0
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    wl = add_watch_list(store, "dead", filters={}, webhook=f"http://127.0.0.1:{dead}/", created_by="t")
    from marsad.watch.alerts import find_alerts
    from marsad.store.schema import events, watch_lists
    from sqlalchemy import update
    from datetime import datetime, timedelta, timezone

    with store.engine.begin() as conn:  # the events were stored before the list: touch them to make them new
        conn.execute(update(events).values(updated_at=datetime.now(timezone.utc) + timedelta(seconds=1)))
        conn.execute(update(watch_lists).values(created_at=datetime.now(timezone.utc) - timedelta(hours=1)))
    assert find_alerts(store) == store.count("events") > 0
    deliverer = Deliverer(retry_base=0.0, max_attempts=3, timeout=1)
    for _ in range(4):
        deliverer.deliver(store)
    rows = alerts_of(store, wl.name)
    assert rows and all(r["state"] == "failed" and r["attempts"] == 3 and r["last_error"] for r in rows)
    assert find_alerts(store) == 0  # failed alerts are not made again


@pytest.fixture(scope="module")
def multisource_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("predicate") / "m.db")
    assert main(["ingest", str(REPO / "examples" / "multisource.jsonl"), "--db", db, "--no-progress"]) == 0
    return db


@pytest.mark.parametrize("filters", [
    {}, {"country": "SYRIA"}, {"country": "Iraq"}, {"admin1": "idlib"}, {"event_type": "Battles"},
    {"event_type": "armed clash"}, {"actor": "forces"}, {"min_fatalities": 3}, {"since": "2024-02-01"},
    {"until": "2024-01-31"}, {"bbox": [35.0, 34.0, 38.0, 37.0]}, {"text": "قصف"},
    {"country": "Syria", "min_fatalities": 1, "since": "2023-01-01"},
])
def test_the_predicate_picks_what_the_events_list_picks(multisource_db, filters):
    store = open_store(multisource_db)
    import sqlalchemy

    with store.engine.connect() as conn:
        rows = conn.execute(sqlalchemy.text("SELECT event_id, record FROM events")).all()
    picked = {eid for eid, raw in rows if event_matches(json.loads(raw), clean_filters(filters), raw)}
    sql = dict(filters, bbox=tuple(filters["bbox"])) if "bbox" in filters else filters
    assert picked == {e["event_id"] for e in store.events(**sql)}


@pytest.mark.parametrize("filters, message", [
    ({"colour": "red"}, "not a filter"), ({"since": "yesterday"}, "date"), ({"min_fatalities": -1}, "whole number"),
    ({"bbox": "1,2,3"}, "W,S,E,N"), ({"country": "x\x00"}, "text"), ({"min_fatalities": True}, "whole number"),
])
def test_bad_filters_are_refused_by_name(filters, message):
    with pytest.raises(UsageError, match=message):
        clean_filters(filters)


def test_watchlist_commands(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    assert main(["watchlist", "add", "idlib-air", "--webhook", "https://hooks.example/x", "--admin1", "Idlib",
                 "--type", "Air/drone strike", "--db", db]) == 0
    assert main(["watchlist", "add", "mail", "--email", "analyst@example.org", "--min-fatalities", "5",
                 "--db", db]) == 0
    assert main(["watchlist", "add", "bad", "--email", "not-an-address", "--db", db]) == 2
    assert main(["watchlist", "add", "idlib-air", "--email", "a@example.org", "--db", db]) == 2
    capsys.readouterr()
    assert main(["watchlist", "list", "--json", "--db", db]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["name"], r["kind"], r["filters"]) for r in rows] == [
        ("idlib-air", "webhook", {"admin1": "Idlib", "event_type": "Air/drone strike"}),
        ("mail", "email", {"min_fatalities": 5})]
    assert main(["watchlist", "alerts", "mail", "--db", db]) == 0
    assert main(["watchlist", "remove", "mail", "--db", db]) == 0
    assert main(["watchlist", "remove", "mail", "--db", db]) == 2
