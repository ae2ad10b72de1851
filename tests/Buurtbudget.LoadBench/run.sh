#!/usr/bin/env bash
# Runs one load benchmark against the real server on loopback and prints Markdown tables with ratios.
#   tests/Buurtbudget.LoadBench/run.sh http     durable ballots/s vs hello world, p99 at half load (PostgreSQL, SQLite)
#   tests/Buurtbudget.LoadBench/run.sh fanout   live-results hub vs plain hub at 10,000 SignalR clients
# Extra options go to the tool (see Program.cs). Everything it starts (server, PostgreSQL, Node) is stopped by PID
# at the end or stops by itself; it is not part of tests/run-all.sh.
# SERVER_X=v in the environment sets X=v for the server alone, e.g. SERVER_DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=70
# for an A/B of the server's thread-pool spinning (a plain DOTNET_ variable would change the load generator too).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# 10,000 WebSockets need 10,000 descriptors in the server and a share of them in each Node process.
ulimit -n "$(ulimit -Hn)"
(cd tests/node && [ -d node_modules/@microsoft/signalr ] || npm ci --no-audit --no-fund --silent)
dotnet build tests/Buurtbudget.LoadBench -c Release -warnaserror -v quiet -nologo >&2
exec dotnet tests/Buurtbudget.LoadBench/bin/Release/net10.0/Buurtbudget.LoadBench.dll "$@"
