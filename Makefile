# Everyday commands. `make run` and `make test` are the two set-up commands in the README:
# each creates its own virtual environment in .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test test-fast lint format index status eval tydi bench corpus chromium clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Pori-neuvoja needs Python 3.11; set PYTHON=/path/to/python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PIP) install --quiet -e '.[test]'
	touch $(TEST_STAMP)

## run: install, build the index on the demo corpus if there is none, start the app on 127.0.0.1:7860
run: $(STAMP)
	$(PY) app.py

## test: install test dependencies and Chromium, then run the whole suite
test: $(TEST_STAMP) chromium
	$(PY) -m pytest

test-fast: $(TEST_STAMP)
	$(PY) -m pytest -m "not integration and not browser"

chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium puuttuu: asenna se (sudo apt-get install chromium), muuten selaintestit ohitetaan."; fi

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

index: $(STAMP)
	$(PY) -m ingest build

status: $(STAMP)
	$(PY) -m ingest status

eval: $(STAMP)
	$(PY) -m eval run

tydi: $(STAMP)
	$(PY) -m eval tydi --file ../shared/benchmarks/tydiqa_goldp_v1.1_dev_finnish.json

bench: $(STAMP)
	$(PY) -m eval.bench_ingest

corpus: $(TEST_STAMP)
	$(PY) corpus/build_corpus.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
