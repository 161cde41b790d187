#!/usr/bin/env bash
# Prints the project's figures as `name: value` lines (see the issues for their meaning).
# Builds the release first; each figure comes from the script that owns it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

trunk build --release >/dev/null 2>&1 || { echo "bench: release build failed (run make dist)" >&2; exit 1; }

# What each bundle's wasm weighs on its own (first-load totals come from first-load-bench.mjs):
# the whole app (search, check, journal) and the reader that static pages load first.
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
for f in dist/*_bg.wasm; do
  case "$(basename "$f")" in reader-*) name=bundle.reader_wasm ;; *) name=bundle.wasm ;; esac
  echo "$name""_kb: $(kb "$(wc -c < "$f")")"
  echo "$name""_gzip_kb: $(kb "$(gzip -9c "$f" | wc -c)")"
done

# Red flags first: the share of the table's red-flag phrasings whose card comes first, and of
# its everyday questions that show a card (core/tests/data/red-flag-queries.tsv).
cargo run --quiet --release -p aftercare-core --example safety

bash bench/search/run.sh
for script in tests/e2e/first-load-bench.mjs tests/e2e/lighthouse-bench.mjs \
  tests/e2e/journal-bench.mjs tests/e2e/pwa-bench.mjs; do
  [ -f "$script" ] && node "$script"
done
