#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent: every step checks
# first, so a machine that has everything passes through in a second or two. Only package
# registries are used (crates.io, npm, Debian): nothing downloads binaries from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=version_132
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen's CLI must match the library version that Cargo.lock pins, exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)

say() { printf 'setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

apt_install() {
  # apt lists are fetched once per run, and only when something is missing.
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "setup: cargo not found: install Rust with rustup first" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io (about 10 minutes on 2 cores, once)"
  # --locked: without it a newer lightningcss is resolved that does not compile.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (about 4 minutes, once)"
  # Not --locked: the registry's copy of one locked dependency lags (see shared/TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm from Debian"
  apt_install nodejs npm
fi

if [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium from Debian (for the browser tests)"
  apt_install chromium
fi

# The other engines' smoke suite (tests/webdriver/): Firefox ESR and geckodriver; WebKitGTK's
# WebDriver (WebKitWebDriver, which brings the MiniBrowser it drives) and a virtual display.
missing=()
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian (for the Firefox and WebKit smoke tests)"
  apt_install "${missing[@]}"
fi
if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION from crates.io (about 2 minutes, once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# npm tools: wasm-opt (binaryen), Playwright's client, axe-core. `npm ci` only when the lock
# file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi
if ! wasm-opt --version 2>/dev/null | grep -q "($BINARYEN_VERSION)"; then
  say "warning: wasm-opt on PATH is not $BINARYEN_VERSION: $(wasm-opt --version 2>&1 || true)"
fi
say "ready"
