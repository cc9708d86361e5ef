"""A generated database for the overview's tests (tests/test_web_map.py, test_web_overview.py):
``SCALE_EVENTS`` events made by ``benchmarks/store_reads.py`` from the sample articles' events (ten
years, eight countries, the gazetteer's towns, 1-8 reports each), built once per test session,
and a real ``marsad serve`` over it. The 100,000-event figures come from ``benchmarks/api.py``,
which builds the same kind of database at that size (five minutes on this machine: too long for
the suite)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCALE_EVENTS = 2000
# every UNLOCATED-th event loses its coordinates (the map counts them apart)
UNLOCATED = 40

_built: dict[str, str] = {}


def scale_db(tmp_path_factory) -> str:
    """The SQLite URL of the generated database (built on the first call of the session)."""
    base = str(tmp_path_factory.getbasetemp())
    if base in _built:
        return _built[base]
    sys.path.insert(0, str(REPO / "benchmarks"))
    import store_reads  # benchmarks/store_reads.py

    tmp = tmp_path_factory.mktemp("scale")
    templates = str(tmp / "templates.pickle")
    store_reads.make_templates(templates, [str(REPO / "examples" / "sample-articles.jsonl")], 0, 1)
    url = f"sqlite:///{tmp / 'scale.db'}"
    store_reads.build(url, SCALE_EVENTS, 1, templates)
    import sqlalchemy
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(f"UPDATE events SET latitude = NULL, longitude = NULL WHERE id % {UNLOCATED} = 0"))
    engine.dispose()
    _built[base] = url
    return url


class Server:
    """``marsad serve`` over a database (a child process on a free port)."""

    def __init__(self, db_url: str, log: Path):
        env = dict(os.environ, PYTHONPATH=str(REPO), MARSAD_DB=db_url)
        self.log = open(log, "w+")
        self.proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--port", "0"], env=env,
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        found = re.search(r"http://[\d.]+:\d+", line)
        if not found:
            self.stop()
            raise RuntimeError(f"marsad serve did not start: {line!r}")
        self.url = found.group(0)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
