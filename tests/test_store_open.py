"""Issue 18, items 12 and 13: opening a database. A URL marsad cannot use, or a database from a newer
marsad, gives a message, not a traceback; a database on read-only storage can be read; a new SQLite
file is readable by its owner only."""
from __future__ import annotations

import os
import shutil
from datetime import date
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from marsad.ingest import ingest
from marsad.model import Article
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[1]
TEXT = "قتل شاب برصاص مسلحين مجهولين مساء اليوم في مدينة نوى بريف درعا الغربي، بحسب مصادر محلية."


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("MARSAD_DB", None)
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=cwd)


@pytest.mark.parametrize("url, words", [
    ("mysql://root@localhost/marsad", "not in mysql://"),
    ("postgresql://user@host:notaport/db", "not a database URL"),
    ("postgresql://user@host:5432", "needs a database name"),
])
def test_unusable_database_urls_are_usage_errors(url, words):
    done = _cli("events", "--db", url)
    assert done.returncode == 2 and "Traceback" not in done.stderr and words in done.stderr, done.stderr


def test_database_from_a_newer_marsad_is_refused_with_a_message(db_url):
    open_store(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    engine.dispose()
    done = _cli("events", "--db", db_url)
    assert done.returncode == 3 and "Traceback" not in done.stderr and "newer marsad" in done.stderr, done.stderr


def test_new_sqlite_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "private.db"
    store = open_store(str(path))
    store.store_rejected("x:0", "E101", "test", None)  # a write, so the -wal and -shm files exist too
    for made in [path] + [Path(str(path) + s) for s in ("-wal", "-shm") if Path(str(path) + s).exists()]:
        assert stat.S_IMODE(made.stat().st_mode) & 0o077 == 0, (made, oct(made.stat().st_mode))
    store.close()


def _immutable(paths: list[Path], on: bool) -> bool:
    done = subprocess.run(["chattr", "+i" if on else "-i", *map(str, paths)], capture_output=True)
    return done.returncode == 0


def test_database_on_read_only_storage_can_be_read(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "marsad.db"
    store = open_store(str(db))
    ingest(store, [Article(text=TEXT, id="nawa", published=date(2024, 8, 11))])
    store.close()
    assert not Path(str(db) + "-wal").exists()  # a clean close leaves the file alone
    if shutil.which("chattr") is None or not _immutable([db, folder], True):
        pytest.skip("cannot make storage read-only here (chattr +i needs CAP_LINUX_IMMUTABLE on ext4/xfs)")
    try:
        assert not os.access(folder, os.W_OK)
        listed = _cli("events", "--db", str(db))
        assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
        assert "1 event" in listed.stdout and "Nawa" in listed.stdout, listed.stdout
        written = _cli("token", "add", "someone", "--db", str(db))
        assert written.returncode == 3 and "Traceback" not in written.stderr and "readonly" in written.stderr, \
            written.stderr
    finally:
        _immutable([db, folder], False)
