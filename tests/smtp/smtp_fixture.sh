#!/usr/bin/env bash
# CTest fixture: starts (or stops) the SMTP server the mail tests send to (smtp_server.py on
# aiosmtpd, STARTTLS offered with a certificate made at start). Usage: smtp_fixture.sh start|stop DIR
# Writes DIR/url (smtp://127.0.0.1:PORT), DIR/cert.pem (the CA to trust); mail lands in DIR/mail.
set -euo pipefail
action=$1
dir=$2
here=$(cd "$(dirname "$0")" && pwd)

case "$action" in
  start)
    "$0" stop "$dir" >/dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir"
    # The Debian python3 (with python3-aiosmtpd), whatever python3 comes first on PATH.
    setsid /usr/bin/python3 "$here/smtp_server.py" --dir "$dir" --tls >"$dir/server.log" 2>&1 </dev/null &
    echo $! > "$dir/pid"
    for _ in $(seq 1 200); do
      [ -s "$dir/port" ] && break
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
      sleep 0.05
    done
    [ -s "$dir/port" ] || { echo "smtp_fixture: server did not start" >&2; cat "$dir/server.log" >&2; exit 1; }
    echo "smtp://127.0.0.1:$(cat "$dir/port")" > "$dir/url"
    echo "smtp_fixture: SMTP server at $(cat "$dir/url")"
    ;;
  stop)
    if [ -f "$dir/pid" ]; then
      pid=$(cat "$dir/pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
      rm -f "$dir/pid"
    fi
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
