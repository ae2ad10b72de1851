#!/usr/bin/env bash
# Runs every Buurtbudget test on a fresh Debian machine of the kind described in the README.
# It installs what the tests need (only the .NET SDK so far, which the machine image provides; PostgreSQL,
# Node and Chromium join as the ledger, server and web issues land) and fails when any test fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install the SDK pinned in global.json" >&2
  exit 1
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
