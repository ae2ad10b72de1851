#!/usr/bin/env bash
# Runs every Buurtbudget test on a fresh Debian machine of the kind described in the README.
# It installs what the tests need (the .NET SDK comes with the machine image; PostgreSQL 15 from Debian for the
# ledger tests, which start their own throwaway cluster; Node and Chromium join as the server and web issues land)
# and fails when any test fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install the SDK pinned in global.json" >&2
  exit 1
fi

# The ledger tests run a throwaway PostgreSQL 15 cluster of their own (initdb into /tmp, loopback only); they need
# Debian's server binaries, not a running service. BUURTBUDGET_PG_BIN points elsewhere if you have them elsewhere.
pg_bin="${BUURTBUDGET_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
  echo "Installing PostgreSQL 15 (postgresql, postgresql-contrib) for the ledger tests"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "error: PostgreSQL is missing from $pg_bin and this script is neither root nor able to sudo" >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y postgresql postgresql-contrib
fi

# The rule-engine conformance tests read real Pabulib elections in place (never copied into the repo).
if [ -z "${BUURTBUDGET_PABULIB_DIR:-}" ]; then
  for candidate in "$root/../shared/pabulib" "/work/shared/pabulib"; do
    if [ -d "$candidate" ]; then
      export BUURTBUDGET_PABULIB_DIR="$(cd "$candidate" && pwd)"
      break
    fi
  done
fi
echo "Pabulib data: ${BUURTBUDGET_PABULIB_DIR:-not found (the conformance tests will fail and say where they looked)}"

dotnet build Buurtbudget.sln -c Release -warnaserror
dotnet test Buurtbudget.sln -c Release --no-build --logger "console;verbosity=normal"
