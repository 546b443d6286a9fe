#!/usr/bin/env bash
# HTTP throughput and latency of POST /verdicts against its ceiling, POST /bench/echo (the same HTTP
# path, strict parsing and validation of the snapshot, no rules), in one JVM and one run; and, to show
# where the difference goes, POST /bench/verdict-body (the echo's path, answered with a verdict judged
# once and kept: a verdict's body without the rules).
#
#   bench/http.sh [--rebuild]
#
# - Builds the bench jar (./mvnw package -DskipTests -Dquarkus.profile=bench) when target/bench-app is
#   missing, older than src/main, pom.xml, examples/ or rules/, or when --rebuild is given. The build writes
#   target/quarkus-app; this script moves it to target/bench-app and puts the previous
#   target/quarkus-app (the production build) back, so the production build is never replaced by a bench one.
# - Starts it on 127.0.0.1 (a free port from 18080) with the Kubernetes JVM settings
#   (the JAVA_TOOL_OPTIONS of k8s/base/deployment.yaml, read from it) plus -XX:MaxRAM of its memory limit, so the JVM
#   sizes itself as under the container limit, and the production run-time profile.
# - wrk, 2 threads x 32 connections, body examples/2025-10-article.json (bench/post-snapshot.lua):
#   30 s warm-up of /verdicts and 10 s of the others, then four measured 30 s runs in the order echo, verdict-body,
#   verdicts, echo. The ceiling's figures are the mean of the two echo runs, which bracket the other runs
#   in time, so a drift of the machine during the run (thermal, noisy neighbours, JIT) weighs on both
#   sides alike; the drift between the two echo runs is printed too.
# - Prints requests/s, p50 and p99 for each run; the target, verdicts/verdict-body for throughput (>= 0.8:
#   what the rules, the decision log and the verdict metrics cost, against an answer of the same size);
#   beside it, without targets, the throughput and p99 ratios verdicts/ceiling and verdict-body/ceiling
#   (what a verdict's body costs against the echo's), and the p99 ratio verdicts/verdict-body;
#   machine info, the date and the command; writes the summary, followed
#   by the raw wrk output, to target/bench/http-<timestamp>.txt. Exit status 1 when any run got a non-2xx
#   answer or a socket error; a missed performance target is reported, not an error.
#
# Needs: bash, coreutils, curl, wrk, python3, a JDK 17 (java on PATH or JAVA_HOME). Takes about 3.5 minutes,
# plus the build when one is needed (about 15 s when the classes are up to date, minutes when not).
# BENCH_EXTRA_JAVA_OPTS adds JVM flags after the Kubernetes ones (e.g. -XX:ActiveProcessorCount=1, as in the
# pod with its CPU limit of 1); the summary records them.
# BENCH_RULES_DIR runs the service on another rules folder (relative to the repository), such as
# bench/floor-rules: one rule that does nothing, so that verdicts/verdict-body shows what a verdict costs besides
# its rules (the verdicts then answer UNKNOWN, with a smaller body; the check of the article's verdict is skipped).
# Environment overrides, for a quick smoke run only (figures from shortened runs are not comparable):
#   BENCH_WARMUP_S (10; /verdicts is warmed three times as long), BENCH_MEASURE_S (30), BENCH_PORT (first port tried, 18080), BENCH_KEEP_LOG=1
#   (keep the service log, which holds the decision log of every verdict, in target/bench/).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/http.sh${*:+ $*}"
THREADS=2
CONNECTIONS=32
WARMUP_S=${BENCH_WARMUP_S:-10}
MEASURE_S=${BENCH_MEASURE_S:-30}
BODY=examples/2025-10-article.json
BENCH_APP=target/bench-app
SUMMARY="$OUT_DIR/http-$TS.txt"

parse_args "$@"

# ---------------------------------------------------------------- prerequisites
require_wrk
require_tools curl python3 timeout "$JAVA_BIN"
require_body
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------- process bookkeeping
PROD_BACKUP=""
KEEP_LOG_AS="http-$TS-service.log"
start_bookkeeping reserve-watch-http
RULES=$(cd "${BENCH_RULES_DIR:-rules}" 2>/dev/null && pwd) || die "BENCH_RULES_DIR: no folder ${BENCH_RULES_DIR:-rules} in $REPO"

restore_prod_app() {
  if [ -n "$PROD_BACKUP" ] && [ -d "$PROD_BACKUP" ]; then
    rm -rf "$PROD_APP"
    mv "$PROD_BACKUP" "$PROD_APP"
  fi
  PROD_BACKUP=""
}

cleanup_after_service() { restore_prod_app; }

# ---------------------------------------------------------------- build
build_bench_app() {
  local log="$OUT_DIR/build-bench-$TS.log"
  echo "building the bench jar: ./mvnw -B -ntp package -DskipTests -Dquarkus.profile=bench (log: $log)"
  if [ -d "$PROD_APP" ]; then
    PROD_BACKUP="$OUT_DIR/.quarkus-app-backup-$$"
    rm -rf "$PROD_BACKUP"
    mv "$PROD_APP" "$PROD_BACKUP"
  fi
  if ! run_child ./mvnw -B -ntp package -DskipTests -Dquarkus.profile=bench >"$log" 2>&1; then
    tail -n 30 "$log" >&2 || true
    die "the bench build failed; see $log"
  fi
  [ -f "$PROD_APP/quarkus-run.jar" ] || die "the bench build left no $PROD_APP/quarkus-run.jar; see $log"
  rm -rf "$BENCH_APP"
  mv "$PROD_APP" "$BENCH_APP"
  touch "$BENCH_APP/quarkus-run.jar"
  restore_prod_app
}

build_if_stale "$BENCH_APP" build_bench_app

# ---------------------------------------------------------------- service
pick_port
BASE="http://127.0.0.1:$PORT"
echo "starting $BENCH_APP on $BASE"
start_service "$BENCH_APP" RULES_DIR="$RULES"
wait_ready "$MANAGEMENT_PORT" "$SERVICE_PID" 120

# Both endpoints must answer 200 to the body before any load: the echo proves this is a bench build.
code=$(curl -s -o "$WORK/verdict.json" -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$BODY" "$BASE/verdicts" || true)
[ "$code" = 200 ] || die "POST /verdicts answered $code before the load: $(head -c 400 "$WORK/verdict.json" 2>/dev/null)"
if [ "$RULES" = "$REPO/rules" ]; then # the shipped rules: the article's verdict, as the README shows it
python3 - "$WORK/verdict.json" <<'PY' || die "the verdict for $BODY is not the expected one (regime SCARCE, END_RUNOFF)"
import json, sys
v = json.load(open(sys.argv[1]))
assert v["regime"] == "SCARCE", v["regime"]
assert "END_RUNOFF" in [a["code"] for a in v["actions"]]
PY
fi
code=$(curl -s -o "$WORK/echo.json" -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$BODY" "$BASE/bench/echo" || true)
if [ "$code" = 404 ]; then
  die "POST /bench/echo answered 404: $BENCH_APP is not a bench build; run bench/http.sh --rebuild"
fi
[ "$code" = 200 ] || die "POST /bench/echo answered $code before the load: $(head -c 400 "$WORK/echo.json" 2>/dev/null)"
code=$(curl -s -o "$WORK/verdict-body.json" -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$BODY" "$BASE/bench/verdict-body" || true)
[ "$code" = 200 ] || die "POST /bench/verdict-body answered $code before the load: $(head -c 400 "$WORK/verdict-body.json" 2>/dev/null)"
# the kept verdict is the real one: the same but for its decision id, and as large within a few bytes
python3 - "$WORK/verdict.json" "$WORK/verdict-body.json" <<'PY' || die "POST /bench/verdict-body does not answer the verdict of POST /verdicts"
import json, os, sys
real, kept = (json.load(open(p)) for p in sys.argv[1:3])
for v in (real, kept):
    v.pop("decisionId"); v.pop("evaluationMicros")
assert real == kept, "the bodies differ"
sizes = [os.path.getsize(p) for p in sys.argv[1:3]]
assert abs(sizes[0] - sizes[1]) <= 8, sizes
PY

# ---------------------------------------------------------------- load
run_wrk() { # path seconds outfile
  local limit=$(( $2 + 30 ))
  WRK_BODY_FILE="$REPO/$BODY" run_child timeout --kill-after=5 "$limit" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency -s "$REPO/bench/post-snapshot.lua" "$BASE$1" \
    >"$3" 2>&1 || die "wrk on $1 failed: $(tail -n 5 "$3")"
  grep -q 'Requests/sec' "$3" || die "wrk on $1 printed no result: $(tail -n 5 "$3")"
  kill -0 "$SERVICE_PID" 2>/dev/null || die "the service died during the load on $1"
}

# cpu_snapshot file: the service's CPU time so far by group of threads (its event loops, the decision log's
# writer, the collector, the JIT compiler, the rest), and the whole machine's busy time, in clock ticks
cpu_snapshot() {
  python3 - "$SERVICE_PID" >"$1" <<'PY'
import os, re, sys
groups = {}
for task in os.listdir(f"/proc/{sys.argv[1]}/task"):
    try:
        name = open(f"/proc/{sys.argv[1]}/task/{task}/comm").read().strip()
        fields = open(f"/proc/{sys.argv[1]}/task/{task}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue  # a thread that ended between the listing and the read
    group = ("event loops" if name.startswith("vert.x-eventloo") else "decision log" if name == "decision-log"
             else "collector" if name == "VM Thread" or name.startswith("GC Thread") else
             "JIT compiler" if re.match(r"C[12] CompilerThre", name) else "other threads")
    groups[group] = groups.get(group, 0) + int(fields[11]) + int(fields[12])
cpu = [int(x) for x in open("/proc/stat").readline().split()[1:]]
groups["whole machine"] = sum(cpu) - cpu[3] - cpu[4]
for group, ticks in groups.items():
    print(f"{group}\t{ticks}")
PY
}
measure() { # path outfile name: one measured run, with the CPU snapshots around it in $WORK/cpu-<name>-{0,1}
  cpu_snapshot "$WORK/cpu-$3-0"
  run_wrk "$1" "$MEASURE_S" "$2"
  cpu_snapshot "$WORK/cpu-$3-1"
}
# cpu_per_request name requests: CPU microseconds per request of each group during the run
cpu_per_request() {
  python3 - "$WORK/cpu-$1-0" "$WORK/cpu-$1-1" "$2" "$(getconf CLK_TCK)" <<'PY'
import sys
before, after = (dict(line.rstrip("\n").split("\t") for line in open(path)) for path in sys.argv[1:3])
requests, tick = int(sys.argv[3]), int(sys.argv[4])
order = ["event loops", "decision log", "collector", "JIT compiler", "other threads", "whole machine"]
print("  ".join(f"{(int(after.get(g, 0)) - int(before.get(g, 0))) / tick * 1e6 / max(requests, 1):8.1f}" for g in order))
PY
}

# The verdicts' path (the Drools network, its constraints compiled after their first evaluations, the
# explanation) keeps the JIT compiler busy longer than the echo's: it is warmed up three times as long.
echo "warm-up: $((3 * WARMUP_S))s on /verdicts, ${WARMUP_S}s each on /bench/echo, /bench/verdict-body"
run_wrk /verdicts "$((3 * WARMUP_S))" "$WORK/warmup-verdicts.txt"
run_wrk /bench/echo "$WARMUP_S" "$WORK/warmup-echo.txt"
run_wrk /bench/verdict-body "$WARMUP_S" "$WORK/warmup-body.txt"
echo "measuring: ${MEASURE_S}s each, echo, verdict-body, verdicts, echo"
measure /bench/echo "$WORK/echo-1.txt" E1
measure /bench/verdict-body "$WORK/body.txt" B
measure /verdicts "$WORK/verdicts.txt" V
measure /bench/echo "$WORK/echo-2.txt" E2

read -r E1_RPS E1_P50 E1_P99 E1_REQ E1_NON E1_SOCK < <(parse_wrk "$WORK/echo-1.txt")
read -r B_RPS B_P50 B_P99 B_REQ B_NON B_SOCK < <(parse_wrk "$WORK/body.txt")
read -r V_RPS V_P50 V_P99 V_REQ V_NON V_SOCK < <(parse_wrk "$WORK/verdicts.txt")
read -r E2_RPS E2_P50 E2_P99 E2_REQ E2_NON E2_SOCK < <(parse_wrk "$WORK/echo-2.txt")
read -r WV_NON WV_SOCK < <(parse_wrk "$WORK/warmup-verdicts.txt" | awk '{print $5, $6}')
read -r WE_NON WE_SOCK < <(parse_wrk "$WORK/warmup-echo.txt" | awk '{print $5, $6}')
read -r WB_NON WB_SOCK < <(parse_wrk "$WORK/warmup-body.txt" | awk '{print $5, $6}')
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVICE_PID/status" 2>/dev/null || echo 0)

calc() { awk "BEGIN { printf \"$1\", ($2) }"; }
C_RPS=$(calc %.2f "($E1_RPS + $E2_RPS) / 2")
C_P50=$(calc %.3f "($E1_P50 + $E2_P50) / 2")
C_P99=$(calc %.3f "($E1_P99 + $E2_P99) / 2")
THROUGHPUT_RATIO=$(calc %.3f "$C_RPS > 0 ? $V_RPS / $C_RPS : 0")
P99_RATIO=$(calc %.3f "$C_P99 > 0 ? $V_P99 / $C_P99 : 0")
DRIFT=$(calc %.3f "$E1_RPS > 0 ? $E2_RPS / $E1_RPS : 0")
BODY_THROUGHPUT=$(calc %.3f "$C_RPS > 0 ? $B_RPS / $C_RPS : 0")
BODY_P99=$(calc %.3f "$C_P99 > 0 ? $B_P99 / $C_P99 : 0")
RULES_THROUGHPUT=$(calc %.3f "$B_RPS > 0 ? $V_RPS / $B_RPS : 0")
RULES_P99=$(calc %.3f "$B_P99 > 0 ? $V_P99 / $B_P99 : 0")
verdict_of() { if awk "BEGIN { exit !($1) }"; then echo MET; else echo "NOT MET"; fi; }
RULES_OK=$(verdict_of "$RULES_THROUGHPUT >= 0.8")

# ---------------------------------------------------------------- report
JVM_ERGONOMICS=$(jvm_ergonomics)
WRK_VERSION=$(wrk_version)

start_summary "Reserve Watch HTTP benchmark: POST /verdicts against its ceiling POST /bench/echo"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the memory limit): $JVM_ERGONOMICS"
say "service:     $BENCH_APP (bench build profile, prod run-time profile) on $BASE, rules $RULES, decision log on stdout (to a file)"
say "load:        $WRK_VERSION; $THREADS threads x $CONNECTIONS connections, body $BODY, keep-alive"
say "             warm-up $((3 * WARMUP_S))s /verdicts, ${WARMUP_S}s each /bench/echo, /bench/verdict-body, then ${MEASURE_S}s each measured:"
say "             echo, verdict-body, verdicts, echo (ceiling = mean of the two echo runs, which bracket the others)"
say "wrk:         WRK_BODY_FILE=$BODY wrk -t$THREADS -c$CONNECTIONS -d${MEASURE_S}s --latency -s bench/post-snapshot.lua $BASE<path>"
say ""
say "$(printf '%-28s %10s %9s %9s %10s %8s %8s' run 'req/s' 'p50 ms' 'p99 ms' requests non-2xx 'sock err')"
row() { say "$(printf '%-28s %10s %9s %9s %10s %8s %8s' "$@")"; }
row "POST /bench/echo (run 1)" "$E1_RPS" "$E1_P50" "$E1_P99" "$E1_REQ" "$E1_NON" "$E1_SOCK"
row "POST /bench/verdict-body" "$B_RPS" "$B_P50" "$B_P99" "$B_REQ" "$B_NON" "$B_SOCK"
row "POST /verdicts" "$V_RPS" "$V_P50" "$V_P99" "$V_REQ" "$V_NON" "$V_SOCK"
row "POST /bench/echo (run 2)" "$E2_RPS" "$E2_P50" "$E2_P99" "$E2_REQ" "$E2_NON" "$E2_SOCK"
row "ceiling (mean of echo runs)" "$C_RPS" "$C_P50" "$C_P99" "" "" ""
say ""
say "throughput verdicts/verdict-body: $RULES_THROUGHPUT (target >= 0.8: $RULES_OK): the rules, decision log and metrics"
say "ceiling drift echo run 2 / run 1: $DRIFT (1.000 = none)"
say "beside it (no targets):"
say "  rules, decision log and metrics, verdicts/verdict-body:      p99 $RULES_P99"
say "  the verdict's body alone, verdict-body/ceiling:              throughput $BODY_THROUGHPUT, p99 $BODY_P99"
say "  the whole verdict, verdicts/ceiling:                         throughput $THROUGHPUT_RATIO, p99 $P99_RATIO"
say ""
say "CPU per request (microseconds, user + system, from /proc; the whole machine includes wrk and the kernel):"
say "$(printf '%-28s' run)  $(printf '%8s  ' 'event' 'decision' 'collect-' 'JIT' 'other' 'whole' | sed 's/  $//')"
say "$(printf '%-28s' '')  $(printf '%8s  ' 'loops' 'log' 'or' 'compiler' 'threads' 'machine' | sed 's/  $//')"
say "$(printf '%-28s' 'POST /bench/echo (run 1)')  $(cpu_per_request E1 "$E1_REQ")"
say "$(printf '%-28s' 'POST /bench/verdict-body')  $(cpu_per_request B "$B_REQ")"
say "$(printf '%-28s' 'POST /verdicts')  $(cpu_per_request V "$V_REQ")"
say "$(printf '%-28s' 'POST /bench/echo (run 2)')  $(cpu_per_request E2 "$E2_REQ")"
say ""
say "service RSS after the runs: $(( RSS_KB / 1024 )) MiB"

FAILED=0
if [ "$V_NON" -ne 0 ] || [ "$WV_NON" -ne 0 ]; then
  say "FAIL: POST /verdicts got non-2xx answers: $V_NON measured, $WV_NON in the warm-up"; FAILED=1
else
  say "POST /verdicts: every answer 2xx (warm-up and measured)"
fi
if [ "$E1_NON" -ne 0 ] || [ "$E2_NON" -ne 0 ] || [ "$WE_NON" -ne 0 ]; then
  say "FAIL: POST /bench/echo got non-2xx answers: $E1_NON + $E2_NON measured, $WE_NON in the warm-up"; FAILED=1
fi
if [ "$B_NON" -ne 0 ] || [ "$WB_NON" -ne 0 ]; then
  say "FAIL: POST /bench/verdict-body got non-2xx answers: $B_NON measured, $WB_NON in the warm-up"; FAILED=1
fi
if [ $((V_SOCK + E1_SOCK + E2_SOCK + B_SOCK + WV_SOCK + WE_SOCK + WB_SOCK)) -ne 0 ]; then
  say "FAIL: socket errors (connect/read/write/timeout): verdicts $V_SOCK (+$WV_SOCK warm-up), echo $E1_SOCK + $E2_SOCK (+$WE_SOCK warm-up), verdict-body $B_SOCK (+$WB_SOCK warm-up)"; FAILED=1
fi

{
  echo ""
  echo "================ raw wrk output ================"
  for f in warmup-verdicts warmup-echo warmup-body echo-1 body verdicts echo-2; do
    echo "---- $f ----"
    cat "$WORK/$f.txt"
  done
} >>"$SUMMARY"
echo ""
echo "summary written to $SUMMARY"
exit "$FAILED"
