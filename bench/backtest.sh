#!/usr/bin/env bash
# Backtest speed: the full weekly backtest from uploaded FRED CSVs and from the shipped history, against the
# rate of single verdicts, in one run.
#
#   bench/backtest.sh [--rebuild]
#
# - Builds the production jar (./mvnw package -DskipTests) when target/quarkus-app is missing, older
#   than src/main, pom.xml, examples/ or rules/, or when --rebuild is given.
# - Starts it on 127.0.0.1 with the Kubernetes JVM settings (the JAVA_TOOL_OPTIONS of k8s/base/deployment.yaml,
#   read from it, plus -XX:MaxRAM of its memory limit, as under that limit).
# - Single verdicts: wrk on POST /verdicts with 1 thread and 1 connection (one request at a time, as a
#   backtest judges its weeks one after another), 10 s of warm-up, then 20 s measured.
# - Uploads: POST /backtests/fred with the 16 FRED downloads of ../shared/data/fred (BENCH_FRED_DIR) and
#   from=2018-01-01, 3 warm-up runs, then 10 timed (curl time_total, compact view).
# - Shipped: GET /backtests/shipped, 3 warm-up runs, then 10 timed.
# - Prints each median time, the weeks judged, points per second, and the ratio to the single-verdict rate;
#   writes it to target/bench/backtest-<timestamp>.txt. Exit status 1 when a request fails; 2 when a tool or
#   the FRED downloads are missing.
#
# Needs: bash, coreutils, curl, wrk, python3, a JDK 17, the FRED downloads. Takes about a minute and a half.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/backtest.sh${*:+ $*}"
FRED_DIR=${BENCH_FRED_DIR:-../shared/data/fred}
BODY=examples/2025-10-article.json
RUNS=10
WARMUP_RUNS=3
SUMMARY="$OUT_DIR/backtest-$TS.txt"

parse_args "$@"
require_wrk
require_tools curl python3 "$JAVA_BIN"
require_body
[ -d "$FRED_DIR" ] || { echo "no FRED downloads at $FRED_DIR (set BENCH_FRED_DIR)" >&2; exit 2; }
mkdir -p "$OUT_DIR"

start_bookkeeping reserve-watch-backtest
build_if_stale "$PROD_APP" build_prod_app

pick_port
BASE="http://127.0.0.1:$PORT"
echo "starting $PROD_APP on $BASE"
start_service "$PROD_APP" RULES_DIR="$REPO/rules" RULES_WATCH=false
wait_ready "$MANAGEMENT_PORT" "$SERVICE_PID" 120

wrk -t1 -c1 -d10s -s bench/post-snapshot.lua "$BASE/verdicts" -- "$BODY" >/dev/null 2>&1 || die "wrk warm-up failed"
wrk -t1 -c1 -d20s --latency -s bench/post-snapshot.lua "$BASE/verdicts" -- "$BODY" >"$WORK/single.txt" 2>&1 \
  || die "wrk failed: $(tail -n 5 "$WORK/single.txt")"
read -r SINGLE_RPS _ _ _ SINGLE_NON2XX _ < <(parse_wrk "$WORK/single.txt")
[ "$SINGLE_NON2XX" -eq 0 ] || die "single verdicts answered non-2xx"

FORM=()
for file in "$FRED_DIR"/*.csv; do
  code=$(basename "$file" .csv)
  FORM+=(-F "$code=@$file")
done

# time runs of a request: median seconds and the answer's points
timed() { # label curl-args...
  local label=$1 n seconds times=()
  shift
  for n in $(seq 1 $(( WARMUP_RUNS + RUNS ))); do
    seconds=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' --max-time 120 "$@") \
      || die "$label: curl failed"
    [ "${seconds%% *}" = 200 ] || die "$label: HTTP ${seconds%% *}: $(head -c 400 "$WORK/answer.json")"
    [ "$n" -le "$WARMUP_RUNS" ] || times+=("${seconds#* }")
  done
  POINTS=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["points"])' "$WORK/answer.json")
  MEDIAN_S=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
}

timed "upload" -X POST "$BASE/backtests/fred" "${FORM[@]}" -F from=2018-01-01
UPLOAD_S=$MEDIAN_S
UPLOAD_POINTS=$POINTS
timed "shipped" "$BASE/backtests/shipped"
SHIPPED_S=$MEDIAN_S
SHIPPED_POINTS=$POINTS

rate() { awk "BEGIN { printf \"%.0f\", $1 / $2 }"; }
UPLOAD_PPS=$(rate "$UPLOAD_POINTS" "$UPLOAD_S")
SHIPPED_PPS=$(rate "$SHIPPED_POINTS" "$SHIPPED_S")

start_summary "Reserve Watch: backtest speed, from uploaded FRED CSVs and from the shipped history"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the memory limit): $(jvm_ergonomics)"
say "method:      single verdicts: $(wrk_version), 1 thread x 1 connection, 20 s after 10 s of warm-up;"
say "             backtests: $WARMUP_RUNS warm-up runs, then $RUNS timed (curl time_total), compact view"
say ""
say "single verdicts, one at a time: $SINGLE_RPS req/s"
say "upload of $(ls "$FRED_DIR"/*.csv | wc -l) FRED CSVs from 2018: median ${UPLOAD_S} s, $UPLOAD_POINTS weeks, $UPLOAD_PPS weeks/s ($(awk "BEGIN { printf \"%.2f\", $UPLOAD_PPS / $SINGLE_RPS }") of the single-verdict rate)"
say "shipped history:                median ${SHIPPED_S} s, $SHIPPED_POINTS weeks, $SHIPPED_PPS weeks/s ($(awk "BEGIN { printf \"%.2f\", $SHIPPED_PPS / $SINGLE_RPS }") of the single-verdict rate)"
echo ""
echo "summary written to $SUMMARY"
