#!/usr/bin/env bash
# The newcomer's run command: installs what is missing, builds, and starts the service on the
# embedded PostgreSQL cluster under $DIBAO_HOME/pg (default ./.dibao/pg). Ctrl-C stops the
# service and the cluster. Set DIBAO_DATABASE_URL to use an existing server instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./Deploy/bootstrap.sh
swift build -c release --product dibao
BIN="$(swift build -c release --show-bin-path)/dibao"
exec "$BIN" serve
