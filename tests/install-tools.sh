#!/usr/bin/env bash
# Installs the project's npm packages (Azurite; Chart.js for the dashboard; pinned in package.json and package-lock.json) when
# node_modules is missing or older than the lockfile. Nothing is installed globally.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# The dashboard's browser tests (tests/TakedownFn.Browser.Tests) drive Debian's chromium through
# Playwright (ExecutablePath /usr/bin/chromium); Playwright's own browser download is never used.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq >/dev/null
  $sudo_cmd apt-get install -y --no-install-recommends chromium >/dev/null
fi

# The evidence PDF embeds DejaVu Sans (functions/TakedownFn/Evidence/EvidenceFonts.cs); Debian
# ships it as fonts-dejavu-core. Installed only where it is missing and apt is at hand.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  # A fresh machine's package lists may be empty or stale: refresh them before the install.
  $sudo_cmd apt-get update -qq >/dev/null
  $sudo_cmd apt-get install -y --no-install-recommends fonts-dejavu-core >/dev/null
fi
