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
# Ingest parsers under clang: their unit tests with ASan + UBSan, then each libFuzzer target
# for MARQUEE_FUZZ_SECONDS (25 s) from the seed corpus. Own small build dir; only these targets.
cmake --preset fuzz
cmake --build --preset fuzz --target fuzz_ics fuzz_jsonld test_ingest_parsers_asan
ctest --preset fuzz
