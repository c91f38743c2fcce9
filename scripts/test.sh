#!/usr/bin/env bash
# Installs everything the tests need, then runs them. The README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
# The dashboard is tested in Debian's Chromium (driven by playwright-core).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
# `npm ci` rejects lockfiles written with omit-lockfile-registry-resolved (set on these machines):
# it expects entries for other platforms' optional packages that npm did not record. `npm install`
# honours the same lockfile.
npm install --no-audit --no-fund
npm test
