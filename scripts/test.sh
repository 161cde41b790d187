#!/usr/bin/env bash
# Runs every suite and ends with one line totalling them all: "N passed, N failed".
# Each suite's own output is shown as it runs; a suite that cannot run counts as failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

passed=0
failed=0
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

# A check that is one test: it passes or fails as a whole.
check() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

# A suite of node's test runner: each of its tests counts.
node_suite() {
  local name=$1 dir=$2 out
  out="$log/$(basename "$dir")"
  echo "== $name"
  node --test --test-concurrency=1 --test-reporter=spec "$dir" 2>&1 | tee "$out"
  local status=${PIPESTATUS[0]} p f
  p=$(grep -E '^ℹ pass ' "$out" | awk '{print $3}' | tail -1)
  f=$(grep -E '^ℹ fail ' "$out" | awk '{print $3}' | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); echo "FAILED: $name did not finish"; fi
}

check "cargo fmt --check" cargo fmt --all --check
check "clippy (host)" cargo clippy --workspace --all-targets --quiet -- -D warnings
check "clippy (wasm32)" cargo clippy -p aftercare -p aftercare-shell --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

echo "== cargo test (native)"
cargo test --workspace --quiet 2>&1 | tee "$log/cargo"
cargo_status=${PIPESTATUS[0]}
p=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i == "passed;") s += $(i - 1) } END { print s + 0 }' "$log/cargo")
f=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i == "failed;") s += $(i - 1) } END { print s + 0 }' "$log/cargo")
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
if [ "$cargo_status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); echo "FAILED: cargo test did not finish"; fi

# The public copy, without a clinic even where content/clinic.toml exists: the main browser
# tests expect it. (`make dist` builds a practice's copy with its file.)
echo "== release build (AFTERCARE_CLINIC=none trunk build --release)"
if AFTERCARE_CLINIC=none trunk build --release 2>&1 | tail -n 5; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  passed=$((passed + 1))
  node_suite "browser tests (Playwright in Chromium)" tests/e2e/
  node_suite "smoke tests in Firefox and WebKit (WebDriver)" tests/webdriver/
else
  failed=$((failed + 1)); echo "FAILED: release build (browser tests not run)"
fi

# A clinic's copy: the same site built with the sample clinic file, in a folder of its own,
# and the browser tests of everything a clinic adds (tests/clinic/, outside tests/e2e/ so
# the run above never picks them up).
echo "== release build with the sample clinic (AFTERCARE_CLINIC=tests/fixtures/clinic.toml)"
clinic_dist="$log/dist-clinic"
if AFTERCARE_CLINIC=tests/fixtures/clinic.toml trunk build --release --dist "$clinic_dist" 2>&1 | tail -n 5; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  passed=$((passed + 1))
  echo "== browser tests of the clinic's copy"
  DIST="$clinic_dist" node --test --test-concurrency=1 --test-reporter=spec tests/clinic/ 2>&1 | tee "$log/clinic"
  clinic_status=${PIPESTATUS[0]}
  p=$(grep -E '^ℹ pass ' "$log/clinic" | awk '{print $3}' | tail -1)
  f=$(grep -E '^ℹ fail ' "$log/clinic" | awk '{print $3}' | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$clinic_status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); echo "FAILED: clinic browser tests did not finish"; fi
else
  failed=$((failed + 1)); echo "FAILED: release build with the sample clinic (clinic tests not run)"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
