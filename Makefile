# Everyday commands; README.md explains them.
#   make serve                 install into .venv and preview the site on http://127.0.0.1:8000
#   make serve LANG=da         preview English and one language only (fast rebuilds for translators)
#   make test                  install, then run every test (unit, build, browser)
#   make build                 the whole site into site/: every language, handouts, offline copy
#   make handouts              only the PDF handouts (into .cache/handouts/, copied by every build)
#   make offline               only the offline copy (site/downloads/...-offline.zip)
#   make bench                 measure the performance budget (ARGS=--readme: also into README.md)
#   make translations          what is translated, missing and outdated (STRICT=1: fail if any)
#   make translations DIFF=1   what changed in the English of outdated translations [LANG=da] [FILE=...] [KEY=...]
#   make qa                    quality checks of the translations [LANG=da] (STRICT=1: fail if any finding)
#   make translated FILE=...   mark a translation as checked against the current English [KEY=...]

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
LIGHTHOUSE_INSTALLED := tools/lighthouse/node_modules/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Where the site will be published; see README.md.
export SITE_URL ?= http://127.0.0.1:8000/
# Material prints its end-of-life notice on every build; the README tracks it.
export NO_MKDOCS_2_WARNING := 1

# The site's translations. LANG is also the locale variable of every shell, so only a
# LANG given on the command line (make serve LANG=da) selects a language.
TRANSLATIONS := da lt sv no et
ifeq ($(origin LANG),command line)
  ifeq ($(filter $(LANG),$(TRANSLATIONS)),)
    $(error LANG=$(LANG) is not one of the site's translations: $(TRANSLATIONS))
  endif
  # static-i18n builds only English and $(LANG): see mkdocs.yml.
  PREVIEW := $(foreach code,$(filter-out $(LANG),$(TRANSLATIONS)),PEERGUIDE_BUILD_$(shell echo $(code) | tr a-z A-Z)=false)
endif

# Debian packages: Chromium for the browser tests; Pango and a font with every letter of
# the six languages for the PDF handouts (WeasyPrint).
DEBIAN_PACKAGES := chromium fonts-liberation libpango-1.0-0 libpangoft2-1.0-0

.PHONY: serve build handouts offline test bench system-packages clean translations translated qa

$(INSTALLED): requirements.txt $(NODE_INSTALLED)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# npm packages the build reads (package.json): the map's country shapes.
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

serve: $(INSTALLED)
	$(PREVIEW) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED) system-packages
	$(BIN)/python tools/handouts.py
	$(BIN)/python tools/offline.py
	$(BIN)/mkdocs build --strict --clean

handouts: $(INSTALLED) system-packages
	$(BIN)/python tools/handouts.py

offline: $(INSTALLED)
	$(BIN)/python tools/offline.py
	@if [ -d site ]; then mkdir -p site/downloads && cp "$${PEERGUIDE_CACHE:-.cache}"/downloads/*.zip site/downloads/; fi

test: $(INSTALLED) system-packages
	$(BIN)/python -m pytest

# Lighthouse for `make bench` only (tools/lighthouse/package.json says why 12.x).
$(LIGHTHOUSE_INSTALLED): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

bench: $(INSTALLED) $(LIGHTHOUSE_INSTALLED) system-packages
	$(BIN)/python tools/bench.py $(ARGS)

# Only a LANG given on the command line counts (see PREVIEW above).
ONE_LANG := $(if $(filter command line,$(origin LANG)),--lang $(LANG))

translations: $(INSTALLED)
ifdef DIFF
	$(BIN)/python tools/translations.py diff $(ONE_LANG) $(if $(FILE),"$(FILE)") $(if $(KEY),--key "$(KEY)")
else
	$(BIN)/python tools/translations.py status $(ONE_LANG) $(if $(STRICT),--strict)
endif

qa: $(INSTALLED)
	$(BIN)/python tools/translations.py qa $(ONE_LANG) $(if $(STRICT),--strict)

translated: $(INSTALLED)
	@test -n "$(FILE)" || { echo "Usage: make translated FILE=docs/<lang>/<page>.md | docs/<lang>/data/<file>.yml [KEY=<key>]"; exit 2; }
	$(BIN)/python tools/translations.py mark "$(FILE)" $(if $(KEY),--key "$(KEY)")

# The browser tests drive Debian's Chromium; Playwright never downloads a browser here.
system-packages:
	@missing="$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf site .cache $(VENV) node_modules tools/lighthouse/node_modules .pytest_cache
