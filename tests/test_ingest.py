"""marsad.ingest, the layer above the store: the store only stores, and what passes between
readers, runner and writer are the typed records of marsad.model."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import marsad
from marsad.ingest import ingest
from marsad.model import Article, Event, Extracted, Place
from marsad.runner import Runner, extract_batch
from marsad.store import open_store

REPO = Path(__file__).resolve().parent.parent
STORE = REPO / "marsad" / "store"
# what the store must not reach up to: reading input, running extraction, orchestrating ingest
ABOVE_THE_STORE = ("marsad.ingest", "marsad.runner", "marsad.readers", "marsad.pipeline", "marsad.stages",
                   "marsad.cli", "marsad.web")
# marsad.pipeline itself is loaded by ``import marsad`` (marsad.extract), but none of the stages
LOADED_ABOVE = tuple(name for name in ABOVE_THE_STORE if name != "marsad.pipeline")
TEXT = "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي على مدينة معرة النعمان في ريف إدلب الجنوبي."


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_store_module_imports_a_layer_above_the_store():
    offending = {f"{path.name}: {name}" for path in STORE.rglob("*.py") for name in _imports(path)
                 if name.startswith(ABOVE_THE_STORE)}
    assert not offending


def test_writing_extracted_events_loads_no_reader_runner_or_extractor(tmp_path):
    """The writer, given Events and Places, stores them with none of the modules above it loaded."""
    event, place = _extracted_by_hand()
    code = (
        "import json, sys\n"
        "from marsad.model import Article, Event, Extracted, Place\n"
        "from marsad.store import IngestSummary, open_store\n"
        f"event = Event(**json.loads({json.dumps(json.dumps(event.to_record(), ensure_ascii=False))}))\n"
        f"place = Place(**json.loads({json.dumps(json.dumps(place.__dict__, ensure_ascii=False))}))\n"
        f"store = open_store({str(tmp_path / 'w.db')!r})\n"
        "summary = IngestSummary()\n"
        f"store.write_batch([Article(text={TEXT!r}, id='a1')], [Extracted([event], places=[place])], summary)\n"
        "print(json.dumps({'new': summary.new, 'events': store.count('events'),\n"
        "                  'loaded': sorted(m for m in sys.modules if m.startswith(%r))}))\n" % (LOADED_ABOVE,)
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out == {"new": 1, "events": 1, "loaded": []}


def _extracted_by_hand() -> tuple[Event, Place]:
    (event,) = marsad.extract(TEXT, published="2020-02-07")
    result = extract_batch([Article(text=TEXT, published=date(2020, 2, 7))])[0]
    assert result.places, "the extraction chose a gazetteer place"
    return event, result.places[0]


def test_a_batch_crosses_the_runner_as_events_and_places():
    (result,) = extract_batch([Article(text=TEXT, published=date(2020, 2, 7))])
    assert result.error is None and result.events
    assert all(type(e) is Event for e in result.events)
    assert all(type(p) is Place for p in result.places)
    assert {p.place_id for p in result.places} == {e.chosen_place_id() for e in result.events} - {None}


class _NoPlaces(Runner):
    """Extracts for real, but sends no places along (as a runner written elsewhere might)."""

    def map(self, batches):
        for batch in batches:
            results = extract_batch(batch, self.local_places, self.budget)
            for result in results:
                result.places = None
            yield batch, results


def test_ingest_looks_up_the_places_a_runner_did_not_send(tmp_path):
    """The events' places are in the places table (events refer to them) whichever runner ran."""
    articles = [Article(text=TEXT, id="a1", published=date(2020, 2, 7))]
    store = open_store(str(tmp_path / "no-places.db"))
    summary = ingest(store, articles, runner=_NoPlaces())
    reference = open_store(str(tmp_path / "reference.db"))
    ingest(reference, articles)
    assert summary.new == 1 and summary.events_created >= 1
    assert [e["place_id"] for e in _events(store)] == [e["place_id"] for e in _events(reference)] != [None]
    store.close()
    reference.close()


def _events(store) -> list[dict]:
    from sqlalchemy import select

    from marsad.store.schema import events, places
    with store.engine.connect() as conn:
        return [dict(event_id=e, place_id=p, place_name=n) for e, p, n in conn.execute(
            select(events.c.event_id, events.c.place_id, places.c.name)
            .join_from(events, places, events.c.place_id == places.c.place_id).order_by(events.c.event_id))]


def test_extracted_defaults_name_the_extractor_version():
    from marsad.model import EXTRACTOR_VERSION
    from marsad.stages import assembly

    assert Extracted().extractor_version == EXTRACTOR_VERSION == assembly.EXTRACTOR_VERSION


def test_an_event_record_is_what_asdict_gives():
    """Event.to_record (one per event in the writer) copies as dataclasses.asdict does, faster."""
    import dataclasses

    from marsad.model import Span
    from marsad.readers import read_inputs

    odd = Event("ev-1", "Battles", "Armed clash", assoc_actor_1=["a"], evidence={
        "location": [{"start": 0, "end": 3, "text": "حلب", "chosen": True, "pair": (1, 2), "span": Span(0, 3, "حلب"),
                      "nested": {"k": [1.5, None, {"x": (True,)}]}}]}, sources=[{"s": 1}])
    events = [odd] + [e for a in read_inputs([str(REPO / "examples" / "multisource.jsonl")])
                      if isinstance(a, Article) for e in marsad.extract_article(a)]
    for event in events:
        record = event.to_record()
        assert record == dataclasses.asdict(event) and list(record) == list(dataclasses.asdict(event))
        assert json.dumps(record, ensure_ascii=False) == json.dumps(dataclasses.asdict(event), ensure_ascii=False,
                                                                     default=str)
    record = odd.to_record()
    record["evidence"]["location"][0]["nested"]["k"].append(0)  # a copy, not the event's own lists
    assert odd.evidence["location"][0]["nested"]["k"] == [1.5, None, {"x": (True,)}]
    assert record["evidence"]["location"][0]["span"] == {"start": 0, "end": 3, "text": "حلب"}
