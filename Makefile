# Malang Heritage. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)
PGDATA ?= $(CURDIR)/.pgdata
PGPORT ?= 54329

.PHONY: help run install test lint check unit browser test-postgres test-stack stack stack-down chromium migrate seed backup restore clean audit

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP) ## Create .venv and install the project with its test tools

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Load the bundled Malang content (idempotent)
	$(MANAGE) seed_malang

run: seed ## Install, migrate, load Malang content and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) ensure_local_admin
	$(MANAGE) collectstatic --noinput --verbosity 0
	@echo ""
	@echo "  Malang Heritage:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin:            http://127.0.0.1:$(PORT)/admin/   (local account: admin / malang-heritage)"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install ## ruff, djhtml and the import contract (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	PYTHONPATH=.:site $(BIN)/lint-imports

check: install ## Django system checks and migrations up to date
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	SECRET_KEY=$$(head -c 64 /dev/urandom | base64 | tr -d '\n/+=' | head -c 60) ALLOWED_HOSTS=heritage.example.id \
	  DATABASE_URL=sqlite:///$$(mktemp -u).sqlite3 QR_BASE_URL=https://heritage.example.id \
	  EMAIL_URL='smtp://heritage:not-a-password@smtp.example.id:587?tls' DEFAULT_FROM_EMAIL=noreply@heritage.example.id \
	  DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) check --deploy --fail-level WARNING

# One pytest worker per core, each test file kept on one worker (its shared seeds stay shared).
XDIST ?= -n $(shell nproc 2>/dev/null || echo 2) --dist loadfile

unit: install ## The pytest suite without the browser tests, in parallel (XDIST= to run it in one process)
	$(BIN)/pytest -m "not browser and not stack" -q $(XDIST)

chromium: ## Install Debian's chromium for the browser tests when missing
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium missing and cannot be installed"; }

browser: install chromium ## Browser tests (Playwright + Debian chromium), a separate pytest process
	$(BIN)/pytest -m browser -q -p no:cacheprovider

test: lint check unit browser ## Install test tools, lint, checks and the whole suite

# Lighthouse and the Nu HTML Checker (npm packages), installed on first use into a folder git ignores.
AUDIT_CACHE ?= $(CURDIR)/.cache/audit
AUDIT_TOOLS := $(AUDIT_CACHE)/node_modules/lighthouse/cli/index.js $(AUDIT_CACHE)/node_modules/vnu-jar/build/dist/vnu.jar

$(AUDIT_TOOLS) &:
	npm install --prefix $(AUDIT_CACHE) --no-audit --no-fund --loglevel=error lighthouse vnu-jar

audit: install chromium $(AUDIT_TOOLS) ## Lighthouse (mobile) and the Nu checker on every page type, id and en (AUDIT_URL= a running site)
	$(BIN)/python bench/audit.py --cache $(AUDIT_CACHE) $(if $(AUDIT_URL),--url $(AUDIT_URL))

test-postgres: install ## The same suite against a real PostgreSQL server (installed and started if needed)
	bash .ci/postgres.sh $(PGDATA) $(PGPORT)
	DATABASE_URL=postgres://postgres@127.0.0.1:$(PGPORT)/malang_heritage $(BIN)/pytest -m "not browser and not stack" -q -p no:cacheprovider $(XDIST)

stack: install ## The deployment stack on 127.0.0.1:STACK_PORT (8080): PostgreSQL, Redis, 2 gunicorn app servers, Varnish
	bash deploy/stack.sh up

stack-down: ## Stop the deployment stack (its data stays in .stack/)
	bash deploy/stack.sh down

test-stack: install chromium ## Start the stack, test it as visitors and editors use it, stop it (even on failure)
	bash deploy/stack.sh up
	$(BIN)/pytest -m stack tests/stack -q -p no:cacheprovider; status=$$?; bash deploy/stack.sh down; exit $$status

backup: install ## Write the database and media files to backups/malang-heritage-<UTC time>.tar.gz
	$(MANAGE) backup_site

restore: install ## Restore BACKUP=backups/<file>.tar.gz into DATABASE_URL and MEDIA_ROOT (FORCE=1 replaces a site)
	@test -n "$(BACKUP)" || { echo "Name the archive: make restore BACKUP=backups/malang-heritage-<time>.tar.gz [FORCE=1]" >&2; exit 2; }
	$(MANAGE) restore_site "$(BACKUP)" $(if $(filter 1 yes true,$(FORCE)),--force)

clean: ## Remove the virtualenv, database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles media .pgdata
