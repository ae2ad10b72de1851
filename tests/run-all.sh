#!/usr/bin/env bash
# Runs every Buurtbudget test on a fresh Debian machine of the kind described in the README.
# It installs what the tests need (the .NET SDK comes with the machine image; PostgreSQL 15 from Debian for the
# ledger, grain and server tests, which start their own throwaway cluster; Node.js and npm from Debian plus the npm
# packages in tests/node for the live-results tests' SignalR client; nginx, systemd-analyze and sqlite3 for the deployment
# tests; Chromium and the npm packages in web/ and tests/web for the front end and its browser tests) and fails when any
# test fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install the SDK pinned in global.json" >&2
  exit 1
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: installing $* needs root or sudo" >&2
    exit 1
  fi
}
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y "$@"
}

# The ledger tests run a throwaway PostgreSQL 15 cluster of their own (initdb into /tmp, loopback only): they need
# Debian's server binaries, not a running service; BUURTBUDGET_PG_BIN points elsewhere if you have them elsewhere.
pg_bin="${BUURTBUDGET_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
  echo "Installing PostgreSQL 15 (postgresql, postgresql-contrib) for the ledger tests"
  apt_install postgresql postgresql-contrib
fi

# The live-results tests drive the official JavaScript SignalR client under Node (there is no .NET client here).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js and npm for the live-results tests"
  apt_install nodejs npm
fi
(cd tests/node && npm ci --no-audit --no-fund --silent)

# The web front end (web/) is built by the server's build with Node.js and npm; its end-to-end tests drive Debian's
# Chromium with playwright-core and scan every page with axe-core (tests/web).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the web front end's end-to-end tests"
  apt_install chromium
fi
(cd web && npm ci --no-audit --no-fund --silent)
(cd tests/web && npm ci --no-audit --no-fund --silent)

# The deployment tests run deploy/nginx/buurtbudget.conf in Debian's nginx (a child process with its own prefix; the
# nginx service is never started) and back up the embedded ledger with sqlite3's online backup, as docs/operations.md says.
if [ ! -x "${BUURTBUDGET_NGINX:-/usr/sbin/nginx}" ]; then
  echo "Installing nginx for the deployment tests"
  apt_install nginx
fi
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "Installing systemd (for systemd-analyze) to check deploy/systemd/buurtbudget.service"
  apt_install systemd
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "Installing sqlite3 for the backup test"
  apt_install sqlite3
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
