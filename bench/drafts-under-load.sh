#!/usr/bin/env bash
# Verdict latency while rules authors compile drafts: does checking drafts take the service from its users?
#
#   bench/drafts-under-load.sh [--rebuild]
#
# - Builds the production jar (./mvnw package -DskipTests) when target/quarkus-app is missing, older
#   than src/main, pom.xml, examples/ or rules/, or when --rebuild is given.
# - Starts it on 127.0.0.1 with RULES_AUTHOR_TOKEN set (a random token) and the Kubernetes JVM settings (the
#   JAVA_TOOL_OPTIONS of k8s/base/deployment.yaml, read from it, plus -XX:MaxRAM of its memory limit, as under that limit).
# - Phase A, no drafts: wrk on POST /verdicts (2 threads x 8 connections, examples/2025-10-article.json),
#   10 s of warm-up, then 30 s measured.
# - Phase B, drafts: the same wrk for 30 s while 4 authors each post drafts back to back to POST
#   /rules/validate: every draft is the shipped actions.drl with a changed comment, so each is a new version
#   and compiles in full with the other shipped files. Drafts compile one at a time (rules.drafts.*): the
#   others wait up to 2 s for their turn, then get 429.
# - Prints p50 and p99 of the verdicts in A and B and their ratios (target: p99 in B at most 2x A), the
#   requests per second, and the drafts: how many were compiled (200), refused as busy (429) and failed
#   otherwise, with the median time of a compiled one; writes it to target/bench/drafts-<timestamp>.txt.
#   Exit status 1 when a verdict or a draft got an answer other than 200 or 429; 2 when a tool is missing.
#
# Needs: bash, coreutils, curl, wrk, python3, a JDK 17. Takes about 1.5 minutes, plus a build if needed.
# BENCH_EXTRA_JAVA_OPTS adds JVM flags after the Kubernetes ones; the summary records them.
# Environment overrides, for a quick smoke run only: BENCH_WARMUP_S (10), BENCH_MEASURE_S (30),
# BENCH_AUTHORS (4), BENCH_PORT (18080), BENCH_KEEP_LOG=1 (keep the service log in target/bench/).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/drafts-under-load.sh${*:+ $*}"
THREADS=2
CONNECTIONS=8
WARMUP_S=${BENCH_WARMUP_S:-10}
MEASURE_S=${BENCH_MEASURE_S:-30}
AUTHORS=${BENCH_AUTHORS:-4}
BODY=examples/2025-10-article.json
SUMMARY="$OUT_DIR/drafts-$TS.txt"
KEEP_LOG_AS="drafts-service-$TS.log"

parse_args "$@"
require_wrk
require_tools curl python3 "$JAVA_BIN"
require_body
mkdir -p "$OUT_DIR"

start_bookkeeping reserve-watch-drafts
AUTHOR_PIDS=()
stop_authors() {
  local pid
  for pid in "${AUTHOR_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait "${AUTHOR_PIDS[@]}" 2>/dev/null || true
  AUTHOR_PIDS=()
}
cleanup_after_service() { stop_authors; }

build_if_stale "$PROD_APP" build_prod_app

TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
pick_port
BASE="http://127.0.0.1:$PORT"
echo "starting $PROD_APP on $BASE"
start_service "$PROD_APP" RULES_DIR="$REPO/rules" RULES_AUTHOR_TOKEN="$TOKEN" RULES_WATCH=false
wait_ready "$MANAGEMENT_PORT" "$SERVICE_PID" 120

load() { # seconds output
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s bench/post-snapshot.lua "$BASE/verdicts" -- "$BODY" \
    >"$2" 2>&1 || die "wrk failed: $(tail -n 5 "$2")"
}

# the drafts, written beforehand so that the authors' loops cost the machine only curl: each is the shipped
# actions.drl with a comment of its own, so each is a new version that compiles in full
DRAFTS=200
python3 - "$REPO/rules/actions.drl" "$WORK" "$DRAFTS" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
for i in range(int(sys.argv[3])):
    with open("%s/draft-%d.json" % (sys.argv[2], i), "w") as out:
        json.dump({"files": {"actions.drl": text + "\n// draft %d\n" % i}}, out)
PY

# one author: drafts back to back until killed; one line per draft: "<status> <seconds>"
author() { # n
  local i=$1 status
  while :; do
    i=$(( (i + AUTHORS) % DRAFTS ))
    status=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 -X POST \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$WORK/draft-$i.json" \
      "$BASE/rules/validate" || echo "000 0")
    echo "$status" >>"$WORK/author-$1.txt"
  done
}

echo "phase A: ${WARMUP_S}s warm-up, ${MEASURE_S}s measured, no drafts"
load "$WARMUP_S" "$WORK/warmup.txt"
load "$MEASURE_S" "$WORK/a.txt"
echo "phase B: ${MEASURE_S}s measured while $AUTHORS authors post drafts"
for n in $(seq 1 "$AUTHORS"); do
  : >"$WORK/author-$n.txt"
  author "$n" &
  AUTHOR_PIDS+=($!)
done
sleep 2 # the drafts' first compiles under way
load "$MEASURE_S" "$WORK/b.txt"
stop_authors

read -r A_RPS A_P50 A_P99 A_REQ A_NON2XX A_SOCK < <(parse_wrk "$WORK/a.txt")
read -r B_RPS B_P50 B_P99 B_REQ B_NON2XX B_SOCK < <(parse_wrk "$WORK/b.txt")
read -r DRAFTS_OK DRAFTS_BUSY DRAFTS_OTHER < <(cat "$WORK"/author-*.txt | awk '
  $1 == 200 { ok++ } $1 == 429 { busy++ } $1 != 200 && $1 != 429 { other++ }
  END { printf "%d %d %d\n", ok, busy, other }')
DRAFT_MEDIAN_MS=$(cat "$WORK"/author-*.txt | awk '$1 == 200 { printf "%.0f\n", $2 * 1000 }' | sort -n \
  | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')

start_summary "Reserve Watch: verdict latency while rules authors compile drafts"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the memory limit): $(jvm_ergonomics)"
say "load:        $(wrk_version), $THREADS threads x $CONNECTIONS connections on POST /verdicts ($BODY)"
say "drafts:      $AUTHORS authors posting back to back to POST /rules/validate (actions.drl changed, over the shipped files)"
say ""
say "phase A, no drafts:   $A_RPS req/s, p50 $A_P50 ms, p99 $A_P99 ms ($A_REQ requests, $A_NON2XX non-2xx, $A_SOCK socket errors)"
say "phase B, drafts:      $B_RPS req/s, p50 $B_P50 ms, p99 $B_P99 ms ($B_REQ requests, $B_NON2XX non-2xx, $B_SOCK socket errors)"
say "B / A:                p50 $(awk "BEGIN { printf \"%.2f\", $B_P50 / $A_P50 }")x, p99 $(awk "BEGIN { printf \"%.2f\", $B_P99 / $A_P99 }")x (target p99 <= 2x), throughput $(awk "BEGIN { printf \"%.2f\", $B_RPS / $A_RPS }")"
say "drafts in phase B:    $DRAFTS_OK compiled (median $DRAFT_MEDIAN_MS ms each, waiting included), $DRAFTS_BUSY answered 429 (busy), $DRAFTS_OTHER other"
echo ""
echo "summary written to $SUMMARY"
if [ "$A_NON2XX" -gt 0 ] || [ "$B_NON2XX" -gt 0 ] || [ "$A_SOCK" -gt 0 ] || [ "$B_SOCK" -gt 0 ] || [ "$DRAFTS_OTHER" -gt 0 ]; then
  echo "FAILED: non-2xx verdicts, socket errors, or drafts answered other than 200 or 429" >&2
  exit 1
fi
