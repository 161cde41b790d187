#!/usr/bin/env bash
# Prints the project's figures as `name: value` lines (see the issues for their meaning).
# Builds the release first; each figure comes from the script that owns it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

trunk build --release >/dev/null 2>&1 || { echo "bench: release build failed (run make dist)" >&2; exit 1; }

# What the release build weighs (the files a first visit to the home page needs).
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c)
  case "$f" in
    *.wasm) echo "bundle.wasm_kb: $(awk -v b="$raw" 'BEGIN { printf "%.1f", b / 1024 }')"
            echo "bundle.wasm_gzip_kb: $(awk -v b="$gz" 'BEGIN { printf "%.1f", b / 1024 }')" ;;
  esac
  total=$(( ${total:-0} + gz ))
done
echo "bundle.gzip_kb: $(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }')"

bash bench/search/run.sh
for script in tests/e2e/journal-bench.mjs tests/e2e/pwa-bench.mjs; do
  [ -f "$script" ] && node "$script"
done
