#!/usr/bin/env bash
# Runs every test: installs the npm tools the tests use, then builds and tests the whole solution.
# Test fixtures start (and stop) their own Azurite on free ports; nothing else is needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash tests/install-tools.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test TakedownFn.sln --nologo 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies: "N passed, N failed, N skipped".
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { k = $i; v = $(i + 1); gsub(/[^0-9]/, "", v)
         if (k == "Failed:") f += v; if (k == "Passed:") p += v; if (k == "Skipped:") s += v } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
