# Undersigned: `make run` serves the site on SQLite; `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Django 6 needs Python 3.12 or newer: take the first one found.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3) python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every package with its hash (pip-tools); `make lock` makes it again from pyproject.toml.
LOCK := requirements.lock
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/postgres
PYTEST_ARGS ?=

.PHONY: help install lock run test lint check-migrations messages translations test-sqlite test-postgres bench eval format clean

help:
	@echo "make run    set everything up and serve the site on http://127.0.0.1:$${PORT:-8000}/"
	@echo "make lock   pin every dependency with its hash in $(LOCK) after changing pyproject.toml"
	@echo "make test   lint, migrations check, messages, the suite on SQLite and on PostgreSQL"
	@echo "make bench  performance figures (docs/performance.md)"
	@echo "make eval   organisation-name matching and page extraction, tuning and held-out parts"

$(STAMP): pyproject.toml $(LOCK) $(wildcard package.json)
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required (Django 6). Install it and retry, or set PYTHON=/path/to/python3.12."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python deploy/check_lock.py pyproject.toml $(LOCK)
	@# Exactly the locked versions, each checked against its hash; then the project alone.
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check
	@# axe-core (accessibility audits in the browser tests) comes from the npm registry.
	@if [ -f package.json ] && command -v npm >/dev/null 2>&1; then npm install --silent --no-audit --no-fund; fi
	@touch $(STAMP)

install: $(STAMP)

# After changing the dependencies in pyproject.toml: pin them all, with hashes, in $(LOCK).
# Pins already there are kept while they still fit; `make lock LOCK_ARGS=--upgrade` renews them.
lock:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required (Django 6)."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "pip-tools>=7.4"
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links $(LOCK_ARGS) --output-file $(LOCK) pyproject.toml

messages: $(STAMP)
	cd src/undersigned && ../../$(BIN)/django-admin compilemessages -v0

# Collect new interface strings into the Armenian and Russian catalogues, for translators.
translations: $(STAMP)
	cd src/undersigned && ../../$(BIN)/undersigned makemessages -l hy -l ru --no-location --no-obsolete -v0
	cd src/undersigned && ../../$(BIN)/undersigned makemessages -d djangojs -l hy -l ru --no-location --no-obsolete -v0

run: install messages
	$(BIN)/undersigned up

lint: $(STAMP)
	$(BIN)/ruff check src eval bench
	$(BIN)/ruff format --check src eval bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix src eval bench
	$(BIN)/ruff format src eval bench

check-migrations: $(STAMP)
	$(BIN)/undersigned makemigrations --check --dry-run

test-sqlite: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# PostgreSQL: DATABASE_URL if it names one, else the local server; skipped (and failed in CI) when absent.
test-postgres: $(STAMP)
	@url="$${DATABASE_URL:-}"; case "$$url" in postgres*) ;; *) url="$(PG_TEST_URL)";; esac; \
	if $(BIN)/python -c "import psycopg, sys; psycopg.connect(sys.argv[1].replace('postgres://', 'postgresql://', 1), connect_timeout=3).close()" "$$url" 2>/dev/null; then \
		echo "== the suite on PostgreSQL ($$url)"; DATABASE_URL="$$url" $(BIN)/python -m pytest $(PYTEST_ARGS); \
	elif [ -n "$${CI:-}" ] || [ -n "$${UNDERSIGNED_REQUIRE_ALL:-}" ]; then \
		echo "PostgreSQL is not reachable at $$url: CI requires it." >&2; exit 1; \
	else \
		echo "SKIPPED: the PostgreSQL run — no server at $$url (set DATABASE_URL=postgres://… to run it)."; \
	fi

test: lint check-migrations messages test-sqlite test-postgres

eval: $(STAMP)
	$(BIN)/python eval/evaluate.py

bench: install messages
	@for tool in nginx wrk; do command -v $$tool >/dev/null 2>&1 || test -x /usr/sbin/$$tool || { \
		echo "make bench needs Debian's $$tool: apt-get install nginx wrk"; exit 1; }; done
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache
