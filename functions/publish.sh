#!/usr/bin/env bash
# Assembles the zip-deploy layout of the Function App (.NET 10 isolated worker, for a Flex
# Consumption plan; also Premium or Dedicated): host.json, functions.metadata, extensions.json,
# worker.config.json, .azurefunctions/ (the host-side queue extension) and the framework-dependent
# app, all at the root, as the Functions host expects. The app needs the setting
# FUNCTIONS_WORKER_RUNTIME=dotnet-isolated (Flex sets the runtime in the site's functionAppConfig).
# Usage: functions/publish.sh [OUT]   (default: artifacts/functionapp); also writes OUT.zip.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-artifacts/functionapp}
rm -rf "$out" "$out.zip"
mkdir -p "$out"
dotnet publish functions/TakedownFn -c Release --nologo -v quiet -o "$out"
for f in host.json functions.metadata extensions.json worker.config.json TakedownFn.dll; do
  [ -f "$out/$f" ] || { echo "publish.sh: $f is missing from $out" >&2; exit 1; }
done
# The local settings file is for local runs only; it never goes into the package.
rm -f "$out/local.settings.json"
# The PDFs and their ScottPlot charts use DejaVu Sans, which Azure's workers do not have: ship the two faces
# they use in fonts/ beside the app (Evidence/EvidenceFonts.cs looks there), from Debian's
# fonts-dejavu-core (tests/install-tools.sh installs it).
fonts=/usr/share/fonts/truetype/dejavu
for f in DejaVuSans.ttf DejaVuSans-Bold.ttf; do
  [ -f "$fonts/$f" ] || { echo "publish.sh: $fonts/$f is missing: run tests/install-tools.sh (fonts-dejavu-core)" >&2; exit 1; }
  mkdir -p "$out/fonts" && cp "$fonts/$f" "$out/fonts/"
done
out_abs=$(cd "$out" && pwd)
(cd "$out_abs" && python3 -c 'import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk("."):
        for f in files:
            p = os.path.join(d, f); z.write(p, os.path.relpath(p, "."))' "$out_abs.zip")
echo "Deployment layout in $out (zip: $out.zip): $(ls "$out" | grep -v '\.dll$' | tr '\n' ' ')"
