#!/usr/bin/env bash
# Impact speed: POST /rules/impact on the shipped weekly history, the whole answer with the draft's compile,
# its scenarios and both rulesets judging every week.
#
#   bench/impact.sh [--rebuild]          IMPACT_PAUSE=8 bench/impact.sh: 8 s between drafts
#
# - Builds the production jar (./mvnw package -DskipTests) when target/quarkus-app is missing or older than
#   the sources, or when --rebuild is given.
# - Starts it on 127.0.0.1 with the Kubernetes JVM settings (the JAVA_TOOL_OPTIONS of k8s/base/deployment.yaml,
#   plus -XX:MaxRAM of its memory limit, as under that limit) and an author token.
# - The draft: rules/thresholds.drl with the standing repo spike line moved from $5bn to $60bn (16 weeks and
#   3 scenarios change). Each run sends it with a comment that makes it a new version, so nothing is reused.
# - The first run after start-up is timed alone (cold), then 3 warm-up runs, then 10 timed (curl time_total).
# - Prints the cold time, the median and the slowest warm time, and the median compile, scenarios and judging
#   split the answers report, and the resident memory of the service and of the draft judge waiting for the
#   next draft; writes it to target/bench/impact-<timestamp>.txt. A 429 (the drafts' turn) is waited out. Exit status 1 when a request
#   fails or the answer is not the expected one; 2 when a tool is missing.
#
# Needs: bash, coreutils, curl, python3, a JDK 17. Takes about half a minute.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/impact.sh${*:+ $*}"
RUNS=10
WARMUP_RUNS=3
# seconds between drafts (IMPACT_PAUSE): 0 sends them back to back, each waiting for the judge the last one
# left warming; an author's next draft comes later, when the judge is warm
PAUSE=${IMPACT_PAUSE:-0}
TOKEN=bench-author-token
SUMMARY="$OUT_DIR/impact-$TS.txt"

parse_args "$@"
require_tools curl python3 "$JAVA_BIN"
mkdir -p "$OUT_DIR"

start_bookkeeping reserve-watch-impact
build_if_stale "$PROD_APP" build_prod_app

pick_port
BASE="http://127.0.0.1:$PORT"
echo "starting $PROD_APP on $BASE"
start_service "$PROD_APP" RULES_DIR="$REPO/rules" RULES_WATCH=false RULES_AUTHOR_TOKEN="$TOKEN"
wait_ready "$MANAGEMENT_PORT" "$SERVICE_PID" 120

# one impact request with a draft no earlier run sent; appends "seconds compile scenarios judging" to $WORK/times
impact() { # run-number
  python3 - "$1" "$WORK/draft.json" <<'PY'
import json, sys
text = open("rules/thresholds.drl").read()
line = "srfSpikeBn : double = 5.0"
assert line in text, "thresholds.drl no longer sets " + line
json.dump({"files": {"thresholds.drl": text.replace(line, "srfSpikeBn : double = 60.0") + "\n// run %s\n" % sys.argv[1]}},
          open(sys.argv[2], "w"))
PY
  local result
  while :; do # a draft waits for its turn: drafts take at most half of one core (429 with Retry-After)
    result=$(curl -s -o "$WORK/answer.json" -D "$WORK/headers" -w '%{http_code} %{time_total}' --max-time 120 \
      -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data-binary @"$WORK/draft.json" "$BASE/rules/impact") || die "impact: curl failed"
    [ "${result%% *}" = 429 ] || break
    sleep "$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$WORK/headers")"
  done
  [ "${result%% *}" = 200 ] || die "impact: HTTP ${result%% *}: $(head -c 400 "$WORK/answer.json")"
  python3 - "${result#* }" "$WORK/answer.json" >>"$WORK/times" <<'PY'
import json, sys
answer = json.load(open(sys.argv[2]))
assert answer["valid"] and answer["points"] > 400 and answer["changed"] > 0, answer.get("errors")
t = answer["timings"]
print(sys.argv[1], t["compileMillis"], t["scenariosMillis"], t["judgingMillis"], answer["points"], answer["changed"])
PY
}

: >"$WORK/times"
sleep "$PAUSE" # the first draft comes as long after ready as the later ones after the draft before them
impact cold
read -r COLD_S COLD_COMPILE COLD_SCENARIOS COLD_JUDGING POINTS CHANGED <"$WORK/times"
: >"$WORK/times"
for n in $(seq 1 "$WARMUP_RUNS"); do sleep "$PAUSE"; impact "warm-up $n"; done
: >"$WORK/times"
for n in $(seq 1 "$RUNS"); do sleep "$PAUSE"; impact "$n"; done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
MEDIAN_S=$(cut -d' ' -f1 "$WORK/times" | median)
MAX_S=$(cut -d' ' -f1 "$WORK/times" | sort -n | tail -n 1)
COMPILE_MS=$(cut -d' ' -f2 "$WORK/times" | median)
SCENARIOS_MS=$(cut -d' ' -f3 "$WORK/times" | median)
JUDGING_MS=$(cut -d' ' -f4 "$WORK/times" | median)

start_summary "Reserve Watch: POST /rules/impact on the shipped weekly history"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the memory limit): $(jvm_ergonomics)"
say "method:      the spike-line draft ($POINTS weeks judged twice, $CHANGED changed), first run cold, then"
say "             $WARMUP_RUNS warm-up runs and $RUNS timed (curl time_total), ${PAUSE} s apart; each run a new draft version"
say ""
say "cold (first draft after start-up): ${COLD_S} s (compile ${COLD_COMPILE} ms, scenarios ${COLD_SCENARIOS} ms, judging ${COLD_JUDGING} ms)"
say "warm: median ${MEDIAN_S} s, slowest ${MAX_S} s; median split: compile ${COMPILE_MS} ms, scenarios ${SCENARIOS_MS} ms, judging ${JUDGING_MS} ms (both rulesets)"
say "target: the whole answer in at most about 1.5 s"
JUDGE_PIDS=$(pgrep -P "$SERVICE_PID" -f JudgeMain | tr '\n' ' ' || true)
say "memory:      service RSS $(( $(ps -o rss= -p "$SERVICE_PID") / 1024 )) MiB; draft judge(s) waiting: ${JUDGE_PIDS:-none}$(
  for pid in $JUDGE_PIDS; do printf ' %s MiB' $(( $(ps -o rss= -p "$pid") / 1024 )); done)"
echo ""
echo "summary written to $SUMMARY"
