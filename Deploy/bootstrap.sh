#!/usr/bin/env bash
# Installs what Dibao Ledger needs on a fresh Debian/Ubuntu machine that already has Swift:
# the PostgreSQL server binaries (initdb, pg_ctl, postgres) for the embedded cluster and the
# test server. Idempotent: does nothing when they are already there.
set -euo pipefail

have_postgres() {
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v swift >/dev/null 2>&1; then
    echo "bootstrap: swift is not on PATH; install Swift 6.3 (https://www.swift.org/install/linux/) first" >&2
    exit 1
fi

if have_postgres; then
    echo "bootstrap: PostgreSQL server binaries found"
else
    echo "bootstrap: installing PostgreSQL from apt"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
