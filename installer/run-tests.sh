#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs dependencies, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"
