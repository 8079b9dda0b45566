SHELL := /bin/bash
# vnplan: `make demo` converts every sample into a plan; `make test` runs the tests.
# Both install what is missing first (Debian packages, the Swift build).

SWIFT ?= swift
APT_PACKAGES = pkg-config libxml2-dev libssl-dev libpoppler-glib-dev libtesseract-dev libleptonica-dev \
               tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils
OUT ?= out

.PHONY: demo test build release deps samples benchmark clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || pip install -q jsonschema

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	@mkdir -p $(OUT)
	@for f in samples/*.docx samples/*.txt; do \
	  [ -e "$$f" ] || continue; \
	  name=$$(basename "$$f"); name=$${name%.*}; \
	  .build/release/vnplan convert "$$f" -o "$(OUT)/$$name.json" && echo "$$f → $(OUT)/$$name.json"; \
	done

test: deps
	$(SWIFT) test

# Remakes samples/*.docx from scripts/make-samples.py (needs LibreOffice).
samples:
	python3 scripts/make-samples.py samples

benchmark: release
	.build/release/vnplan benchmark

clean:
	rm -rf .build $(OUT)
