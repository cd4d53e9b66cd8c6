# The two commands a fresh machine needs: `make serve` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help install serve test build size e2e clean

help:
	@echo "make serve   install what is missing, build what ships, serve the demo on http://127.0.0.1:8080"
	@echo "make test    install what is missing, run every test layer and lint"
	@echo "make build   release build into target/site (what a coach uploads)"
	@echo "make size    gzipped size of the release build against its budget"
	@echo "make e2e     Playwright tests only, against the release build"
	@echo "make bench   benchmarks: the core natively, the widget against SurveyJS in Chromium"

install:
	@scripts/install-tools.sh

# What ships: the release build, split into parts, served as a host serves it (its .br and .gz
# copies to browsers that take them).
serve: install
	@scripts/build-release.sh
	@echo "Serving the demo page on http://127.0.0.1:8080 (Ctrl+C to stop)"
	@source scripts/env.sh && node tests/e2e/serve.mjs --root "$$SITE_DIR" --port 8080 --precompressed 1

test:
	@scripts/test.sh

build: install
	@scripts/build-release.sh

size: build
	@scripts/size-check.sh

e2e: build
	@source scripts/env.sh && cd tests/e2e && npx playwright test

clean:
	cargo clean
	rm -rf dist tests/e2e/test-results

.PHONY: schema examples
schema: ## regenerate schema/designed-alliance-v1.schema.json from the types
	UPDATE_SCHEMA=1 cargo test --test core the_committed_schema_matches_the_types

examples: ## regenerate the example files in examples/
	cargo test --test core write_examples -- --ignored

.PHONY: fuzz bench
fuzz: ## fuzz the JSON import for FUZZ_SECONDS (default 60)
	@scripts/fuzz.sh

bench: ## the core's round trip, then the widget against SurveyJS and a hand-written page
	@scripts/bench.sh
