#!/usr/bin/env bash
# Installs and starts what the tests need beyond npm packages: a Redis server on
# 127.0.0.1:6379 and Debian's Chromium for the browser test (Playwright's own browser
# download cannot work offline). Idempotent and quiet when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-redis.sh
if ! command -v chromium >/dev/null 2>&1; then
  echo "test-setup: Chromium installeren (Debian-pakket) voor de browsertest"
  as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
