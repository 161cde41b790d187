#!/usr/bin/env bash
# Prints the project's figures as `name: value` lines (see the issues for their meaning).
# Builds the release first; each figure comes from the script that owns it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

trunk build --release >/dev/null 2>&1 || { echo "bench: release build failed (run make dist)" >&2; exit 1; }

# What the wasm weighs on its own (first-load totals come from first-load-bench.mjs).
for f in dist/*.wasm; do
  raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c)
  echo "bundle.wasm_kb: $(awk -v b="$raw" 'BEGIN { printf "%.1f", b / 1024 }')"
  echo "bundle.wasm_gzip_kb: $(awk -v b="$gz" 'BEGIN { printf "%.1f", b / 1024 }')"
done

bash bench/search/run.sh
for script in tests/e2e/first-load-bench.mjs tests/e2e/lighthouse-bench.mjs \
  tests/e2e/journal-bench.mjs tests/e2e/pwa-bench.mjs; do
  [ -f "$script" ] && node "$script"
done
