#!/usr/bin/env bash
# How long a reload of a changed ruleset takes, once the service is warm: POST /rules/reload returns after
# the compile, the sample evaluation, every scenario and the activation, so its wall time is the time
# from "save" to "serving" minus the watcher's poll and settle.
#
#   bench/reload-speed.sh [--rebuild]
#
# - Builds the production jar (./mvnw package -DskipTests) when target/quarkus-app is missing, older
#   than src/main, pom.xml, examples/ or rules/, or when --rebuild is given.
# - Copies rules/*.drl and rules/scenarios/ to a temporary folder and starts the jar on 127.0.0.1 with
#   RULES_DIR pointing there, RULES_ADMIN_TOKEN set (a random token), RULES_WATCH=false (so that only the
#   timed request reloads) and the Kubernetes JVM settings (the JAVA_TOOL_OPTIONS of
#   k8s/base/deployment.yaml, read from it, plus -XX:MaxRAM of its memory limit, as under that limit).
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
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/reload-speed.sh${*:+ $*}"
RELOADS=${BENCH_RELOADS:-20}
WARMUP_RELOADS=${BENCH_WARMUP_RELOADS:-3}
SUMMARY="$OUT_DIR/reload-speed-$TS.txt"

parse_args "$@"

require_tools curl python3 "$JAVA_BIN"
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------- process bookkeeping
start_bookkeeping reserve-watch-reload-speed

# ---------------------------------------------------------------- build
build_if_stale "$PROD_APP" build_prod_app

# ---------------------------------------------------------------- rules copy, service
RULES="$WORK/rules"
mkdir -p "$RULES/scenarios"
cp rules/*.drl "$RULES/"
cp rules/scenarios/* "$RULES/scenarios/"
[ -f "$RULES/thresholds.drl" ] || die "rules/thresholds.drl is missing"
TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

pick_port
BASE="http://127.0.0.1:$PORT"
echo "starting $PROD_APP on $BASE with RULES_DIR=$RULES, RULES_WATCH=false"
start_service "$PROD_APP" RULES_DIR="$RULES" RULES_ADMIN_TOKEN="$TOKEN" RULES_WATCH=false
wait_ready "$MANAGEMENT_PORT" "$SERVICE_PID" 120

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

start_summary "Reserve Watch: reload speed (POST /rules/reload of a changed ruleset, warm service, no load)"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the memory limit)"
say "service:     $PROD_APP on $BASE, RULES_DIR a temporary copy of rules/ ($RULESET_SHAPE), RULES_WATCH=false"
say "method:      $WARMUP_RELOADS warm-up reloads, then $RELOADS timed; each after a changed comment line in thresholds.drl;"
say "             time = curl time_total of POST /rules/reload (compile + sample evaluation + scenarios + activation)"
say ""
say "reload time: median $MEDIAN ms, min $MIN ms, max $MAX ms (mean $MEAN ms, p90 $P90 ms)"
say "runs (ms):   ${TIMES[*]}"
echo ""
echo "summary written to $SUMMARY"
