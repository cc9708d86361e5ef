"""Randomised bad input (Hypothesis) through the real CLI and the real API, on SQLite and
PostgreSQL (issue 18's reliability suite).

Each example is a folder of inputs: a JSON Lines file whose lines are drawn from good articles
(with odd but legal ids, urls, sources, languages, encodings) and bad ones (malformed JSON,
bytes that are no text, NUL bytes, lone surrogates, values no column holds, an empty or an
oversized document), plus whole files (cp1256, empty, oversized). What must hold for every
example: no traceback, exit code 1 exactly when something was bad (else 0), every bad input in
``rejected`` at its own ``path:line`` and reported on standard error, every good input stored.
The API gets the same kinds of bodies from a real ``marsad serve``: every answer is a documented
status (200, 400, 401, 413, 422) in the error shape, a good article is stored, and the server
logs no traceback.
"""
from __future__ import annotations

import io
import itertools
import json
import os
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from marsad.cli import main
from marsad.store import open_store
from marsad.store.schema import articles

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("MARSAD_RELIABILITY_EXAMPLES", "25"))  # per backend; CI keeps it small
MAX_CHARS = 3_000  # --max-chars of the runs, so that an oversized document stays small
REPORT = "قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على مدينة سراقب في ريف إدلب"
_serial = itertools.count()

# Odd but legal text for ids, sources and text tails: any Unicode but control characters,
# line and paragraph separators and surrogates (bidi marks, emoji, combining marks included).
odd = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20)
no_newline_bytes = st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"").replace(b"\r", b"").replace(b"\x00", b""))


@st.composite
def good_article(draw, token: str) -> dict:
    """An article any backend must store: its text carries ``token`` (unique in the run)."""
    row = {"text": f"{REPORT} {token} {draw(odd)}".strip(), "id": f"{token}{draw(odd)}"}
    if draw(st.booleans()):
        row["url"] = f"https://example.org/{token}/" + quote(draw(odd))
    if draw(st.booleans()):
        row["source"] = draw(odd) or None
    if draw(st.booleans()):
        row["language"] = draw(st.sampled_from(["ar", "en", "xx", "ar-SY"]))
    if draw(st.booleans()):
        row["published"] = draw(st.dates(min_value=__import__("datetime").date(1990, 1, 1))).isoformat()
    return row


def _dumps(row) -> bytes:
    return json.dumps(row, ensure_ascii=False).encode("utf-8")


@st.composite
def bad_line(draw, token: str) -> tuple[str, bytes]:
    """(kind, one line of bytes) that must be rejected at its own line."""
    row = draw(good_article(token))
    kind = draw(st.sampled_from([
        "truncated", "garbage", "not-an-object", "no-text", "empty-text", "text-not-a-string",
        "nul-escape", "nul-byte", "lone-surrogate", "long-id", "long-source", "long-url", "long-language",
        "bad-date", "too-large", "undecodable"]))
    if kind == "truncated":
        line = _dumps(row)
        return kind, line[:draw(st.integers(1, len(line) - 2))].rstrip(b" ") or b"{"
    if kind == "garbage":
        return kind, ("{" + draw(odd)).encode("utf-8")
    if kind == "not-an-object":
        return kind, _dumps(draw(st.one_of(st.integers(), st.lists(st.integers(), max_size=3), st.booleans(),
                                           st.none(), st.text(max_size=10))))
    if kind == "no-text":
        del row["text"]
    elif kind == "empty-text":
        row["text"] = draw(st.sampled_from(["", " ", "\n\t "]))
    elif kind == "text-not-a-string":
        row["text"] = draw(st.one_of(st.integers(), st.lists(st.text(max_size=3), max_size=2), st.booleans()))
    elif kind in ("nul-escape", "lone-surrogate"):
        field = draw(st.sampled_from(["text", "id", "source"]))
        value = row.get(field) or "x"
        at = draw(st.integers(0, len(value)))
        bad = "\x00" if kind == "nul-escape" else chr(draw(st.integers(0xD800, 0xDFFF)))
        row[field] = value[:at] + bad + value[at:]
        return kind, json.dumps(row, ensure_ascii=True).encode("ascii")  # \u0000, \ud8xx escapes
    elif kind == "nul-byte":
        line = _dumps(row)
        at = draw(st.integers(0, len(line)))
        return kind, line[:at] + b"\x00" + line[at:]
    elif kind == "long-id":
        row["id"] = token + "i" * 200
    elif kind == "long-source":
        row["source"] = "s" * draw(st.integers(201, 400))
    elif kind == "long-url":
        row["url"] = f"https://example.org/{token}/" + "u" * 2000
    elif kind == "long-language":
        row["language"] = draw(st.text(st.characters(min_codepoint=97, max_codepoint=122), min_size=9, max_size=12))
    elif kind == "bad-date":
        row["published"] = draw(st.sampled_from(["2021-13-40", "yesterday", "32/01/2020", "2021-02-30", "۲۰۲۱"]))
    elif kind == "too-large":
        row["text"] = (REPORT + " ") * (MAX_CHARS // len(REPORT) + 2)
    elif kind == "undecodable":
        return kind, b"\xff" + draw(no_newline_bytes)  # not UTF-8; as cp1256 not JSON either
    return kind, _dumps(row)


@st.composite
def input_folder(draw) -> dict:
    """Lines of one JSON Lines file, each good or bad, and which whole files go beside it."""
    n = f"{next(_serial):07d}"  # fixed width: a replayed example draws the same lengths
    lines, good, bad = [], [], []
    nul_lines = 0
    for i in range(draw(st.integers(2, 8))):
        token = f"r{n}x{i}q"
        if draw(st.booleans()):
            row = draw(good_article(token))
            if draw(st.integers(0, 5)) == 0:  # the line in Windows-1256, as legacy Arabic sites write
                line = json.dumps({"id": token, "text": f"{REPORT} {token}"}, ensure_ascii=False).encode("cp1256")
            else:
                line = _dumps(row)
            lines.append(line)
            good.append(token)
        else:
            kind, line = draw(bad_line(token))
            if kind == "nul-byte":
                if nul_lines:  # most lines with NUL bytes make it a binary file: one is a stray byte
                    kind, line = "nul-escape", json.dumps({"text": "\x00"}).encode()
                nul_lines += 1
            lines.append(line)
            bad.append((len(lines), kind))
    files = draw(st.lists(st.sampled_from(["cp1256.txt", "empty.txt", "huge.txt"]), unique=True, max_size=3))
    return {"n": n, "lines": lines, "good": good, "bad": bad, "files": files}


def _write(folder: Path, example: dict) -> tuple[list[str], list[str]]:
    """Write the example; (tokens that must be stored, wheres that must be rejected)."""
    folder.mkdir(parents=True)
    feed = folder / "feed.jsonl"
    feed.write_bytes(b"\n".join(example["lines"]) + b"\n")
    good = list(example["good"])
    bad = [f"{feed}:{line}" for line, _ in example["bad"]]
    for name in example["files"]:
        path = folder / name
        if name == "cp1256.txt":
            token = f"r{example['n']}cp"
            path.write_bytes(f"{REPORT} {token}".encode("cp1256"))
            good.append(token)
        elif name == "empty.txt":
            path.write_bytes(b"")
            bad.append(f"{path}:0")
        else:
            path.write_text("كلمة " * MAX_CHARS, encoding="utf-8")
            bad.append(f"{path}:0")
    return good, bad


def _stored_tokens(db_url: str, tokens: list[str]) -> set[str]:
    store = open_store(db_url)
    try:
        with store.engine.connect() as conn:
            texts = [row[0] for row in conn.execute(select(articles.c.text))]
    finally:
        store.close()
    return {t for t in tokens if any(t in text for text in texts)}


def _rejected_under(db_url: str, folder: Path) -> list[str]:
    store = open_store(db_url)
    try:
        return [r["where"] for r in store.rejected_inputs() if r["where"].startswith(str(folder) + os.sep)]
    finally:
        store.close()


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(example=input_folder())
def test_random_bad_input_through_the_cli_is_rejected_line_by_line_and_the_rest_stored(db_url, tmp_path, example):
    folder = tmp_path / f"ex{example['n']}"
    good, bad = _write(folder, example)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["ingest", str(folder), "--db", db_url, "--no-progress", "--max-chars", str(MAX_CHARS)])
    stderr = err.getvalue()
    assert "Traceback" not in stderr
    assert code == (1 if bad else 0), stderr
    assert sorted(_rejected_under(db_url, folder)) == sorted(bad), (example["bad"], stderr)
    for where in bad:
        assert re.search(rf"^marsad: {re.escape(where)}: \[E1\d\d\] ", stderr, re.M), (where, stderr)
    assert _stored_tokens(db_url, good) == set(good), stderr
    assert f"rejected {len(bad)};" in out.getvalue()


def test_every_kind_of_bad_input_through_the_real_cli_process(db_url, tmp_path):
    """One example of every kind, through ``python -m marsad.cli ingest`` itself: exit 1, no traceback,
    every bad line rejected at its place; a re-run stores nothing twice and loses nothing."""
    kinds = ["truncated", "garbage", "not-an-object", "no-text", "empty-text", "text-not-a-string", "nul-escape",
             "nul-byte", "lone-surrogate", "long-id", "long-source", "long-url", "long-language", "bad-date",
             "too-large", "undecodable"]
    lines, good, bad = [], [], []
    for i, kind in enumerate(kinds):
        token = f"k{i}q"
        lines.append(_fixed_bad_line(kind, token))
        bad.append((len(lines), kind))
        lines.append(_dumps({"id": f"good-{token}", "text": f"{REPORT} g{token}"}))
        good.append(f"g{token}")
    folder = tmp_path / "every"
    good_all, bad_all = _write(folder, {"n": "every", "lines": lines, "good": good, "bad": bad,
                                        "files": ["cp1256.txt", "empty.txt", "huge.txt"]})
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", db_url, "--no-progress",
           "--max-chars", str(MAX_CHARS), "--workers", "2"]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for run in range(2):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert "Traceback" not in done.stderr
        assert done.returncode == 1, done.stderr
        assert sorted(_rejected_under(db_url, folder)) == sorted(bad_all), done.stderr
        assert _stored_tokens(db_url, good_all) == set(good_all)
    assert f"new 0, already known {len(good_all)}, rejected {len(bad_all)}" in done.stdout


def _fixed_bad_line(kind: str, token: str) -> bytes:
    """The first line of ``kind`` bad_line draws for ``token``, found deterministically."""
    from hypothesis import find

    return find(bad_line(token), lambda x: x[0] == kind, settings=settings(database=None, max_examples=2000))[1]


# --------------------------------------------------------------------------- the API


@pytest.fixture
def empty_server(db_url, tmp_path):
    """A real ``marsad serve`` over an empty database, with a token."""
    env = dict(os.environ, PYTHONPATH=str(REPO), MARSAD_DB=db_url)
    token = subprocess.run([sys.executable, "-m", "marsad.cli", "token", "add", "fuzzer"], env=env, check=True,
                           capture_output=True, text=True, timeout=120).stdout.strip()
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=log, text=True)
    url = re.search(r"http://[\d.]+:\d+", proc.stdout.readline()).group(0)
    client = httpx.Client(base_url=url, timeout=120)
    try:
        yield client, {"Authorization": f"Bearer {token}"}, log
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@st.composite
def api_body(draw) -> dict:
    """(kind, body bytes, the token the text carries or None, whether to send the API token)."""
    n = next(_serial)
    token = f"a{n:07d}q"  # fixed width: replays draw the same lengths
    row = draw(good_article(token))
    row["language"] = draw(st.sampled_from(["ar", "en"]))
    kind = draw(st.sampled_from(["good", "good", "good", "no-token", "bad-line", "cp1256-body", "wrong-field",
                                 "huge-text"]))
    if kind == "good":
        return {"kind": kind, "body": _dumps(row), "token": token, "auth": True, "id": row["id"]}
    if kind == "no-token":
        return {"kind": kind, "body": _dumps(row), "token": token, "auth": False}
    if kind == "cp1256-body":
        body = json.dumps({"text": f"{REPORT} {token}"}, ensure_ascii=False).encode("cp1256")
        return {"kind": kind, "body": body, "token": token, "auth": True}
    if kind == "wrong-field":
        field = draw(st.sampled_from(["id", "source", "url", "published", "language", "title"]))
        row[field] = draw(st.one_of(st.integers(), st.lists(st.integers(), max_size=2), st.just({"a": 1}),
                                    st.just("x" * 2001), st.just("not-a-date-or-lang")))
        if field in ("id", "source", "url", "title") and row[field] == "not-a-date-or-lang":
            row[field] = "x" * 2001
        if field == "published" and isinstance(row[field], int):
            row[field] = [row[field]]  # a whole number is a Unix time to pydantic, and 0 a date
        return {"kind": kind, "body": _dumps(row), "token": token, "auth": True}
    if kind == "huge-text":
        row["text"] = "كلمة " * 400_001  # over the API's 2,000,000 characters
        return {"kind": kind, "body": _dumps(row), "token": token, "auth": True}
    sub, line = draw(bad_line(token))
    if sub in ("long-language", "bad-date", "too-large"):  # not bad to the API: other limits
        line = json.dumps({"text": "\x00", "language": "ar"}).encode()
    return {"kind": f"bad-line:{sub}", "body": line, "token": token, "auth": True}


def test_random_bad_bodies_through_the_api_get_documented_answers_and_good_ones_are_stored(empty_server, db_url):
    client, auth, log = empty_server
    stored: list[str] = []

    @settings(max_examples=EXAMPLES * 2, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(case=api_body())
    def post(case):
        headers = {"Content-Type": "application/json", **(auth if case["auth"] else {})}
        r = client.post("/api/articles", content=case["body"], headers=headers)
        assert "Traceback" not in r.text
        if case["kind"] == "good":
            assert r.status_code == 200, (r.status_code, r.text)
            assert r.json()["status"] == "new" and r.json()["article_id"] == case["id"]
            got = client.get("/api/articles/" + quote(case["id"], safe=""))
            assert got.status_code == 200 and case["token"] in got.json()["text"], (case["id"], got.text)
            stored.append(case["token"])
            return
        if case["kind"] == "no-token":
            assert r.status_code == 401, r.text
        assert r.status_code in (400, 413, 422) or case["kind"] == "no-token", (case["kind"], r.status_code, r.text)
        error = r.json()["error"]
        assert error["code"].startswith("E") and error["message"], r.text

    post()
    assert _stored_tokens(db_url, stored) == set(stored)
    log.flush()
    log.seek(0)
    assert "Traceback" not in log.read()
