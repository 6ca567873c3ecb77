#!/usr/bin/env bash
# RSS per idle interactive circuit: the calculator (/) against the .NET Blazor Server template's /counter, side by side
# in one run (issue 14's target: the calculator at most 1.5x the template). Both apps are published Release, run as
# their own processes with the same GC settings, and are probed the same way (bench/CostCalc.LoadProbe rss): Chromium
# opens 3 warm-up pages, then N more, and VmRSS of the server process is read before and after. The calculator is
# measured twice, each time in a fresh process: N landing pages (one what-if, whose results the circuits share), and
# N pages each with a what-if of its own (nothing to share: the cost of a circuit someone is actually using).
# Usage: bench/measure-rss.sh [N]   (default 40). Needs /usr/bin/chromium. Run it when the machine is quiet.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
circuits=${1:-40}
# The same GC for both apps: server GC (the web SDK default), concurrent, as the app runs in production.
gc_env=(DOTNET_gcServer=1 DOTNET_gcConcurrent=1)

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build bench/CostCalc.LoadProbe -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet publish src/CostCalc.Web -c Release -o "$work/app" -nologo -clp:ErrorsOnly >/dev/null
(cd "$work" && dotnet new blazor --interactivity Server -o template -n RssTemplate >/dev/null \
  && dotnet publish template -c Release -o "$work/template-out" -nologo -clp:ErrorsOnly >/dev/null)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# start DIR DLL PORT [ENV...]: runs the published app in its folder; prints its pid.
start() {
  local dir=$1 dll=$2 port=$3; shift 3
  # The whole background job's output goes to the log: nothing may keep this function's $(…) pipe open.
  (cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Production "${gc_env[@]}" "$@" \
     dotnet "$dll" --urls "http://127.0.0.1:$port") >"$work/$dll.log" 2>&1 </dev/null &
  echo $!
}

wait_up() {
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "not answering: $1" >&2; return 1
}

probe=bench/CostCalc.LoadProbe/bin/Release/net10.0/linux-x64/CostCalc.LoadProbe

# calculator LABEL yes|no: a fresh app process, N idle calculator pages (each its own what-if, or all the landing page's).
calculator() {
  local port pid out
  port=$(free_port)
  pid=$(start "$work/app" CostCalc.Web.dll "$port" \
    Reports__SqlitePath="$work/data-$1/reports.db" Pricing__SnapshotDirectory="$work/data-$1/snapshots" \
    BlazorServer__MaxCircuitsPerClient=100000 BlazorServer__MaxCircuits=100000)
  pids+=("$pid")
  wait_up "http://127.0.0.1:$port/healthz"
  out=$("$probe" rss --url "http://127.0.0.1:$port/" --pid "$pid" --circuits "$circuits" --ready calculator --label "$1" --unique "$2")
  echo "$out" | grep -v '^RSS-PER-CIRCUIT' >&2
  kill "$pid"
  echo "$out" | grep '^RSS-PER-CIRCUIT'
}

# The landing page (every circuit on the default what-if, sharing its results) and one what-if per circuit (nothing shared).
app_line=$(calculator calculator no)
unique_line=$(calculator calculator-own-what-if yes)

tpl_port=$(free_port)
tpl_pid=$(start "$work/template-out" RssTemplate.dll "$tpl_port")
pids+=("$tpl_pid")
wait_up "http://127.0.0.1:$tpl_port/counter"
tpl_out=$("$probe" rss --url "http://127.0.0.1:$tpl_port/counter" --pid "$tpl_pid" --circuits "$circuits" --ready counter --label template-counter)
echo "$tpl_out" | grep -v '^RSS-PER-CIRCUIT'
tpl_line=$(echo "$tpl_out" | grep '^RSS-PER-CIRCUIT')
kill "$tpl_pid"

python3 - "${app_line##* }" "${unique_line##* }" "${tpl_line##* }" "$circuits" <<'PY'
import sys
app, unique, tpl, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
if tpl <= 0:
    print(f"template grew by {tpl:.0f} bytes: no ratio")
else:
    print(f"RSS per idle circuit ({n} circuits, server GC): template /counter {tpl/1048576:.2f} MiB; "
          f"calculator on the landing page {app/1048576:.2f} MiB, ratio {app/tpl:.1f}x; "
          f"calculator, each circuit its own what-if {unique/1048576:.2f} MiB, ratio {unique/tpl:.1f}x (target <= 1.5x)")
PY
