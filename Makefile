# Mobilise: `make run` to try it, `make test` to check it. Both set everything up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
PYTHON := .venv/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
MANAGE := $(PYTHON) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CSS_SOURCES := $(shell find mobilise/core/assets/scss -name '*.scss' 2>/dev/null)

.PHONY: help install run serve collectstatic test test-unit test-system test-postgres lint format migrate demo clean browser

help:
	@echo "make run      set up, then serve the demo on http://$(HOST):$(PORT)"
	@echo "make test     set up, then run every test (unit, views, browser journeys)"
	@echo "make install  set up only: .venv, Python and npm packages, static assets"
	@echo "make lint     ruff check and ruff format --check"
	@echo "make test-postgres  every test again on a throwaway PostgreSQL server"
	@echo "make serve    production settings under gunicorn (needs SECRET_KEY and ALLOWED_HOSTS)"

install: .venv/.installed node_modules/.installed build/static/.built

# uv is installed with pip when the machine does not have it.
.venv/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Our stylesheet compiled from the NHS.UK Sass, the design system's script and images, and
# the accessible autocomplete that turns a long select into a type-ahead.
build/static/.built: node_modules/.installed $(CSS_SOURCES)
	@mkdir -p build/static/css build/static/nhsuk
	npm run --silent build:css
	cp node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js* build/static/nhsuk/
	cp -r node_modules/nhsuk-frontend/dist/nhsuk/assets build/static/nhsuk/
	@mkdir -p build/static/autocomplete
	cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.* build/static/autocomplete/
	@touch $@

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo

run: demo
	@echo ""
	@echo "Mobilise is at http://$(HOST):$(PORT)/  (sign in with a demo account above)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

# Production-like serving: production settings, gunicorn, static files by whitenoise.
# Needs SECRET_KEY and ALLOWED_HOSTS (and DATABASE_URL for anything but a trial).
collectstatic: install
	DJANGO_SETTINGS_MODULE=mobilise.config.settings.production $(PYTHON) manage.py collectstatic --no-input -v0

serve: collectstatic
	DJANGO_SETTINGS_MODULE=mobilise.config.settings.production $(PYTHON) manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=mobilise.config.settings.production .venv/bin/gunicorn --config gunicorn.conf.py

# Chromium for the browser journeys: Debian's package (Playwright's own download is not used).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian's chromium package for the browser journeys"; \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)); \
	  else \
	    echo "The browser journeys need Chromium at /usr/bin/chromium."; \
	    echo "Install it with: sudo apt-get install chromium"; exit 1; \
	  fi; \
	fi

test: install browser
	$(PYTHON) -m pytest $(PYTEST_ARGS)

# The whole suite again on a throwaway PostgreSQL server (Debian's package).
test-postgres: install browser
	scripts/with-postgres.sh $(PYTHON) -m pytest $(PYTEST_ARGS)

test-unit: install
	$(PYTHON) -m pytest -m "not system" $(PYTEST_ARGS)

test-system: install browser
	$(PYTHON) -m pytest -m system $(PYTEST_ARGS)

lint: .venv/.installed
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

format: .venv/.installed
	$(PYTHON) -m ruff check --fix .
	$(PYTHON) -m ruff format .

clean:
	rm -rf .venv node_modules build var/staticfiles
