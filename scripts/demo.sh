#!/usr/bin/env bash
# One-command demo of confmail: builds the app, starts a throw-away local mail
# server (GreenMail) that keeps every message it receives, starts the app with
# demo data pointing at that mail server, and prints where to click and what to
# curl. Stays in the foreground; Ctrl-C (or SIGTERM) stops everything it started.
#
# Usage: scripts/demo.sh
#
# Environment (all optional):
#   PORT                     HTTP port of the app                     (8080)
#   DEMO_SMTP_PORT           GreenMail SMTP port the app sends to     (2525)
#   DEMO_IMAP_PORT           GreenMail IMAP port, for a mail client   (3143)
#   DEMO_MAIL_API_PORT       GreenMail REST API port to read mail     (8025)
#   CONFMAIL_ADMIN_PASSWORD  admin password (12+ characters); "demo-admin-password" if unset
#   CONFMAIL_DATA_DIR        where the app keeps its data             (./data)
#   CONFMAIL_PUBLIC_BASE_URL base URL used in links in mails          (http://127.0.0.1:$PORT)
#   CONFMAIL_JITSI_MUC_HOSTS Jitsi MUC hosts the conference mapper maps (conference.meet.example.com)
#   DEMO_GREENMAIL_VERSION   com.icegreen:greenmail-standalone version (2.1.13)
#   DEMO_READY_TIMEOUT       seconds to wait for /health/ready        (180)
#   DEMO_SKIP_BUILD          "true" to reuse an existing target/confmail.jar
#   DEMO_JAVA_OPTS           extra JVM options for the app, e.g. "-Xmx1g"
#
# Logs: GreenMail -> target/demo/greenmail.log; the app -> target/demo/confmail.log,
# which is followed on the terminal (tail) once the banner has been printed, so the
# banner is not buried under the server's start-up output.
set -euo pipefail

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------
PORT="${PORT:-8080}"
SMTP_PORT="${DEMO_SMTP_PORT:-2525}"
IMAP_PORT="${DEMO_IMAP_PORT:-3143}"
MAIL_API_PORT="${DEMO_MAIL_API_PORT:-8025}"
GREENMAIL_VERSION="${DEMO_GREENMAIL_VERSION:-2.1.13}"
READY_TIMEOUT="${DEMO_READY_TIMEOUT:-180}"
DATA_DIR="${CONFMAIL_DATA_DIR:-./data}"
# The app bootstraps exactly this account (BootstrapAdmin) on a fresh data dir.
ADMIN_USER="admin"
# Demo users live under this domain (see the app's demo data); used in the examples.
EXAMPLE_USER="ada.lovelace@contoso.example"
# Same version the project's pom.xml pins in pluginManagement; named in full so the
# GreenMail download does not depend on the project's pom at all.
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

# Run from the repository root whatever the caller's working directory, so that
# target/ and the default ./data resolve to the project's.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

DEMO_DIR="target/demo"
APP_JAR="target/confmail.jar"
GREENMAIL_JAR="$DEMO_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar"
GREENMAIL_LOG="$DEMO_DIR/greenmail.log"
APP_LOG="$DEMO_DIR/confmail.log"
APP_URL="http://127.0.0.1:$PORT"
MAIL_API_URL="http://127.0.0.1:$MAIL_API_PORT"

# PIDs of the children this script starts; only these are ever stopped.
GREENMAIL_PID=""
APP_PID=""
TAIL_PID=""

say() { printf '[demo] %s\n' "$*"; }
die() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Shutdown: one EXIT trap stops the children, whatever the reason we exit
# (Ctrl-C, SIGTERM, a failed step under set -e, or a child dying).
# ---------------------------------------------------------------------------
# shellcheck disable=SC2317  # only reached from the EXIT trap
stop_child() {
  local pid="$1" name="$2" grace="$3" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  say "stopping $name (pid $pid)"
  # SIGTERM lets the JVM run its shutdown hooks (Payara undeploys cleanly).
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 2; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name did not stop within ${grace}s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # Reap it here, quietly, so bash does not print "Terminated" job notices.
  wait "$pid" 2>/dev/null || true
}

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  # App first (it may still be sending mail), then GreenMail, then the log tail
  # last so the app's shutdown messages still reach the terminal.
  stop_child "$APP_PID" "confmail" 30
  stop_child "$GREENMAIL_PID" "GreenMail" 10
  stop_child "$TAIL_PID" "log tail" 2
  exit "$rc"
}
trap cleanup EXIT
# Stopping the demo on request is its normal end, hence exit status 0.
# (Children started with & ignore SIGINT in a non-interactive shell, so a Ctrl-C
# reaches them only through this trap, which stops them in order.)
# shellcheck disable=SC2317  # invoked by the signal traps
on_signal() { echo; say "received $1, shutting down"; exit 0; }
trap 'on_signal SIGINT' INT
trap 'on_signal SIGTERM' TERM
trap 'on_signal SIGHUP' HUP

# ---------------------------------------------------------------------------
# Preconditions: fail early with a clear message rather than half-way through.
# ---------------------------------------------------------------------------
# Payara 7 needs a JDK 21 or newer: take it from JAVA_HOME, PATH or /usr/lib/jvm, or stop with one line.
source scripts/use-jdk21.sh
command -v mvn >/dev/null 2>&1 || die "'mvn' not found on PATH; install Maven 3.8 or newer."
command -v curl >/dev/null 2>&1 || die "'curl' not found on PATH; it is used to check readiness."

for var in PORT SMTP_PORT IMAP_PORT MAIL_API_PORT READY_TIMEOUT; do
  [[ "${!var}" =~ ^[0-9]+$ ]] || die "$var must be a number, got '${!var}'."
done

# True if something already listens on the TCP port. ss sees listeners on any
# address (the app binds all interfaces); the /dev/tcp connect is the fallback.
port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}
for spec in "PORT:$PORT:the app" "DEMO_SMTP_PORT:$SMTP_PORT:GreenMail SMTP" \
            "DEMO_IMAP_PORT:$IMAP_PORT:GreenMail IMAP" "DEMO_MAIL_API_PORT:$MAIL_API_PORT:the GreenMail API"; do
  IFS=: read -r var port what <<<"$spec"
  if port_in_use "$port"; then
    die "port $port (for $what) is already in use; free it or pick another with $var=<port>."
  fi
done

mkdir -p "$DEMO_DIR"

# ---------------------------------------------------------------------------
# 1. Build the app (tests are for CI; the demo only needs the jar).
# ---------------------------------------------------------------------------
if [[ "${DEMO_SKIP_BUILD:-false}" == "true" ]]; then
  say "DEMO_SKIP_BUILD=true: using the existing $APP_JAR"
else
  say "building confmail (mvn -B -q -DskipTests package) ..."
  mvn -B -q -DskipTests package || die "the Maven build failed (see the output above)."
fi
[[ -f "$APP_JAR" ]] || die "$APP_JAR not found; the build should have produced it."

# ---------------------------------------------------------------------------
# 2. Fetch GreenMail standalone from Maven Central through Maven itself, so it
#    uses the same repository, proxy and cache settings as the build.
#    It runs in $DEMO_DIR, which has no pom, so the project's pom plays no part.
# ---------------------------------------------------------------------------
if [[ ! -f "$GREENMAIL_JAR" ]]; then
  say "fetching com.icegreen:greenmail-standalone:$GREENMAIL_VERSION ..."
  (cd "$DEMO_DIR" && mvn -B -q "$DEPENDENCY_PLUGIN:copy" \
      -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
      -DoutputDirectory=.) \
    || die "could not fetch greenmail-standalone $GREENMAIL_VERSION with Maven."
  [[ -f "$GREENMAIL_JAR" ]] || die "Maven ran but $GREENMAIL_JAR is missing."
fi

# ---------------------------------------------------------------------------
# 3. Start GreenMail on loopback only.
#    -Dgreenmail.<proto>.hostname/.port  SMTP and IMAP on our ports (not 3025/3143 test offsets)
#    -Dgreenmail.api.hostname/.port      its REST API (and a Swagger UI at /)
#    -Dgreenmail.auth.disabled           any recipient gets a mailbox, any password works
# ---------------------------------------------------------------------------
say "starting GreenMail: SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT, API $MAIL_API_URL (log: $GREENMAIL_LOG)"
java \
  -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
  -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
  -Dgreenmail.auth.disabled \
  -jar "$GREENMAIL_JAR" >"$GREENMAIL_LOG" 2>&1 &
GREENMAIL_PID=$!

# GreenMail starts in a couple of seconds; its readiness endpoint says when.
for ((i = 0; ; i++)); do
  kill -0 "$GREENMAIL_PID" 2>/dev/null \
    || { tail -n 20 "$GREENMAIL_LOG" >&2 || true; die "GreenMail exited during start-up (log: $GREENMAIL_LOG)."; }
  curl -fsS --max-time 2 -o /dev/null "$MAIL_API_URL/api/service/readiness" 2>/dev/null && break
  ((i < 60)) || die "GreenMail not ready after 30s (log: $GREENMAIL_LOG)."
  sleep 0.5
done
say "GreenMail is ready"

# ---------------------------------------------------------------------------
# 4. Start the app against GreenMail, with demo data.
# ---------------------------------------------------------------------------
if [[ -z "${CONFMAIL_ADMIN_PASSWORD:-}" ]]; then
  CONFMAIL_ADMIN_PASSWORD="demo-admin-password"
  say "CONFMAIL_ADMIN_PASSWORD not set; using '$CONFMAIL_ADMIN_PASSWORD' for the demo"
fi
export CONFMAIL_ADMIN_PASSWORD
# The admin account is created only when the data dir holds none yet, so on a
# re-run it keeps the password of the run that created it.
if [[ -d "$DATA_DIR" && -n "$(ls -A "$DATA_DIR" 2>/dev/null)" ]]; then
  say "note: $DATA_DIR already has data; 'admin' keeps the password it was first created with" \
      "(delete $DATA_DIR for a fresh demo)"
fi
# Links in the mails should point at this demo, also when PORT is not 8080.
export CONFMAIL_PUBLIC_BASE_URL="${CONFMAIL_PUBLIC_BASE_URL:-$APP_URL}"

read -r -a app_java_opts <<<"${DEMO_JAVA_OPTS:-}"
say "starting confmail on port $PORT (data: $DATA_DIR, log: $APP_LOG)"
CONFMAIL_SMTP_HOST=127.0.0.1 \
CONFMAIL_SMTP_PORT="$SMTP_PORT" \
CONFMAIL_DATA_DIR="$DATA_DIR" \
CONFMAIL_DEMO_DATA=true \
CONFMAIL_JITSI_MUC_HOSTS="${CONFMAIL_JITSI_MUC_HOSTS:-conference.meet.example.com}" \
  java "${app_java_opts[@]}" -jar "$APP_JAR" --port "$PORT" >"$APP_LOG" 2>&1 &
APP_PID=$!

# ---------------------------------------------------------------------------
# 5. Wait for readiness (Payara Micro unpacks and deploys first), then explain.
# ---------------------------------------------------------------------------
printf '[demo] waiting for %s/health/ready (up to %ss) ' "$APP_URL" "$READY_TIMEOUT"
start=$SECONDS
# Payara answers /health/ready before the application has deployed (no checks yet = UP), so wait for
# confmail's own database check to be reported UP (the checks' details need an account).
app_ready() {
  curl -fsS --max-time 2 -u "$ADMIN_USER:$CONFMAIL_ADMIN_PASSWORD" "$APP_URL/health/ready" 2>/dev/null \
    | tr -d ' \n' | grep -q '"name":"database","status":"UP"'
}
until app_ready; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo
    tail -n 40 "$APP_LOG" >&2 || true
    die "confmail exited during start-up (full log: $APP_LOG)."
  fi
  if ((SECONDS - start >= READY_TIMEOUT)); then
    echo
    tail -n 40 "$APP_LOG" >&2 || true
    die "confmail not ready after ${READY_TIMEOUT}s (full log: $APP_LOG)."
  fi
  printf '.'
  sleep 1
done
echo " ready after $((SECONDS - start))s"

cat <<EOF

==============================================================================
 confmail demo is running
------------------------------------------------------------------------------
 Admin portal : $APP_URL/admin/
 API base     : $APP_URL/api/v1/
 Admin login  : $ADMIN_USER / $CONFMAIL_ADMIN_PASSWORD
 Data dir     : $DATA_DIR

 Send a user their conference info:
   curl -u $(printf '%q' "$ADMIN_USER:$CONFMAIL_ADMIN_PASSWORD") -X POST \\
     $APP_URL/api/v1/users/$EXAMPLE_USER/conference-info-email

 Jitsi Meet's dial-in calls (public; see the README's "Jitsi Meet"):
   curl -s $APP_URL/jitsi/dial-in-numbers
   curl -s '$APP_URL/jitsi/conference-mapper?conference=Standup@conference.meet.example.com'

 Read the mail GreenMail received (nothing leaves this machine):
   curl -s $MAIL_API_URL/api/user/$EXAMPLE_USER/messages/INBOX
     -> JSON array of {uid, Message-ID, subject, contentType, mimeMessage}
        (HTTP 400 "User ... not found" until that address has received mail)
   curl -s $MAIL_API_URL/api/user                  # every mailbox so far
   curl -s -X POST $MAIL_API_URL/api/mail/purge    # delete all mail
   Swagger UI: $MAIL_API_URL/   IMAP: 127.0.0.1:$IMAP_PORT (login = address, any password)

 Logs: app $APP_LOG (followed below), GreenMail $GREENMAIL_LOG
 Stop: Ctrl-C
==============================================================================

EOF

# ---------------------------------------------------------------------------
# 6. Stay in the foreground, following the app log, until a signal or a child dies.
# ---------------------------------------------------------------------------
tail -n 0 -F "$APP_LOG" &
TAIL_PID=$!

# Polling (rather than a bare wait) notices either server dying, and a short
# foreground sleep keeps the INT/TERM traps responsive.
while kill -0 "$APP_PID" 2>/dev/null && kill -0 "$GREENMAIL_PID" 2>/dev/null; do
  sleep 1
done
kill -0 "$APP_PID" 2>/dev/null || die "confmail stopped unexpectedly (log: $APP_LOG)."
die "GreenMail stopped unexpectedly (log: $GREENMAIL_LOG)."
