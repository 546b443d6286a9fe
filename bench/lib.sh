# shellcheck shell=bash
# Shared plumbing of the bench/*.sh scripts; sourced by them, not run on its own:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"     (right after "set -euo pipefail", before the cd)
#
# Provides:
# - the settings every bench shares: PROD_APP, the Kubernetes JVM settings (K8S_JAVA_TOOL_OPTIONS,
#   MEMORY_LIMIT_EMULATION, and JVM_OPTS, which appends BENCH_EXTRA_JAVA_OPTS), JAVA_BIN (JAVA_HOME or
#   PATH), TS (the run's UTC timestamp) and OUT_DIR (target/bench);
# - parse_args "$@": --rebuild (sets REBUILD), -h/--help (prints the calling script's header), else exit 2;
# - require_wrk, require_tools TOOL..., require_body: prerequisite checks, exit 2 when one fails;
# - process bookkeeping: start_bookkeeping NAME (WORK, SERVICE_PID, CHILD_PID, SERVICE_LOG, the EXIT/INT/TERM
#   traps), stop_pid, run_child, die, say; cleanup stops CHILD_PID, then each pid named in
#   CLEANUP_PID_VARS, then SERVICE_PID, calls cleanup_after_service when the script defines it, keeps
#   the service log as $OUT_DIR/$KEEP_LOG_AS when KEEP_LOG_AS is set and BENCH_KEEP_LOG=1, removes WORK;
# - builds: sources_newer_than, build_prod_app, build_if_stale APP_DIR BUILD_FUNCTION;
# - the service: port_in_use, free_port, pick_port (sets PORT, and MANAGEMENT_PORT for health and metrics),
#   start_service, wait_ready;
# - wrk: parse_wrk;
# - the report: start_summary TITLE (truncates SUMMARY, writes the title, date, command, source, machine
#   and java lines), jvm_ergonomics, wrk_version.
# The calling script sets COMMAND and SUMMARY, and everything specific to its measurement.

# ---------------------------------------------------------------- shared settings
PROD_APP=target/quarkus-app
# the Deployment's JAVA_TOOL_OPTIONS, read from it so that the benches run what the pods run
K8S_JAVA_TOOL_OPTIONS=$(sed -n '/name: JAVA_TOOL_OPTIONS/{n;s/^ *value: *"\(.*\)"$/\1/p;}' \
  "$(dirname "${BASH_SOURCE[0]}")/../k8s/base/deployment.yaml")
[ -n "$K8S_JAVA_TOOL_OPTIONS" ] || { echo "lib.sh: no JAVA_TOOL_OPTIONS in k8s/base/deployment.yaml" >&2; exit 2; }
# the Deployment's memory limit (1152Mi), so that the JVM sizes itself as in the pod
MEMORY_LIMIT_EMULATION="-XX:MaxRAM=$(sed -n '/limits:/,/memory:/{s/^ *memory: *\([0-9]*\)Mi$/\1/p;}' \
  "$(dirname "${BASH_SOURCE[0]}")/../k8s/base/deployment.yaml")m"
[ "$MEMORY_LIMIT_EMULATION" != "-XX:MaxRAM=m" ] || { echo "lib.sh: no memory limit in Mi in k8s/base/deployment.yaml" >&2; exit 2; }
JVM_OPTS="$K8S_JAVA_TOOL_OPTIONS $MEMORY_LIMIT_EMULATION${BENCH_EXTRA_JAVA_OPTS:+ $BENCH_EXTRA_JAVA_OPTS}"
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
TS=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR=target/bench

# ---------------------------------------------------------------- arguments
parse_args() { # "$@" of the script: sets REBUILD
  local arg
  REBUILD=false
  for arg in "$@"; do
    case "$arg" in
      --rebuild) REBUILD=true ;;
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
  done
}

# ---------------------------------------------------------------- prerequisites
require_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    cat >&2 <<'EOF'
wrk is not installed. On Debian or Ubuntu:
    sudo apt-get update && sudo apt-get install -y wrk
(elsewhere: https://github.com/wg/wrk, make, and put wrk on the PATH), then run this script again.
EOF
    exit 2
  fi
}

require_tools() { # tool...
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required but not found" >&2; exit 2; }
  done
}

require_body() { # BODY, the example snapshot the load posts
  [ -f "$BODY" ] || { echo "the example body $BODY is missing" >&2; exit 2; }
}

# ---------------------------------------------------------------- process bookkeeping
start_bookkeeping() { # name: the temporary folder's prefix; installs the traps
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  SERVICE_PID=""
  CHILD_PID=""
  SERVICE_LOG="$WORK/service.log"
  trap cleanup EXIT
  trap 'echo "interrupted" >&2; exit 130' INT TERM
}

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
  local rc=$? var
  trap - EXIT INT TERM
  stop_pid "$CHILD_PID" 5
  for var in ${CLEANUP_PID_VARS:-}; do stop_pid "${!var}" 5; done
  stop_pid "$SERVICE_PID" 20
  if declare -F cleanup_after_service >/dev/null; then cleanup_after_service; fi
  if [ -n "${KEEP_LOG_AS:-}" ] && [ "${BENCH_KEEP_LOG:-0}" = 1 ] && [ -f "$SERVICE_LOG" ]; then
    cp "$SERVICE_LOG" "$OUT_DIR/$KEEP_LOG_AS" && echo "service log kept: $OUT_DIR/$KEEP_LOG_AS"
  fi
  rm -rf "$WORK"
  exit "$rc"
}

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

# ---------------------------------------------------------------- builds
sources_newer_than() { # file: true when a source is newer than it, or it is missing
  [ -f "$1" ] || return 0
  # rules/ too: the jar carries the shipped rules precompiled
  [ -n "$(find src/main pom.xml examples rules -type f -newer "$1" -print 2>/dev/null | head -n 1)" ]
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

build_if_stale() { # app_dir build_function: builds on --rebuild or when app_dir is older than the sources
  if $REBUILD; then
    "$2"
  elif sources_newer_than "$1/quarkus-run.jar"; then
    echo "$1 is missing or older than the sources"
    "$2"
  fi
}

# ---------------------------------------------------------------- service
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p=${BENCH_PORT:-18080} last=$(( ${BENCH_PORT:-18080} + 200 ))
  while [ "$p" -lt "$last" ]; do
    port_in_use "$p" || { echo "$p"; return 0; }
    p=$((p + 1))
  done
  return 1
}

pick_port() { # sets PORT to a free port from BENCH_PORT (18080), MANAGEMENT_PORT to the next free one after it
  PORT=$(free_port) || die "no free port in ${BENCH_PORT:-18080}..+200 on 127.0.0.1"
  MANAGEMENT_PORT=$(BENCH_PORT=$((PORT + 1)) free_port) || die "no free port for the management interface"
}

# app_dir [NAME=value...]: starts app_dir/quarkus-run.jar in the background (SERVICE_PID) on 127.0.0.1:PORT (health
# and metrics on 127.0.0.1:MANAGEMENT_PORT) with JVM_OPTS as JAVA_TOOL_OPTIONS, the prod profile and the given
# environment, output to SERVICE_LOG
start_service() {
  local app=$1
  shift
  env JAVA_TOOL_OPTIONS="$JVM_OPTS" \
      QUARKUS_PROFILE=prod QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
      QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
      "$@" \
      "$JAVA_BIN" -jar "$app/quarkus-run.jar" >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
}

wait_ready() { # management_port pid timeout_s
  local deadline=$(( $(date +%s) + $3 )) code=""
  while :; do
    kill -0 "$2" 2>/dev/null || die "the service exited before it was ready"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/q/health/ready" || true)
    [ "$code" = 200 ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || die "the service was not ready within $3 s (last /q/health/ready status: $code)"
    sleep 0.1
  done
}

# ---------------------------------------------------------------- wrk
# wrk output -> "req/s p50_ms p99_ms requests non2xx socket_errors"; latency units us, ms, s, m, h
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
      if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
      if (v ~ /[0-9]s$/) { sub(/s$/, "", v); return v * 1000 }
      if (v ~ /[0-9]m$/) { sub(/m$/, "", v); return v * 60000 }
      if (v ~ /[0-9]h$/) { sub(/h$/, "", v); return v * 3600000 }
      return -1
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { line = $0; gsub(/,/, "", line); n = split(line, f, " ");
                       for (i = 1; i < n; i++) if (f[i] ~ /^(connect|read|write|timeout)$/) sock += f[i + 1] }
    END { printf "%.2f %.3f %.3f %d %d %d\n", rps, p50, p99, requests, non2xx + 0, sock + 0 }
  ' "$1"
}

# ---------------------------------------------------------------- report
start_summary() { # title: empties SUMMARY and writes the title, date, command, source, machine and java lines
  local cpu mem java_version git
  cpu=$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
  mem=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
  java_version=$(env -u JAVA_TOOL_OPTIONS "$JAVA_BIN" -version 2>&1 | head -n 1 || true)
  git=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -z "$(git status --porcelain 2>/dev/null | head -n 1)" ] || git="$git with uncommitted changes"

  : >"$SUMMARY"
  say "$1"
  say "date (UTC):  $(date -u '+%Y-%m-%d %H:%M:%S')"
  say "command:     $COMMAND"
  say "source:      git $git"
  say "machine:     nproc $(nproc), CPU ${cpu:-unknown}, memory ${mem:-unknown}"
  say "java:        $java_version"
}

jvm_ergonomics() { # the collector and max heap the JVM picks with JVM_OPTS
  # shellcheck disable=SC2086 # JVM_OPTS is a list of flags
  env -u JAVA_TOOL_OPTIONS "$JAVA_BIN" $JVM_OPTS -XX:+PrintFlagsFinal -version 2>/dev/null \
    | awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah)GC$/ && $4 == "true" { gc = $2 } $2 == "MaxHeapSize" { heap = $4 }
           END { printf "%s, max heap %d MiB", gc, heap / 1048576 }' || true
}

wrk_version() { wrk -v 2>&1 | head -n 1 || true; }
