PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

BROWSER := tests/browser
BROWSER_STAMP := $(BROWSER)/node_modules/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: demo test install browser screenshots clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

# The browser test drives Debian's Chromium through playwright-core (pinned in
# tests/browser/package-lock.json); nothing downloads a browser of its own.
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "the browser test needs Debian's chromium at $(CHROMIUM)"; exit 1; }
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(BROWSER_STAMP): $(BROWSER)/package.json $(BROWSER)/package-lock.json
	cd $(BROWSER) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser: $(CHROMIUM) $(BROWSER_STAMP)

demo: $(STAMP)
	rm -f dateline.duckdb
	$(BIN)/dateline ingest examples/corpus
	$(BIN)/dateline timeline
	$(BIN)/dateline stats

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The browser test alone; its screenshots land in build/screenshots/.
screenshots: $(STAMP) browser
	$(BIN)/python -m pytest tests/web/test_browser.py -q
	@ls build/screenshots/*.png

clean:
	rm -rf $(VENV) dateline.duckdb $(BROWSER)/node_modules build
