#!/usr/bin/env bash
# Load test (issue 14 item 7): bench/load-test.sh [circuits] [minutes] [seconds between one page's changes] [seconds to open them]
# Keeps N calculator circuits (default 200) changing peak connections for M minutes (default 10) against the app on
# loopback (Release build, the probe server of bench/CostCalc.LoadProbe), one Chromium whose pages share one context (and its cache), and
# prints the update latency (server meter costcalc.calculator.update.duration and browser input → headline time),
# failed circuits, the server's RSS every 30 s and its RSS after every page is closed.
# Needs /usr/bin/chromium. On a shared machine set COSTCALC_BUILD_LOCK=/path/to/lockfile: the build then waits for it
# (flock), the run does not hold it. Every page comes from 127.0.0.1, one client key: the caps are raised here, just above N.
set -euo pipefail
cd "$(dirname "$0")/.."
circuits=${1:-200}
minutes=${2:-10}
interval=${3:-5}
open_within=${4:-300}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export BlazorServer__MaxCircuitsPerClient=$((circuits + 10)) BlazorServer__MaxCircuits=$((circuits + 10))
# Server GC, as the web SDK publishes the app (the probe server is a console program, workstation GC by default).
export DOTNET_gcServer=1
${COSTCALC_BUILD_LOCK:+flock "$COSTCALC_BUILD_LOCK"} dotnet build bench/CostCalc.LoadProbe -c Release -nologo -clp:ErrorsOnly
bench/CostCalc.LoadProbe/bin/Release/net10.0/linux-x64/CostCalc.LoadProbe load --circuits "$circuits" --minutes "$minutes" --interval "$interval" --open-within "$open_within"
