#!/usr/bin/env bash
# The search benchmark, end to end (called by `make bench`; safe to run again and again):
# installs the Node tools if needed (npm ci), builds the engine to wasm three times (without
# search, with search, and with the synthetic corpus too), runs wasm-bindgen and wasm-opt -Oz
# as the app's build does, then bench.mjs prints `search.*: value` lines.
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen CLI 0.2.130 on PATH, Node >= 20.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/minisearch ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

want=0.2.130
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
if [ "$have" != "$want" ]; then
  echo "search bench: wasm-bindgen $want is needed on PATH (found: ${have:-none})" >&2
  exit 1
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/../../target/bench-search}"
out="$CARGO_TARGET_DIR/search-bench"
mkdir -p "$out"
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/aftercare_search_bench.wasm"

build() { # $1: output dir, then cargo flags
  local dir="$1"
  shift
  cargo build --quiet --release --target wasm32-unknown-unknown "$@" >&2
  wasm-bindgen --target nodejs --out-dir "$dir" "$wasm" >&2
  node_modules/.bin/wasm-opt -Oz "$dir/aftercare_search_bench_bg.wasm" \
    -o "$dir/aftercare_search_bench_bg.wasm" >&2
}

# Size: the module without search, and with search as the app uses it (the guide's index);
# timing: the full module (plus the synthetic 10,000-document corpus).
build "$out/without" --no-default-features
build "$out/with" --no-default-features --features search
build "$out/full"

node bench.mjs "$out/full" "$out/with/aftercare_search_bench_bg.wasm" \
  "$out/without/aftercare_search_bench_bg.wasm"
