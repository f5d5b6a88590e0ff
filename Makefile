# The two commands a new machine needs: `make run` and `make test`.
# Each creates .venv when missing and (re)installs only when pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
XVFB := xvfb-run -a -s "-screen 0 1600x1000x24"

.PHONY: run test lint typecheck screenshots bench package install-desktop icons test-packaging clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m prepdesk

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not packaging" $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

screenshots: $(STAMP)
	$(XVFB) $(PY) -m prepdesk.ui.screenshots docs/screenshots

# The packaged one-folder build in dist/prepdesk/ (PyInstaller, from the `package` extra).
package: $(VENV)/.package-stamp
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/prepdesk.spec
	@echo "built dist/prepdesk/prepdesk"

$(VENV)/.package-stamp: pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,package]'
	touch $@

# Launcher, icons and AppStream metainfo into ~/.local/share (application menu).
install-desktop: $(STAMP)
	sh packaging/install-desktop.sh

# Re-render the PNG icon sizes from resources/icons/prepdesk.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/render_icons.py

# The packaging tests: build the frozen app and start it (minutes; run by .ci/run).
test-packaging: $(VENV)/.package-stamp
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m packaging $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
