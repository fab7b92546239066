#!/usr/bin/env bash
# The newcomer's run command: installs what is missing, builds, and starts the service on the
# embedded PostgreSQL cluster under $DIBAO_HOME/pg (default ./.dibao/pg). Ctrl-C stops the
# service and the cluster. Set DIBAO_DATABASE_URL to use an existing server instead.
# Before serving it loads the demo county 榆次区 (140702, fictitious people and amounts;
# docs/guides/demo.md); the demo is idempotent, so later starts write nothing and take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
./Deploy/bootstrap.sh
swift build -c release --product dibao
BIN="$(swift build -c release --show-bin-path)/dibao"
"$BIN" demo
exec "$BIN" serve
