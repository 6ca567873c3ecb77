#!/usr/bin/env bash
# Load test (issue 14 item 7):
#   bench/load-test.sh [circuits] [minutes] [seconds between one user's changes] [seconds to open them] [chromium|protocol]
# Keeps N calculator circuits (default 200) changing peak connections for M minutes (default 10) against the app on
# loopback (Release build, the probe server of bench/CostCalc.LoadProbe), and prints the update latency (server meter
# costcalc.calculator.update.duration and the client's own time), changes sent / answered / unanswered within 10 s,
# failed circuits, the server's RSS every 30 s, its RSS and managed heap after every circuit has closed, and the
# warnings and errors the server logged.
# Two kinds of users (5th argument, default chromium):
# - chromium: pages of one headless Chromium sharing one context (and its cache); a change types into the peak
#   connections box, the client time is input → EC2 headline changed (includes the 150 ms debounce). Needs
#   /usr/bin/chromium. At 200 pages on 2 cores Chromium's renderers take the CPU, so the run measures the client.
# - protocol: no browser. Each user speaks the Blazor Server protocol itself (BlazorCircuitClient.cs): GETs the
#   prerendered page at /?v=1&peakConnections=<its own value>, reads its <!--Blazor:{...}--> markers, negotiates
#   /_blazor, opens the WebSocket with the blazorpack (MessagePack) hub protocol, StartCircuit then UpdateRootComponents
#   as blazor.web.js does, acknowledges every render batch (OnRenderCompleted) and answers every JS call (void calls and
#   values with null, imports with a JS object reference, navigateTo with the OnLocationChanged a browser sends back).
#   A change is a location change, exactly what back/forward does: OnLocationChanged with another
#   ?v=1&peakConnections=<value> address, which the calculator applies (CalculatorPage.OnLocationChanged → LoadFromAddress
#   → CalculatorState.TrySet, the path the server meter times). Client time = change sent → the render batch that follows
#   the server writing that what-if into the address (navigateTo), i.e. the calculator's own re-render.
#   Limits: no DOM and no JS, so nothing is drawn or laid out, no keystroke or debounce path (NumberInput's input events
#   are not exercised), render batches are never parsed, and MudBlazor's JS (resize observers, popovers) answers with
#   nulls; it measures the server, not what a browser would add.
# Values are unique per user and change in both modes, so circuits never share a what-if (SharedResults would flatter the server).
# On a shared machine set COSTCALC_BUILD_LOCK=/path/to/lockfile: the build then waits for it
# (flock), the run does not hold it. Every user comes from 127.0.0.1, one client key: the caps are raised here, just above N.
set -euo pipefail
cd "$(dirname "$0")/.."
circuits=${1:-200}
minutes=${2:-10}
interval=${3:-5}
open_within=${4:-300}
client=${5:-chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export BlazorServer__MaxCircuitsPerClient=$((circuits + 10)) BlazorServer__MaxCircuits=$((circuits + 10))
# Server GC, as the web SDK publishes the app (the probe server is a console program, workstation GC by default).
export DOTNET_gcServer=1
${COSTCALC_BUILD_LOCK:+flock "$COSTCALC_BUILD_LOCK"} dotnet build bench/CostCalc.LoadProbe -c Release -nologo -clp:ErrorsOnly
bench/CostCalc.LoadProbe/bin/Release/net10.0/linux-x64/CostCalc.LoadProbe load --circuits "$circuits" --minutes "$minutes" --interval "$interval" --open-within "$open_within" --client "$client"
