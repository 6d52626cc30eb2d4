#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs dependencies, builds, starts the
# server on its embedded PostgreSQL with demo data, and opens the client connected to it.
# The server stops (and stops its PostgreSQL) when the client window closes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
cmake --preset release
cmake --build --preset release

PORT=${MARQUEE_PORT:-8080}
BIN=build/release
"$BIN/server/marquee-server" serve --listen "127.0.0.1:$PORT" --demo &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 $SERVER_PID 2>/dev/null; then echo "run-demo: the server failed to start" >&2; exit 1; fi
  sleep 0.2
done
"$BIN/client/marquee" --server "ws://127.0.0.1:$PORT/v1/ws" "$@"
