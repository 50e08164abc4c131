# Two commands on a fresh machine with Python 3.11 and make: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test serve validate bench clean

$(STAMP): pyproject.toml constraints.txt package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	npm ci --no-audit --no-fund  # axe-core for the accessibility tests (package-lock.json pins it)
	touch $(STAMP)

site: $(STAMP)  ## build the site into site/ (swapped in only when the build succeeds)
	$(PY) scripts/build.py

test: $(STAMP)  ## run the test suite
	$(PY) -m pytest

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000, rebuilt when practices/, docs/ or hooks/ change
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

validate: $(STAMP)  ## check the practices only
	$(PY) scripts/validate.py

SIZES ?= 100,1000

bench: $(STAMP)  ## time the full site against plain Material; e.g. make bench SIZES=100,1000,5000
	$(PY) scripts/bench.py --sizes $(SIZES)

clean:  ## remove the built site, the virtual environment and caches
	rm -rf site .site.new-* .site.old $(VENV) node_modules .pytest_cache tests/artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
