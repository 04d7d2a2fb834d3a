#!/usr/bin/env bash
# Installs the project's npm tools (Azurite, pinned in package.json and package-lock.json) when
# node_modules is missing or older than the lockfile. Nothing is installed globally.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
