# Sourced (not run) by the scripts that build or start confmail: makes `java` on PATH and JAVA_HOME (which Maven
# uses) a JDK 21 or newer, as Payara 7 needs. Keeps the caller's choice when it is already 21+; otherwise takes the
# newest JDK 21+ under /usr/lib/jvm (Debian's and Temurin's packages install there); otherwise stops with one line.
#
#   source scripts/use-jdk21.sh

confmail_java_major() {
  "$1" -version 2>&1 | sed -nE '1s/.*version "(1\.)?([0-9]+).*/\2/p'
}

confmail_use_jdk21() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    major="$(confmail_java_major "$candidate")"
    if [[ -n "$major" && "$major" -ge 21 && -x "$(dirname "$candidate")/javac" ]]; then
      best="$candidate"
      break
    fi
  done
  if [[ -z "$best" ]]; then
    for candidate in /usr/lib/jvm/*/bin/java; do
      [[ -x "$candidate" && -x "$(dirname "$candidate")/javac" ]] || continue
      major="$(confmail_java_major "$candidate")"
      if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
        best="$candidate"
        best_major="$major"
      fi
    done
  fi
  if [[ -z "$best" ]]; then
    echo "confmail needs a JDK 21 or newer (Payara 7); none found on PATH, in JAVA_HOME or under /usr/lib/jvm: install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  best="$(readlink -f "$best")"
  JAVA_HOME="$(dirname "$(dirname "$best")")"
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}

confmail_use_jdk21 || exit 1
