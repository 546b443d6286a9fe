#!/usr/bin/env bash
# The watch's fetches against the FRED test server run standalone, with FRED's limits enforced by the server
# (2 requests a second, 120 a minute, 429 beyond) and the service's own limiter: how many requests and how long a
# first fetch into an empty folder takes, an incremental one a week later, one with nothing new, and the time from
# FRED answering again (after a failing spell) to the alert at a webhook.
#
#   bench/watch-fetch.sh [--rebuild]
#
# - Builds the production jar when stale (as the other benches), and needs the test classes (./mvnw test-compile):
#   the FRED test server is src/test/java/dev/reservewatch/watch/FredTestServer.java. Needs ../shared/data/fred.
# - Starts the test server (today 2025-10-01) and the jar on 127.0.0.1 with a random 32-character key, the
#   Kubernetes JVM settings, a fresh data folder, and the server's /_hooks as the webhook.
# - First fetch: the one at start-up; its time is lastSuccessAt - lastAttemptAt of GET /watch, its requests what the
#   server counted. Incremental: the server's today a week on, POST /watch/refresh (curl's time_total). Nothing new:
#   POST /watch/refresh again. Data to alert: WALCL fails (500) for two refreshes (FETCH_FAILING), then the fault is
#   cleared and the watch refreshed: the time from the clearing to the RECOVERED alert's arrival at the webhook.
#   (The service judges staleness by the real date, not the server's, so every series is stale from the start and a
#   DATA_STALE goes out with the first fetch.)
# - Prints the figures with machine info, the date and the command; writes them to
#   target/bench/watch-fetch-<timestamp>.txt. Exit status 1 when the server had to answer 429 or an alert is missing.
#
# Needs: bash, coreutils, curl, python3, a JDK 17. Takes about a minute plus a build if needed.
# Environment overrides: BENCH_PORT (18100: the service, its management port, and the test server).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/watch-fetch.sh${*:+ $*}"
SUMMARY="$OUT_DIR/watch-fetch-$TS.txt"
FRED_DATA=../shared/data/fred
export BENCH_PORT=${BENCH_PORT:-18100}

parse_args "$@"
require_tools curl python3 "$JAVA_BIN"
[ -d "$FRED_DATA" ] || { echo "no $FRED_DATA: the test server serves those files" >&2; exit 2; }
[ -f target/test-classes/dev/reservewatch/watch/FredTestServer.class ] \
  || { echo "no FRED test server class: run ./mvnw test-compile first" >&2; exit 2; }
mkdir -p "$OUT_DIR"

start_bookkeeping watch-fetch
FRED_PID=""
CLEANUP_PID_VARS="FRED_PID"
KEEP_LOG_AS="watch-fetch-$TS.service.log"

build_if_stale "$PROD_APP" build_prod_app

pick_port
FRED_PORT=$(BENCH_PORT=$((MANAGEMENT_PORT + 1)) free_port) || die "no free port for the FRED test server"
KEY=$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(32)))')
ADMIN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
FRED="http://127.0.0.1:$FRED_PORT"

"$JAVA_BIN" -cp target/test-classes:target/classes dev.reservewatch.watch.FredTestServer "$FRED_PORT" "$FRED_DATA" \
    2025-10-01 "$KEY" >"$WORK/fred.log" 2>&1 &
FRED_PID=$!
for _ in $(seq 100); do port_in_use "$FRED_PORT" && break; sleep 0.1; done
port_in_use "$FRED_PORT" || die "the FRED test server did not start: $(cat "$WORK/fred.log")"

start_service "$PROD_APP" RULES_DIR=rules RULES_ADMIN_TOKEN="$ADMIN" WATCH_FRED_API_KEY="$KEY" \
    WATCH_FRED_BASE_URL="$FRED" WATCH_DATA_DIR="$WORK/data" WATCH_WEBHOOK_URLS="$FRED/_hooks"
wait_ready "$MANAGEMENT_PORT" "$SERVICE_PID" 120

watch() { curl -s "http://127.0.0.1:$PORT/watch"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
requests() { curl -s "$FRED/_control/requests" | field "['requests']"; }
throttled() { curl -s "$FRED/_control/requests" | field "['throttled']"; }
took() { # seconds from lastAttemptAt to lastSuccessAt of GET /watch
  watch | python3 -c '
import json, sys
from datetime import datetime
w = json.load(sys.stdin)
p = lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")[:26] + "+00:00" if "." in t else t.replace("Z", "+00:00"))
print("%.2f" % (p(w["lastSuccessAt"]) - p(w["lastAttemptAt"])).total_seconds())'
}
refresh() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $ADMIN" \
  "http://127.0.0.1:$PORT/watch/refresh"; }
hooks_with() { curl -s "$FRED/_control/hooks" | python3 -c "
import json, sys
for h in json.load(sys.stdin):
    if h['alert']['event'] == '$1': print(h['receivedAt']); break"; }

start_summary "The watch's fetches against the FRED test server (FRED's limits enforced)"
say "jvm:         $(jvm_ergonomics)"

# the first fetch runs at start-up
for _ in $(seq 600); do
  [ "$(watch | field "['lastSuccessAt']")" != None ] && break
  sleep 0.1
done
[ "$(watch | field "['lastSuccessAt']")" != None ] || die "the first fetch did not succeed within a minute"
SERIES=$(watch | field "['series'].__len__()")
FIRST_REQUESTS=$(requests)
say "first fetch into an empty folder: $SERIES series, $FIRST_REQUESTS requests, $(took) s"

curl -s -X POST "$FRED/_control/today?date=2025-10-08" >/dev/null
read -r CODE TIME <<<"$(refresh)"
[ "$CODE" = 200 ] || die "POST /watch/refresh answered $CODE"
INCREMENTAL_REQUESTS=$(( $(requests) - FIRST_REQUESTS ))
say "incremental fetch a week later: $INCREMENTAL_REQUESTS requests, $(took) s in the watch, POST /watch/refresh ${TIME} s"

BEFORE=$(requests)
read -r CODE TIME <<<"$(refresh)"
say "a fetch with nothing new: $(( $(requests) - BEFORE )) requests, POST /watch/refresh ${TIME} s"

# fetching WALCL fails twice (FETCH_FAILING), then FRED answers again: the time from then to RECOVERED at the webhook
curl -s -X POST "$FRED/_control/fault?series=WALCL&kind=SERVER_ERROR" >/dev/null
refresh >/dev/null
refresh >/dev/null
[ -n "$(hooks_with FETCH_FAILING)" ] || die "no FETCH_FAILING alert arrived"
BACK=$(curl -s -X POST "$FRED/_control/fault" | field "['at']")
read -r CODE TIME <<<"$(refresh)"
for _ in $(seq 100); do [ -n "$(hooks_with RECOVERED)" ] && break; sleep 0.05; done
ARRIVED=$(hooks_with RECOVERED)
[ -n "$ARRIVED" ] || die "no RECOVERED alert arrived"
say "data back to alert (a refresh right after FRED answers again): $(( ARRIVED - BACK )) ms from then to RECOVERED at the webhook (the fetch and its answer: ${TIME} s)"
say "429s the server had to answer: $(throttled)"
[ "$(throttled)" = 0 ] || exit 1
echo "written: $SUMMARY"
