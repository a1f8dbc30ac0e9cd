# Quick start: `make build` (default edition into build/) and `make test`.
# Both set up what is missing: Debian packages (fonts, qpdf, poppler-utils, Java), the virtualenv, the package.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EDITION ?= source/revolution-betrayed

.PHONY: build test check lint bench setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup-system
	./scripts/setup-system
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

build: $(STAMP)
	$(BIN)/edition build $(EDITION)

check: $(STAMP)
	$(BIN)/edition check --strict $(EDITION)

test: $(STAMP)
	$(BIN)/ruff check edition tests bench
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[bench]'
	$(BIN)/python bench/check.py

clean:
	rm -rf build/*.pdf build/*.epub build/*.html build/*-print.css build/*-pages.json
