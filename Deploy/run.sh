#!/usr/bin/env bash
# The newcomer's run command: installs what is missing, builds, and starts the service on the
# embedded PostgreSQL cluster under $DIBAO_HOME/pg (default ./.dibao/pg; as root, /var/lib/dibao/pg
# when PostgreSQL's user cannot reach the clone, as under /root). Ctrl-C stops the service and
# the cluster (unless another client is still connected to it). Set DIBAO_DATABASE_URL to use
# an existing server instead.
# Before serving it loads the demo county 榆次区 (140702, fictitious people and amounts;
# docs/guides/demo.md); the demo is idempotent, so later starts write nothing and take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
./Deploy/bootstrap.sh

# As root, PostgreSQL runs as the unprivileged user the launcher picks (postgres, else dibao),
# which must be able to enter the directory the cluster lives in. A clone under /root (mode
# 0700) is out of its reach, so the default ./.dibao would fail: use /var/lib/dibao instead.
if [ "$(id -u)" -eq 0 ] && [ -z "${DIBAO_HOME:-}" ] && [ -z "${DIBAO_DATABASE_URL:-}" ] && command -v runuser >/dev/null; then
    pg_user=nobody
    for candidate in postgres dibao; do
        if id -u "$candidate" >/dev/null 2>&1; then pg_user=$candidate; break; fi
    done
    state_dir="$PWD"
    [ -d .dibao ] && state_dir="$PWD/.dibao"
    if ! runuser -u "$pg_user" -- /bin/sh -c 'cd "$1"' sh "$state_dir" 2>/dev/null; then
        export DIBAO_HOME=/var/lib/dibao
        echo "run: $state_dir is out of reach of the '$pg_user' user that runs PostgreSQL; using DIBAO_HOME=$DIBAO_HOME"
        echo "run: for dibao commands you run by hand (tokens issue, postgres stop…): export DIBAO_HOME=$DIBAO_HOME"
    fi
fi

swift build -c release --product dibao
BIN="$(swift build -c release --show-bin-path)/dibao"
"$BIN" demo
exec "$BIN" serve
