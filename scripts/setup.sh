#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for the tests (Chromium for E2E), then npm packages.
# `--no-browser` skips Chromium (enough to start the product; the tests need it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-browser" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (Debian package) for browser tests"
  SUDO=""; if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# `npm ci` first. Some optional dependencies (other platforms' native binaries of @swc/core,
# @tarojs/binding, unrs-resolver, and NutUI's usage-stats tool) are not on every registry mirror, so
# npm leaves them out of the lock and `npm ci` then refuses it as out of sync. In that case install
# from the same lock with `npm install`, which skips unavailable optional packages as designed.
if ! npm ci --no-audit --no-fund; then
  echo "npm ci refused the lock file; installing from it with npm install instead"
  npm install --no-audit --no-fund
fi
