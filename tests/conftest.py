"""Database fixtures: run storage tests on SQLite and on PostgreSQL.

A test that asks for ``db_url`` runs twice, as ``[sqlite]`` and ``[postgresql]``:

- ``sqlite`` gets ``sqlite:///<tmp_path>/marsad.db``, a fresh file per test.
- ``postgresql`` gets a fresh database (``marsad_test_<8 hex>``) on a PostgreSQL server,
  dropped after the test. The server comes from ``pg_url``:

  1. ``MARSAD_TEST_PG_URL`` (a SQLAlchemy URL such as
     ``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``), if it answers;
  2. otherwise ``bash scripts/pg-test-server.sh start``, which starts a throwaway server
     (installing the Debian ``postgresql`` package first when run as root and it is missing);
  3. otherwise nothing, and the ``[postgresql]`` tests are skipped, giving the reason.

  A server started here is stopped at the end of the session; one that was already up,
  or given by ``MARSAD_TEST_PG_URL``, is left alone. Under pytest-xdist the controller
  process does this once for all workers (``pytest_configure``). ``MARSAD_TEST_PG=skip`` skips the
  PostgreSQL tests without trying anything.

The fixtures are lazy: a session whose tests use neither ``db_url`` nor ``pg_url`` never
starts PostgreSQL, or imports psycopg.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# The user's own data (places kept by `marsad gazetteer import`) must not change what tests see:
# every test, and every marsad process a test starts, gets an empty MARSAD_HOME.
os.environ["MARSAD_HOME"] = tempfile.mkdtemp(prefix="marsad-test-home-")
PG_SCRIPT = REPO / "scripts" / "pg-test-server.sh"


# Tests of the extraction rules, and of what is done with records, see every record the rules
# make: the confidence floor (marsad.stages.confidence) is a separate layer, on by default for
# users. The variable reaches the processes a test starts (the CLI, ingest workers); a test
# marked ``confidence_floor`` runs without it and sees the floor as users do.
os.environ["MARSAD_MIN_CONFIDENCE"] = "0"


@pytest.fixture(autouse=True)
def _confidence_floor(request, monkeypatch):
    if request.node.get_closest_marker("confidence_floor") is not None:
        monkeypatch.delenv("MARSAD_MIN_CONFIDENCE")
PG_START_TIMEOUT_S = 180

# Why pg_url is None, for the skip message of the [postgresql] tests.
_PG_UNAVAILABLE = pytest.StashKey[str]()
# Under pytest-xdist (`make test` runs `pytest -n ...`) the controller starts the server once,
# before the workers exist, and hands them its URL (MARSAD_TEST_PG_URL) or why it has none
# (this variable); it stops the server at the end if it started it. Otherwise the first
# worker to finish would stop a server the other one still uses.
_PG_REASON_ENV = "MARSAD_TEST_PG_UNAVAILABLE"
_PG_STARTED_BY_CONTROLLER = pytest.StashKey[bool]()


def _xdist_controller(config: pytest.Config) -> bool:
    return bool(getattr(config.option, "numprocesses", None)) and not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if not _xdist_controller(config) or os.environ.get("MARSAD_TEST_PG", "").lower() == "skip":
        return
    if os.environ.get("MARSAD_TEST_PG_URL") and _unreachable(os.environ["MARSAD_TEST_PG_URL"]) is None:
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return  # the workers' pg_url says why
    reasons: list[str] = []
    url, was_running = _start_server(reasons)
    if url is None:
        os.environ[_PG_REASON_ENV] = "; ".join(reasons)
        return
    os.environ["MARSAD_TEST_PG_URL"] = url
    config.stash[_PG_STARTED_BY_CONTROLLER] = not was_running


def pytest_unconfigure(config: pytest.Config) -> None:
    if config.stash.get(_PG_STARTED_BY_CONTROLLER, False):
        _run_pg_script("stop")


def _libpq_url(sqlalchemy_url: str) -> str:
    """``postgresql+psycopg://u@h:p/db`` -> ``postgresql://u@h:p/db``, what psycopg accepts."""
    from sqlalchemy.engine import make_url

    return make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _with_database(sqlalchemy_url: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(sqlalchemy_url).set(database=database).render_as_string(hide_password=False)


def _unreachable(sqlalchemy_url: str) -> str | None:
    """None if the server answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(_libpq_url(sqlalchemy_url), connect_timeout=5):
            return None
    except Exception as exc:  # any failure means "no server"; the message says which
        return f"{type(exc).__name__}: {exc}".strip()


def _run_pg_script(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(PG_SCRIPT), command],
        capture_output=True,
        text=True,
        timeout=PG_START_TIMEOUT_S,
        check=False,
    )


def _start_server(reasons: list[str]) -> tuple[str | None, bool]:
    """Start the throwaway server: (its URL or None, whether it was already running).
    Why it failed goes into ``reasons``."""
    was_running = _run_pg_script("url").returncode == 0
    try:
        started = _run_pg_script("start")
    except subprocess.TimeoutExpired:
        reasons.append(f"{PG_SCRIPT.name} start took more than {PG_START_TIMEOUT_S} s")
        started = None
    url = None
    if started is not None:
        lines = started.stdout.strip().splitlines()
        if started.returncode == 0 and lines:
            url = lines[-1].strip()
            why = _unreachable(url)
            if why is not None:
                reasons.append(f"{url} does not answer after start ({why})")
                url = None
        else:
            last = (started.stderr.strip().splitlines() or ["no output"])[-1]
            reasons.append(f"{PG_SCRIPT.name} start exited {started.returncode}: {last}")
    return url, was_running


@pytest.fixture(scope="session")
def pg_url(request: pytest.FixtureRequest):
    """SQLAlchemy URL of a reachable PostgreSQL server's ``postgres`` database, or None."""
    stash = request.config.stash

    if os.environ.get("MARSAD_TEST_PG", "").lower() == "skip":
        stash[_PG_UNAVAILABLE] = "MARSAD_TEST_PG=skip"
        yield None
        return
    try:
        import psycopg  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError as exc:
        stash[_PG_UNAVAILABLE] = f"{exc.name} is not installed in this environment"
        yield None
        return

    if os.environ.get(_PG_REASON_ENV):  # the xdist controller tried already (pytest_configure)
        stash[_PG_UNAVAILABLE] = os.environ[_PG_REASON_ENV]
        yield None
        return
    reasons = []
    given = os.environ.get("MARSAD_TEST_PG_URL")
    if given:
        why = _unreachable(given)
        if why is None:
            yield given
            return
        reasons.append(f"MARSAD_TEST_PG_URL does not answer ({why})")

    url, was_running = _start_server(reasons)
    if url is None:
        stash[_PG_UNAVAILABLE] = "; ".join(reasons)
        yield None
        return
    yield url
    if not was_running:
        _run_pg_script("stop")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A URL for an empty database, on each backend in turn.

    ``pg_url`` is looked up only for the ``postgresql`` param, so collecting or running
    the ``sqlite`` half never touches PostgreSQL.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/marsad.db"
        return

    server_url = request.getfixturevalue("pg_url")
    if server_url is None:
        reason = request.config.stash.get(_PG_UNAVAILABLE, "unknown reason")
        pytest.skip(f"PostgreSQL not available: {reason}")

    import psycopg
    from psycopg import sql

    name = f"marsad_test_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq_url(server_url), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _with_database(server_url, name)
    finally:
        # FORCE: an engine the test forgot to dispose must not keep the database alive.
        with psycopg.connect(_libpq_url(server_url), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def db_template(tmp_path_factory):
    """``db_template(db_url, key, build)`` makes the empty database at ``db_url`` (from the
    ``db_url`` fixture) a copy of one built once a session by ``build(url)``, per backend and
    ``key``: a file copy on SQLite (the backup API), ``CREATE DATABASE ... TEMPLATE`` on
    PostgreSQL. For tests that each need the same ingested database and only read it or edit
    their own copy: the copy costs milliseconds, the ingest seconds."""
    import sqlite3

    folder = tmp_path_factory.mktemp("templates")
    built: dict[tuple[str, str], str] = {}
    servers: set[str] = set()

    def clone(db_url: str, key: str, build) -> None:
        if db_url.startswith("sqlite:///"):
            target = db_url.removeprefix("sqlite:///")
            source = built.get(("sqlite", key))
            if source is None:
                source = str(folder / f"{key}.db")
                build(f"sqlite:///{source}")
                built[("sqlite", key)] = source
            with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
                src.backup(dst)
            return
        import psycopg
        from psycopg import sql
        from sqlalchemy.engine import make_url

        server = str(make_url(db_url).set(database="postgres").render_as_string(hide_password=False))
        name = make_url(db_url).database
        template = built.get(("postgresql", key))
        servers.add(server)
        with psycopg.connect(_libpq_url(server), autocommit=True) as conn:
            if template is None:
                template = f"marsad_tpl_{key}_{uuid.uuid4().hex[:8]}"
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
                built[("postgresql", key)] = template
                build(_with_database(server, template))
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                         sql.Identifier(template)))

    yield clone
    templates = [name for (backend, _), name in built.items() if backend == "postgresql"]
    for server in servers:
        import psycopg
        from psycopg import sql

        if _unreachable(server) is not None:
            continue  # a server this session started is stopped already, and its templates with it
        with psycopg.connect(_libpq_url(server), autocommit=True) as conn:
            for name in templates:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


# --------------------------------------------------------------------------- marsad serve

class Served:
    """A real ``marsad serve`` process over a database holding the bundled samples."""

    def __init__(self, db_url: str, tmp: Path):
        import re
        import sys

        env = dict(os.environ, PYTHONPATH=str(REPO), MARSAD_DB=db_url)
        samples = [str(REPO / "examples" / "sample-articles.jsonl"), str(REPO / "examples" / "multisource.jsonl")]
        subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", *samples, "--no-progress"], env=env,
                       check=True, capture_output=True, timeout=300)
        self.tokens = {}
        for name in ("analyst-one", "analyst-two"):
            done = subprocess.run([sys.executable, "-m", "marsad.cli", "token", "add", name], env=env, check=True,
                                  capture_output=True, text=True, timeout=60)
            self.tokens[name] = done.stdout.strip()
        self.log = open(tmp / "serve.log", "w+")
        self.proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--port", "0"], env=env,
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        found = re.search(r"http://[\d.]+:\d+", line)
        if not found:
            self.stop()
            self.log.seek(0)
            raise RuntimeError(f"marsad serve did not start: {line!r} {self.log.read()[-2000:]}")
        self.url = found.group(0)
        self.db_url = db_url
        self.stored = _stored_events(db_url)
        import time
        import urllib.request
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url + "/openapi.json", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)

    def auth(self, name: str = "analyst-one") -> dict:
        return {"Authorization": f"Bearer {self.tokens[name]}"}

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def _stored_events(db_url: str) -> int:
    """How many events the ingest stored, read from the database itself (not through the API):
    the figure the API's totals must agree with, whatever the extractor makes of the samples."""
    import sqlalchemy
    engine = sqlalchemy.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sqlalchemy.text("SELECT count(*) FROM events")).scalar_one()
    finally:
        engine.dispose()


def sqlite_server(tmp_path_factory, name: str):
    """A fresh server over its own SQLite file (a generator for fixtures: yields, then stops it)."""
    tmp = tmp_path_factory.mktemp(name)
    server = Served(f"sqlite:///{tmp / (name + '.db')}", tmp)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """One shared server over SQLite for read-mostly tests (writes go to events the tests own)."""
    yield from sqlite_server(tmp_path_factory, "served")


@pytest.fixture
def served_on(db_url, tmp_path):
    """A server of its own on each backend (SQLite and PostgreSQL)."""
    server = Served(db_url, tmp_path)
    yield server
    server.stop()
