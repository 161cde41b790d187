#!/usr/bin/env bash
# Prints the project's figures as `name: value` lines (see the issues for their meaning).
# Builds the release into dist/ first, unless DIST names a build folder to measure instead
# (DIST=/tmp/dist-x scripts/bench.sh); each figure comes from the script that owns it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if [ -z "${DIST:-}" ]; then
  trunk build --release >/dev/null 2>&1 || { echo "bench: release build failed (run make dist)" >&2; exit 1; }
  DIST=dist
fi
export DIST

# What each bundle's wasm weighs on its own (first-load totals come from first-load-bench.mjs):
# bundle.<name>_wasm_kb and _gzip_kb (gzip -9) for every dist/<name>-<hash>_bg.wasm, then the
# largest gzip of any wasm in the build (the issue's goal: at most 160 KB).
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
for f in "$DIST"/*_bg.wasm; do
  [ -f "$f" ] || continue
  base=$(basename "$f")
  name="bundle.$(printf '%s' "${base%%-*}" | tr -c 'A-Za-z0-9_' '_')_wasm"
  echo "$name""_kb: $(kb "$(wc -c < "$f")")"
  echo "$name""_gzip_kb: $(kb "$(gzip -9c "$f" | wc -c)")"
done
largest=0
while IFS= read -r -d '' f; do
  size=$(gzip -9c "$f" | wc -c)
  if [ "$size" -gt "$largest" ]; then largest=$size; fi
done < <(find "$DIST" -name '*.wasm' -print0)
echo "bundle.largest_wasm_gzip_kb: $(kb "$largest")"

# Red flags first: the share of the table's red-flag phrasings whose card comes first, and of
# its everyday questions that show a card (core/tests/data/red-flag-queries.tsv).
cargo run --quiet --release -p aftercare-core --example safety

bash bench/search/run.sh
for script in tests/e2e/first-load-bench.mjs tests/e2e/search-cold-bench.mjs \
  tests/e2e/lighthouse-bench.mjs tests/e2e/journal-bench.mjs tests/e2e/journal-open-bench.mjs \
  tests/e2e/pwa-bench.mjs; do
  [ -f "$script" ] && node "$script"
done
