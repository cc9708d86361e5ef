"""Issue 18, items 1-3: no input can block ingest. Values a database column cannot hold (too long,
a NUL character, a lone surrogate), non-UTF-8 file names and option bytes, and NUL bytes early in a
JSON Lines file: each bad record is rejected with a clear message and kept in ``rejected``, the rest
is stored, on SQLite and on PostgreSQL, through the real ``marsad ingest``."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.ingest import ingest
from marsad.model import Article
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[1]
# A shooting in Nawa, written for these tests; numbered copies are distinct articles.
TEXT = "قتل شاب برصاص مسلحين مجهولين مساء اليوم في مدينة نوى بريف درعا الغربي، بحسب مصادر محلية. رقم {n}"


def good(n: int, **extra) -> dict:
    return {"id": f"good-{n}", "published": "2024-08-11", "source": "Wire", "text": TEXT.format(n=n), **extra}


# (what is wrong, the JSON line; written with ensure_ascii so that \\ud800 survives as an escape)
BAD = [
    ("id of 201 characters", good(101, id="x" * 201)),
    ("source of 201 characters", good(102, source="s" * 201)),
    ("language of 9 characters", good(103, language="arabic-sy")),
    ("url of 2,001 characters", good(104, url="https://example.org/" + "u" * 1981)),
    ("NUL in the text", good(105, text=TEXT.format(n=105) + "\u0000")),
    ("NUL in the title", good(106, title="عنوان\u0000")),
    ("NUL in the source", good(107, source="Wi\u0000re")),
    ("lone surrogate in the text", good(108, text=TEXT.format(n=108) + "\ud800")),
    ("lone surrogate in the id", good(109, id="a\udc80b")),
]


def _ingest(db_url: str, *paths, extra: tuple = ()) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", *map(str, paths), "--db", db_url,
                           "--no-progress", "--batch-size", "4", *extra], env=env, capture_output=True,
                          timeout=300)


def _corpus(path: Path) -> Path:
    lines = []
    for i, (_, row) in enumerate(BAD):
        lines.append(json.dumps(good(i), ensure_ascii=True))
        lines.append(json.dumps(row, ensure_ascii=True))
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    return path


def _stored_ids(db_url: str) -> set[str]:
    store = open_store(db_url)
    try:
        from sqlalchemy import select

        from marsad.store.schema import articles
        with store.engine.connect() as conn:
            return {r[0] for r in conn.execute(select(articles.c.article_id))}
    finally:
        store.close()


def _folder(root: Path) -> Path:
    """A folder of every kind of input of items 1-3 next to good articles: values no column holds
    (mixed.jsonl), NUL bytes in the first lines of a JSON Lines file (nul.jsonl), a file name that
    is not UTF-8, and a file in a subfolder."""
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    _corpus(folder / "mixed.jsonl")
    rows = [json.dumps(good(200 + i, id=f"nul-good-{i}"), ensure_ascii=False).encode("utf-8") for i in range(12)]
    rows[1] = b'{"id": "nul", "text": "\x00\x00 binary \x00"}'
    rows.insert(3, b"\x00" * 40)
    (folder / "nul.jsonl").write_bytes(b"\n".join(rows) + b"\n")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-\xff.txt"), "wb") as fh:
        fh.write(TEXT.format(n=300).encode("utf-8"))
    (folder / "sub" / "z.txt").write_text(TEXT.format(n=301), encoding="utf-8")
    return folder


def test_no_input_blocks_ingest_and_each_bad_record_is_rejected(db_url, tmp_path):
    folder = _folder(tmp_path)
    expected = ({f"good-{i}" for i in range(len(BAD))} | {f"nul-good-{i}" for i in range(12) if i != 1}
                | {"caf\\xe9-\\xff.txt", "sub/z.txt"})
    for attempt in range(2):  # a re-run neither stops nor stores anything twice
        done = _ingest(db_url, folder)
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err and "E500" not in err, err
        assert done.returncode == 1, err
        assert _stored_ids(db_url) == expected
    store = open_store(db_url)
    rejected = store.rejected_inputs()
    store.close()
    assert len(rejected) == len(BAD) + 2, [r["where"] for r in rejected]
    # values no column holds: one rejection each, at its line, naming the field
    by_line = {int(r["where"].rpartition(":")[2]): r for r in rejected if "mixed.jsonl" in r["where"]}
    assert sorted(by_line) == [2 * i + 2 for i in range(len(BAD))]
    messages = [by_line[2 * i + 2]["reason"] for i in range(len(BAD))]
    assert "200" in messages[0] and '"id"' in messages[0]
    assert '"source"' in messages[1] and '"language"' in messages[2] and "2,000" in messages[3]
    assert all("NUL" in m for m in messages[4:7]), messages[4:7]
    assert all("surrogate" in m for m in messages[7:]), messages[7:]
    # NUL bytes early in a JSON Lines file: only their lines
    nul = [r for r in rejected if "nul.jsonl" in r["where"]]
    assert sorted(r["where"].rpartition(":")[2] for r in nul) == ["2", "4"]
    assert all("NUL" in r["reason"] for r in nul)


def test_library_articles_are_checked_by_the_same_layer(db_url):
    """Articles that come from the API or Python, not from a file, meet the same check."""
    store = open_store(db_url)
    summary = ingest(store, [Article(text=TEXT.format(n=1), id="i" * 300), Article(text=TEXT.format(n=2) + "\x00"),
                            Article(text=TEXT.format(n=3), id="fine", source="\ud800"),
                            Article(text=TEXT.format(n=4), id="kept")])
    assert (summary.new, summary.rejected) == (1, 3), summary
    assert [r["code"] for r in store.rejected_inputs()] == ["E108"] * 3
    store.close()


def test_non_utf8_bytes_in_an_option_are_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT.format(n=1), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable.encode(), b"-m", b"marsad.cli", b"ingest", str(path).encode(), b"--db",
                           str(tmp_path / "x.db").encode(), b"--no-progress", b"--source", b"wire-\xff"],
                          env=env, capture_output=True, timeout=120)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2 and "Traceback" not in err and "--source" in err and "UTF-8" in err, err


class _Lengthened:
    """A runner that extracts for real, then gives the first article's events a location longer
    than any column holds (as a free-text place name from an article could be)."""

    def map(self, batches):
        from marsad.runner import extract_batch

        for batch in batches:
            results = extract_batch(batch)
            for event in results[0].events or []:
                event.location = "مكان " * 100
            yield batch, results


def test_extracted_value_no_column_holds_rejects_only_its_article(db_url):
    store = open_store(db_url)
    summary = ingest(store, [Article(text=TEXT.format(n=1), id="long-place"), Article(text=TEXT.format(n=2), id="ok")],
                           runner=_Lengthened())
    assert (summary.new, summary.rejected) == (1, 1), summary
    (row,) = store.rejected_inputs()
    assert "location" in row["reason"] and "300" in row["reason"]
    store.close()
