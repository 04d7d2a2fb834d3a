#!/usr/bin/env bash
# Starts TakedownFn on this machine: Azurite (data kept in .local/azurite, git-ignored) unless a
# storage connection is configured, then the app in standalone mode. Ctrl+C stops both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json
setting() { # an environment variable wins over local.settings.json, as with the Functions host
  local value="${!1:-}"
  [ -n "$value" ] || value=$(node -e 'const v=require("./local.settings.json").Values||{}; process.stdout.write(v[process.argv[1]]||"")' "$1")
  printf '%s' "$value"
}
url=$(setting ASPNETCORE_URLS); url=${url:-http://localhost:7071}; url=${url%%;*}
storage=$(setting AzureWebJobsStorage)

mkdir -p .local
if [ "$storage" = "UseDevelopmentStorage=true" ]; then
  bash tests/install-tools.sh
  if (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null; then
    # The SDKs send newer service versions than Azurite 3.37.0 accepts: it must run with --skipApiVersionCheck.
    echo "Azurite is already listening on 127.0.0.1:10000-10002; using it (it needs --skipApiVersionCheck)."
  else
    mkdir -p .local/azurite
    node node_modules/azurite/dist/src/azurite.js --location .local/azurite --disableTelemetry --skipApiVersionCheck --silent \
      >.local/azurite.log 2>&1 &
    azurite_pid=$!
    trap 'kill $azurite_pid 2>/dev/null || true' EXIT
    echo "Azurite started (data in .local/azurite, log in .local/azurite.log)."
  fi
fi

dotnet build functions/TakedownFn --nologo -v quiet -clp:ErrorsOnly
# Run the built app from the repository root, where local.settings.json is.
app=functions/TakedownFn/bin/Debug/net10.0/TakedownFn.dll

# A demo tenant with one key per role, created once and kept with the local data.
demo=.local/demo-tenant.json
if [ ! -s "$demo" ]; then
  dotnet "$app" demo >"$demo.tmp" && mv "$demo.tmp" "$demo"
fi
key() { node -e 'process.stdout.write(require("./'"$demo"'").keys[process.argv[1]])' "$1"; }

(
  for _ in $(seq 1 120); do
    if curl -fsS "$url/api/health" >/dev/null 2>&1; then
      cat <<EOT

TakedownFn is running at $url  (demo tenant and keys: $demo)
  platform key: $(key platform)
  officer key:  $(key officer)

Submit a notice:
  curl -s -X POST $url/api/notices -H 'Content-Type: application/json' \\
       -H 'X-Api-Key: $(key platform)' --data @functions/sample-notice.json

Then read the case (the answer's location):
  curl -s $url/api/cases/CASE_ID -H 'X-Api-Key: $(key officer)'

The API reference: $url/api/docs  (OpenAPI 3.1 document: $url/api/openapi.json)

The dashboard: $url/dashboard/  (sign in with the officer key above, or an auditor key)
EOT
      exit 0
    fi
    sleep 0.5
  done
  echo "TakedownFn did not become healthy; see the log above." >&2
) &
ASPNETCORE_URLS="$url" dotnet "$app"
