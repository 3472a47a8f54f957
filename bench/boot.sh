#!/usr/bin/env bash
# Boot time, memory and listening sockets of a confmail jar, as ops see them.
#
# Usage: bench/boot.sh [JAR] [ROUNDS]      (default target/confmail.jar, 3 rounds)
#
# Each round starts the jar with demo data on a fresh data directory (embedded H2 and broker, as shipped) and
# measures the time from `java -jar` until it is ready: the database check UP and the API answering a users list
# that holds the demo's five users. It then prints the process's resident memory (VmRSS) and the TCP ports it
# listens on (ss -ltnp), and stops it. Knobs: BENCH_JAVA (the java binary; default: a JDK 21+ found by
# scripts/use-jdk21.sh), BENCH_JAVA_OPTS (none), BENCH_PORT (a free port).
# The last line: `boot: jar=<jar> rounds=<n> boot_s_median=<s> rss_mb_median=<mb> ports=<ports of the last round>`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$(readlink -f "${1:-$ROOT/target/confmail.jar}")"
ROUNDS="${2:-3}"
[[ -f "$JAR" ]] || { echo "boot: $JAR not found (mvn -DskipTests package builds it)" >&2; exit 1; }
if [[ -z "${BENCH_JAVA:-}" ]]; then
  # shellcheck source=../scripts/use-jdk21.sh
  source "$ROOT/scripts/use-jdk21.sh"
  BENCH_JAVA="$JAVA_HOME/bin/java"
fi
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
WORK="$(mktemp -d /tmp/confmail-boot.XXXXXX)"
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

boots=(); rss=(); ports=""
for ((round = 1; round <= ROUNDS; round++)); do
  port="${BENCH_PORT:-$(free_port)}"
  data="$WORK/data-$round"
  start=$(date +%s.%N)
  CONFMAIL_DATA_DIR="$data" CONFMAIL_DEMO_DATA=true CONFMAIL_ADMIN_PASSWORD=bench-admin-password \
    CONFMAIL_SMTP_PORT=1 "$BENCH_JAVA" "${java_opts[@]}" -jar "$JAR" --port "$port" >"$WORK/log-$round.txt" 2>&1 &
  PID=$!
  until curl -fsS --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null | tr -d ' \n' \
          | grep -q '"name":"database","status":"UP"' \
        && curl -fsS --max-time 2 -u admin:bench-admin-password "http://127.0.0.1:$port/api/v1/users?size=1" \
          2>/dev/null | grep -q '"total":5'; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$WORK/log-$round.txt" >&2; echo "boot: confmail exited" >&2; exit 1; }
    sleep 0.1
  done
  boot=$(echo "$(date +%s.%N) - $start" | bc)
  mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024 ))
  ports=$(ss -Hltnp | grep "pid=$PID," | awk '{print $4}' | sed 's/.*://' | sort -n | paste -sd, -)
  echo "round $round: boot_s=$(printf '%.1f' "$boot") rss_mb=$mb listening=$ports"
  ss -ltnp | grep "pid=$PID," | sed 's/^/  /'
  boots+=("$boot"); rss+=("$mb")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf 'boot: jar=%s rounds=%d boot_s_median=%.1f rss_mb_median=%d ports=%s\n' \
  "$JAR" "$ROUNDS" "$(median "${boots[@]}")" "$(median "${rss[@]}")" "$ports"
