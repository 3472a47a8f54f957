#!/usr/bin/env bash
# Request-to-SMTP-acceptance latency of confmail, against Postfix's smtp-sink, with a baseline in the same run.
#
# Usage: bench/latency.sh [N]            (N measured emails per case and round, default 300)
#
# Other knobs: BENCH_ROUNDS (2: the cases run alternately this many times, so that a busy machine weighs on each
# alike), BENCH_WARMUP (100), BENCH_PAUSE_MS (20), BENCH_CASES, BENCH_BASE_REF, BENCH_SKIP_BUILD, BENCH_JAVA_OPTS.
# Besides latency it reports the server's CPU time per email (from /proc), which a busy machine does not inflate.
#
# For each case it starts target/confmail.jar on a fresh data directory (embedded H2 and broker, as shipped),
# creates a bridge and a user, sends BENCH_WARMUP unmeasured requests, then N conference-info requests one after
# another with BENCH_PAUSE_MS between them (an idle pipeline each time), and reads createdAt and sentAt of each
# email from the API. Cases (BENCH_CASES, in this order, default "before after"):
#   before  the code before issue #4 (git BENCH_BASE_REF, default 713d941), built into target/bench/base: XA
#           announce with a persistent message, one SMTP connection per email, Nagle on, EHLO name looked up
#   after   this working tree's jar with its defaults
# (The cases after-xa and after-no-reuse went with the two switches they set, removed by issue 14; the figures
# they gave are in bench/README.md.)
# plus the floor: smtp-sink's own time to accept a message of the same size (new connection, kept connection).
#
# Needs a JDK 21+ (found by scripts/use-jdk21.sh), maven (unless BENCH_SKIP_BUILD=true), python3 and smtp-sink (Debian package postfix:
# DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix; only smtp-sink is run here,
# on a free port of 127.0.0.1, never the system's Postfix). Results also go to target/bench/latency-*.json.
set -euo pipefail

N="${1:-${BENCH_N:-300}}"
WARMUP="${BENCH_WARMUP:-100}"
PAUSE_MS="${BENCH_PAUSE_MS:-20}"
JAVA_OPTS_BENCH="${BENCH_JAVA_OPTS:--Xmx768m}"
CASES="${BENCH_CASES:-before after}"
ROUNDS="${BENCH_ROUNDS:-2}"
BASE_REF="${BENCH_BASE_REF:-713d941}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Payara 7 needs a JDK 21 or newer: take it from JAVA_HOME, PATH or /usr/lib/jvm, or stop with one line.
source scripts/use-jdk21.sh
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

BASE_JAR="$OUT/base/target/confmail.jar"
if [[ " $CASES " == *" before "* && ! -f "$BASE_JAR" ]]; then
  say "building the baseline from $BASE_REF into $OUT/base (once)"
  rm -rf "$OUT/base"; mkdir -p "$OUT/base"
  git archive "$BASE_REF" | tar -x -C "$OUT/base"
  (cd "$OUT/base" && mvn -B -q -DskipTests package) >"$OUT/build-base.log" 2>&1 \
    || die "baseline build failed, see $OUT/build-base.log"
fi

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
  local label="$1" jar="$2"; shift 2
  local port data log
  port=$(free_port)
  data="$ROOT/$OUT/data-$label"
  log="$OUT/confmail-$label.log"
  rm -rf "$data"; mkdir -p "$data"
  say "case '$label': starting confmail on port $port ($*)"
  env "$@" CONFMAIL_DATA_DIR="$data" CONFMAIL_SMTP_HOST=127.0.0.1 CONFMAIL_SMTP_PORT="$SINK_PORT" \
      CONFMAIL_ADMIN_PASSWORD=bench-password CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR=100000 \
      CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR=100000 \
      CONFMAIL_DEFAULT_FROM_ADDRESS=conferencing@confmail.test \
      java $JAVA_OPTS_BENCH -jar "$jar" --nocluster --port "$port" >"$log" 2>&1 &
  APP_PID=$!
  local i
  for ((i = 0; i < 240; i++)); do
    kill -0 "$APP_PID" 2>/dev/null || die "confmail exited during start (see $log)"
    curl -fsS --max-time 2 -u admin:bench-password "http://127.0.0.1:$port/health/ready" 2>/dev/null | tr -d ' \n' \
      | grep -q '"name":"database","status":"UP"' && break
    sleep 0.5
  done
  ((i < 240)) || die "confmail not ready after 120 s (see $log)"
  python3 bench/latency.py "http://127.0.0.1:$port" bench-password "$N" "$WARMUP" "$PAUSE_MS" "$label" \
    "$APP_PID" "$OUT/raw.txt" | tee -a "$OUT/results.jsonl"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

: >"$OUT/results.jsonl"
: >"$OUT/raw.txt"
for ((round = 1; round <= ROUNDS; round++)); do
for c in $CASES; do
  case "$c" in
    before) run_case before "$BASE_JAR" BENCH=before ;;
    after) run_case after target/confmail.jar BENCH=after ;;
    *) die "unknown case $c" ;;
  esac
done
done
say "floor: smtp-sink alone"
python3 bench/smtp_floor.py 127.0.0.1 "$SINK_PORT" 200 | tee -a "$OUT/results.jsonl"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
cp "$OUT/results.jsonl" "$OUT/latency-$stamp.json"
python3 - "$OUT/results.jsonl" "$OUT/raw.txt" "$N" "$ROUNDS" <<'PY'
import json, os, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
raw = {}
for line in open(sys.argv[2]):
    label, value = line.split()
    raw.setdefault(label, []).append(float(value))
def pct(v, p):
    return v[min(len(v) - 1, max(0, int(round(p / 100 * len(v))) - 1))]
print()
print("Each run (%s emails, request to SMTP acceptance, ms; CPU = server CPU time per email; load = 1-min load average)"
      % sys.argv[3])
print("%-16s %8s %8s %8s %8s %9s %7s %6s" % ("case", "median", "p95", "p99", "max", "request", "CPU", "load"))
for r in rows:
    if "median" in r:
        print("%-16s %8s %8s %8s %8s %9s %7s %6s" % (r["label"], r["median"], r["p95"], r["p99"], r["max"],
                                                  r["requestMedian"], r["cpuPerEmail"], r["load"]))
print()
print("All runs together (%s rounds)" % sys.argv[4])
print("%-16s %8s %8s %8s %8s" % ("case", "emails", "median", "p95", "CPU"))
for label, values in raw.items():
    values.sort()
    cpus = [r["cpuPerEmail"] for r in rows if r.get("label") == label and r.get("cpuPerEmail") is not None]
    print("%-16s %8d %8.1f %8.1f %8.2f" % (label, len(values), statistics.median(values), pct(values, 95),
                                          statistics.median(cpus) if cpus else float("nan")))
for r in rows:
    if "newConnectionMedian" in r:
        print("smtp-sink floor: new connection %s ms, kept connection %s ms (median)"
              % (r["newConnectionMedian"], r["reusedConnectionMedian"]))
print("load average now: %s" % " ".join("%.1f" % x for x in os.getloadavg()))
PY
