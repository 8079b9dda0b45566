SHELL := /bin/bash
# vnplan: `make demo` converts every sample into a plan; `make test` runs the tests.
# Both install what is missing first (Debian packages, the Swift build).

SWIFT ?= swift
APT_PACKAGES = git pkg-config libxml2-dev zlib1g-dev libssl-dev libsqlite3-dev libpoppler-glib-dev libpoppler-private-dev libcairo2-dev libtesseract-dev libleptonica-dev \
               tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils chromium libxlsxwriter-dev git-lfs jq
OUT ?= out

.PHONY: demo test build release deps bench-deps samples benchmark fuzz clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@# The tests check plans with Python's jsonschema, read workflow YAML, and read the CSV
	@# and xlsx exports with DuckDB, pandas and openpyxl as an analyst would.
	@python3 -c 'import jsonschema, yaml, duckdb, pandas, openpyxl' 2>/dev/null || pip install -q jsonschema pyyaml duckdb pandas openpyxl 2>/dev/null \
	  || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq python3-jsonschema python3-yaml python3-pandas python3-openpyxl \
	       && pip install -q --break-system-packages duckdb; }

# The benchmarks compare with pandoc and render the seeds as DOCX with LibreOffice.
bench-deps:
	@command -v pandoc >/dev/null && command -v soffice >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq pandoc libreoffice-writer-nogui; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	@mkdir -p $(OUT)
	@# Each sample keeps its format in its plan's name: a DOCX, its PDF and its scans are twins.
	@for f in samples/*.docx samples/*.pdf samples/*.txt samples/*.png samples/scans/*.tif; do \
	  [ -e "$$f" ] || continue; \
	  name=$$(basename "$$f"); \
	  .build/release/vnplan convert "$$f" -o "$(OUT)/$$name.json" && echo "$$f → $(OUT)/$$name.json"; \
	done
	@# A page to read and check each PDF's plan: every task beside its row cut from the page.
	@for f in samples/*.pdf; do \
	  name=$$(basename "$$f"); \
	  .build/release/vnplan show "$$f" -o "$(OUT)/$$name.html" && echo "$$f → $(OUT)/$$name.html"; \
	done
	@# The samples' DOCX and PDF files in one repository (each document counted once), and its report.
	@rm -rf "$(OUT)/repository" && .build/release/vnplan init "$(OUT)/repository" >/dev/null \
	  && .build/release/vnplan ingest -q --repo "$(OUT)/repository" samples/*.docx samples/*.pdf >/dev/null \
	  && .build/release/vnplan index --repo "$(OUT)/repository" \
	  && .build/release/vnplan report --repo "$(OUT)/repository" --as-of 2025-09-01 -o "$(OUT)/report.html" \
	  && echo "samples → $(OUT)/repository, $(OUT)/report.html"

test: deps
	$(SWIFT) test

# Remakes samples/*.docx from scripts/make-samples.py (needs LibreOffice), and the sample scans
# (samples/scans/*.tif) from the sample PDFs with scripts/make-scans.py.
samples:
	python3 scripts/make-samples.py samples
	python3 scripts/make-scans.py samples samples/scans

benchmark: release bench-deps
	scripts/benchmark-docx.sh

# Mutation fuzzing (scripts/fuzz.py): FUZZ_N mutants per format of every sample, each converted
# under a time limit and a memory cap; prints the tally. Inputs that crash, hang or blow up are
# copied into the regression corpus, Tests/Corpus/robustness. Exit 1 if any did.
FUZZ_N ?= 300
FUZZ_SEED ?= 1
fuzz: release
	python3 scripts/fuzz.py --per-format $(FUZZ_N) --seed $(FUZZ_SEED) --corpus Tests/Corpus/robustness

clean:
	rm -rf .build $(OUT)
