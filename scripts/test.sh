#!/usr/bin/env bash
# Installs everything the tests need, then runs them. The README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm test
