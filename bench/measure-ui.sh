#!/usr/bin/env bash
# UI measurements for the README (its UI targets table), against the app on loopback:
#   - server time per input change (p50/p95 of the calculator's own meter) and browser input→DOM time;
#   - managed heap per idle calculator circuit (50 circuits, full GC, server process only);
#   - first-load bytes of / with an empty cache, against the published app (as production serves it).
# Release build; needs /usr/bin/chromium (apt-get install chromium, as .ci/run does).
# Extra arguments go to the probe: --changes N (default 200), --circuits N (default 50), --hold SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build bench/CostCalc.LoadProbe -c Release -nologo -clp:ErrorsOnly
dotnet publish src/CostCalc.Web -c Release -o "$work/publish" -nologo -clp:ErrorsOnly >/dev/null
bench/CostCalc.LoadProbe/bin/Release/net10.0/linux-x64/CostCalc.LoadProbe --published "$work/publish" "$@"
