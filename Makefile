# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck format bench check-render clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/interview --sessions-dir ./sessions

lint: $(STAMP)
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --check --no-cache .

# mypy, not pyright: a pure pip install (pyright's PyPI wrapper downloads Node at first run).
typecheck: $(STAMP)
	$(BIN)/mypy

# Bytecode is written during the run even where PYTHONDONTWRITEBYTECODE is set: pytest then
# caches its assertion rewrites, and the app processes the tests start reuse compiled modules.
# mypy (≈6 s from a clean clone, where it has no cache) runs beside the tests rather than
# before them, at a lower priority (on two cores it then takes the time the test workers leave
# idle: make test 93 s → 87 s wall); its report is printed after theirs, and either failing
# fails the target.
test: lint
	@log=$$(mktemp); \
	nice -n 10 $(BIN)/mypy >"$$log" 2>&1 & typecheck=$$!; \
	echo "PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist worksteal  (mypy beside it)"; \
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist worksteal; tests=$$?; \
	wait $$typecheck; types=$$?; \
	echo "$(BIN)/mypy"; cat "$$log"; rm -f "$$log"; \
	test $$tests -eq 0 && test $$types -eq 0

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# As installed, the app's modules load from bytecode (pip and the first run write it), as
# Textual's do for the bare baseline: so the benches run with bytecode writing on too.
bench: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m benchmarks

# Render the demo workbooks with LibreOffice (headless) and check rows, pages and print size.
# Needs libreoffice-calc and poppler-utils; says so and passes when they are missing.
check-render: $(STAMP)
	$(BIN)/python tools/check_render.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
