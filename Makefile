# marsad: two commands on a fresh machine.
#   make demo   create .venv, install, ingest the bundled sample articles into demo.db (SQLite), list the
#               events and start the web app (marsad serve) at http://127.0.0.1:8000/
#   make test   create .venv, install, run the test suite
PYTHON ?= python3.11
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000
# pytest-xdist processes for `make test` (a file's tests stay on one process: --dist loadfile)
TEST_WORKERS ?= 2
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv clean bench

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/marsad ingest --db demo.db --no-progress examples/sample-articles.jsonl examples/multisource.jsonl
	$(BIN)/marsad events --db demo.db --limit 10
	@echo "make demo: starting the web app (Ctrl-C stops it); sign in with a token from: $(BIN)/marsad token add NAME --db demo.db"
	$(BIN)/marsad serve --db demo.db --host $(DEMO_HOST) --port $(DEMO_PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

bench: $(STAMP)
	$(BIN)/python benchmarks/extract.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache demo.db demo.db-wal demo.db-shm
