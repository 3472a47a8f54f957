#!/usr/bin/env bash
# Benchmark of the users list (GET /api/v1/users, the same UserService.list the portal's users table calls)
# with many users, against a baseline with few users measured in the same run.
#
# Usage: bench/users-list.sh
#
# What it does, in a fresh temporary data directory:
#   1. builds target/confmail.jar if it is missing, fetches the H2 2.2.224 jar (the version Payara ships);
#   2. starts confmail once, so Flyway creates the schema, creates a bridge with a toll number through the API,
#      stops it;
#   3. seeds BENCH_BASELINE_USERS users straight into the H2 file with SQL, starts confmail, measures, stops;
#   4. seeds up to BENCH_USERS users, starts confmail, measures, stops;
#   5. optionally (BENCH_DROP_INDEXES) drops the named indexes, starts confmail and measures again;
#   6. prints the table; H2's plans (EXPLAIN ANALYZE) of the SQL behind the list, taken on the large database
#      (and again after BENCH_DROP_INDEXES), go to a file.
#
# Each query is measured BENCH_RUNS times after BENCH_WARMUP warm-up requests, round-robin over the queries
# (so that a burst of load from elsewhere hits all of them alike), with curl's time_total. Queries with a
# parameter rotate it over the runs (30 different names, UPNs, conference IDs, pages): H2 hands back the
# previous result when one session runs the same statement with the same parameters on unchanged data, which
# would measure that cache, not the query.
#
# Environment (all optional):
#   BENCH_USERS           users in the large database                      (100000)
#   BENCH_BASELINE_USERS  users in the baseline database                   (1000)
#   BENCH_RUNS            measured requests per query                      (30)
#   BENCH_WARMUP          warm-up requests per query, not measured         (5)
#   BENCH_JAR             the jar to run                                   (target/confmail.jar)
#   BENCH_JAVA_OPTS       JVM options for the app                          (none)
#   BENCH_READY_TIMEOUT   seconds to wait for each start                   (300)
#   BENCH_OUT_DIR         where results, raw timings and logs go           (target/bench)
#   BENCH_DROP_INDEXES    index names to drop for a last "without" pass     (none), e.g. to compare with and
#                         without a migration's indexes in one run
#   BENCH_H2_URL_OPTIONS  appended to the app's H2 URL (through CONFMAIL_DB_URL), e.g. ";CACHE_SIZE=262144"
#                                                                          (none: the app's default URL)
#   BENCH_KEEP_DATA       "true" keeps the temporary data directory        (false)
#
# Output: the table on stdout and in $BENCH_OUT_DIR/users-list-results.md, every timing in
# $BENCH_OUT_DIR/users-list-raw.csv, H2's plans in $BENCH_OUT_DIR/users-list-explain.txt.
set -euo pipefail

USERS="${BENCH_USERS:-100000}"
BASELINE="${BENCH_BASELINE_USERS:-1000}"
RUNS="${BENCH_RUNS:-30}"
WARMUP="${BENCH_WARMUP:-5}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-300}"
DROP_INDEXES="${BENCH_DROP_INDEXES:-}"
KEEP_DATA="${BENCH_KEEP_DATA:-false}"
H2_VERSION="2.2.224"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
PAGE_SIZE=25
SEED_CHUNK=10000
BRIDGE_NAME="Bench bridge"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
# Payara 7 needs a JDK 21 or newer: take it from JAVA_HOME, PATH or /usr/lib/jvm, or stop with one line.
source scripts/use-jdk21.sh
APP_JAR="${BENCH_JAR:-target/confmail.jar}"
OUT_DIR="${BENCH_OUT_DIR:-target/bench}"
H2_JAR="$OUT_DIR/h2-$H2_VERSION.jar"
RESULTS="$OUT_DIR/users-list-results.md"
RAW="$OUT_DIR/users-list-raw.csv"
EXPLAIN_OUT="$OUT_DIR/users-list-explain.txt"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

for var in USERS BASELINE RUNS WARMUP READY_TIMEOUT; do
  [[ "${!var}" =~ ^[0-9]+$ ]] || die "$var must be a number, got '${!var}'."
done
((BASELINE >= 1000 && USERS > BASELINE)) || die "need BENCH_BASELINE_USERS >= 1000 and BENCH_USERS above it."
((RUNS >= 2)) || die "BENCH_RUNS must be at least 2."
for cmd in java mvn curl; do command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found on PATH."; done

START_SECONDS=$SECONDS
WORK=""
APP_PID=""

# ---------------------------------------------------------------------------------------------------------
# Processes: only the app this script started is ever stopped, by its PID.
# ---------------------------------------------------------------------------------------------------------
stop_app() {
  local pid="$APP_PID" i
  [[ -n "$pid" ]] || return 0
  APP_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "confmail (pid $pid) did not stop within 60 s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if [[ "$KEEP_DATA" == "true" || $rc -ne 0 ]]; then
      say "data and logs kept in $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

free_port() {
  local i port
  for ((i = 0; i < 50; i++)); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  die "found no free port in 50 tries."
}

# start_app <label>: starts the jar on a free port, waits until the database check is UP and the API answers.
start_app() {
  local label="$1" log i ready_since=$SECONDS
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  log="$WORK/app-$label.log"
  local -a app_env=(CONFMAIL_DATA_DIR="$DATA_DIR" CONFMAIL_ADMIN_PASSWORD="$ADMIN_PASSWORD")
  if [[ -n "${BENCH_H2_URL_OPTIONS:-}" ]]; then
    # The app's default URL (microprofile-config.properties) plus the options.
    app_env+=(CONFMAIL_DB_URL="jdbc:h2:file:$DATA_DIR/db/confmail;DB_CLOSE_ON_EXIT=FALSE$BENCH_H2_URL_OPTIONS")
  fi
  # env execs java, so $! is the JVM's own PID.
  # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
  env "${app_env[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$APP_JAR" --port "$PORT" --rootdir "$WORK/payara-$label" >"$log" 2>&1 &
  APP_PID=$!
  for ((i = 0; ; i++)); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "confmail exited during start ($log)."; }
    if curl -s --max-time 5 -u "admin:$ADMIN_PASSWORD" "$BASE/health/ready" 2>/dev/null \
        | grep -q '"name":"database","status":"UP"' \
        && [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u "admin:$ADMIN_PASSWORD" \
                 "$BASE/api/v1/users?size=1")" == "200" ]]; then
      break
    fi
    ((SECONDS - ready_since < READY_TIMEOUT)) || die "confmail not ready after ${READY_TIMEOUT}s ($log)."
    sleep 1
  done
  say "confmail ($label) ready on port $PORT after $((SECONDS - ready_since)) s (pid $APP_PID)"
}

# ---------------------------------------------------------------------------------------------------------
# H2
# ---------------------------------------------------------------------------------------------------------
h2_url() { echo "jdbc:h2:file:$DATA_DIR/db/confmail"; }

h2_script() { # h2_script <file>: runs a SQL script on the (stopped) app's database
  java -cp "$H2_JAR" org.h2.tools.RunScript -url "$(h2_url)" -user confmail -password confmail -script "$1"
}

h2_query() { # h2_query <sql>: prints the result of one query
  java -cp "$H2_JAR" org.h2.tools.Shell -url "$(h2_url)" -user confmail -password confmail -sql "$1"
}

user_count() {
  h2_query "SELECT COUNT(*) AS N FROM conferencing_user" | sed -n '2p' | tr -dc '0-9'
}

# The seeded users: user000123@contoso.example, display names from 24 first and 25 last names (600 distinct
# names, each last name on 4 % of the users), unique 7-digit conference IDs (x * 7919 mod 9,000,000 is a
# bijection), all licensed and SELF_HOSTED on the bench bridge with its default toll number, a PIN hash of
# the real format and length, creation times a minute apart.
seed_sql() { # seed_sql <from> <to>
  cat <<EOF
INSERT INTO conferencing_user (id, user_principal_name, display_name, email, preferred_language, country,
        audio_conferencing_license, provider, third_party_provider_name, bridge_id, toll_number_id,
        toll_free_number_id, allow_toll_free_dial_in, conference_id, pin_hash, created_at, updated_at, version)
SELECT CAST(RANDOM_UUID() AS VARCHAR(36)),
       'user' || LPAD(CAST(r.X AS VARCHAR), 6, '0') || '@contoso.example',
       f.name || ' ' || l.name,
       'user' || LPAD(CAST(r.X AS VARCHAR), 6, '0') || '@contoso.example',
       CASE MOD(r.X, 4) WHEN 0 THEN 'en-US' WHEN 1 THEN 'fr-FR' WHEN 2 THEN 'de-DE' ELSE 'en-GB' END,
       CASE MOD(r.X, 4) WHEN 0 THEN 'US' WHEN 1 THEN 'FR' WHEN 2 THEN 'DE' ELSE 'GB' END,
       TRUE, 'SELF_HOSTED', NULL, b.id, b.default_toll_number_id, NULL, TRUE,
       CAST(1000000 + MOD(r.X * 7919, 9000000) AS VARCHAR(10)),
       'PBKDF2WithHmacSHA256:100000:c2VlZHNlZWRzZWVkc2VlZA==:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
       DATEADD(SECOND, r.X * 60, TIMESTAMP '2024-01-01 08:00:00'),
       DATEADD(SECOND, r.X * 60, TIMESTAMP '2024-01-01 08:00:00'),
       0
FROM SYSTEM_RANGE($1, $2) r
JOIN (VALUES (0, 'Ada'), (1, 'Alan'), (2, 'Grace'), (3, 'Marie'), (4, 'Linus'), (5, 'Margaret'), (6, 'Tim'),
             (7, 'Barbara'), (8, 'Dennis'), (9, 'Katherine'), (10, 'Ken'), (11, 'Hedy'), (12, 'John'),
             (13, 'Frances'), (14, 'Edsger'), (15, 'Radia'), (16, 'Niklaus'), (17, 'Sophie'), (18, 'Donald'),
             (19, 'Lynn'), (20, 'Claude'), (21, 'Jean'), (22, 'Annie'), (23, 'Vint')) f(i, name)
  ON f.i = MOD(r.X, 24)
JOIN (VALUES (0, 'Lovelace'), (1, 'Turing'), (2, 'Hopper'), (3, 'Curie'), (4, 'Torvalds'), (5, 'Hamilton'),
             (6, 'Berners-Lee'), (7, 'Liskov'), (8, 'Ritchie'), (9, 'Johnson'), (10, 'Thompson'), (11, 'Lamarr'),
             (12, 'McCarthy'), (13, 'Allen'), (14, 'Dijkstra'), (15, 'Perlman'), (16, 'Wirth'), (17, 'Wilson'),
             (18, 'Knuth'), (19, 'Conway'), (20, 'Shannon'), (21, 'Sammet'), (22, 'Easley'), (23, 'Cerf'),
             (24, 'Dupont')) l(i, name)
  ON l.i = MOD(r.X / 24, 25)
CROSS JOIN (SELECT id, default_toll_number_id FROM bridge WHERE name = '$BRIDGE_NAME') b;
EOF
}

seed_users() { # seed_users <up to>: adds users (current count + 1) .. <up to>, in committed chunks
  local target="$1" from to file="$WORK/seed.sql" have started=$SECONDS
  have="$(user_count)"
  : >"$file"
  for ((from = have + 1; from <= target; from += SEED_CHUNK)); do
    to=$((from + SEED_CHUNK - 1 < target ? from + SEED_CHUNK - 1 : target))
    seed_sql "$from" "$to" >>"$file"
  done
  h2_script "$file"
  # Compacting leaves the file as a long-lived database would be, not bloated by one bulk load.
  echo "SHUTDOWN COMPACT;" >"$WORK/compact.sql"
  h2_script "$WORK/compact.sql" 2>/dev/null || true
  have="$(user_count)"
  [[ "$have" == "$target" ]] || die "seeding left $have users, expected $target."
  say "seeded up to $target users in $((SECONDS - started)) s (db file $(($(stat -c %s "$DATA_DIR/db/confmail.mv.db") / 1048576)) MB)"
}

# ---------------------------------------------------------------------------------------------------------
# Queries. Each prints one URL query string for run <i>; runs rotate the parameter (see the header).
# ---------------------------------------------------------------------------------------------------------
QUERIES=(first deep name upn confid none)
declare -A LABELS=(
  [first]="first page (size 25, default sort)"
  [deep]="deep page, sort=displayName,desc"
  [name]="search, name fragment"
  [upn]="search, exact UPN"
  [confid]="search, conference ID"
  [none]="search, no match"
)
LAST_NAME_FRAGMENTS=(ovela turin hoppe curie torva hamil rners lisko ritch johns thomp lamar mccar allen dijks
                     perlm wirth wilso knuth conwa shann samme easle cerf dupon)

user_number() { echo $((17 + (37 * $1) % (BASELINE - 17))); }   # always among the baseline's users
conference_id_of() { echo $((1000000 + ($1 * 7919) % 9000000)); }

query_string() { # query_string <query> <i> <users>
  local q="$1" i="$2" n="$3" middle
  case "$q" in
    first) echo "page=0&size=$PAGE_SIZE" ;;
    deep)
      # The middle of the list: page 2000 of 4000 at 100,000 users (20 of 40 at 1,000), +-15 pages.
      middle=$((n / PAGE_SIZE / 2))
      echo "page=$((middle - 15 + i % 30))&size=$PAGE_SIZE&sort=displayName,desc" ;;
    name) echo "search=${LAST_NAME_FRAGMENTS[i % ${#LAST_NAME_FRAGMENTS[@]}]}&page=0&size=$PAGE_SIZE" ;;
    upn) printf 'search=user%06d%%40contoso.example&page=0&size=%d\n' "$(user_number "$i")" "$PAGE_SIZE" ;;
    confid) echo "search=$(conference_id_of "$(user_number "$i")")&page=0&size=$PAGE_SIZE" ;;
    none) echo "search=nobody-zq$i&page=0&size=$PAGE_SIZE" ;;
  esac
}

request() { # request <query string>: prints "<seconds> <total>"
  local out code time total
  out="$(curl -s -u "admin:$ADMIN_PASSWORD" -o "$WORK/body.json" -w '%{http_code} %{time_total}' \
         --max-time 60 "$BASE/api/v1/users?$1")" || die "curl failed for ?$1"
  code="${out%% *}"
  time="${out##* }"
  [[ "$code" == "200" ]] || die "GET /api/v1/users?$1 answered $code: $(head -c 300 "$WORK/body.json")"
  total="$(sed -nE 's/.*"total":([0-9]+).*/\1/p' "$WORK/body.json")"
  echo "$time ${total:-?}"
}

# measure <label> <users>: warm-up, then RUNS rounds over all queries; appends to the raw CSV.
measure() {
  local label="$1" n="$2" i q t total res started=$SECONDS
  for ((i = 0; i < WARMUP; i++)); do
    for q in "${QUERIES[@]}"; do request "$(query_string "$q" $((RUNS + i)) "$n")" >/dev/null; done
  done
  for ((i = 0; i < RUNS; i++)); do
    for q in "${QUERIES[@]}"; do
      res="$(request "$(query_string "$q" "$i" "$n")")"
      read -r t total <<<"$res"
      echo "$label,$n,$q,$i,$(awk -v t="$t" 'BEGIN { printf "%.1f", t * 1000 }'),$total" >>"$RAW"
    done
  done
  say "measured $label ($n users): $((RUNS * ${#QUERIES[@]})) requests in $((SECONDS - started)) s"
}

# stats <label> <query>: "<median ms> <p95 ms> <matches>" (p95: nearest rank)
stats() {
  awk -F, -v l="$1" -v q="$2" '$1 == l && $3 == q { print $5 }' "$RAW" | sort -n | awk '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "- - -"; exit }
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      r = int(0.95 * NR); if (r < 0.95 * NR) r++
      printf "%s %s\n", fmt(med), fmt(v[r])
    }
    function fmt(x) { return x < 10 ? sprintf("%.1f", x) : sprintf("%.0f", x) }' | tr '\n' ' '
  awk -F, -v l="$1" -v q="$2" '$1 == l && $3 == q { print $6 }' "$RAW" | sort -n | uniq | awk '
    NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi ? lo : lo "-" hi) }'
}

# explain_plans <title>: H2's plans, with the rows each step read (EXPLAIN ANALYZE), of the SQL EclipseLink
# sends for the list (its column list and conditions, from its SQL log), appended to $EXPLAIN_OUT. The app is
# stopped; one H2 shell runs them all, on a cold database, so the times it prints are not the app's.
COLS="ID, allow_toll_free_dial_in, audio_conferencing_license, conference_id, COUNTRY, created_at, display_name,
EMAIL, pin_hash, preferred_language, PROVIDER, third_party_provider_name, updated_at, user_principal_name,
VERSION, bridge_id, toll_free_number_id, toll_number_id"
search_condition() {
  echo "((LOWER(user_principal_name) LIKE '%$1%' OR LOWER(display_name) LIKE '%$1%') OR conference_id LIKE '%$1%')"
}
explain_plans() {
  local cols label sql short
  cols="$(tr '\n' ' ' <<<"$COLS")"
  echo "maxwidth 2000" >"$WORK/explain.sql"
  while IFS='|' read -r label sql; do
    short="${sql/"$cols"/<all columns>}"
    echo "SELECT '---- $label: ${short//\'/\'\'}' AS Q;"
    echo "EXPLAIN ANALYZE $sql;"
  done >>"$WORK/explain.sql" <<EOF
first page|SELECT $cols FROM conferencing_user ORDER BY user_principal_name ASC LIMIT 25 OFFSET 0
its count|SELECT COUNT(ID) FROM conferencing_user
deep page|SELECT $cols FROM conferencing_user ORDER BY display_name DESC, user_principal_name ASC LIMIT 25 OFFSET $((USERS / 2))
first page by name|SELECT $cols FROM conferencing_user ORDER BY display_name ASC, user_principal_name ASC LIMIT 25 OFFSET 0
name fragment|SELECT $cols FROM conferencing_user WHERE $(search_condition ovela) ORDER BY user_principal_name ASC LIMIT 25 OFFSET 0
its count|SELECT COUNT(ID) FROM conferencing_user WHERE $(search_condition ovela)
no match|SELECT $cols FROM conferencing_user WHERE $(search_condition nobody-zq) ORDER BY user_principal_name ASC LIMIT 25 OFFSET 0
its count|SELECT COUNT(ID) FROM conferencing_user WHERE $(search_condition nobody-zq)
EOF
  {
    echo "==== H2 $H2_VERSION, $1"
    java -cp "$H2_JAR" org.h2.tools.Shell -url "$(h2_url)" -user confmail -password confmail <"$WORK/explain.sql" \
      | sed -E 's/^sql> //' \
      | grep -v -E '^ +"|^(Q|PLAN|SELECT)$|^Maximum width|^(Welcome|Exit with|Commands are|help or|list  |maxwidth|autocommit|history|quit or|Connection closed|Aborted)|^\(1 row|^$' \
      | sed -E 's/^---- /\n---- /' || true
    echo
  } >>"$EXPLAIN_OUT" 2>&1
}

# ---------------------------------------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------------------------------------
mkdir -p "$OUT_DIR"
if [[ ! -f "$APP_JAR" ]]; then
  say "building $APP_JAR (mvn -B -q -DskipTests package) ..."
  mvn -B -q -DskipTests package >"$OUT_DIR/build.log" 2>&1 \
    || { tail -n 40 "$OUT_DIR/build.log" >&2; die "the Maven build failed ($OUT_DIR/build.log)."; }
  [[ -f "$APP_JAR" ]] || die "$APP_JAR not found after the build."
fi
if [[ ! -f "$H2_JAR" ]]; then
  say "fetching com.h2database:h2:$H2_VERSION ..."
  (cd "$OUT_DIR" && mvn -B -q "$DEPENDENCY_PLUGIN:copy" -Dartifact="com.h2database:h2:$H2_VERSION" \
      -DoutputDirectory=.) >"$OUT_DIR/fetch-h2.log" 2>&1 \
    || { cat "$OUT_DIR/fetch-h2.log" >&2; die "could not fetch the H2 jar with Maven."; }
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/confmail-bench.XXXXXX")"
DATA_DIR="$WORK/data"
ADMIN_PASSWORD="bench-password-$RANDOM$RANDOM$RANDOM"
echo "label,users,query,run,ms,total" >"$RAW"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
say "work dir $WORK; load average $LOAD_BEFORE on $(nproc 2>/dev/null || echo '?') CPUs"

start_app schema
api="$BASE/api/v1"
bridge="$(curl -s -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
          -d "{\"name\":\"$BRIDGE_NAME\"}" "$api/bridges")"
bridge_id="$(sed -nE 's/.*"id":"([^"]+)".*/\1/p' <<<"$bridge")"
[[ -n "$bridge_id" ]] || die "could not create the bridge: $bridge"
code="$(curl -s -o "$WORK/body.json" -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
        -d '{"number":"+14255550100","type":"TOLL","country":"US","city":"Seattle","languages":["en-US"]}' \
        "$api/bridges/$bridge_id/service-numbers")"
[[ "$code" == "201" ]] || die "could not add the toll number ($code): $(cat "$WORK/body.json")"
stop_app

seed_users "$BASELINE"
start_app baseline
measure baseline "$BASELINE"
stop_app

seed_users "$USERS"
start_app large
measure large "$USERS"
stop_app
: >"$EXPLAIN_OUT"
explain_plans "$USERS users"

PASSES=(baseline large)
if [[ -n "$DROP_INDEXES" ]]; then
  : >"$WORK/drop.sql"
  for ix in $DROP_INDEXES; do
    [[ "$ix" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "not an index name: $ix"
    echo "DROP INDEX $ix;" >>"$WORK/drop.sql"
  done
  h2_script "$WORK/drop.sql"
  say "dropped $DROP_INDEXES"
  start_app without
  measure without "$USERS"
  stop_app
  explain_plans "$USERS users, without $DROP_INDEXES"
  PASSES+=(without)
fi

# ---------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------
declare -A PASS_TITLES=([baseline]="$BASELINE users" [large]="$USERS users" [without]="$USERS, without $DROP_INDEXES")
{
  echo "confmail users list, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc 2>/dev/null || echo '?') CPUs," \
       "${BENCH_H2_URL_OPTIONS:+H2 URL options $BENCH_H2_URL_OPTIONS, }load average $LOAD_BEFORE before / $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') after," \
       "$RUNS runs per query after $WARMUP warm-up, times in ms (curl time_total)"
  echo
  header="| query |"; rule="|---|"
  for p in "${PASSES[@]}"; do
    header+=" ${PASS_TITLES[$p]}: matches | median | p95 |"; rule+="---:|---:|---:|"
  done
  echo "$header"; echo "$rule"
  for q in "${QUERIES[@]}"; do
    row="| ${LABELS[$q]} |"
    for p in "${PASSES[@]}"; do
      read -r med p95 matches <<<"$(stats "$p" "$q")"
      row+=" $matches | $med | $p95 |"
    done
    echo "$row"
  done
  echo
  echo "Deep page: pages $((USERS / PAGE_SIZE / 2 - 15))-$((USERS / PAGE_SIZE / 2 + 14)) at $USERS users," \
       "$((BASELINE / PAGE_SIZE / 2 - 15))-$((BASELINE / PAGE_SIZE / 2 + 14)) at $BASELINE (the middle of the list)."
  echo "Plans: $EXPLAIN_OUT; raw timings: $RAW; whole run $((SECONDS - START_SECONDS)) s."
} | tee "$RESULTS"
