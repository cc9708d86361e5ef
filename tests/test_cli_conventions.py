"""Command-line conventions (issue 20 item 9), each run as a real ``marsad`` subprocess: ``--version``,
a closed pipe, read commands on a database that does not exist, progress on ``extract``, the input
field names JSON articles may use, and the warning for undated articles."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

import marsad

REPO = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, PYTHONPATH=str(REPO))
ARTICLE = "قتل ثلاثة مدنيين أمس في قصف مدفعي على مدينة إدلب شمال غربي سوريا، بحسب مصدر محلي."


def marsad_cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True, timeout=600,
                          env=env or ENV, cwd=cwd)
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("conventions") / "m.db")
    done = marsad_cli("ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", path, "--no-progress")
    assert done.returncode == 0, done.stderr
    return path


def test_version_prints_the_package_version():
    done = marsad_cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"marsad {marsad.__version__}"


# --------------------------------------------------------------------------- closed pipes

def _with_closed_stdout(*args: str) -> subprocess.CompletedProcess:
    """Run marsad with standard output a pipe whose reader is gone before marsad writes: every
    write fails with EPIPE, as ``marsad ... | head -1`` does once head has its line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "marsad.cli", *args], stdout=write_end, stderr=subprocess.PIPE,
                              env=ENV, timeout=600, text=True)
    finally:
        os.close(write_end)
    return proc


@pytest.mark.parametrize("command", ["events", "export", "extract"])
def test_a_closed_pipe_ends_quietly_with_exit_0(db, command):
    args = {"events": ["events", "--db", db], "export": ["export", "--db", db, "--format", "jsonl"],
            "extract": ["extract", str(REPO / "examples" / "sample-articles.jsonl")]}[command]
    done = _with_closed_stdout(*args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_head_of_a_shell_pipe_gets_its_line_and_marsad_exits_0(db):
    script = (f"{sys.executable} -m marsad.cli extract {REPO / 'examples' / 'sample-articles.jsonl'} | head -1; "
              f"echo \"status ${{PIPESTATUS[0]}}\"")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=ENV, timeout=600)
    lines = done.stdout.splitlines()
    assert json.loads(lines[0])["event_id"] and lines[-1] == "status 0"
    assert done.stderr == ""


# --------------------------------------------------------------------------- missing databases

@pytest.mark.parametrize("args", [["events"], ["show", "ev-0000"], ["export"], ["rejected"], ["places", "list"],
                                  ["places", "unresolved"], ["token", "list"], ["token", "revoke", "rima"],
                                  ["edit", "ev-0000", "fatalities=1"], ["split", "ev-0000", "1"], ["merge-boundary"]],
                         ids=lambda a: "-".join(a[:2]))
def test_a_read_command_on_a_missing_database_says_so_and_creates_nothing(tmp_path, args):
    missing = tmp_path / "typo.db"
    done = marsad_cli(*args, "--db", str(missing))
    assert done.returncode != 0
    assert "no database at" in done.stderr and str(missing) in done.stderr
    assert not missing.exists() and os.listdir(tmp_path) == []


def test_a_missing_database_named_by_marsad_db_is_refused_too(tmp_path):
    done = marsad_cli("events", env=dict(ENV, MARSAD_DB=str(tmp_path / "nowhere.db")), cwd=tmp_path)
    assert done.returncode != 0 and "no database at" in done.stderr and os.listdir(tmp_path) == []


def test_ingest_and_token_add_still_make_a_new_database(tmp_path):
    fresh = tmp_path / "new.db"
    assert marsad_cli("token", "add", "rima", "--db", str(fresh)).returncode == 0 and fresh.exists()


# --------------------------------------------------------------------------- progress on extract

def _extract_on_a_terminal(*args: str) -> tuple[int, str]:
    """Run ``marsad extract`` with standard error on a pseudo-terminal; its exit code and what it
    wrote there."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "extract", *args], stdout=subprocess.DEVNULL,
                            stderr=slave, env=ENV)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal's other end is closed: marsad has ended
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=60), seen.decode("utf-8", "replace")


def test_extract_shows_progress_on_a_terminal_and_not_with_no_progress():
    sample = str(REPO / "examples" / "sample-articles.jsonl")
    n_articles = sum(1 for line in open(sample, encoding="utf-8") if line.strip())
    status, shown = _extract_on_a_terminal(sample)
    assert status == 0 and f"{n_articles} articles" in shown and "events=" in shown
    status, shown = _extract_on_a_terminal(sample, "--no-progress")
    assert status == 0 and "articles" not in shown


def test_extract_shows_no_progress_when_standard_error_is_not_a_terminal():
    done = marsad_cli("extract", str(REPO / "examples" / "sample-articles.jsonl"))
    assert done.returncode == 0 and done.stderr == ""


# --------------------------------------------------------------------------- input fields

def _jsonl(tmp_path: Path, *records: dict) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_common_date_fields_date_the_articles(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "text": ARTICLE, "date": "2023-05-02"},
                  {"id": "b", "text": ARTICLE, "date_iso": "2023-05-03T08:00:00Z"},
                  {"id": "c", "text": ARTICLE, "pubDate": "Thu, 04 May 2023 10:00:00 GMT"},
                  {"id": "d", "title": "قصف على إدلب", "body": ARTICLE, "published_at": "2023-05-05"})
    done = marsad_cli("extract", path)
    assert done.returncode == 0 and "warning" not in done.stderr
    published = {r["article_id"]: r["published"] for r in map(json.loads, done.stdout.splitlines())}
    assert published == {"a": "2023-05-02", "b": "2023-05-03", "c": "2023-05-04", "d": "2023-05-05"}


def test_title_and_body_make_the_text_with_evidence_offsets_into_it(tmp_path):
    from marsad.readers import read_inputs

    path = _jsonl(tmp_path, {"id": "d", "title": "قصف على إدلب", "body": ARTICLE, "date": "2023-05-05"})
    [article] = read_inputs([path])
    assert article.text == "قصف على إدلب\n\n" + ARTICLE and article.title == "قصف على إدلب"
    record = json.loads(marsad_cli("extract", path).stdout.splitlines()[0])
    for spans in record["evidence"].values():
        for span in spans if isinstance(spans, list) else []:
            assert article.text[span["start"]:span["end"]] == span["text"]


def test_a_field_option_maps_a_key_of_ones_own(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "content_ar": ARTICLE, "pub_time": "2023-05-02"})
    unmapped = marsad_cli("extract", path)
    assert unmapped.returncode == 1 and "--field text=KEY" in unmapped.stderr
    done = marsad_cli("extract", path, "--field", "text=content_ar", "--field", "published=pub_time")
    assert done.returncode == 0, done.stderr
    assert {json.loads(line)["published"] for line in done.stdout.splitlines()} == {"2023-05-02"}
    bad = marsad_cli("extract", path, "--field", "colour=red")
    assert bad.returncode == 2 and "NAME=KEY" in bad.stderr


def test_undated_articles_are_counted_in_a_warning(tmp_path, db):
    path = _jsonl(tmp_path, {"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE + " "},
                  {"id": "c", "text": ARTICLE + "  ", "published": "2023-05-02"})
    done = marsad_cli("extract", path)
    assert "warning: 2 articles had no publication date" in done.stderr and "in.jsonl:1" in done.stderr
    assert "warning" not in marsad_cli("extract", path, "--published", "2023-05-01").stderr
    stored = marsad_cli("ingest", path, "--db", str(tmp_path / "u.db"), "--no-progress")
    assert stored.returncode == 0 and "warning: 2 articles had no publication date" in stored.stderr
