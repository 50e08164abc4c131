# Two commands on a fresh machine with Python 3.11 and make: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site pdf test serve validate new generate bench clean

$(STAMP): pyproject.toml constraints.txt package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	npm ci --no-audit --no-fund --ignore-scripts  # axe-core, vnu-jar (pinned); no scripts: vnu-jar's would fetch a Java
	touch $(STAMP)

site: $(STAMP)  ## build the site into site/ with every PDF (laid out from the catalogue the build checks) and an offline zip, swapped in only when all succeeds
	$(PY) scripts/build.py --pdfs --zip build/good-practices-site.zip
	mv build/good-practices-site.zip site/downloads/good-practices-site.zip

pdf: $(STAMP)  ## the catalogue, every theme and every partner as PDFs in site/downloads/ (no site build needed)
	$(PY) scripts/export_pdf.py --all

test: $(STAMP)  ## run the test suite
	$(PY) -m compileall -q hooks  # bytecode for the many builds the tests run, even where Python writes none
	$(PY) -m pytest

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000/good-practices/ (the site_url path), rebuilt when practices/, docs/ or hooks/ change
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

validate: $(STAMP)  ## check the practices only
	$(PY) scripts/validate.py

new: $(STAMP)  ## start a new practice: asks for title, theme, partner and summary; writes practices/<id>.md
	$(PY) scripts/new_practice.py $(ARGS)

generate: $(STAMP)  ## rewrite the generated files (JSON Schema, issue form, template, CONTRIBUTING.md, countries, map outlines)
	$(PY) scripts/generate.py

SIZES ?= 100,1000

bench: $(STAMP)  ## time the full site against plain Material; e.g. make bench SIZES=100,1000,5000
	$(PY) scripts/bench.py --sizes $(SIZES)

clean:  ## remove the built site, the virtual environment and caches
	rm -rf site .site.new-* .site.old build $(VENV) node_modules .pytest_cache tests/artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
