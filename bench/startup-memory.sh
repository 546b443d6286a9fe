#!/usr/bin/env bash
# Start-up time and memory of the service against a bare Quarkus app on the same stack, in one run.
#
#   bench/startup-memory.sh [--rebuild]
#
# - Builds the production jar (./mvnw package -DskipTests) when target/quarkus-app is missing, older
#   than src/main, pom.xml, examples/ or rules/, or when --rebuild is given.
# - Creates a bare Quarkus app in a temporary folder (never in the repository): io.quarkus:quarkus-bom at
#   the repository's quarkus.platform.version, quarkus-rest-jackson, quarkus-smallrye-health and one hello
#   resource, and builds it with this repository's wrapper (mvnw -f <tmp>/pom.xml package -DskipTests).
# - Launches 5 times each, in turn: the real service on rules/ (the folder the build precompiled: it must
#   log "loaded precompiled during boot"), the real service on a copy of rules/ with one comment added
#   (any other folder: it must log "compiled during boot"), and the bare app, so that a drift of the
#   machine weighs on all three; every launch alike: the Kubernetes JVM settings (the JAVA_TOOL_OPTIONS
#   of k8s/base/deployment.yaml, read from it, plus -XX:MaxRAM of its memory limit, as under that limit), the
#   production profile, 127.0.0.1 and a free port from 18080. Start-up time is from the launch to the
#   first 200 of GET /q/health/ready, polled every 20 ms (the real service is ready once its ruleset is
#   active). The RSS (VmRSS of /proc/<pid>/status) and the CPU used so far (user + system, all threads,
#   /proc/<pid>/stat) are read at that moment.
# - Launches the real service once more, reads its RSS 5 s after ready, runs wrk on POST /verdicts for 60 s
#   (2 threads x 32 connections, examples/2025-10-article.json) and reads the RSS and its peak (VmHWM).
# - Prints the medians, the ratio real/bare (target <= 2.5), the edited folder's ratio (no target), the
#   CPU at ready of each, the RSS after start and after the load
#   (target <= 300 MiB after the load), machine info, the date and the command; writes it to
#   target/bench/startup-<timestamp>.txt. Exit status 1 when the load got non-2xx answers or socket
#   errors; a missed target is reported, not an error.
#
# Needs: bash, coreutils, curl, wrk, a JDK 17. Takes about 3 minutes with the bare app's build (every run;
# about 10 s with a warm Maven cache), plus the production jar's build when needed.
# BENCH_EXTRA_JAVA_OPTS adds JVM flags after the Kubernetes ones (e.g. -XX:ActiveProcessorCount=1, as in the
# pod with its CPU limit of 1); the summary records them.
# Environment overrides, for a quick smoke run only: BENCH_LAUNCHES (5), BENCH_LOAD_S (60), BENCH_PORT (18080).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

COMMAND="bench/startup-memory.sh${*:+ $*}"
LAUNCHES=${BENCH_LAUNCHES:-5}
LOAD_S=${BENCH_LOAD_S:-60}
THREADS=2
CONNECTIONS=32
POLL_S=0.02
READY_TIMEOUT_S=120
BODY=examples/2025-10-article.json
SUMMARY="$OUT_DIR/startup-$TS.txt"
QUARKUS_VERSION=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml | head -n 1)
QUARKUS_VERSION=${QUARKUS_VERSION:-3.33.2}

parse_args "$@"

# ---------------------------------------------------------------- prerequisites
require_wrk
require_tools curl timeout "$JAVA_BIN"
require_body
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------- process bookkeeping
start_bookkeeping reserve-watch-startup
SERVICE_LOG=""  # set per launch

# unlike lib.sh's die, shows the log of the last launch, also once that launch has been stopped
die() {
  echo "ERROR: $*" >&2
  if [ -n "$SERVICE_LOG" ] && [ -f "$SERVICE_LOG" ]; then
    echo "---- last lines of $SERVICE_LOG ----" >&2
    tail -n 25 "$SERVICE_LOG" >&2 || true
  fi
  exit 1
}

# ---------------------------------------------------------------- builds
build_if_stale "$PROD_APP" build_prod_app

BARE="$WORK/bare-quarkus"
mkdir -p "$BARE/src/main/java/bench/bare" "$BARE/src/main/resources"
cat >"$BARE/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.bare</groupId>
  <artifactId>bare-quarkus</artifactId>
  <version>1.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <quarkus.platform.version>$QUARKUS_VERSION</quarkus.platform.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.quarkus</groupId>
        <artifactId>quarkus-bom</artifactId>
        <version>\${quarkus.platform.version}</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.quarkus</groupId>
      <artifactId>quarkus-rest-jackson</artifactId>
    </dependency>
    <dependency>
      <groupId>io.quarkus</groupId>
      <artifactId>quarkus-smallrye-health</artifactId>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.quarkus</groupId>
        <artifactId>quarkus-maven-plugin</artifactId>
        <version>\${quarkus.platform.version}</version>
        <extensions>true</extensions>
        <executions>
          <execution>
            <goals>
              <goal>build</goal>
            </goals>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.14.0</version>
        <configuration>
          <parameters>true</parameters>
        </configuration>
      </plugin>
      <plugin>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.5.4</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
cat >"$BARE/src/main/java/bench/bare/HelloResource.java" <<'EOF'
package bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/hello")
public class HelloResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }
}
EOF
# health on a management port, as the service has it
printf 'quarkus.application.name=bare-quarkus\nquarkus.management.enabled=true\n' >"$BARE/src/main/resources/application.properties"
BARE_LOG="$OUT_DIR/build-bare-$TS.log"
echo "building the bare Quarkus $QUARKUS_VERSION app in $BARE (log: $BARE_LOG)"
# the wrapper finds its Maven by its own location; Maven takes the project from -f
if ! run_child "$REPO/mvnw" -B -ntp -f "$BARE/pom.xml" package -DskipTests >"$BARE_LOG" 2>&1; then
  tail -n 30 "$BARE_LOG" >&2 || true
  die "the bare app's build failed; see $BARE_LOG"
fi
[ -f "$BARE/target/quarkus-app/quarkus-run.jar" ] || die "the bare build left no quarkus-run.jar; see $BARE_LOG"

# ---------------------------------------------------------------- launches
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

CLK_TCK=$(getconf CLK_TCK)
cpu_ms() { # user + system CPU of a process so far, all its threads (fields 14 and 15 of /proc/<pid>/stat)
  sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk -v hz="$CLK_TCK" '{ printf "%d", ($12 + $13) * 1000 / hz }' || echo 0
}

# launch app_dir label [rules_dir]: starts it (SERVICE_PID, PORT, SERVICE_LOG), waits for the first 200 of
# /q/health/ready; sets READY_MS (launch to ready), READY_RSS_KB and READY_CPU_MS
launch() {
  local app=$1 label=$2 rules=${3:-$REPO/rules} t0 t1 code deadline
  pick_port
  SERVICE_LOG="$WORK/$label.log"
  t0=$(date +%s%N)
  start_service "$app" RULES_DIR="$rules"
  deadline=$(( t0 + READY_TIMEOUT_S * 1000000000 ))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" || true)
    if [ "$code" = 200 ]; then
      t1=$(date +%s%N)
      break
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || die "$label exited before it was ready"
    [ "$(date +%s%N)" -lt "$deadline" ] || die "$label was not ready within $READY_TIMEOUT_S s (last status $code)"
    sleep "$POLL_S"
  done
  READY_RSS_KB=$(rss_kb "$SERVICE_PID")
  READY_CPU_MS=$(cpu_ms "$SERVICE_PID")
  READY_MS=$(( (t1 - t0) / 1000000 ))
}

# expect_boot label words: the activation's log line must say how the rules were had at boot
expect_boot() {
  grep -qF -- "$2" "$SERVICE_LOG" || die "$1: the activation log line does not say '$2'"
}

quarkus_reported_s() { # the "started in X.XXXs" figure Quarkus logs, for reference
  grep -o 'started in [0-9.]*s' "$SERVICE_LOG" 2>/dev/null | head -n 1 | sed 's/started in //; s/s$//' || true
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# the shipped rules with one comment added: no longer the files the build precompiled, so compiled at start
EDITED_RULES="$WORK/rules-edited"
cp -R "$REPO/rules" "$EDITED_RULES"
printf '\n// edited: no longer the folder the build precompiled\n' >>"$EDITED_RULES/thresholds.drl"

REAL_MS=() BARE_MS=() REAL_RSS=() BARE_RSS=() REAL_QS=() BARE_QS=() EDIT_MS=() EDIT_QS=()
REAL_CPU=() BARE_CPU=() EDIT_CPU=()
for i in $(seq 1 "$LAUNCHES"); do
  launch "$PROD_APP" "real-$i"
  expect_boot "real-$i" "loaded precompiled during boot"
  REAL_MS+=("$READY_MS"); REAL_RSS+=("$READY_RSS_KB"); REAL_QS+=("$(quarkus_reported_s)"); REAL_CPU+=("$READY_CPU_MS")
  if [ "$i" = 1 ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
      --data-binary @"$BODY" "http://127.0.0.1:$PORT/bench/echo" || true)
    [ "$code" = 404 ] || echo "WARNING: POST /bench/echo answered $code, not 404: $PROD_APP looks like a bench build; rebuild with --rebuild" >&2
  fi
  stop_pid "$SERVICE_PID" 20; SERVICE_PID=""
  echo "real service, launch $i: ready in ${READY_MS} ms, RSS $(( READY_RSS_KB / 1024 )) MiB, CPU ${READY_CPU_MS} ms"
  sleep 1
  launch "$PROD_APP" "edited-$i" "$EDITED_RULES"
  expect_boot "edited-$i" "(compiled during boot"
  EDIT_MS+=("$READY_MS"); EDIT_QS+=("$(quarkus_reported_s)"); EDIT_CPU+=("$READY_CPU_MS")
  stop_pid "$SERVICE_PID" 20; SERVICE_PID=""
  echo "edited rules, launch $i: ready in ${READY_MS} ms, CPU ${READY_CPU_MS} ms"
  sleep 1
  launch "$BARE/target/quarkus-app" "bare-$i"
  BARE_MS+=("$READY_MS"); BARE_RSS+=("$READY_RSS_KB"); BARE_QS+=("$(quarkus_reported_s)"); BARE_CPU+=("$READY_CPU_MS")
  stop_pid "$SERVICE_PID" 20; SERVICE_PID=""
  echo "bare app,     launch $i: ready in ${READY_MS} ms, RSS $(( READY_RSS_KB / 1024 )) MiB, CPU ${READY_CPU_MS} ms"
  sleep 1
done

echo "real service under load: ${LOAD_S}s of wrk on POST /verdicts"
launch "$PROD_APP" "real-load"
LOAD_READY_RSS_KB=$READY_RSS_KB
sleep 5
SETTLED_RSS_KB=$(rss_kb "$SERVICE_PID")
code=$(curl -s -o "$WORK/verdict.json" -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$BODY" "http://127.0.0.1:$PORT/verdicts" || true)
[ "$code" = 200 ] || die "POST /verdicts answered $code before the load: $(head -c 400 "$WORK/verdict.json" 2>/dev/null)"
WRK_OUT="$WORK/wrk-load.txt"
WRK_BODY_FILE="$REPO/$BODY" run_child timeout --kill-after=5 $(( LOAD_S + 30 )) \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${LOAD_S}s" --latency -s "$REPO/bench/post-snapshot.lua" \
  "http://127.0.0.1:$PORT/verdicts" >"$WRK_OUT" 2>&1 || die "wrk failed: $(tail -n 5 "$WRK_OUT")"
kill -0 "$SERVICE_PID" 2>/dev/null || die "the service died during the load"
LOADED_RSS_KB=$(rss_kb "$SERVICE_PID")
PEAK_RSS_KB=$(hwm_kb "$SERVICE_PID")
stop_pid "$SERVICE_PID" 20; SERVICE_PID=""
LOAD_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$WRK_OUT")
LOAD_REQ=$(awk '/ requests in / {print $1}' "$WRK_OUT")
LOAD_NON=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$WRK_OUT")
LOAD_SOCK=$(awk '/Socket errors:/ { gsub(/,/, ""); for (i = 1; i < NF; i++) if ($i ~ /^(connect|read|write|timeout)$/) s += $(i + 1) } END { print s + 0 }' "$WRK_OUT")

# ---------------------------------------------------------------- report
mib() { awk "BEGIN { printf \"%.1f\", $1 / 1024 }"; }
REAL_MED=$(median "${REAL_MS[@]}")
BARE_MED=$(median "${BARE_MS[@]}")
RATIO=$(awk "BEGIN { printf \"%.2f\", ($BARE_MED > 0 ? $REAL_MED / $BARE_MED : 0) }")
RATIO_OK=$(awk "BEGIN { exit !($RATIO <= 2.5) }" && echo MET || echo "NOT MET")
EDIT_MED=$(median "${EDIT_MS[@]}")
EDIT_RATIO=$(awk "BEGIN { printf \"%.2f\", ($BARE_MED > 0 ? $EDIT_MED / $BARE_MED : 0) }")
LOADED_OK=$(awk "BEGIN { exit !($LOADED_RSS_KB <= 300 * 1024) }" && echo MET || echo "NOT MET")
JVM_ERGONOMICS=$(jvm_ergonomics)
WRK_VERSION=$(wrk_version)
list_ms() { local out="" v; for v in "$@"; do out="$out${out:+, }$v"; done; echo "$out"; }
list_mib() { local out="" v; for v in "$@"; do out="$out${out:+, }$(mib "$v")"; done; echo "$out"; }

start_summary "Reserve Watch: start-up time and memory, against a bare Quarkus app"
say "JVM:         JAVA_TOOL_OPTIONS=\"$JVM_OPTS\" (MaxRAM emulates the memory limit): $JVM_ERGONOMICS"
say "real:        $PROD_APP, rules $REPO/rules, production profile, 127.0.0.1"
say "bare:        Quarkus $QUARKUS_VERSION, quarkus-rest-jackson + quarkus-smallrye-health + one resource, built in a temporary folder"
say "edited:      the real service on a copy of the rules with one comment added: compiled at start, as any folder but the one the build precompiled"
say "method:      launch to first 200 of GET /q/health/ready (polled every ${POLL_S}s), $LAUNCHES launches each, in turn real, edited, bare; CPU = user + system of the process at ready"
say ""
say "start-up, real service: median $REAL_MED ms (runs: $(list_ms "${REAL_MS[@]}") ms; Quarkus' own 'started in': $(list_ms "${REAL_QS[@]}") s)"
say "start-up, bare app:     median $BARE_MED ms (runs: $(list_ms "${BARE_MS[@]}") ms; Quarkus' own 'started in': $(list_ms "${BARE_QS[@]}") s)"
say "ratio real/bare:        $RATIO (target <= 2.5: $RATIO_OK)"
say "start-up, edited rules: median $EDIT_MED ms (runs: $(list_ms "${EDIT_MS[@]}") ms; Quarkus' own 'started in': $(list_ms "${EDIT_QS[@]}") s)"
say "ratio edited/bare:      $EDIT_RATIO (no target: what a folder other than the precompiled one costs)"
say "CPU at ready, medians:  real $(median "${REAL_CPU[@]}") ms, edited rules $(median "${EDIT_CPU[@]}") ms, bare $(median "${BARE_CPU[@]}") ms"
say ""
say "RSS at ready, real:     median $(mib "$(median "${REAL_RSS[@]}")") MiB (runs: $(list_mib "${REAL_RSS[@]}") MiB)"
say "RSS at ready, bare:     median $(mib "$(median "${BARE_RSS[@]}")") MiB (runs: $(list_mib "${BARE_RSS[@]}") MiB)"
say "RSS after start (load run): $(mib "$LOAD_READY_RSS_KB") MiB at ready, $(mib "$SETTLED_RSS_KB") MiB 5 s later"
say "RSS after ${LOAD_S}s of load:   $(mib "$LOADED_RSS_KB") MiB, peak (VmHWM) $(mib "$PEAK_RSS_KB") MiB (target <= 300 MiB after load: $LOADED_OK)"
say "load:        $WRK_VERSION; $THREADS threads x $CONNECTIONS connections, ${LOAD_S}s on POST /verdicts, body $BODY:"
say "             ${LOAD_RPS:-?} req/s, ${LOAD_REQ:-?} requests, ${LOAD_NON:-0} non-2xx, $LOAD_SOCK socket errors"
FAILED=0
if [ "${LOAD_NON:-0}" != 0 ] || [ "$LOAD_SOCK" != 0 ]; then
  say "FAIL: the load got ${LOAD_NON:-0} non-2xx answers and $LOAD_SOCK socket errors"
  FAILED=1
fi
{
  echo ""
  echo "================ raw wrk output ================"
  cat "$WRK_OUT"
} >>"$SUMMARY"
echo ""
echo "summary written to $SUMMARY"
exit "$FAILED"
