#!/usr/bin/env bash
# How long a reload of a changed ruleset takes, once the service is warm: POST /rules/reload returns after
# the compile, the sample evaluation, every scenario and the activation, so its wall time is the time
# from "save" to "serving" minus the watcher's poll and settle.
#
#   bench/reload-speed.sh [--rebuild]
#
# - Builds the production jar (./mvnw package -DskipTests) when target/quarkus-app is missing, older
#   than src/main, pom.xml or examples/, or when --rebuild is given.
# - Copies rules/*.drl and rules/scenarios/ to a temporary folder and starts the jar on 127.0.0.1 with
#   RULES_DIR pointing there, RULES_ADMIN_TOKEN set (a random token), RULES_WATCH=false (so that only the
#   timed request reloads) and the Kubernetes JVM settings (JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0
#   -XX:+ExitOnOutOfMemoryError" plus -XX:MaxRAM=768m, as under the 768Mi limit).
# - 3 warm-up reloads, then 20 timed ones; before each, a comment line at the end of thresholds.drl
#   ("// reload-speed edit <n>") changes, so the version changes and every reload compiles. Each must
#   answer status ACTIVATED with a new activeVersion. The time is curl's time_total of the request.
# - Prints median, min, max (and mean, p90) in ms, machine info, the date and the command; writes it to
#   target/bench/reload-speed-<timestamp>.txt. Exit status 1 when a reload is not ACTIVATED.
#
# Needs: bash, coreutils, curl, python3, a JDK 17 (no wrk). Takes under a minute plus a build if needed.
# BENCH_EXTRA_JAVA_OPTS adds JVM flags after the Kubernetes ones; the summary records them.
# Environment overrides: BENCH_RELOADS (20), BENCH_WARMUP_RELOADS (3), BENCH_PORT (18080).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/reload-speed.sh${*:+ $*}"
RELOADS=${BENCH_RELOADS:-20}
WARMUP_RELOADS=${BENCH_WARMUP_RELOADS:-3}
PROD_APP=target/quarkus-app
K8S_JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
MEMORY_LIMIT_EMULATION="-XX:MaxRAM=768m"
JVM_OPTS="$K8S_JAVA_TOOL_OPTIONS $MEMORY_LIMIT_EMULATION${BENCH_EXTRA_JAVA_OPTS:+ $BENCH_EXTRA_JAVA_OPTS}"
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
TS=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR=target/bench
SUMMARY="$OUT_DIR/reload-speed-$TS.txt"

REBUILD=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

for tool in curl python3 "$JAVA_BIN"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required but not found" >&2; exit 2; }
done
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------- process bookkeeping
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reserve-watch-reload-speed.XXXXXX")
SERVICE_PID=""
CHILD_PID=""
SERVICE_LOG="$WORK/service.log"

stop_pid() { # pid [grace seconds]: TERM, bounded wait, then KILL
  local pid=$1 grace=${2:-20} i=0
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$i" -lt $((grace * 10)) ]; do sleep 0.1; i=$((i + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    echo "process $pid did not stop within ${grace}s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$CHILD_PID" 5
  stop_pid "$SERVICE_PID" 20
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

die() {
  echo "ERROR: $*" >&2
  if [ -n "$SERVICE_PID" ] && [ -f "$SERVICE_LOG" ]; then
    echo "---- last lines of the service log ----" >&2
    tail -n 25 "$SERVICE_LOG" >&2 || true
  fi
  exit 1
}

say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }

run_child() { # runs a command in the background and waits, so that a signal reaches the trap at once
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

# ---------------------------------------------------------------- build
sources_newer_than() { # file: true when a source is newer than it, or it is missing
  [ -f "$1" ] || return 0
  [ -n "$(find src/main pom.xml examples -type f -newer "$1" -print 2>/dev/null | head -n 1)" ]
}

build_prod_app() {
  local log="$OUT_DIR/build-prod-$TS.log"
  echo "building the production jar: ./mvnw -B -ntp package -DskipTests (log: $log)"
  if ! run_child ./mvnw -B -ntp package -DskipTests >"$log" 2>&1; then
    tail -n 30 "$log" >&2 || true
    die "the build failed; see $log"
  fi
  [ -f "$PROD_APP/quarkus-run.jar" ] || die "the build left no $PROD_APP/quarkus-run.jar; see $log"
  touch "$PROD_APP/quarkus-run.jar"
}

if $REBUILD; then
  build_prod_app
elif sources_newer_than "$PROD_APP/quarkus-run.jar"; then
  echo "$PROD_APP is missing or older than the sources"
  build_prod_app
fi

# ---------------------------------------------------------------- rules copy, service
RULES="$WORK/rules"
mkdir -p "$RULES/scenarios"
cp rules/*.drl "$RULES/"
cp rules/scenarios/* "$RULES/scenarios/"
[ -f "$RULES/thresholds.drl" ] || die "rules/thresholds.drl is missing"
TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p=${BENCH_PORT:-18080} last=$(( ${BENCH_PORT:-18080} + 200 ))
  while [ "$p" -lt "$last" ]; do
    port_in_use "$p" || { echo "$p"; return 0; }
    p=$((p + 1))
  done
  return 1
}

wait_ready() { # port pid timeout_s
  local deadline=$(( $(date +%s) + $3 )) code=""
  while :; do
    kill -0 "$2" 2>/dev/null || die "the service exited before it was ready"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/q/health/ready" || true)
    [ "$code" = 200 ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || die "the service was not ready within $3 s (last /q/health/ready status: $code)"
    sleep 0.1
  done
}

PORT=$(free_port) || die "no free port in ${BENCH_PORT:-18080}..+200 on 127.0.0.1"
BASE="http://127.0.0.1:$PORT"
echo "starting $PROD_APP on $BASE with RULES_DIR=$RULES, RULES_WATCH=false"
env JAVA_TOOL_OPTIONS="$JVM_OPTS" \
    QUARKUS_PROFILE=prod QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
    RULES_DIR="$RULES" RULES_ADMIN_TOKEN="$TOKEN" RULES_WATCH=false \
    "$JAVA_BIN" -jar "$PROD_APP/quarkus-run.jar" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
wait_ready "$PORT" "$SERVICE_PID" 120

curl -s --max-time 10 -o "$WORK/rules.json" "$BASE/rules" || die "GET /rules failed"
read -r VERSION RULESET_SHAPE < <(python3 - "$WORK/rules.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rules = sum(len(f.get("rules") or []) for f in d.get("files") or [])
print(d.get("version"), "%d files, %d rules, %d scenarios" % (len(d.get("files") or []), rules, len(d.get("scenarios") or [])))
PY
)
[ -n "$VERSION" ] && [ "$VERSION" != None ] || die "no active ruleset after start"

# ---------------------------------------------------------------- reloads
edit_comment() { # n: sets the last line of thresholds.drl to "// reload-speed edit n"
  local file="$RULES/thresholds.drl"
  if grep -q '^// reload-speed edit ' "$file"; then
    sed -i "s|^// reload-speed edit .*|// reload-speed edit $1|" "$file"
  else
    printf '\n// reload-speed edit %s\n' "$1" >>"$file"
  fi
}

TIMES=()
TOTAL=$(( WARMUP_RELOADS + RELOADS ))
for n in $(seq 1 "$TOTAL"); do
  edit_comment "$n"
  seconds=$(curl -s -o "$WORK/reload.json" -w '%{time_total}' --max-time 120 -X POST \
    -H "Authorization: Bearer $TOKEN" "$BASE/rules/reload") || die "POST /rules/reload $n failed (curl exit $?)"
  read -r STATUS ACTIVE < <(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d.get("status"), d.get("activeVersion"))' "$WORK/reload.json" 2>/dev/null || echo "unreadable -")
  [ "$STATUS" = ACTIVATED ] || die "reload $n answered $STATUS, not ACTIVATED: $(head -c 600 "$WORK/reload.json")"
  [ "$ACTIVE" != "$VERSION" ] || die "reload $n kept version $VERSION: the edit did not change the version"
  VERSION=$ACTIVE
  ms=$(awk "BEGIN { printf \"%.1f\", $seconds * 1000 }")
  if [ "$n" -le "$WARMUP_RELOADS" ]; then
    echo "warm-up reload $n: $ms ms"
  else
    TIMES+=("$ms")
    echo "reload $(( n - WARMUP_RELOADS )): $ms ms"
  fi
done

# ---------------------------------------------------------------- report
read -r MEDIAN MIN MAX MEAN P90 < <(printf '%s\n' "${TIMES[@]}" | sort -n | awk '
  { v[NR] = $1; sum += $1 }
  END {
    median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    i = int(0.9 * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR
    printf "%.1f %.1f %.1f %.1f %.1f\n", median, v[1], v[NR], sum / NR, v[i]
  }')
CPU=$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
MEM=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
JAVA_VERSION=$(env -u JAVA_TOOL_OPTIONS "$JAVA_BIN" -version 2>&1 | head -n 1 || true)
GIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain 2>/dev/null | head -n 1)" ] || GIT="$GIT with uncommitted changes"

: >"$SUMMARY"
say "Reserve Watch: reload speed (POST /rules/reload of a changed ruleset, warm service, no load)"
say "date (UTC):  $(date -u '+%Y-%m-%d %H:%M:%S')"
say "command:     $COMMAND"
say "source:      git $GIT"
say "machine:     nproc $(nproc), CPU ${CPU:-unknown}, memory ${MEM:-unknown}"
say "java:        $JAVA_VERSION"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the 768Mi limit)"
say "service:     $PROD_APP on $BASE, RULES_DIR a temporary copy of rules/ ($RULESET_SHAPE), RULES_WATCH=false"
say "method:      $WARMUP_RELOADS warm-up reloads, then $RELOADS timed; each after a changed comment line in thresholds.drl;"
say "             time = curl time_total of POST /rules/reload (compile + sample evaluation + scenarios + activation)"
say ""
say "reload time: median $MEDIAN ms, min $MIN ms, max $MAX ms (mean $MEAN ms, p90 $P90 ms)"
say "runs (ms):   ${TIMES[*]}"
echo ""
echo "summary written to $SUMMARY"
