# jixiao — the two set-up commands are `make run` and `make test`; everything else is for developers.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
OUT ?= out
SEED := examples/wanzai-2021/dossier.yaml

.PHONY: run test install system check lint typecheck contracts golden bench eval-import clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

system:
	bash scripts/install-system.sh

## make run: install, then the main job on the seed department
run: install
	bash scripts/run.sh

## make test: install (Python and system packages), then every test
test: install system
	bash scripts/test.sh

check: install lint typecheck contracts
	$(PY) -m pytest -q -m "not browser and not postgres"

lint: install
	$(VENV)/bin/ruff check jixiao tests
	$(VENV)/bin/ruff format --check jixiao tests

typecheck: install
	$(VENV)/bin/mypy jixiao/core

contracts: install
	$(VENV)/bin/lint-imports

## make golden: regenerate golden files and show what changed
golden: install
	JIXIAO_REGENERATE_GOLDEN=1 $(PY) -m pytest -q -k golden tests
	git --no-pager diff --stat -- tests/golden
	git --no-pager diff -- tests/golden

bench: install system
	$(PY) -m benchmarks.run

eval-import: install
	$(PY) -m benchmarks.eval_import
	$(PY) -m benchmarks.form_combinations

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
