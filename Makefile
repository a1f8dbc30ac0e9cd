# Quick start: `make build` (default edition into build/) and `make test`.
# Both set up what is missing: Debian packages (fonts, qpdf, poppler-utils, Java, Chromium, Node.js), DAISY Ace
# (tools/ace), the virtualenv, the package.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ACE := tools/ace/node_modules/.installed
YAMLLS := tools/yaml-language-server/node_modules/.installed
TEI_SCHEMA := tools/tei/tei_all.rng
EDITION ?= source/revolution-betrayed
# `make build` builds every edition here (sorted, each once); `make check` checks EDITION.
EDITIONS ?= $(sort $(EDITION) source/gettysburg)

.PHONY: build test check lint bench setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup-system $(ACE) $(YAMLLS)
	./scripts/setup-system
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

# DAISY Ace from the npm registry, without the Electron and browser downloads: it runs the system's chromium.
$(ACE): tools/ace/package.json tools/ace/package-lock.json scripts/setup-system
	./scripts/setup-system
	cd tools/ace && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
		npm ci --no-audit --no-fund --loglevel=error >/dev/null
	touch $@

# The YAML language server editors use, to test the schemas as an editor reads them (tests/test_editor_lsp.py).
$(YAMLLS): tools/yaml-language-server/package.json tools/yaml-language-server/package-lock.json scripts/setup-system
	./scripts/setup-system
	cd tools/yaml-language-server && npm ci --no-audit --no-fund --loglevel=error >/dev/null
	touch $@

# The TEI's RELAX NG schema, to validate the TEI output in the tests (tests/writers/tei).
$(TEI_SCHEMA): tools/tei/fetch-schema $(STAMP)
	PIP=$(BIN)/pip tools/tei/fetch-schema

build: $(STAMP)
	for edition in $(EDITIONS); do $(BIN)/edition build $$edition || exit 1; done

check: $(STAMP)
	$(BIN)/edition check --strict $(EDITION)

test: $(STAMP) $(TEI_SCHEMA)
	$(BIN)/ruff check edition tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[bench]'
	$(BIN)/python bench/check.py

clean:
	rm -rf build/*.pdf build/*.epub build/*.html build/*-print.css build/*-pages.json build/*-web build/*-preview
