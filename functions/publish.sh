#!/usr/bin/env bash
# Assembles the Azure Functions deployment layout (custom handler, Linux):
#   host.json, one folder per function with its function.json, and bin/ with the self-contained
#   handler (the Functions host's image carries no .NET runtime for custom handlers).
# Usage: functions/publish.sh [OUT]   (default: artifacts/functionapp); zip OUT for zip deploy.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-artifacts/functionapp}
rm -rf "$out"
mkdir -p "$out"
dotnet publish functions/TakedownFn -c Release -r linux-x64 --self-contained --nologo -v quiet -o "$out/bin"
cp host.json "$out/"
cp -r functions/TakedownFn/FunctionApp/. "$out/"
chmod +x "$out/bin/TakedownFn"
echo "Deployment layout in $out: $(ls "$out" | tr '\n' ' ')"
