# Rathaus: the documented commands. `make run` serves the demo, `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes: one per core (pytest-xdist); TEST_WORKERS=0 runs the suite in one process.
# Tests marked `alone` measure response times and run afterwards, with nothing beside them.
TEST_WORKERS ?= auto
export PORT
export DJANGO_ENV ?= development
MANAGE := $(BIN)/python manage.py

.PHONY: help setup run serve test lint format bench messages lock clean

help:
	@echo "make run    - set up, migrate, load the demo data and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   - set up and run ruff, the migration check and the whole test suite"
	@echo "make bench  - run the benchmarks and print their ratios"
	@echo "make messages - update the translation catalogues after changing UI texts"

$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

locale-compiled: $(BIN)/.installed $(shell find src -name '*.po')
	scripts/ensure-system-packages gettext
	cd src/rathaus && ../../$(BIN)/python ../../manage.py compilemessages --ignore=.venv -v0
	touch $@

setup: $(BIN)/.installed node_modules/.installed locale-compiled
	mkdir -p var

# honcho gives each process of the Procfile its own PORT (web 8000, worker 8100, …): links in the
# worker's e-mails must name the web process's address.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
# The demo imports the city's district boundaries when the shared file lies beside the project.
run: export DISTRICTS_FILE ?= $(wildcard ../shared/data/kaiserslautern/ortsbezirke.geojson)
run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v0  # before the demo: its notices are rendered with the collected fonts
	$(MANAGE) load_demo
	$(MANAGE) build_basemap --if-missing  # the demo's base map, cut from its own data
	PORT=$(PORT) $(BIN)/honcho start -f Procfile

test: export DJANGO_ENV = test
test: setup
	scripts/ensure-system-packages chromium poppler-utils zbar-tools default-jre-headless nginx redis-server xmlsec1
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) --dist load -m 'not alone'
	$(BIN)/pytest -m alone

bench: setup
	scripts/ensure-system-packages wrk
	$(BIN)/python bench/run.py

messages: setup
	cd src/rathaus && for app in */; do \
	  if [ -d "$$app/locale" ]; then (cd $$app && ../../../$(BIN)/python ../../../manage.py makemessages -l de --no-obsolete -v0); fi; \
	done

lock: $(BIN)/.installed
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --index-url https://pypi.org/simple -o requirements.lock

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules var locale-compiled
