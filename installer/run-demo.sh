#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs dependencies, builds, starts the
# server on its embedded PostgreSQL with demo data, and opens the client connected to it.
# Card payments go to the payment sandbox started beside it (test cards: docs/payments.md;
# 4242 4242 4242 4242 pays). Server and sandbox stop when the client window closes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
cmake --preset release
cmake --build --preset release

PORT=${MARQUEE_PORT:-8080}
PAYMENT_PORT=${MARQUEE_PAYMENT_PORT:-12111}
BIN=build/release
# The sandbox's default test keys; it signs webhooks to the server with the whsec_ secret.
SECRET_KEY=sk_test_marquee_sandbox
PUBLISHABLE_KEY=pk_test_marquee_sandbox
WEBHOOK_SECRET=whsec_marquee_sandbox
TERMINALS=tmr_box_office_1,tmr_box_office_2
"$BIN/server/sandbox/marquee-payment-sandbox" --listen "127.0.0.1:$PAYMENT_PORT" \
  --secret-key "$SECRET_KEY" --publishable-key "$PUBLISHABLE_KEY" \
  --webhook-secret "$WEBHOOK_SECRET" --webhook-url "http://127.0.0.1:$PORT/webhooks/payments" \
  --readers "$TERMINALS" &
SANDBOX_PID=$!
"$BIN/server/marquee-server" serve --listen "127.0.0.1:$PORT" --demo \
  --payment-url "http://127.0.0.1:$PAYMENT_PORT" --payment-secret-key "$SECRET_KEY" \
  --payment-publishable-key "$PUBLISHABLE_KEY" --payment-webhook-secret "$WEBHOOK_SECRET" \
  --terminal-ids "$TERMINALS" --public-url "http://127.0.0.1:$PORT" &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID $SANDBOX_PID 2>/dev/null; wait $SERVER_PID $SANDBOX_PID 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 $SERVER_PID 2>/dev/null; then echo "run-demo: the server failed to start" >&2; exit 1; fi
  sleep 0.2
done
"$BIN/client/marquee" --server "ws://127.0.0.1:$PORT/v1/ws" "$@"
