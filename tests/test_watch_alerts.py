"""Watch lists: saved filters whose matching new and updated events reach a webhook and a mail
server, each exactly once, with failed deliveries retried and visible."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import UsageError
from marsad.store import open_store
from marsad.watch.alerts import (Deliverer, TargetRefused, add_watch_list, alerts_of, find_alerts, list_watch_lists,
                                 record_version, target_problem)
from marsad.watch.fetch import Politeness
from marsad.watch.matching import clean_filters, event_matches
from marsad.watch.rounds import Watcher, WatchOptions
from marsad.watch.sources import add_source
from watch_site import Site, publish

REPO = Path(__file__).resolve().parents[1]
RECORDS = [json.loads(line) for line in (REPO / "examples" / "multisource.jsonl").open(encoding="utf-8")]


class Receiver:
    """A webhook receiver on 127.0.0.1 that answers 500 to its first ``fail_first`` calls, or
    a redirect to ``redirect_to`` to every call."""

    def __init__(self, fail_first: int = 0, redirect_to: str | None = None):
        self.calls: list[tuple[int, dict, dict]] = []
        self.fail_first = fail_first
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                status = 302 if redirect_to else 500 if len(receiver.calls) < receiver.fail_first else 204
                receiver.calls.append((status, dict(self.headers), body))
                self.send_response(status)
                if redirect_to:
                    self.send_header("location", redirect_to)
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


def raw_records(store) -> dict[str, str]:
    """event_id -> the event's record as stored (JSON text): its version is the digest of that."""
    import sqlalchemy

    with store.engine.connect() as conn:
        return dict(conn.execute(sqlalchemy.text("SELECT event_id, record FROM events")).all())


def test_alerts_reach_the_webhook_and_the_mailbox_once_per_matching_event_version(tmp_path, receiver, mailbox):
    store = open_store(str(tmp_path / "watch.db"))
    first, later = RECORDS[0:28:2], RECORDS[1:28:2]  # reports of one event in both halves
    syria = {"country": "syria", "min_fatalities": 1}
    with Site() as site:
        feeds = publish(site, first, kinds=("rss",))
        for name, url in feeds.items():
            add_source(store, url, name=name)
        add_watch_list(store, "syria-deaths", filters=syria, webhook=receiver.url, created_by="test",
                       allow_private_targets=True)
        add_watch_list(store, "all-by-mail", filters={}, email="analyst@example.org", created_by="test")
        add_watch_list(store, "nothing", filters={"actor": "no such actor anywhere"}, webhook=receiver.url,
                       created_by="test", allow_private_targets=True)
        options = WatchOptions(politeness=Politeness(host_interval=0.001, backoff=0.01, timeout=2))
        deliverer = Deliverer(app_url="http://app.example", smtp=f"127.0.0.1:{mailbox.port}", retry_base=0.0,
                              timeout=5, allow_private_targets=True)
        round1 = Watcher(store, options, deliverer=deliverer).run_round()
        # the webhook's first call failed: its list's alerts wait for the next round, visibly (the
        # target is not called again in that round)
        waiting = alerts_of(store, "syria-deaths")
        assert len(waiting) > 1 and all(a["state"] == "pending" and a["attempts"] == 1 and
                                        "HTTP 500" in a["last_error"] for a in waiting)
        assert round1.alerts_failed == len(waiting) and len(receiver.calls) == 1
        round2 = Watcher(store, options, deliverer=deliverer).run_round()
        assert round2.alerts_sent == len(waiting) and round2.entries_new == 0
        assert receiver.calls[1][2]["idempotency_key"] == receiver.calls[0][2]["idempotency_key"], \
            "the retry carries the key of the failed call"
        # later reports: new events, and reports merging into events already sent (new versions)
        for path in list(site.routes):
            if path.startswith("/feeds/"):
                del site.routes[path]
        publish(site, first + later, kinds=("rss",))
        Watcher(store, options, deliverer=deliverer).run_round()
        calls = len(receiver.calls)
        assert Watcher(store, options, deliverer=deliverer).run_round().alerts_sent == 0  # nothing new: nothing sent
        assert len(receiver.calls) == calls
    raw = raw_records(store)
    expected = {e["event_id"] for e in store.events(country="syria", min_fatalities=1)}
    ok = [(headers, body) for status, headers, body in receiver.calls if status == 204]
    keys = [body["idempotency_key"] for _, body in ok]
    assert len(keys) == len(set(keys)), "no (list, event, version) delivered twice"
    for headers, body in ok:  # the key in the header and in the body; one event per call
        headers = {k.lower(): v for k, v in headers.items()}
        assert headers["idempotency-key"] == body["idempotency_key"] == body["events"][0]["idempotency_key"]
        assert len(body["events"]) == 1 and body["watch_list"] == "syria-deaths" and body["filters"] == syria
        assert event_matches(body["events"][0]["event"], syria), "only matching versions are sent"
        sent = body["events"][0]
        assert sent["url"] == f"http://app.example/events/{sent['event']['event_id']}"
    # every matching event's current version reached the webhook exactly once
    final = [(b["events"][0]["event"]["event_id"]) for _, b in ok
             if b["events"][0]["version"] == record_version(raw[b["events"][0]["event"]["event_id"]])]
    assert expected and sorted(final) == sorted(expected)
    changes = [b["events"][0]["change"] for _, b in ok]
    assert changes.count("new") == len({b["events"][0]["event"]["event_id"] for _, b in ok})
    assert "updated" in {a["change"] for a in alerts_of(store, "all-by-mail")}, \
        "an event that gained a report was alerted again, as updated"
    # the mailbox: one message per alert, its Message-ID the alert's key, every event's current version once
    ids = [msg["Message-ID"] for _, msg in mailbox.messages]
    assert len(ids) == len(set(ids))
    mailed = [(line.split("/events/")[1].strip(), msg) for _, msg in mailbox.messages
              for line in msg.get_content().splitlines() if "/events/" in line]
    current = [eid for eid, msg in mailed if f"version {record_version(raw[eid])})" in msg.get_content()]
    assert sorted(current) == sorted(raw)
    for to, msg in mailbox.messages:
        assert to == ["analyst@example.org"] and str(msg["Subject"]).strip().startswith("marsad: ")
        assert str(msg["Message-ID"]) == f"<{msg['Idempotency-Key']}@localhost>"
    counts = {wl.name: (wl.sent, wl.pending, wl.failed) for wl in list_watch_lists(store)}
    assert counts == {"syria-deaths": (len(ok), 0, 0), "all-by-mail": (len(mailed), 0, 0), "nothing": (0, 0, 0)}


def test_a_target_that_never_answers_is_given_up_after_its_attempts_and_shown_failed(tmp_path):
    db = str(tmp_path / "w.db")
    store = open_store(db)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    wl = add_watch_list(store, "dead", filters={}, webhook=f"http://127.0.0.1:{dead}/", created_by="t",
                        allow_private_targets=True)
    # events written by another process (marsad ingest), not by marsad watch: the triggers saw them
    assert main(["ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", db, "--no-progress"]) == 0
    assert find_alerts(store) == store.count("events") > 0
    deliverer = Deliverer(retry_base=0.0, max_attempts=3, timeout=1, allow_private_targets=True)
    for _ in range(4):
        deliverer.deliver(store)
    rows = alerts_of(store, wl.name)
    assert rows and all(r["state"] == "failed" and r["attempts"] == 3 and r["last_error"] for r in rows)
    assert find_alerts(store) == 0  # failed alerts are not made again


def test_a_list_sees_only_changes_after_it_was_made_and_an_analysts_edit_is_an_updated_alert(db_url):
    """The outbox triggers on both backends: events written before a list are not its changes;
    an analyst's edit is an updated version; an edit that leaves the record as it was is none."""
    db = db_url
    assert main(["ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", db, "--no-progress"]) == 0
    store = open_store(db)
    add_watch_list(store, "early", filters={}, email="a@example.org", created_by="t")
    assert find_alerts(store) == 0, "events stored before the list are not alerted"
    event_id = store.events()[0]["event_id"]
    store.edit(event_id, {"fatalities": 42}, editor="analyst", note="hospital toll")
    add_watch_list(store, "late", filters={}, email="b@example.org", created_by="t")
    assert find_alerts(store) == 1 and find_alerts(store) == 0
    (alert,) = alerts_of(store)
    assert alert["watch_list"] == "early" and alert["event_id"] == event_id and alert["change"] == "new"
    store.edit(event_id, {"fatalities": 43}, editor="analyst")
    assert find_alerts(store) == 2
    again = alerts_of(store)
    assert {(a["watch_list"], a["change"]) for a in again[:2]} == {("early", "updated"), ("late", "new")}
    assert len({a["idempotency_key"] for a in again}) == 3
    store.edit(event_id, {"fatalities": 43}, editor="analyst")  # the same record: no new version
    assert find_alerts(store) == 0


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


class DedupingReceiver:
    """A webhook receiver as the Idempotency-Key header asks receivers to be: it takes each key once
    and answers a repeat 200 without taking it again. ``kill_at``: when it takes its Nth alert, it
    kills the sender (kill -9) before answering, as a crash between the receiver taking an alert
    and the sender marking it sent."""

    def __init__(self, kill_at: int):
        self.taken: list[str] = []
        self.repeats: list[str] = []
        self.killed: list[str] = []
        self.kill_at = kill_at
        self.victim: int | None = None
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                key = self.headers["idempotency-key"]
                assert key == body["idempotency_key"]
                if key in receiver.taken:
                    receiver.repeats.append(key)
                else:
                    receiver.taken.append(key)
                    if len(receiver.taken) == receiver.kill_at:
                        receiver.killed.append(key)
                        os.kill(receiver.victim, signal.SIGKILL)
                        return  # the sender is gone: it never sees an answer
                self.send_response(200 if key in receiver.repeats else 204)
                self.send_header("content-length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class DedupingMailbox(Mailbox):
    """aiosmtpd that takes each Message-ID once; kills the sender when it takes its ``kill_at``th
    message, before answering 250."""

    def __init__(self, kill_at: int):
        from aiosmtpd.controller import Controller

        self.taken, self.repeats, self.killed, self.victim = [], [], [], None
        box = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                msg = message_from_bytes(envelope.content, policy=policy.default)
                key = str(msg["Message-ID"])
                if key in box.taken:
                    box.repeats.append(key)
                    return "250 OK (seen before)"
                box.taken.append(key)
                if len(box.taken) == kill_at:
                    box.killed.append(key)
                    os.kill(box.victim, signal.SIGKILL)
                return "250 OK"

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()


def test_a_crash_between_the_receivers_answer_and_marking_sent_resends_under_the_same_key(tmp_path):
    """kill -9 of `marsad watch --once` after the webhook receiver (then the mail server) took an
    alert and before marsad marked it sent: the next run sends that alert again with the same
    idempotency key (and Message-ID), so each receiver takes every alert exactly once."""
    db = str(tmp_path / "w.db")
    store = open_store(db)
    hook, box = DedupingReceiver(kill_at=2), DedupingMailbox(kill_at=2)
    try:
        add_watch_list(store, "hook", filters={}, webhook=hook.url, created_by="t", allow_private_targets=True)
        add_watch_list(store, "mail", filters={}, email="analyst@example.org", created_by="t")
        assert main(["ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", db, "--no-progress"]) == 0
        cmd = [sys.executable, "-m", "marsad.cli", "watch", "--once", "--db", db, "--quiet", "--timeout", "10",
               "--smtp", f"127.0.0.1:{box.port}", "--allow-private-targets"]
        codes = []
        for _ in range(4):
            proc = subprocess.Popen(cmd, env=dict(os.environ, PYTHONPATH=str(REPO)), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            hook.victim = box.victim = proc.pid
            out, err = proc.communicate(timeout=120)
            codes.append(proc.returncode)
            if proc.returncode == 0:
                break
            assert proc.returncode == -signal.SIGKILL, err[-2000:]
        assert codes == [-9, -9, 0], "killed once by each receiver, then a run that finishes"
        alerts = alerts_of(store)
        keys = {wl: sorted(a["idempotency_key"] for a in alerts if a["watch_list"] == wl) for wl in ("hook", "mail")}
        assert all(a["state"] == "sent" for a in alerts) and len(keys["hook"]) == store.count("events") > 1
        # every alert taken exactly once; the one taken when the sender died came again, under its key
        assert sorted(hook.taken) == keys["hook"] and len(set(hook.taken)) == len(hook.taken)
        assert hook.repeats == hook.killed and len(hook.killed) == 1
        assert sorted(k.strip("<>").split("@")[0] for k in box.taken) == keys["mail"]
        assert box.repeats == box.killed and len(box.killed) == 1
        # the killed attempt was never recorded: the alert went out twice and counts one attempt
        killed = next(a for a in alerts if a["idempotency_key"] == hook.killed[0])
        assert killed["attempts"] == 1
    finally:
        hook.close()
        box.close()


@pytest.mark.parametrize("url, why", [
    ("http://127.0.0.1:8080/hook", "is 127.0.0.1, a loopback address"),
    ("http://localhost:8080/hook", "resolves to .*, a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "is 169.254.169.254, a link-local address"),
    ("http://10.1.2.3/in", "a private address"), ("https://192.168.1.10/in", "a private address"),
    ("http://[::1]:9000/", "a loopback address"), ("http://[::ffff:127.0.0.1]/", "a loopback address"),
    ("http://[fd00:ec2::254]/", "a private address"), ("http://100.64.0.1/", "not a public address"),
    ("http://0.0.0.0:80/", "the unspecified address"), ("http://224.0.0.1/", "a multicast address"),
])
def test_a_webhook_on_a_private_address_is_refused_with_a_clear_error(tmp_path, url, why):
    store = open_store(str(tmp_path / "w.db"))
    with pytest.raises(TargetRefused, match=why + ".*--allow-private-targets"):
        add_watch_list(store, "x", filters={}, webhook=url, created_by="t")
    assert list_watch_lists(store) == []
    assert add_watch_list(store, "x", filters={}, webhook=url, created_by="t", allow_private_targets=True)


def test_the_cli_refuses_a_metadata_webhook_without_a_traceback_unless_allowed(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    metadata = "http://169.254.169.254/latest/meta-data/"
    assert main(["watchlist", "add", "meta", "--webhook", metadata, "--db", db]) == 2
    err = capsys.readouterr().err
    assert "[E620]" in err and "link-local" in err and "--allow-private-targets" in err and "Traceback" not in err
    assert main(["watchlist", "add", "meta", "--webhook", metadata, "--allow-private-targets", "--db", db]) == 0
    assert target_problem("https://hooks.example/x", unresolved_ok=True) is None  # checked again when sending


def test_delivery_checks_the_address_again_and_follows_no_redirect(tmp_path):
    """A list saved while private targets were allowed, sent by a marsad watch that does not allow
    them: refused, with the reason kept, and nothing reaches the receiver. A receiver that
    redirects (here to the metadata address) is not followed."""
    db = str(tmp_path / "w.db")
    store = open_store(db)
    plain, moved = Receiver(), Receiver(redirect_to="http://169.254.169.254/latest/meta-data/")
    try:
        add_watch_list(store, "private", filters={}, webhook=plain.url, created_by="t", allow_private_targets=True)
        add_watch_list(store, "moved", filters={}, webhook=moved.url, created_by="t", allow_private_targets=True)
        assert main(["ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", db, "--no-progress"]) == 0
        find_alerts(store)
        n = store.count("events")
        assert Deliverer(retry_base=0.0, timeout=2).deliver(store) == (0, 2 * n)
        assert plain.calls == [] and moved.calls == []
        refused = alerts_of(store, "private")
        assert all(r["state"] == "pending" and "is 127.0.0.1, a loopback address: not called" in r["last_error"]
                   for r in refused)
        assert Deliverer(retry_base=0.0, timeout=2, allow_private_targets=True).deliver(store) == (n, n)
        assert len(plain.calls) == n and len(moved.calls) == 1, "the redirect is not followed (nor the target " \
                                                               "called again in that round)"
        assert all("HTTP 302" in r["last_error"] and "redirects are not followed" in r["last_error"]
                   for r in alerts_of(store, "moved"))
    finally:
        plain.close()
        moved.close()


def test_alerts_made_before_the_outbox_migration_get_a_key_each(tmp_path):
    """A database of schema 0008 with a pending alert: migration 0009_watch_outbox gives it a
    key and the version '' (its record is read when it is sent), and a downgrade goes back."""
    import sqlalchemy
    from alembic import command
    from alembic.config import Config

    import marsad.store

    url = f"sqlite:///{tmp_path / 'old.db'}"
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(marsad.store.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    command.upgrade(cfg, "0008")
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(
            "INSERT INTO watch_lists (name, filters, target, created_by, created_at, checked_at) "
            "VALUES ('old', '{}', 'mailto:a@example.org', 't', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        conn.execute(sqlalchemy.text(
            "INSERT INTO watch_alerts (watch_list, event_id, state, attempts, created_at) "
            "VALUES (1, 'ev-gone', 'pending', 0, '2026-01-01 00:00:00'), (1, 'ev-too', 'pending', 0, "
            "'2026-01-01 00:00:00')"))
    engine.dispose()
    store = open_store(url)
    rows = alerts_of(store, "old")
    assert {r["version"] for r in rows} == {""} and len({r["idempotency_key"] for r in rows}) == 2
    assert all(len(r["idempotency_key"]) == 40 for r in rows)
    assert Deliverer(smtp="127.0.0.1:9").deliver(store) == (0, 2)  # their events are gone: failed, said so
    assert {r["last_error"] for r in alerts_of(store, "old")} == {"the event no longer exists"}
    store.close()
    command.downgrade(cfg, "0008")
    command.upgrade(cfg, "head")
