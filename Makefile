# whomet: `make demo` runs the service locally, `make test` runs every test.
# Needs only Python 3.11+, plus Java 17+ and Maven (for the local Neo4j) or Docker.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.whomet-installed

.PHONY: setup demo test test-long eval lint neo4j-start neo4j-stop

setup: $(STAMP)

# Re-installs only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	@touch $(STAMP)

neo4j-start: setup
	$(BIN)/whomet neo4j fetch
	$(BIN)/whomet neo4j start

neo4j-stop: setup
	$(BIN)/whomet neo4j stop

demo: neo4j-start
	$(BIN)/whomet init
	$(BIN)/whomet load seeds/
	$(BIN)/whomet serve

# Two workers, each with its own Neo4j (the session fixture starts one per worker on free
# ports and stops it); a test file stays on one worker, so module-scoped wipes still hold.
# One process: `.venv/bin/pytest` (or `make test PYTEST_WORKERS=0`).
PYTEST_WORKERS ?= 2
# `make test` leaves out the scenarios marked `long` (outages, restarts, concurrency races,
# extraction process pools, full-depth fuzz, linear-time checks); `make test-long` runs only
# those, and .ci/run runs both.
test: setup
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=25 -m "not long"

test-long: setup
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=25 -m long

# Extraction quality per set (eval/README.md); fails when a figure drops below eval/floors.json.
eval: setup
	$(BIN)/python -m graph.evaluation.run

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
