# Two commands a newcomer needs: `make run` and `make test`. Everything else here serves those two.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_PACKAGE := $(VENV)/.installed-package

.PHONY: run test lint typecheck contracts pytest bench package system-check clean

run: $(STAMP_RUN) system-check
	$(BIN)/canvas

test: $(STAMP_TEST) system-check lint typecheck contracts pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

contracts: $(STAMP_TEST)
	$(BIN)/lint-imports

pytest: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

package: $(STAMP_PACKAGE) system-check
	$(BIN)/python packaging/build.py

system-check:
	@sh packaging/system-deps.sh --check

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Sensemaking Canvas needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_RUN)

$(STAMP_PACKAGE): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	@touch $@ $(STAMP_RUN)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
