"""``marsad extract`` on bad and mixed inputs, run as a real subprocess.

Extraction may yield no events yet, so these tests check the contract on
standard error and the exit code; that good inputs are read is checked in
test_readers.py through ``read_inputs``, and here with a stub extractor.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTICLE_AR = "قتل ثلاثة مدنيين اليوم في قصف مدفعي على مدينة إدلب شمال غربي سوريا، بحسب مصدر محلي."

# Runs the CLI with extract_article replaced: one event per article, and an
# exception for any article whose text contains BOOM.
STUB = """
import sys
import marsad.pipeline
from marsad.model import Event

def extract_article(article, budget=None, min_confidence=None, held_back=None):
    if "BOOM" in article.text:
        raise ValueError("stub failure")
    return [Event(event_id=article.article_id, event_type="Battles", sub_event_type="Armed clash",
                  article_id=article.article_id)]

marsad.pipeline.extract_article = extract_article
from marsad.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run(*args: str, stdin: bytes | None = None, stub: bool = False, cwd: Path | None = None):
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-c", STUB] if stub else [sys.executable, "-m", "marsad.cli"]
    proc = subprocess.run([*cmd, *args], input=stdin if stdin is not None else b"", capture_output=True,
                          env=env, cwd=cwd, timeout=60)
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    # these inputs carry no dates: the warning that says so is tested in test_cli_conventions.py
    stderr = "".join(line for line in stderr.splitlines(keepends=True)
                     if not (line.startswith("marsad: warning: ") and "no publication date" in line))
    return proc.returncode, proc.stdout.decode("utf-8"), stderr


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_AR, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    rng = random.Random(3)
    (folder / "c_binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4000)) + b"\x00")
    (folder / "d_legacy.txt").write_bytes(ARTICLE_AR.encode("cp1256"))
    (folder / "e.jsonl").write_text(
        json.dumps({"id": "e1", "text": ARTICLE_AR}, ensure_ascii=False) + "\n"
        + '{"id": "e2", "text": \n'
        + json.dumps({"id": "e3", "text": ARTICLE_AR}, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "f.html").write_text(
        f"<html><body><nav>الرئيسية</nav><article><p>{ARTICLE_AR}</p></article></body></html>",
        encoding="utf-8")
    return folder


def test_mixed_folder_reports_each_bad_input_and_processes_the_rest(mixed: Path):
    code, stdout, stderr = run("extract", str(mixed), stub=True)
    assert code == 1
    lines = stderr.splitlines()
    assert lines == [
        f"marsad: {mixed / 'b_empty.txt'}:0: [E103] empty file: it holds no text.",
        f"marsad: {mixed / 'c_binary.txt'}:0: [E102] binary file, not text: it is not UTF-8, UTF-16 or "
        "Windows-1256 text; give marsad text, HTML or JSON Lines files.",
        f"marsad: {mixed / 'e.jsonl'}:2: [E106] malformed JSON: Expecting value at column 22; each line "
        "must be one complete JSON object.",
    ]
    ids = [json.loads(line)["article_id"] for line in stdout.splitlines()]
    assert ids == ["a.txt", "d_legacy.txt", "e1", "e3", "f.html"]


def test_mixed_folder_with_the_real_extractor_never_shows_a_traceback(mixed: Path):
    # whatever the extractor does today (events, nothing, or E199 errors), the
    # reader's three rejections are reported and no traceback is printed (see run)
    code, _, stderr = run("extract", str(mixed), "--published", "2020-02-07")
    assert code == 1
    for name, rejection in [("b_empty.txt:0", "[E103]"), ("c_binary.txt:0", "[E102]"), ("e.jsonl:2", "[E106]")]:
        assert f"{name}: {rejection}" in stderr
    assert all(line.startswith("marsad: ") for line in stderr.splitlines())


def test_rejects_file_gets_one_json_record_per_rejection(mixed: Path, tmp_path: Path):
    rejects = tmp_path / "rejects.jsonl"
    code, _, _ = run("extract", str(mixed), "--rejects", str(rejects), stub=True)
    assert code == 1
    records = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["code"], r["line"]) for r in records] == [("E103", 0), ("E102", 0), ("E106", 2)]
    assert records[2]["sample"].startswith('{"id": "e2"')


def test_good_inputs_only_exit_zero_with_nothing_on_stderr(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE_AR, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(ARTICLE_AR.encode("cp1256"))  # decoded silently
    code, stdout, stderr = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "legacy.txt"), stub=True)
    assert (code, stderr) == (0, "")
    assert len(stdout.splitlines()) == 2


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, _, stderr = run("extract", str(path))
    assert code == 1
    assert stderr == f"marsad: {path}:0: [E103] empty file: it holds no text.\n"


def test_binary_file(tmp_path: Path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    code, _, stderr = run("extract", str(path))
    assert code == 1
    assert stderr.startswith(f"marsad: {path}:0: [E102] binary file, not text")


def test_20_mb_file_is_rejected_and_the_next_file_processed(tmp_path: Path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.write(b"x" * (20 * 1024 * 1024))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_AR, encoding="utf-8")
    code, stdout, stderr = run("extract", str(huge), str(good), stub=True)
    assert code == 1
    assert stderr == (f"marsad: {huge}:0: [E104] document too large: 21.0 MB (the limit is 2,000,000 "
                      "characters); split it or raise --max-chars.\n")
    assert [json.loads(line)["article_id"] for line in stdout.splitlines()] == ["good.txt"]


def test_max_chars_option(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_AR, encoding="utf-8")
    code, _, stderr = run("extract", str(path), "--max-chars", "20")
    assert code == 1 and "[E104]" in stderr
    code, _, stderr = run("extract", str(path), "--max-chars", "0")
    assert code == 2 and "--max-chars" in stderr


def test_jsonl_with_one_broken_line_between_good_lines(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "1", "text": ARTICLE_AR}) + "\n{oops}\n"
                    + json.dumps({"id": "3", "text": ARTICLE_AR}) + "\n", encoding="utf-8")
    code, stdout, stderr = run("extract", str(path), stub=True)
    assert code == 1
    assert stderr.startswith(f"marsad: {path}:2: [E106] malformed JSON")
    assert len(stderr.splitlines()) == 1
    assert [json.loads(line)["article_id"] for line in stdout.splitlines()] == ["1", "3"]


def test_standard_input_json_lines(tmp_path: Path):
    data = (json.dumps({"id": "s1", "text": ARTICLE_AR}) + "\nnot json\n").encode("utf-8")
    code, stdout, stderr = run("extract", "-", stdin=data, stub=True)
    assert code == 1
    assert stderr.startswith("marsad: <stdin>:2: [E106]")
    assert [json.loads(line)["article_id"] for line in stdout.splitlines()] == ["s1"]


def test_standard_input_text_in_cp1256():
    code, stdout, stderr = run("extract", "-", stdin=ARTICLE_AR.encode("cp1256"), stub=True)
    assert (code, stderr) == (0, "")
    assert json.loads(stdout)["article_id"] == "<stdin>"


def test_empty_standard_input():
    code, _, stderr = run("extract", "-", stdin=b"")
    assert code == 1
    assert stderr == "marsad: <stdin>:0: [E103] empty file: it holds no text.\n"


def test_missing_path(tmp_path: Path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE_AR, encoding="utf-8")
    code, stdout, stderr = run("extract", str(tmp_path / "nope.txt"), str(good), stub=True)
    assert code == 1
    assert stderr == f"marsad: {tmp_path / 'nope.txt'}:0: [E101] no such file or folder; check the path.\n"
    assert len(stdout.splitlines()) == 1


def test_exception_in_extraction_is_reported_for_that_article_and_the_rest_processed(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in
                            [("ok1", ARTICLE_AR), ("bad", "BOOM " + ARTICLE_AR), ("ok2", ARTICLE_AR)]),
                    encoding="utf-8")
    code, stdout, stderr = run("extract", str(path), stub=True)
    assert code == 1
    assert stderr == (f"marsad: {path}:2: [E199] internal error while extracting: ValueError: "
                      "stub failure\n")
    assert [json.loads(line)["article_id"] for line in stdout.splitlines()] == ["ok1", "ok2"]


def test_usage_errors_exit_two(tmp_path: Path):
    assert run("extract")[0] == 2
    assert run("extract", "a.txt", "--published", "23/01/2022")[0] == 2
    code, _, stderr = run("extract", str(tmp_path), "--rejects", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert code == 2 and "[E400] cannot write the --rejects file" in stderr
