# Everyday commands; README.md explains them.
#   make serve   install into .venv and preview the site on http://127.0.0.1:8000
#   make test    install, then run every test (unit, build, browser)
#   make build   strict build of the whole site into site/
#   make bench   time the build with and without the project's hooks

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Where the site will be published; see README.md.
export SITE_URL ?= http://127.0.0.1:8000/
# Material prints its end-of-life notice on every build; the README tracks it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench chromium clean

$(INSTALLED): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED)
	$(BIN)/mkdocs build --strict --clean

test: $(INSTALLED) chromium
	$(BIN)/python -m pytest

bench: $(INSTALLED)
	$(BIN)/python tools/bench.py

# The browser tests drive Debian's Chromium; Playwright never downloads a browser here.
chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium package for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

clean:
	rm -rf site $(VENV) .pytest_cache
