# Aftercare: the README's commands. Every target installs what it needs first (idempotent).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080
# The path the site is served under when deployed (GitHub Pages: /<repo>/). Only 404.html
# needs it; every other page finds its base relatively.
PUBLIC_URL ?= /
export PUBLIC_URL

.PHONY: setup dist serve test bench lint clean

## setup: install whatever is missing (Rust target, Trunk, wasm-bindgen, Chromium, Firefox, WebKit, npm tools)
setup:
	@scripts/setup.sh

## dist: build the release site into dist/
dist: setup
	trunk build --release

## serve: build, then serve dist/ on localhost and print the URL
serve: dist
	cargo run --quiet --release -p xtask -- serve --dir dist --port $(PORT)

## test: every suite (lints, native tests, browser tests, budgets); ends with "N passed, N failed"
test: setup
	@scripts/test.sh

## bench: print figures as `name: value` lines
bench: setup
	@scripts/bench.sh

## lint: formatting, clippy for host and wasm32, and no declared-but-unused dependency
lint: setup
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p aftercare -p aftercare-shell --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo test --quiet -p xtask --test dependencies

clean:
	rm -rf dist target
