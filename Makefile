# Two commands matter: `make run` (the CMS with demo content on SQLite) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo test check lint format lock clean schema examples contract-js screenshots benchmark

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo

run: demo
	@echo ""
	@echo "  Admin:    http://$(HOST):$(PORT)/admin/"
	@echo "  GraphQL:  http://$(HOST):$(PORT)/graphql/"
	@echo "  GraphiQL: http://$(HOST):$(PORT)/graphiql/"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

check: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# The TypeScript contract checks need npm; a machine with only Python and make skips them (CI runs them).
# CONTRACT_JS=skip skips them too, e.g. for a second pass of the suite on another database.
test: check
	@if [ "$(CONTRACT_JS)" = "skip" ]; then \
		echo "CONTRACT_JS=skip: skipping the TypeScript contract checks"; \
	elif command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory contract-js; \
	else \
		echo "npm not found: skipping the TypeScript contract checks (CI runs them)"; \
	fi
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: install
	$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --extra dev --strip-extras \
		--output-file requirements.lock pyproject.toml

# --- Frontend contract (frontend-contract/README.md) ---------------------------------------------
schema: install
	$(BIN)/python manage.py export_schema

# The example responses, made on a throwaway demo database and media directory (SQLite, dev settings),
# whatever the calling shell's DATABASE_URL, MEDIA_ROOT or cache say; the variables that change what
# the API returns are unset so that the examples show the defaults.
EXAMPLES_ENV := env -u REDIS_URL -u CMS_LANGUAGES -u GRAPHQL_PAGE_SIZE -u GRAPHQL_MAX_PAGE_SIZE \
	-u GRAPHQL_MAX_SEARCH_LENGTH -u MEDIA_URL -u FRONTEND_WEBHOOK_URLS -u WAGTAILADMIN_BASE_URL \
	DJANGO_SETTINGS_MODULE=cms.settings.dev DEMO_ADMIN_PASSWORD=examples-only

examples: install
	@tmp=$$(mktemp -d /tmp/cms-examples.XXXXXX) && trap 'rm -rf "$$tmp"' EXIT && \
	run() { $(EXAMPLES_ENV) DATABASE_URL="sqlite:///$$tmp/db.sqlite3" MEDIA_ROOT="$$tmp/media" $(BIN)/python manage.py "$$@"; } && \
	echo "Building a demo database in $$tmp" && \
	run migrate --no-input --verbosity 0 && \
	run load_demo --verbosity 0 >/dev/null && \
	run export_examples

# npm ci when node_modules is missing or older than the lock file, then generated-types freshness,
# tsc and GraphQL Inspector (frontend-contract/package.json, "check").
contract-js:
	@cd frontend-contract && \
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		echo "npm ci (frontend-contract)"; npm ci --loglevel=error; \
	fi
	cd frontend-contract && npm run --silent check

# The editor's guide's pictures (docs/img/*.png), retaken by the browser journeys in Debian's chromium.
screenshots: install
	$(BIN)/pytest tests/e2e -p no:cacheprovider --docs-screenshots docs/img

# The API under gunicorn with Redis, on SQLite and PostgreSQL at two sizes (README, docs/performance.md).
# e.g. make benchmark BENCHMARK_ARGS="--databases sqlite --sizes small"
benchmark: install
	$(BIN)/python -m benchmarks.run $(BENCHMARK_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts
