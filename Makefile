# Two commands matter on a fresh machine: `make run` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
# Where e-mail links point: the address `make run` serves on, unless SITE_URL is set.
RUN_SITE_URL = $${SITE_URL:-http://$(HOST):$(PORT)}

.PHONY: install run test test-fullstack test-embedded services services-stop lint format \
        browser-deps worker bench-search bench-similar bench-live bench-load screenshots

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade "pip==26.3"
	$(PIP) install -q -c constraints.txt -e ".[dev]"
	touch $@

install: $(STAMP)

# Embedded mode: SQLite, in-memory channel layer, database search, demo content.
run: install
	$(PY) manage.py migrate --noinput
	SITE_URL=$(RUN_SITE_URL) $(PY) manage.py seed_demo
	@echo "Serving http://$(HOST):$(PORT)/  (Wagtail admin: http://$(HOST):$(PORT)/admin/)"
	SITE_URL=$(RUN_SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	SITE_URL=$(RUN_SITE_URL) $(PY) manage.py db_worker

# Search latency and indexing rate at 100,000 practices (own database and indices;
# needs `make services`). Extra arguments: make bench-search ARGS="--documents 20000".
bench-search: install
	$(PY) bench/search_latency.py $(ARGS)

# Similar practices: precision@3 of the engine and of the database fallback on the judged
# demo set (own scratch database and index prefix; needs `make services`).
bench-similar: install
	$(PY) bench/similar_precision.py $(ARGS)

# One live room's fan-out to 50, 200 and 500 clients over two daphne processes (own
# scratch database; needs `make services`). make bench-live ARGS="--clients 500"
bench-live: install
	DATABASE_URL=$${DATABASE_URL:-postgres://connective:connective@127.0.0.1:5432/connective} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/2} $(PY) bench/live_fanout.py $(ARGS)

# Mixed load with Locust: visitors, members and a live room on two daphne processes (own
# scratch database and index prefix; needs `make services`). Default 40 users for 5 minutes;
# make bench-load ARGS="--minutes 2 --users 60", or ARGS="--find-rate" for the highest load held.
bench-load: install
	DATABASE_URL=$${DATABASE_URL:-postgres://connective:connective@127.0.0.1:5432/connective} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/2} $(PY) bench/load.py $(ARGS)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

browser-deps: node_modules/.package-lock.json
	bash tools/services/chromium.sh

services:
	bash tools/services/postgres.sh start
	bash tools/services/redis.sh start
	bash tools/services/opensearch.sh start

services-stop:
	-bash tools/services/opensearch.sh stop
	-bash tools/services/redis.sh stop
	-bash tools/services/postgres.sh stop

# Installs everything, starts PostgreSQL, Redis and OpenSearch, then runs the
# checks and the whole suite against the full stack and in the embedded mode.
test: install browser-deps services
	bash tools/test.sh all

test-fullstack: install browser-deps services
	bash tools/test.sh fullstack

test-embedded: install browser-deps
	bash tools/test.sh embedded

# The role journeys in a real Chromium (embedded mode, no services needed), with a
# screenshot of every page they pass at 375 and 1280 px: var/screenshots/index.html.
screenshots: install browser-deps
	SCREENSHOT_DIR=$(CURDIR)/var/screenshots bash tools/test.sh embedded tests/browser/test_role_journeys.py -q
	@echo "Screenshots: var/screenshots/index.html"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=.:site $(VENV)/bin/lint-imports --no-cache --no-logo
	PYTHONPATH=.:site $(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
