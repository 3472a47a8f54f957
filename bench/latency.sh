#!/usr/bin/env bash
# Request-to-SMTP-acceptance latency of confmail, against Postfix's smtp-sink, with a baseline in the same run.
#
# Usage: bench/latency.sh [N]            (N measured emails per case, default 300)
#
# For each case it starts target/confmail.jar on a fresh data directory (embedded H2 and broker, as shipped),
# creates a bridge and a user, sends BENCH_WARMUP unmeasured requests, then N conference-info requests one after
# another with BENCH_PAUSE_MS between them (an idle pipeline each time), and reads createdAt and sentAt of each
# email from the API. Cases:
#   before  CONFMAIL_OUTBOX_ANNOUNCE=in-transaction CONFMAIL_SMTP_REUSE_CONNECTIONS=false: the behaviour before
#           issue #4 (persistent JMS message in an XA transaction with the row, one SMTP connection per email)
#   after   the defaults
# plus the floor: smtp-sink's own time to accept a message of the same size (new connection, kept connection).
#
# Needs java 17, maven (unless BENCH_SKIP_BUILD=true), python3 and smtp-sink (Debian package postfix:
# DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix; only smtp-sink is run here,
# on a free port of 127.0.0.1, never the system's Postfix). Results also go to target/bench/latency-*.json.
set -euo pipefail

N="${1:-${BENCH_N:-300}}"
WARMUP="${BENCH_WARMUP:-100}"
PAUSE_MS="${BENCH_PAUSE_MS:-20}"
JAVA_OPTS_BENCH="${BENCH_JAVA_OPTS:--Xmx768m}"
CASES="${BENCH_CASES:-before after}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="target/bench"
mkdir -p "$OUT"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

SINK=$(command -v smtp-sink || true)
[[ -z "$SINK" && -x /usr/sbin/smtp-sink ]] && SINK=/usr/sbin/smtp-sink
[[ -n "$SINK" ]] || die "smtp-sink not found: DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix"
command -v python3 >/dev/null || die "python3 not found"

if [[ "${BENCH_SKIP_BUILD:-false}" != "true" ]]; then
  say "building target/confmail.jar (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package >"$OUT/build.log" 2>&1 || die "build failed, see $OUT/build.log"
fi
[[ -f target/confmail.jar ]] || die "target/confmail.jar missing"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

SINK_PID=""
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$SINK_PID" ]] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null
  true
}
trap cleanup EXIT

SINK_PORT=$(free_port)
sink_user=()
[[ "$(id -u)" == "0" ]] && sink_user=(-u nobody)
"$SINK" "${sink_user[@]}" 127.0.0.1:"$SINK_PORT" 512 >"$OUT/smtp-sink.log" 2>&1 &
SINK_PID=$!
sleep 0.5
kill -0 "$SINK_PID" 2>/dev/null || die "smtp-sink did not start (see $OUT/smtp-sink.log)"
say "smtp-sink on 127.0.0.1:$SINK_PORT (pid $SINK_PID)"

run_case() {
  local label="$1"; shift
  local port data log
  port=$(free_port)
  data="$ROOT/$OUT/data-$label"
  log="$OUT/confmail-$label.log"
  rm -rf "$data"; mkdir -p "$data"
  say "case '$label': starting confmail on port $port ($*)"
  env "$@" CONFMAIL_DATA_DIR="$data" CONFMAIL_SMTP_HOST=127.0.0.1 CONFMAIL_SMTP_PORT="$SINK_PORT" \
      CONFMAIL_ADMIN_PASSWORD=bench-password CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR=100000 \
      CONFMAIL_DEFAULT_FROM_ADDRESS=conferencing@confmail.test \
      java $JAVA_OPTS_BENCH -jar target/confmail.jar --nocluster --port "$port" >"$log" 2>&1 &
  APP_PID=$!
  local i
  for ((i = 0; i < 240; i++)); do
    kill -0 "$APP_PID" 2>/dev/null || die "confmail exited during start (see $log)"
    curl -fsS --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null | tr -d ' \n' \
      | grep -q '"name":"database","status":"UP"' && break
    sleep 0.5
  done
  ((i < 240)) || die "confmail not ready after 120 s (see $log)"
  python3 bench/latency.py "http://127.0.0.1:$port" bench-password "$N" "$WARMUP" "$PAUSE_MS" "$label" \
    | tee -a "$OUT/results.jsonl"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

: >"$OUT/results.jsonl"
for c in $CASES; do
  case "$c" in
    before) run_case before CONFMAIL_OUTBOX_ANNOUNCE=in-transaction CONFMAIL_SMTP_REUSE_CONNECTIONS=false ;;
    after) run_case after CONFMAIL_OUTBOX_ANNOUNCE=after-commit CONFMAIL_SMTP_REUSE_CONNECTIONS=true ;;
    *) die "unknown case $c" ;;
  esac
done
say "floor: smtp-sink alone"
python3 bench/smtp_floor.py 127.0.0.1 "$SINK_PORT" 200 | sed 's/^/{"label": "smtp-sink floor", /; s/{"label": "smtp-sink floor", {/{"label": "smtp-sink floor", /' \
  | tee -a "$OUT/results.jsonl"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
cp "$OUT/results.jsonl" "$OUT/latency-$stamp.json"
python3 - "$OUT/results.jsonl" "$N" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print()
print("createdAt -> sentAt (request to SMTP acceptance), %s emails per case, ms" % sys.argv[2])
print("%-16s %8s %8s %8s %8s %10s %s" % ("case", "median", "p95", "p99", "max", "request", "not sent"))
for r in rows:
    if "median" in r:
        print("%-16s %8s %8s %8s %8s %10s %s" % (r["label"], r["median"], r["p95"], r["p99"], r["max"],
                                              r["requestMedian"], r["notSent"]))
    else:
        print("%-16s new connection %s ms, kept connection %s ms (median)" % (
            r["label"], r["newConnectionMedian"], r["reusedConnectionMedian"]))
PY
