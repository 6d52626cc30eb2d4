#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs dependencies, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
# Let ccache hit across clones in different folders (CI builds in a fresh clone each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"
