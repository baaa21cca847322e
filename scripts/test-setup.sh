#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for the browser test
# (Playwright's own browser download cannot work here). Idempotent and quiet when present.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
if ! command -v chromium >/dev/null 2>&1; then
  echo "test-setup: Chromium installeren (Debian-pakket) voor de browsertest"
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
