"""``marsad gazetteer import``: a GeoNames-format file (``tests/data/geonames_sample.txt``, written
for these tests, with made-up geonameids and villages) or a simple CSV makes its villages known to
the next ``marsad extract``, which has no database; bad lines are reported with file and line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.geo import imports
from marsad.geo.gazetteer import load_gazetteer

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "data" / "geonames_sample.txt"
VILLAGE_TEXT = "قتل مدنيان بقصف على قرية تل الدراويش بريف حماة"


def run(args: list[str], home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, MARSAD_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120)


def locations(out: str) -> list[tuple]:
    return [(r["location"], r["latitude"], r["longitude"], r["geo_precision"], r["admin1"])
            for r in map(json.loads, out.splitlines())]


def test_sample_file_has_the_geonames_columns():
    rows = [line.split("\t") for line in SAMPLE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    good = [r for r in rows if len(r) == len(imports.GEONAMES_COLUMNS)]
    assert len(good) == 6 and len(rows) == 7  # and one broken line, on purpose


def test_import_then_extract_resolves_the_village(tmp_path):
    before = run(["extract", "-", "--published", "2024-05-01"], tmp_path, VILLAGE_TEXT)
    assert before.returncode == 0
    assert all(p[3] != 1 for p in locations(before.stdout))  # unknown: its governorate at best

    done = run(["gazetteer", "import", str(SAMPLE)], tmp_path)
    assert done.returncode == 1  # some lines were bad
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"marsad: {SAMPLE}:5: [E100] 4 tab-separated columns, a GeoNames line has 19",
        f"marsad: {SAMPLE}:7: [E100] latitude 'north' is not a number",
        f"marsad: {SAMPLE}:9: [E100] latitude '135.0' is out of range (-90..90)",
    ]
    assert "7 lines, 3 places kept, 1 other features left out, 3 bad lines skipped" in done.stdout
    kept = tmp_path / "gazetteer" / "imported.tsv"
    assert kept.is_file() and "CC BY 4.0" in kept.read_text(encoding="utf-8")

    after = run(["extract", "-", "--published", "2024-05-01"], tmp_path, VILLAGE_TEXT)
    assert after.returncode == 0, after.stderr
    assert locations(after.stdout) == [("Tall ad Darawish", 35.3015, 36.6123, 1, "Hama")]

    # importing again replaces the same places: nothing doubles
    again = run(["gazetteer", "import", str(SAMPLE)], tmp_path)
    assert "3 imported places in" in again.stdout


def test_imported_places_enter_the_index_with_their_arabic_names(tmp_path, monkeypatch):
    target = tmp_path / "imported.tsv"
    summary = imports.import_geonames(SAMPLE, target)
    assert (summary.kept, summary.other_features, len(summary.problems)) == (3, 1, 3)
    places = dict((p.place_id, (p, names)) for p, names in imports.read_imported(target))
    assert set(places) == {"gn:99000001", "gn:99000002", "gn:99000004"}  # not the stream 99000003
    village, names = places["gn:99000002"]
    assert (village.kind, village.admin1, village.population) == ("village", "Idlib", 1200)
    assert village.admin2  # the district of the nearest known place
    assert "عين الكرمة" in names and village.name_ar == "عين الكرمة"
    district, _ = places["gn:99000004"]
    assert (district.kind, district.admin2) == ("admin2", "Mintaqat as Safsafah")

    gaz = load_gazetteer()
    assert not gaz.lookup("عين الكرمة")
    state = gaz._snapshot()
    try:
        gaz.add_places(imports.read_imported(target))
        assert [p.place_id for p in gaz.lookup("عين الكرمة")] == ["gn:99000002"]
        assert [p.place_id for p in gaz.lookup("Ain el-Karme")] == ["gn:99000002"]
    finally:
        gaz._restore(state)
    assert not gaz.lookup("عين الكرمة")


def test_simple_csv_is_imported_too(tmp_path):
    csv_file = tmp_path / "villages.csv"
    csv_file.write_text(
        "name_ar,name_en,lat,lon,country,admin1,admin2,kind\n"
        "تل الورود,Tall al-Wurud,36.1,37.2,Syria,Aleppo,,village\n"
        "كفر الحمام,,35.5,36.1,Narnia,,,village\n"
        "عين الصفا,Ayn as-Safa,not-a-number,36.1,SY,,,village\n", encoding="utf-8")
    summary = imports.import_geonames(csv_file, tmp_path / "imported.tsv")
    assert summary.kept == 1
    assert summary.problems == [f"{csv_file}:3: [E100] unknown country 'Narnia' (a name or ISO code)",
                                f"{csv_file}:4: [E100] lat 'not-a-number' is not a number"]
    (place, names), = imports.read_imported(tmp_path / "imported.tsv")
    assert (place.name, place.country_code, place.admin1, place.latitude) == ("Tall al-Wurud", "SY", "Aleppo", 36.1)
    assert names == ["تل الورود", "Tall al-Wurud"]


def test_binary_or_missing_file_is_a_clear_error(tmp_path):
    binary = tmp_path / "SY.zip"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    done = run(["gazetteer", "import", str(binary)], tmp_path)
    assert done.returncode == 1 and "binary file" in done.stderr and "Traceback" not in done.stderr
    missing = run(["gazetteer", "import", str(tmp_path / "nowhere.txt")], tmp_path)
    assert missing.returncode == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr


def test_a_damaged_imported_file_names_its_line(tmp_path):
    target = tmp_path / "imported.tsv"
    imports.import_geonames(SAMPLE, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("35.880000", "north")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        imports.read_imported(target)
    assert str(err.value).startswith(f"{target}:4: [E200] lat 'north' is not a number")
