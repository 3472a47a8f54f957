#!/usr/bin/env bash
# confmail's benchmark: one rerunnable command that builds what it needs and prints as its last line
#
#   bench: e2e=<n>/s baseline=<n>/s ratio=<r> api_p50_ms=<n> api_p99_ms=<n> search_ms=<n> import_per_s=<n> boot_s=<n> rss_mb=<n>
#
# What each figure is (bench/README.md has the details and the lessons of the profiles):
#   boot_s    `java -jar target/confmail.jar` on a fresh data directory until /health/ready has the database UP and
#             the API answers (Flyway creates the schema in that time);
#   baseline  a bare Angus Mail loop (bench/tools MailBaseline) building and sending E2E_USERS equivalent
#             multipart/alternative messages over DELIVERY_CONCURRENCY kept connections to the same smtp-sink;
#   e2e       E2E_USERS licensed users, one bulk request ({"all": true}), until smtp-sink has counted them all;
#   ratio     e2e / baseline;
#   rss_mb    the server's resident memory right after the bulk;
#   api_*     POST /api/v1/users/{upn}/conference-info-email at API_RATE/s for API_SECONDS s, Gatling's open model
#             (bench/tools ConferenceInfoSimulation), p50 and p99 of the response time;
#   search_ms with SEARCH_USERS users, the slowest median of first page, deep page, exact UPN, conference ID and
#             name fragment (bench/tools SearchTimer), on H2 and on PostgreSQL: the worse of the two;
#   import    IMPORT_USERS new licensed users through the fastest way the server has (the batch import, else one
#             POST per user), per second.
#
# Only Postfix's smtp-sink is started (installed with apt-get when missing, with Postfix left unconfigured and
# stopped), on a free port of 127.0.0.1; PostgreSQL at 127.0.0.1:5432 with trust authentication gets a database of
# its own that is dropped at the end. Users for the bulk and the searches are written straight into the database
# (H2's RunScript, psql) while confmail is stopped, as bench/users-list.sh does.
#
# Environment (all optional): BENCH_E2E_USERS (10000), BENCH_SEARCH_USERS (100000), BENCH_API_RATE (500),
# BENCH_API_SECONDS (30), BENCH_SEARCH_RUNS (15), BENCH_IMPORT_USERS (10000; 2000 when the server has no batch
# import), BENCH_DELIVERY_CONCURRENCY (the server's CONFMAIL_DELIVERY_CONCURRENCY and the baseline's connections;
# unset: the server's default, and 4 connections), BENCH_JAVA_OPTS (extra JVM options for the server),
# BENCH_SKIP_BUILD=true (reuse target/confmail.jar), BENCH_JAR (another jar, e.g. a copy of an earlier build), BENCH_SKIP_POSTGRES=true, BENCH_PG_HOST (127.0.0.1),
# BENCH_PG_USER (postgres), BENCH_KEEP=true (keep the work directory), BENCH_ONLY=search (boot and the two search
# phases only, for comparing two jars' searches in minutes; prints a search line instead of the bench line).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/use-jdk21.sh
source scripts/use-jdk21.sh

E2E_USERS="${BENCH_E2E_USERS:-10000}"
SEARCH_USERS="${BENCH_SEARCH_USERS:-100000}"
API_RATE="${BENCH_API_RATE:-500}"
API_SECONDS="${BENCH_API_SECONDS:-30}"
SEARCH_RUNS="${BENCH_SEARCH_RUNS:-15}"
CONNECTIONS="${BENCH_DELIVERY_CONCURRENCY:-4}"
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_USER="${BENCH_PG_USER:-postgres}"
ADMIN_PASSWORD="bench-admin-password"
BRIDGE_NAME="Bench bridge"
JAR="$(readlink -f "${BENCH_JAR:-$ROOT/target/confmail.jar}")"
TOOLS="$ROOT/bench/tools"
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
WORK="$(mktemp -d /tmp/confmail-bench.XXXXXX)"
APP_PID=""
SINK_PID=""
PG_DB=""

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

cleanup() {
  local rc=$?
  trap - EXIT
  stop_app
  [[ -n "$SINK_PID" ]] && kill "$SINK_PID" 2>/dev/null
  [[ -n "$PG_DB" ]] && psql -q -h "$PG_HOST" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1
  if [[ "${BENCH_KEEP:-false}" == "true" || $rc -ne 0 ]]; then say "work directory kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- build -------------------------------------------------------------------------------------------------------
if [[ -z "${BENCH_JAR:-}" && ( "${BENCH_SKIP_BUILD:-false}" != "true" || ! -f "$JAR" ) ]]; then
  say "building target/confmail.jar"
  mvn -B -q -DskipTests package >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; die "build failed"; }
fi
say "building the bench tools (Gatling, Angus Mail baseline, timers)"
mvn -B -q -f "$TOOLS/pom.xml" package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  >"$WORK/tools.log" 2>&1 || { tail -40 "$WORK/tools.log" >&2; die "bench tools build failed"; }
TOOLS_CP="$TOOLS/target/classes:$(cat "$TOOLS/target/classpath.txt")"
tool() { java -cp "$TOOLS_CP" "$@"; }
# The H2 that the jar runs, to write into its database files.
unzip -p "$JAR" MICRO-INF/runtime/h2.jar >"$WORK/h2.jar"

# --- smtp-sink ---------------------------------------------------------------------------------------------------
if [[ ! -x /usr/sbin/smtp-sink ]]; then
  say "installing Debian's postfix for smtp-sink (unconfigured: the Postfix daemon does not start)"
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi
SINK_PORT="$(free_port)"
sink_user=(); [[ $EUID -eq 0 ]] && sink_user=(-u nobody)
# -c: a running count of sessions and messages on stdout, "\r"-separated; 1000: the listen backlog.
/usr/sbin/smtp-sink -c "${sink_user[@]}" "127.0.0.1:$SINK_PORT" 1000 >"$WORK/sink.out" 2>"$WORK/sink.err" &
SINK_PID=$!
sleep 0.5
kill -0 "$SINK_PID" 2>/dev/null || die "smtp-sink did not start: $(cat "$WORK/sink.err")"
sink_count() { local c; c="$(tr '\r' '\n' <"$WORK/sink.out" | tail -1 | sed -nE 's/.*mesg=([0-9]+).*/\1/p')"; echo "${c:-0}"; }

# --- the server --------------------------------------------------------------------------------------------------
DB_ENV=()
start_app() { # start_app <label> <data dir>: starts and waits until ready; sets BOOT_S, BASE
  local label="$1" data="$2" port start
  port="$(free_port)"
  BASE="http://127.0.0.1:$port"
  local -a env_vars=(CONFMAIL_DATA_DIR="$data" CONFMAIL_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    CONFMAIL_SMTP_HOST=127.0.0.1 CONFMAIL_SMTP_PORT="$SINK_PORT"
    CONFMAIL_DEFAULT_FROM_ADDRESS=no-reply@contoso.example
    CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR=100000 CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR=100
    "${DB_ENV[@]}")
  [[ -n "${BENCH_DELIVERY_CONCURRENCY:-}" ]] && env_vars+=(CONFMAIL_DELIVERY_CONCURRENCY="$BENCH_DELIVERY_CONCURRENCY")
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  env "${env_vars[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --port "$port" --rootdir "$WORK/payara-$label" \
    >"$WORK/app-$label.log" 2>&1 &
  APP_PID=$!
  until curl -fsS --max-time 2 -u "admin:$ADMIN_PASSWORD" "$BASE/health/ready" 2>/dev/null | tr -d ' \n' \
          | grep -q '"name":"database","status":"UP"' \
        && curl -fsS -o /dev/null --max-time 5 -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/users?size=1" 2>/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app-$label.log" >&2; die "confmail exited ($label)"; }
    sleep 0.1
  done
  BOOT_S=$(echo "$(date +%s.%N) - $start" | bc)
  say "confmail ($label) ready in $(printf '%.1f' "$BOOT_S") s on $BASE (pid $APP_PID)"
}
stop_app() {
  local pid="$APP_PID" i
  [[ -n "$pid" ]] || return 0
  APP_PID=""
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
api() { # api <method> <path> [json]: as admin (Basic), prints the body, fails on a non-2xx answer
  local -a body=(); [[ $# -ge 3 ]] && body=(-d "$3")
  curl -fsS -u "admin:$ADMIN_PASSWORD" -X "$1" -H 'Content-Type: application/json' "${body[@]}" "$BASE/api/v1$2"
}
setup_tenant() { # a bridge with a toll number, and an API token (no password hashing per request)
  local bridge
  bridge="$(api POST /bridges "{\"name\":\"$BRIDGE_NAME\"}" | sed -nE 's/.*"id":"([^"]+)".*/\1/p')"
  api POST "/bridges/$bridge/service-numbers" \
    '{"number":"+14255550100","type":"TOLL","country":"US","city":"Seattle","languages":["en-US"]}' >/dev/null
  TOKEN="$(api POST /accounts/admin/tokens '{"name":"bench"}' | sed -nE 's/.*"token":"([^"]+)".*/\1/p')"
  [[ -n "$TOKEN" ]] || die "no API token"
}

# Users user000001 … user<n>@contoso.example: display names from 24 first and 25 last names, unique 7-digit
# conference IDs, licensed, on the bench bridge with its toll number, a PIN hash in the real format.
seed_select() { # seed_select <dialect h2|pg> <from> <to>
  local uuid range dateadd
  if [[ "$1" == h2 ]]; then
    uuid="CAST(RANDOM_UUID() AS VARCHAR(36))"; range="SYSTEM_RANGE($2, $3) r"
    dateadd="DATEADD(SECOND, r.X * 60, TIMESTAMP '2024-01-01 08:00:00')"
  else
    uuid="gen_random_uuid()::text"; range="generate_series($2, $3) r(X)"
    dateadd="TIMESTAMP '2024-01-01 08:00:00' + r.X * INTERVAL '1 minute'"
  fi
  cat <<EOF
INSERT INTO conferencing_user (id, user_principal_name, display_name, email, preferred_language, country,
        audio_conferencing_license, provider, third_party_provider_name, bridge_id, toll_number_id,
        toll_free_number_id, allow_toll_free_dial_in, conference_id, pin_hash, created_at, updated_at, version)
SELECT $uuid, 'user' || LPAD(CAST(r.X AS VARCHAR), 6, '0') || '@contoso.example', f.name || ' ' || l.name,
       'user' || LPAD(CAST(r.X AS VARCHAR), 6, '0') || '@contoso.example',
       CASE MOD(r.X, 2) WHEN 0 THEN 'en-US' ELSE 'fr-FR' END, CASE MOD(r.X, 2) WHEN 0 THEN 'US' ELSE 'FR' END,
       TRUE, 'SELF_HOSTED', NULL, b.id, b.default_toll_number_id, NULL, TRUE,
       CAST(1000000 + MOD(r.X * 7919, 9000000) AS VARCHAR(10)),
       'PBKDF2WithHmacSHA256:50000:c2VlZHNlZWRzZWVkc2VlZA==:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
       $dateadd, $dateadd, 0
FROM $range
JOIN (VALUES (0, 'Ada'), (1, 'Alan'), (2, 'Grace'), (3, 'Marie'), (4, 'Linus'), (5, 'Margaret'), (6, 'Tim'),
             (7, 'Barbara'), (8, 'Dennis'), (9, 'Katherine'), (10, 'Ken'), (11, 'Hedy'), (12, 'John'),
             (13, 'Frances'), (14, 'Edsger'), (15, 'Radia'), (16, 'Niklaus'), (17, 'Sophie'), (18, 'Donald'),
             (19, 'Lynn'), (20, 'Claude'), (21, 'Jean'), (22, 'Annie'), (23, 'Vint')) f(i, name) ON f.i = MOD(r.X, 24)
JOIN (VALUES (0, 'Lovelace'), (1, 'Turing'), (2, 'Hopper'), (3, 'Curie'), (4, 'Torvalds'), (5, 'Hamilton'),
             (6, 'Berners-Lee'), (7, 'Liskov'), (8, 'Ritchie'), (9, 'Johnson'), (10, 'Thompson'), (11, 'Lamarr'),
             (12, 'McCarthy'), (13, 'Allen'), (14, 'Dijkstra'), (15, 'Perlman'), (16, 'Wirth'), (17, 'Wilson'),
             (18, 'Knuth'), (19, 'Conway'), (20, 'Shannon'), (21, 'Sammet'), (22, 'Easley'), (23, 'Cerf'),
             (24, 'Dupont')) l(i, name) ON l.i = MOD(r.X / 24, 25)
CROSS JOIN (SELECT id, default_toll_number_id FROM bridge WHERE name = '$BRIDGE_NAME') b;
EOF
}
seed_h2() { # seed_h2 <data dir> <from> <to>: the server is stopped
  local url="jdbc:h2:file:$1/db/confmail" from
  : >"$WORK/seed.sql"
  for ((from = $2; from <= $3; from += 10000)); do
    seed_select h2 "$from" $((from + 9999 < $3 ? from + 9999 : $3)) >>"$WORK/seed.sql"
  done
  echo "SHUTDOWN COMPACT;" >>"$WORK/seed.sql"
  java -cp "$WORK/h2.jar" org.h2.tools.RunScript -url "$url" -user confmail -password confmail \
    -script "$WORK/seed.sql" 2>/dev/null || true   # SHUTDOWN closes the connection under RunScript's feet
}
seed_pg() { # seed_pg <database> <from> <to>
  { seed_select pg "$2" "$3"; echo "VACUUM ANALYZE conferencing_user;"; } \
    | psql -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -U "$PG_USER" -d "$1" >/dev/null
}

# --- 1. boot, baseline, bulk, memory, API latency (H2) -----------------------------------------------------------
H2_DATA="$WORK/h2-data"
start_app boot "$H2_DATA"
BOOT="$BOOT_S"
setup_tenant
stop_app
# The search phase gets a copy of this freshly set-up database rather than the one the API phase leaves: that
# phase ends with the server thousands of requests behind, and stopping it then has left H2's file unreadable once
# (bench/README.md).
cp -r "$H2_DATA" "$WORK/h2-search"
if [[ "${BENCH_ONLY:-}" != "search" ]]; then
seed_h2 "$H2_DATA" 1 "$E2E_USERS"
start_app e2e "$H2_DATA"

say "baseline: $E2E_USERS messages over $CONNECTIONS connections, bare Angus Mail"
tool org.confmail.bench.MailBaseline 127.0.0.1 "$SINK_PORT" "$E2E_USERS" "$CONNECTIONS" | tee "$WORK/baseline.txt" >&2
BASELINE="$(sed -nE 's/.*per_s=([0-9]+).*/\1/p' "$WORK/baseline.txt")"

say "e2e: one bulk send to all $E2E_USERS users"
before="$(sink_count)"
t0=$(date +%s.%N)
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"all":true}' \
  "$BASE/api/v1/bulk/conference-info-emails" || die "the bulk send was refused"
deadline=$((SECONDS + 1800))
while (( $(sink_count) < before + E2E_USERS )); do
  ((SECONDS < deadline)) || die "smtp-sink got $(( $(sink_count) - before )) of $E2E_USERS in 30 minutes"
  kill -0 "$APP_PID" 2>/dev/null || die "confmail exited during the bulk"
  sleep 0.05
done
E2E_S=$(echo "$(date +%s.%N) - $t0" | bc)
E2E=$(echo "$E2E_USERS / $E2E_S" | bc)
RSS=$(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 ))
say "e2e: $E2E_USERS accepted by smtp-sink in $(printf '%.1f' "$E2E_S") s ($E2E/s); RSS $RSS MB"

say "api: $API_RATE requests/s for $API_SECONDS s (Gatling, open model)"
# The options Gatling's launchers pass: it reads String internals and needs a larger stack for Scala.
tool --add-opens=java.base/java.lang=ALL-UNNAMED -Xss100M -Dbench.baseUrl="$BASE" -Dbench.token="$TOKEN" -Dbench.rate="$API_RATE" -Dbench.seconds="$API_SECONDS" \
  -Dbench.users="$E2E_USERS" io.gatling.app.Gatling -s org.confmail.bench.ConferenceInfoSimulation \
  -rf "$WORK/gatling" >"$WORK/gatling.log" 2>&1 || { tail -40 "$WORK/gatling.log" >&2; die "Gatling failed"; }
# Gatling's console summary, "Total" column: "> response time 50th percentile (ms) | 9,857 | ...".
gatling_total() { sed -nE "s/^> $1 +\| +([0-9,.]+) .*/\1/p" "$WORK/gatling.log" | tail -1 | tr -d ','; }
API_P50="$(gatling_total 'response time 50th percentile \(ms\)')"
API_P99="$(gatling_total 'response time 99th percentile \(ms\)')"
API_KO="$(sed -nE 's/^> request count +\| +[0-9,]+ \| +[0-9,]+ \| +([0-9,]+).*/\1/p' "$WORK/gatling.log" | tail -1 | tr -d ',')"
[[ -n "$API_P50" && -n "$API_P99" ]] || { tail -40 "$WORK/gatling.log" >&2; die "no Gatling summary"; }
sed -n '/---- Global Information/,/^=====/p' "$WORK/gatling.log" | tail -22 >&2
((${API_KO:-0} == 0)) || say "api: $API_KO requests failed (see $WORK/gatling.log)"
REPORT="$(find "$WORK/gatling" -mindepth 1 -maxdepth 1 -type d | head -1)"
mkdir -p "$OUT/gatling" && cp -r "$REPORT" "$OUT/gatling/"
stop_app
fi

# --- 2. search with SEARCH_USERS users, and import (H2) ----------------------------------------------------------
seed_h2 "$WORK/h2-search" 1 "$SEARCH_USERS"
start_app search-h2 "$WORK/h2-search"
say "search on H2 ($SEARCH_USERS users)"
tool org.confmail.bench.SearchTimer "$BASE" "$TOKEN" "$SEARCH_USERS" "$SEARCH_RUNS" | tee "$WORK/search-h2.txt" >&2
SEARCH_H2="$(sed -nE 's/.*median_max_ms=([0-9]+).*/\1/p' "$WORK/search-h2.txt")"
if [[ "${BENCH_ONLY:-}" != "search" ]]; then
say "import: ${BENCH_IMPORT_USERS:-10000} licensed users (2000 one by one when the server has no batch import)"
tool org.confmail.bench.ImportTimer "$BASE" "$TOKEN" "${BENCH_IMPORT_USERS:-10000}" "${BENCH_IMPORT_USERS:-2000}" \
  import.example | tee "$WORK/import.txt" >&2
IMPORT="$(sed -nE 's/.*per_s=([0-9]+).*/\1/p' "$WORK/import.txt")"
fi
stop_app

# --- 3. search with SEARCH_USERS users (PostgreSQL) --------------------------------------------------------------
SEARCH_PG=""
if [[ "${BENCH_SKIP_POSTGRES:-false}" != "true" ]]; then
  PG_DB="confmail_bench_$$"
  psql -q -h "$PG_HOST" -U "$PG_USER" -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null \
    || die "cannot create a database on PostgreSQL at $PG_HOST:5432 as $PG_USER (BENCH_SKIP_POSTGRES=true skips it)"
  DB_ENV=(CONFMAIL_DB_URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB" CONFMAIL_DB_USER="$PG_USER"
          CONFMAIL_DB_PASSWORD=unused-with-trust)
  start_app pg-setup "$WORK/pg-data"
  setup_tenant
  stop_app
  seed_pg "$PG_DB" 1 "$SEARCH_USERS"
  start_app search-pg "$WORK/pg-data"
  say "search on PostgreSQL ($SEARCH_USERS users)"
  tool org.confmail.bench.SearchTimer "$BASE" "$TOKEN" "$SEARCH_USERS" "$SEARCH_RUNS" | tee "$WORK/search-pg.txt" >&2
  SEARCH_PG="$(sed -nE 's/.*median_max_ms=([0-9]+).*/\1/p' "$WORK/search-pg.txt")"
  stop_app
fi
SEARCH=$(( ${SEARCH_PG:-0} > SEARCH_H2 ? SEARCH_PG : SEARCH_H2 ))

say "search: H2 ${SEARCH_H2} ms, PostgreSQL ${SEARCH_PG:-skipped} ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "${BENCH_ONLY:-}" == "search" ]]; then
  LINE="bench (search only): search_ms=$SEARCH search_h2_ms=$SEARCH_H2 search_pg_ms=${SEARCH_PG:-skipped} boot_s=$(printf '%.1f' "$BOOT") jar=$(basename "$JAR")"
  echo "$(date -u +%FT%TZ) $(git rev-parse --short HEAD) $LINE" >>"$OUT/runs.txt"
  echo "$LINE"
  exit 0
fi
RATIO=$(echo "scale=2; $E2E / $BASELINE" | bc | sed 's/^\./0./')
LINE="bench: e2e=$E2E/s baseline=$BASELINE/s ratio=$RATIO api_p50_ms=$API_P50 api_p99_ms=$API_P99 search_ms=$SEARCH import_per_s=$IMPORT boot_s=$(printf '%.1f' "$BOOT") rss_mb=$RSS"
echo "$(date -u +%FT%TZ) $(git rev-parse --short HEAD) $LINE" >>"$OUT/runs.txt"
echo "$LINE"
