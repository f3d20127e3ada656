PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f dateline.duckdb
	$(BIN)/dateline ingest examples/corpus
	$(BIN)/dateline timeline
	$(BIN)/dateline stats

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) dateline.duckdb
