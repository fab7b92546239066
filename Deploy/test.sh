#!/usr/bin/env bash
# The newcomer's test command (and CI's): installs what is missing, builds, and runs the whole
# test suite. Tests that need PostgreSQL start their own private cluster through the project's
# launcher (one per test run, in /tmp, as an unprivileged user when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
./Deploy/bootstrap.sh
swift build --build-tests
swift test --skip-build "$@"
