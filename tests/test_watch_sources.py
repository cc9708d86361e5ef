"""marsad sources: the feeds and sitemaps marsad watch follows, from the CLI and a YAML file, in the database."""
from __future__ import annotations

import json

import pytest

from marsad.cli import main
from marsad.store import open_store
from marsad.watch.sources import SourceProblem, add_source, list_sources, parse_interval, remove_source


def test_sources_add_list_remove_through_the_cli(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    assert main(["sources", "add", "https://outlet.example/feed", "--name", "عنب بلدي", "--language", "ar",
                 "--interval", "10m", "--db", db]) == 0
    assert main(["sources", "add", "https://other.example/sitemap.xml", "--db", db]) == 0
    capsys.readouterr()
    assert main(["sources", "list", "--json", "--db", db]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["name"], r["language"], r["interval_s"], r["status"]) for r in rows] == [
        ("عنب بلدي", "ar", 600, "new"), ("other.example", None, 900, "new")]
    # adding a followed URL again updates it instead of doubling it
    assert main(["sources", "add", "https://outlet.example/feed", "--interval", "1h", "--db", db]) == 0
    assert [s.interval_s for s in list_sources(open_store(db))] == [3600, 900]
    assert main(["sources", "remove", "other.example", "--db", db]) == 0
    assert main(["sources", "remove", "other.example", "--db", db]) == 2
    assert "no source 'other.example'" in capsys.readouterr().err
    assert [s.url for s in list_sources(open_store(db))] == ["https://outlet.example/feed"]


@pytest.mark.parametrize("args, message", [
    (["ftp://x.example/feed"], "http:// or https://"),
    (["https://x.example/feed", "--interval", "5s"], "between 60 s"),
    (["https://x.example/feed", "--interval", "soon"], "number of seconds"),
    (["https://x.example/a b"], "http:// or https://"),
])
def test_bad_sources_are_refused_with_a_reason_and_no_traceback(tmp_path, capsys, args, message):
    assert main(["sources", "add", *args, "--db", str(tmp_path / "w.db")]) == 2
    err = capsys.readouterr().err
    assert message in err and "[E120]" in err and "Traceback" not in err


def test_sources_file_loads_the_good_entries_and_names_the_bad_ones(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    (tmp_path / "sources.yaml").write_text(
        "defaults:\n  language: ar\n  interval: 30m\n"
        "sources:\n"
        "  - url: https://a.example/rss\n    name: A\n"
        "  - https://b.example/feed.json\n"
        "  - url: nope\n"
        "  - url: https://c.example/news-sitemap.xml\n    interval: 2h\n    language: en\n"
        "  - url: https://d.example/rss\n    colour: red\n", encoding="utf-8")
    assert main(["sources", "load", str(tmp_path / "sources.yaml"), "--db", db]) == 1
    out = capsys.readouterr()
    assert "sources added 3, updated 0, refused 2" in out.out
    assert "sources[2]: [E120]" in out.err and "sources[4]: [E120] unknown key colour" in out.err
    found = {s.url: (s.name, s.language, s.interval_s, s.origin.startswith("file:")) for s in list_sources(open_store(db))}
    assert found == {"https://a.example/rss": ("A", "ar", 1800, True),
                     "https://b.example/feed.json": ("b.example", "ar", 1800, True),
                     "https://c.example/news-sitemap.xml": ("c.example", "en", 7200, True)}
    # loading again updates, adds nothing
    assert main(["sources", "load", str(tmp_path / "sources.yaml"), "--db", db]) == 1
    assert "sources added 0, updated 3" in capsys.readouterr().out


@pytest.mark.parametrize("text", ["sources: [\n", "just text", "\xff\xfe"])
def test_a_sources_file_that_is_not_yaml_of_that_shape_is_refused_whole(tmp_path, capsys, text):
    path = tmp_path / "bad.yaml"
    path.write_bytes(text.encode("latin-1"))
    assert main(["sources", "load", str(path), "--db", str(tmp_path / "w.db")]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "Traceback" not in err


def test_sources_live_in_the_database_on_both_backends(db_url):
    store = open_store(db_url)
    source, added = add_source(store, "https://a.example/rss", name="A", language="en", interval=120)
    assert added and source.id and source.status == "new"
    assert add_source(store, "https://a.example/rss", name="A2")[1] is False
    assert [(s.name, s.interval_s) for s in list_sources(store)] == [("A2", 900)]
    assert remove_source(store, "https://a.example/rss") == 1 and list_sources(store) == []
    store.close()


def test_intervals_read_as_durations():
    assert [parse_interval(v) for v in (60, "90", "90s", "15m", "2h", "1d")] == [60, 90, 90, 900, 7200, 86400]
    for bad in (59, "31d", True, "-5m"):
        with pytest.raises(SourceProblem):
            parse_interval(bad)
