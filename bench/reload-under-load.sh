#!/usr/bin/env bash
# Rule edits under load: are verdicts always judged by an accepted version, never by a refused one, and
# what do the swaps cost in throughput?
#
#   bench/reload-under-load.sh [--rebuild]
#
# - Builds the production jar (./mvnw package -DskipTests) when target/quarkus-app is missing, older
#   than src/main, pom.xml, examples/ or rules/, or when --rebuild is given.
# - Copies rules/*.drl and rules/scenarios/ to a temporary folder and starts the jar on 127.0.0.1 with
#   RULES_DIR pointing there, RULES_ADMIN_TOKEN set (a random token), the folder watcher on (as shipped:
#   poll 1 s, settle 300 ms) and the Kubernetes JVM settings (the JAVA_TOOL_OPTIONS of
#   k8s/base/deployment.yaml, read from it, plus -XX:MaxRAM of its memory limit, as under that limit).
# - Phase A, steady state: wrk on POST /verdicts (2 threads x 32 connections, examples/2025-10-article.json)
#   for 10 s of warm-up, then 20 s measured.
# - Phase B, swaps: wrk for 100 s while 20 edits are made to the rules folder, one every 5 s, alternating:
#   odd edits are valid (remove broken.drl if there, and set onRrpFullLevelBn in thresholds.drl to
#   1000.0 + n: no scenario has an ON RRP balance between 500 and 1600, so every scenario keeps passing),
#   even edits are broken (a new broken.drl with a syntax error). After each edit GET /rules is polled
#   (every 100 ms, at most 30 s) until its version or lastRejected changes; an edit the watcher has not
#   taken by then is forced with POST /rules/reload and counted as a failure. Accepted versions are what
#   GET /rules reports as "version", refused ones what it reports as lastRejected.version; both are also
#   checked against the sha256 this script computes over the folder's .drl files (docs/api.md: ruleset.version).
# - A checker runs beside wrk in both measured phases: POST /verdicts with curl every 100 ms, recording the
#   HTTP status, ruleset.version, regime and actions of every answer (wrk does not read bodies).
# - Prints wrk's requests and non-2xx in phase B, the checker's verdicts, non-2xx, verdicts naming a
#   version outside the accepted set (must be 0), whether a refused version was ever served (must be
#   no), the accepted and refused swaps, req/s in phase A and B and their ratio (target >= 0.8); writes it
#   to target/bench/reload-<timestamp>.txt. Exit status 1 when a correctness check fails (a missed
#   throughput target is reported, not an error); 2 when a tool is missing.
#
# Needs: bash, coreutils, curl, wrk, python3, a JDK 17. Takes about 2.5 minutes, plus a build if needed.
# BENCH_EXTRA_JAVA_OPTS adds JVM flags after the Kubernetes ones (e.g. -XX:ActiveProcessorCount=1, as in the
# pod with its CPU limit of 1); the summary records them.
# Environment overrides, for a quick smoke run only: BENCH_WARMUP_S (10), BENCH_STEADY_S (20),
# BENCH_EDITS (20), BENCH_EDIT_INTERVAL_S (5; phase B lasts EDITS x INTERVAL), BENCH_PORT (18080),
# BENCH_KEEP_LOG=1 (keep the service log in target/bench/).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/reload-under-load.sh${*:+ $*}"
THREADS=2
CONNECTIONS=32
WARMUP_S=${BENCH_WARMUP_S:-10}
STEADY_S=${BENCH_STEADY_S:-20}
EDITS=${BENCH_EDITS:-20}
EDIT_INTERVAL_S=${BENCH_EDIT_INTERVAL_S:-5}
SWAP_S=$(( EDITS * EDIT_INTERVAL_S ))
EDIT_WAIT_S=30
CHECK_EVERY_S=0.1
BODY=examples/2025-10-article.json
SUMMARY="$OUT_DIR/reload-$TS.txt"

parse_args "$@"

# ---------------------------------------------------------------- prerequisites
require_wrk
require_tools curl python3 timeout "$JAVA_BIN"
require_body
grep -Eq '^[[:space:]]*onRrpFullLevelBn[[:space:]]*:[[:space:]]*double[[:space:]]*=' rules/thresholds.drl \
  || { echo "rules/thresholds.drl has no 'onRrpFullLevelBn : double = ...' line to edit; adapt EDIT_THRESHOLD in this script" >&2; exit 2; }
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------- process bookkeeping
WRK_PID=""
CHECKER_PID=""
CLEANUP_PID_VARS="WRK_PID CHECKER_PID"
KEEP_LOG_AS="reload-$TS-service.log"
start_bookkeeping reserve-watch-reload

# ---------------------------------------------------------------- build
build_if_stale "$PROD_APP" build_prod_app

# ---------------------------------------------------------------- rules copy, service
RULES="$WORK/rules"
mkdir -p "$RULES/scenarios"
cp rules/*.drl "$RULES/"
cp rules/scenarios/* "$RULES/scenarios/"
TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

pick_port
BASE="http://127.0.0.1:$PORT"
echo "starting $PROD_APP on $BASE with RULES_DIR=$RULES"
start_service "$PROD_APP" RULES_DIR="$RULES" RULES_ADMIN_TOKEN="$TOKEN" RULES_WATCH=true
wait_ready "$MANAGEMENT_PORT" "$SERVICE_PID" 120

code=$(curl -s -o "$WORK/first.json" -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$BODY" "$BASE/verdicts" || true)
[ "$code" = 200 ] || die "POST /verdicts answered $code before the load: $(head -c 400 "$WORK/first.json" 2>/dev/null)"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$BODY" "$BASE/bench/echo" || true)
[ "$code" = 404 ] || echo "WARNING: POST /bench/echo answered $code, not 404: $PROD_APP looks like a bench build; rebuild with --rebuild" >&2

# ---------------------------------------------------------------- load and checker
run_wrk_bg() { # seconds outfile: starts wrk in the background (WRK_PID)
  WRK_BODY_FILE="$REPO/$BODY" timeout --kill-after=5 $(( $1 + 30 )) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --latency -s "$REPO/bench/post-snapshot.lua" "$BASE/verdicts" \
    >"$2" 2>&1 &
  WRK_PID=$!
}

wait_wrk() { # outfile
  local rc=0
  wait "$WRK_PID" || rc=$?
  WRK_PID=""
  [ "$rc" = 0 ] || die "wrk failed (exit $rc): $(tail -n 5 "$1")"
  grep -q 'Requests/sec' "$1" || die "wrk printed no result: $(tail -n 5 "$1")"
  kill -0 "$SERVICE_PID" 2>/dev/null || die "the service died during the load"
}

# POST the example every CHECK_EVERY_S until the deadline; one line per answer: epoch ms, status, body
checker() { # seconds outfile
  trap - EXIT INT TERM  # this runs in a background subshell: the parent's cleanup is not its own
  local deadline=$(( $(date +%s%3N) + $1 * 1000 )) code
  : >"$2"
  while [ "$(date +%s%3N)" -lt "$deadline" ]; do
    rm -f "$WORK/check-body"
    code=$(curl -s -o "$WORK/check-body" -w '%{http_code}' --max-time 5 -H 'Content-Type: application/json' \
      --data-binary @"$REPO/$BODY" "$BASE/verdicts" || true)
    {
      printf '%s\t%s\t' "$(date +%s%3N)" "${code:-000}"
      if [ -f "$WORK/check-body" ]; then tr -d '\n\r\t' <"$WORK/check-body"; fi
      printf '\n'
    } >>"$2"
    sleep "$CHECK_EVERY_S"
  done
}

start_checker() { # seconds outfile
  checker "$1" "$2" &
  CHECKER_PID=$!
}

wait_checker() {
  local rc=0
  wait "$CHECKER_PID" || rc=$?
  CHECKER_PID=""
  [ "$rc" = 0 ] || die "the checker loop failed (exit $rc)"
}

curl -s --max-time 10 "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" >"$WORK/metrics-before.txt" || true

echo "phase A: ${WARMUP_S}s warm-up, then ${STEADY_S}s steady state on /verdicts"
run_wrk_bg "$WARMUP_S" "$WORK/wrk-warmup.txt"
wait_wrk "$WORK/wrk-warmup.txt"
run_wrk_bg "$STEADY_S" "$WORK/wrk-steady.txt"
start_checker "$STEADY_S" "$WORK/check-steady.tsv"
wait_wrk "$WORK/wrk-steady.txt"
wait_checker

# ---------------------------------------------------------------- phase B: the editor
cat >"$WORK/editor.py" <<'PY'
"""Makes the edits of phase B on schedule and records what GET /rules says about each."""
import hashlib, json, os, re, sys, time, urllib.request

base, rules, token, out = sys.argv[1:5]
edits, interval, wait_s = int(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7])
thresholds = os.path.join(rules, "thresholds.drl")
broken = os.path.join(rules, "broken.drl")
scratch = os.path.dirname(rules.rstrip("/"))
EDIT_THRESHOLD = re.compile(r"^(\s*onRrpFullLevelBn\s*:\s*double\s*=\s*)([-0-9.eE]+)", re.M)

def version_of(folder):
    """The service's ruleset.version: sha256 over each .drl file's name and content, in name order."""
    digest = hashlib.sha256()
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".drl") and not n.startswith(".")
                       and os.path.isfile(os.path.join(folder, n))):
        digest.update(name.encode()); digest.update(b"\0")
        with open(os.path.join(folder, name), "rb") as f:
            digest.update(f.read())
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()

def write_atomically(path, text):
    tmp = os.path.join(scratch, "edit.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)  # same file system: the watcher never sees a half-written file

def rules_state():
    with urllib.request.urlopen(base + "/rules", timeout=5) as answer:
        doc = json.load(answer)
    rejected = doc.get("lastRejected") or {}
    return doc.get("version"), rejected.get("at"), rejected.get("version"), rejected.get("reason")

def force_reload():
    request = urllib.request.Request(base + "/rules/reload", method="POST", data=b"",
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)

record = {"edits": [], "served": [], "rejected": [], "errors": []}
version, rejected_at, rejected_version, _ = rules_state()
record["initial"] = version
record["initial_computed"] = version_of(rules)
record["served"].append(version)
start = time.time()
for n in range(1, edits + 1):
    due = start + 1.0 + (n - 1) * interval
    time.sleep(max(0.0, due - time.time()))
    kind = "valid" if n % 2 == 1 else "broken"
    before = (version, rejected_at)
    if kind == "valid":
        if os.path.exists(broken):
            os.remove(broken)
        with open(thresholds, encoding="utf-8") as f:
            text = f.read()
        new_text, count = EDIT_THRESHOLD.subn(lambda m: m.group(1) + "%.1f" % (1000.0 + n), text, count=1)
        if count != 1:
            record["errors"].append("edit %d: no onRrpFullLevelBn line in thresholds.drl" % n)
            break
        write_atomically(thresholds, new_text)
    else:
        write_atomically(broken, "package rules;\n\n// broken on purpose by bench/reload-under-load.sh, edit %d\n"
                         "rule \"Broken edit %d\"\nwhen\n    Market( reserveBalancesBn > )\nthen\n"
                         "    this is not DRL %d\n" % (n, n, n))
    edited = time.time()
    expected = version_of(rules)
    entry = {"n": n, "kind": kind, "expected": expected, "at_s": round(edited - start, 3), "forced": False}
    outcome = None
    while time.time() - edited < wait_s:
        try:
            version, rejected_at, rejected_version, reason = rules_state()
        except Exception as e:  # keep polling: a slow answer under load is not an outcome
            record["errors"].append("edit %d: GET /rules failed: %s" % (n, e))
            time.sleep(0.1)
            continue
        if version != before[0]:
            outcome = ("accepted", version, None)
        elif rejected_at != before[1]:
            outcome = ("rejected", rejected_version, reason)
        if outcome:
            break
        time.sleep(0.1)
    if outcome is None:
        entry["forced"] = True
        try:
            answer = force_reload()
            status = answer.get("status")
            if status == "ACTIVATED":
                outcome = ("accepted", answer.get("activeVersion"), None)
            elif status == "REJECTED":
                rejection = answer.get("rejection") or {}
                outcome = ("rejected", rejection.get("version"), rejection.get("reason"))
            else:
                outcome = ("unchanged", answer.get("activeVersion"), None)
            version, rejected_at, rejected_version, _ = rules_state()
        except Exception as e:
            record["errors"].append("edit %d: forced POST /rules/reload failed: %s" % (n, e))
            outcome = ("no-answer", None, None)
    entry["outcome"], entry["version"], entry["reason"] = outcome
    entry["latency_ms"] = round((time.time() - edited) * 1000)
    if outcome[0] == "accepted" and outcome[1] not in record["served"]:
        record["served"].append(outcome[1])
    if outcome[0] == "rejected" and outcome[1] not in record["rejected"]:
        record["rejected"].append(outcome[1])
    record["edits"].append(entry)
    print("edit %2d %-6s -> %-9s %s in %d ms%s" % (n, kind, outcome[0], (outcome[1] or "")[:19],
          entry["latency_ms"], " (forced with POST /rules/reload)" if entry["forced"] else ""), flush=True)
try:
    record["final"] = rules_state()[0]
except Exception as e:
    record["errors"].append("final GET /rules failed: %s" % e)
    record["final"] = None
with open(out, "w") as f:
    json.dump(record, f, indent=1)
PY

echo "phase B: ${SWAP_S}s of load while $EDITS edits are made, one every ${EDIT_INTERVAL_S}s"
run_wrk_bg "$SWAP_S" "$WORK/wrk-swaps.txt"
start_checker "$SWAP_S" "$WORK/check-swaps.tsv"
EDITOR_RC=0
run_child python3 "$WORK/editor.py" "$BASE" "$RULES" "$TOKEN" "$WORK/edits.json" \
  "$EDITS" "$EDIT_INTERVAL_S" "$EDIT_WAIT_S" || EDITOR_RC=$?
wait_wrk "$WORK/wrk-swaps.txt"
wait_checker
[ "$EDITOR_RC" = 0 ] && [ -f "$WORK/edits.json" ] || die "the editor failed (exit $EDITOR_RC)"
curl -s --max-time 10 "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" >"$WORK/metrics-after.txt" || true
# after the last (broken) edit the last valid version must still be serving
code=$(curl -s -o "$WORK/last.json" -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$BODY" "$BASE/verdicts" || true)
printf '%s\t%s\t%s\n' "$(date +%s%3N)" "${code:-000}" "$(cat "$WORK/last.json" 2>/dev/null | tr -d '\n\r\t' || true)" \
  >"$WORK/check-last.tsv"

# ---------------------------------------------------------------- report
read -r A_RPS A_P50 A_P99 A_REQ A_NON A_SOCK < <(parse_wrk "$WORK/wrk-steady.txt")
read -r B_RPS B_P50 B_P99 B_REQ B_NON B_SOCK < <(parse_wrk "$WORK/wrk-swaps.txt")

WRK_VERSION=$(wrk_version)

start_summary "Reserve Watch: rule edits under load"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the memory limit)"
say "service:     $PROD_APP on $BASE, RULES_DIR a temporary copy of rules/, watcher on (poll 1 s, settle 300 ms)"
say "load:        $WRK_VERSION; $THREADS threads x $CONNECTIONS connections on POST /verdicts, body $BODY"
say "             phase A: ${WARMUP_S}s warm-up + ${STEADY_S}s measured; phase B: ${SWAP_S}s with $EDITS edits every ${EDIT_INTERVAL_S}s"
say "checker:     curl POST /verdicts every ${CHECK_EVERY_S}s during both measured phases"
say ""

set +e
python3 - "$WORK" "$A_RPS" "$B_RPS" "$B_REQ" "$B_NON" "$B_SOCK" "$A_NON" "$A_SOCK" "$EDITS" "$SWAP_S" \
  >"$WORK/analysis.txt" <<'PY'
import json, re, statistics, sys

work = sys.argv[1]
a_rps, b_rps = float(sys.argv[2]), float(sys.argv[3])
b_req, b_non, b_sock, a_non, a_sock, planned, swap_s = (int(x) for x in sys.argv[4:11])
record = json.load(open(work + "/edits.json"))
served, refused = set(record["served"]), set(record["rejected"]) - {None}
failures = []

def checks(path):
    rows = []
    for line in open(path, encoding="utf-8", errors="replace"):
        parts = line.rstrip("\n").split("\t", 2)
        if len(parts) < 2:
            continue
        body = parts[2] if len(parts) > 2 else ""
        version = regime = None
        actions = []
        try:
            doc = json.loads(body)
            version = (doc.get("ruleset") or {}).get("version")
            regime = doc.get("regime")
            actions = [a.get("code") for a in doc.get("actions") or []]
        except ValueError:
            pass
        rows.append((parts[1], version, regime, actions))
    return rows

def report_checker(name, rows):
    ok = [r for r in rows if r[0].startswith("2")]
    non2xx = len(rows) - len(ok)
    unknown = [r for r in ok if r[1] not in served]
    refused_served = [r for r in ok if r[1] in refused]
    wrong = [r for r in ok if r[2] != "SCARCE" or "END_RUNOFF" not in r[3]]
    versions = sorted({r[1] for r in ok if r[1]})
    print("checker %-14s %5d answers, %5d verdicts, %d non-2xx, %d naming a version outside the accepted set, "
          "%d naming a refused version, %d with another verdict than SCARCE + END_RUNOFF; %d distinct versions"
          % (name + ":", len(rows), len(ok), non2xx, len(unknown), len(refused_served), len(wrong), len(versions)))
    if non2xx:
        statuses = sorted({r[0] for r in rows if not r[0].startswith("2")})
        failures.append("checker (%s): %d non-2xx answers (statuses %s)" % (name, non2xx, ", ".join(statuses)))
    if unknown:
        failures.append("checker (%s): %d verdicts named a version outside the accepted set: %s"
                        % (name, len(unknown), sorted({str(r[1]) for r in unknown})[:3]))
    if refused_served:
        failures.append("checker (%s): a refused version was served %d times" % (name, len(refused_served)))
    if wrong:
        failures.append("checker (%s): %d verdicts were not SCARCE with END_RUNOFF" % (name, len(wrong)))
    return len(ok), non2xx, len(unknown), len(refused_served)

edits = record["edits"]
accepted = [e for e in edits if e["outcome"] == "accepted"]
rejected = [e for e in edits if e["outcome"] == "rejected"]
forced = [e for e in edits if e["forced"]]
for e in edits:
    expected_outcome = "accepted" if e["kind"] == "valid" else "rejected"
    if e["outcome"] != expected_outcome:
        failures.append("edit %d (%s) was %s, expected %s%s" % (e["n"], e["kind"], e["outcome"], expected_outcome,
                        (": " + e["reason"][:200]) if e.get("reason") else ""))
    elif e["version"] != e["expected"]:
        print("note: edit %d: the service names version %s, this script computed %s (version formula changed?)"
              % (e["n"], e["version"], e["expected"]))
if forced:
    failures.append("%d edit(s) were not taken by the watcher within the wait and had to be forced: %s"
                    % (len(forced), [e["n"] for e in forced]))
for error in record["errors"]:
    failures.append("editor: " + error)
if len(edits) != planned:
    failures.append("%d of %d edits were made" % (len(edits), planned))
if accepted and record.get("final") != accepted[-1]["version"]:
    failures.append("after the last edit GET /rules names %s, not the last accepted version %s"
                    % (record.get("final"), accepted[-1]["version"]))
if refused & served:
    failures.append("a refused version is also an accepted one: %s" % sorted(refused & served))

print("edits:       %d made: %d valid accepted, %d broken refused (accepted swaps %d, refused %d), %d forced"
      % (len(edits), len([e for e in accepted if e["kind"] == "valid"]),
         len([e for e in rejected if e["kind"] == "broken"]), len(accepted), len(rejected), len(forced)))
latencies = [e["latency_ms"] for e in edits if not e["forced"]]
if latencies:
    print("edit to GET /rules showing it (watcher poll + settle + compile + scenarios): median %d ms, max %d ms"
          % (statistics.median(latencies), max(latencies)))
print("versions:    %d accepted (the initial one included), %d refused" % (len(served), len(refused)))
late = [e["n"] for e in edits if e["at_s"] >= swap_s]
if late:
    print("note: edit(s) %s came after the %d s of load had ended (slow reloads delayed them)" % (late, swap_s))

def counter(path, outcome):
    try:
        for line in open(path):
            if line.startswith("reservewatch_rule_reloads_total") and 'outcome="%s"' % outcome in line:
                return float(line.split()[-1])
    except OSError:
        pass
    return None
deltas = []
for outcome in ("accepted", "rejected"):
    before, after = counter(work + "/metrics-before.txt", outcome), counter(work + "/metrics-after.txt", outcome)
    deltas.append("n/a" if before is None or after is None else "%d" % (after - before))
print("metrics:     reservewatch_rule_reloads_total during the run: accepted %s, rejected %s" % tuple(deltas))
print("")
print("phase B wrk: %d requests, %d non-2xx, %d socket errors" % (b_req, b_non, b_sock))
if b_non or b_sock:
    failures.append("phase B: wrk got %d non-2xx answers and %d socket errors" % (b_non, b_sock))
if a_non or a_sock:
    failures.append("phase A: wrk got %d non-2xx answers and %d socket errors" % (a_non, a_sock))
report_checker("steady state", checks(work + "/check-steady.tsv"))
verdicts, non2xx, unknown, refused_served = report_checker("during swaps", checks(work + "/check-swaps.tsv"))
report_checker("after", checks(work + "/check-last.tsv"))
print("verdicts naming a version outside the accepted set (must be 0): %d" % unknown)
print("a refused version was served (must be no): %s" % ("YES" if refused_served else "no"))
print("")
ratio = b_rps / a_rps if a_rps > 0 else 0.0
print("req/s steady state (phase A): %.2f" % a_rps)
print("req/s during swaps (phase B): %.2f" % b_rps)
print("ratio B/A: %.3f (target >= 0.8: %s)" % (ratio, "MET" if ratio >= 0.8 else "NOT MET"))
print("")
if failures:
    print("CORRECTNESS: FAILED")
    for failure in failures:
        print("  - " + failure)
    sys.exit(1)
print("CORRECTNESS: OK (every check passed)")
PY
ANALYSIS_RC=$?
set -e
while IFS= read -r line; do say "$line"; done <"$WORK/analysis.txt"
say "wrk: phase A $A_REQ requests, p50/p99 $A_P50/$A_P99 ms; phase B p50/p99 $B_P50/$B_P99 ms"

{
  echo ""
  echo "================ edits (GET /rules after each) ================"
  cat "$WORK/edits.json"
  echo ""
  echo "================ raw wrk output ================"
  for f in wrk-warmup wrk-steady wrk-swaps; do
    echo "---- $f ----"
    cat "$WORK/$f.txt"
  done
} >>"$SUMMARY"
echo ""
echo "summary written to $SUMMARY"
[ "$ANALYSIS_RC" = 0 ] || exit 1
exit 0
