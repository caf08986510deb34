# Two commands do everything on a fresh Debian machine with Python 3.11, make and git:
#   make book   build the book into _build/html (re-executing only stale notebooks first)
#   make test   run everything CI runs (what .ci/run calls)
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_STAMP := $(VENV)/.installed-lab
UV ?= $(BIN)/uv
AXE := node_modules/axe-core/axe.min.js
PYTEST_NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: book test execute validate translations env system-deps lab-wheels lock lab serve linkcheck bench clean

book: $(STAMP)
	$(BIN)/factcheck book
	@echo "Book built: open _build/html/index.html (or: make serve)"

# Everything CI runs, with no network (tests/offline.sh): the installs above are the only downloads.
test: $(STAMP) system-deps $(AXE) lab-wheels
	tests/offline.sh $(BIN)/factcheck book --check
	tests/offline.sh $(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_NBVAL) -p no:randomly

execute: $(STAMP)
	$(BIN)/factcheck execute $(if $(FORCE),--force,)

validate: $(STAMP)
	$(BIN)/factcheck validate

# After an English edit: the French catalogs (locales/fr) get the new messages, and edited ones turn fuzzy.
translations: $(STAMP)
	$(BIN)/factcheck translations

env: $(STAMP)

# The virtual environment, synced by uv to requirements.lock when it or the package metadata change:
# `uv pip sync --require-hashes` installs exactly the lock, every hash checked, and removes the rest.
# The lock stays a hashed requirements file rather than a uv.lock: every notebook's freshness hashes it
# (factcheck.pipeline.execute), and pip can still install it. A new venv first gets uv from pip, from
# requirements-bootstrap.lock (uv alone, hashed, at the lock's version; measured faster than a separate
# tools venv); uv is in the lock too, so syncs keep it. (Tests that run `make` in a copy of the project
# pass `-o $(STAMP)` so they never reinstall the shared venv; tests/test_lab.py builds a new one, offline,
# with the shared venv's uv: UV=.venv/bin/uv.)
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (set PYTHON=...)")'
	@test -x $(UV) || $(PYTHON) -c 'import ensurepip' 2>/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; }
	test -x $(UV) || { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock; }
	test -x $(BIN)/python || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(BIN)/python --require-hashes requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	touch $@

# JupyterLab for `make lab` only: requirements-lab.lock is requirements.lock (same versions) plus what
# only JupyterLab needs; uv adds what is missing (--no-deps: the lock is complete, as for a sync). A sync
# of the book's lock removes it again.
$(LAB_STAMP): requirements-lab.lock $(STAMP)
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes --no-deps -r requirements-lab.lock
	touch $@

# tests/test_lab.py runs `make lab` into a new venv with no network, so the lab lock's wheels must be in
# uv's cache: an offline dry run tells whether any is missing, and only then are they fetched (uv has no
# download-only command: they go to a throwaway directory, never into .venv).
lab-wheels: $(STAMP)
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	args=(--python $(BIN)/python --require-hashes --no-deps --target "$$tmp" -r requirements-lab.lock); \
	if ! plan="$$($(UV) pip install --dry-run --offline "$${args[@]}" 2>&1)" || grep -q "Would download" <<<"$$plan"; then \
	  echo "Fetching the wheels of requirements-lab.lock into uv's cache (for tests/test_lab.py)"; \
	  $(UV) pip install --quiet "$${args[@]}"; \
	fi

# Browser tests need Debian's Chromium; the no-network tests need unshare and ip. Install what is
# missing (as root, with apt-get); never skip those tests.
SYSTEM_TOOLS := chromium:chromium unshare:util-linux ip:iproute2 npm:npm
system-deps:
	@missing="$$(for t in $(SYSTEM_TOOLS); do command -v $${t%%:*} >/dev/null || echo $${t#*:}; done)"; \
	if [ -n "$$missing" ]; then \
	  [ "$$(id -u)" = 0 ] || { echo "missing: $$missing; install them as root with apt-get" >&2; exit 1; }; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# axe-core for the accessibility audit in the browser tests, pinned with its integrity hash.
$(AXE): package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Re-pin every package, with hashes, after editing requirements.in or requirements-lab.in: uv pip compile
# (about 3 s; no pip-tools in the venv) keeps each pin unless an edit needs a change (LOCK_ARGS=--upgrade
# re-pins all); the lab and bootstrap locks follow requirements.lock.
lock: $(STAMP)
	for lock in requirements requirements-lab requirements-bootstrap; do \
	  $(UV) pip compile --quiet --generate-hashes --strip-extras --python $(BIN)/python \
	    --custom-compile-command "make lock" $(LOCK_ARGS) -o $$lock.lock $$lock.in; \
	done

# The fact-checker's workspace: JupyterLab on the project, with the book's environment and kernel.
lab: $(LAB_STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root,) $(LAB_ARGS)

serve:
	$(PYTHON) -m http.server --directory _build/html 8000

linkcheck: $(STAMP)
	$(BIN)/jupyter-book build . --builder linkcheck

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --full-test

clean:
	rm -rf _build
