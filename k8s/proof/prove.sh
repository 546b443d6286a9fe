#!/usr/bin/env bash
# The image and the pod, run for real: builds the container image from the packaged service and proves it,
# then plays the rendered Kubernetes layouts under `podman kube play` and proves them. Run by .ci/run after
# the Maven build; by hand the same way (k8s/README.md, "Proving the image and the pod").
#
#   k8s/proof/prove.sh [all|image|pods|<layout>]        (default all; a layout: the image built, then that layout)
#
# image   Builds the image with src/main/docker/Dockerfile.jvm (one `podman build`), on a Java base made of
#         Debian's packages (debootstrap: no registry is needed; cached in podman's image store, keyed by its
#         recipe, rebuilt after PROOF_BASE_MAX_AGE_DAYS). Runs it as a Kubernetes pod would: read-only root,
#         /tmp the only writable place, every capability dropped, no new privileges, 768m and 1 CPU, the rules
#         mounted read-only, the image's own user and entrypoint. Proves: it runs as user 185 with no
#         capabilities, java as PID 1 (no shell in between); it turns ready and judges the article as
#         examples/2025-10-article.verdict.json says; nothing outside /tmp can be written; on SIGTERM under
#         load, readiness goes down at once, every request begun is answered (slow ones mid-body included), every
#         answered verdict's line reaches the decision log, nothing is dropped, and the exit code is 0 or 143
#         within the pods' grace period; it restarts and is ready again; without rules it stays not ready.
#         Times start-to-ready of the container against the bare `java -jar` on the same rules.
# pods    For each layout (LAYOUTS below; one function prove_layout_<name> each): renders its overlay with
#         kubectl kustomize and plays it. dev (rule edits roll the pods): the pod turns ready on the
#         ConfigMap's rules and judges; its security context holds inside the running container; the JVM sizes
#         its heap from the pod's memory limit; an edit replayed (a new ConfigMap) starts a pod on the new
#         version; a broken edit's pod never turns ready and GET /rules says why. dev-in-place: an edit of
#         the ConfigMap reaches the running pod the way the kubelet delivers it (configmap.py) and is taken
#         live; a broken edit is refused while the last good version serves. dev-watch (the API pod and the
#         watcher, k8s/components/watch): without the Secret the watcher is ready with the watch OFF, locked down, its
#         data volume the one place besides /tmp it may write; with the Secret (a made-up key, FRED played by the
#         FRED test server in a container on the pods' network, its files brought up to today but for one series)
#         it fetches every series into that volume, judges the latest week, tells the one series stale and alerts
#         the Secret's webhook; once FRED catches up, a new pod on the same volume asks FRED only for what is new,
#         rewrites only that series' file, reports OK, tells it recovered and sends nothing twice; the key shows in
#         no log, answer, metric or file. Each pod stops cleanly.
#
# Needs root (podman rootful, debootstrap), curl, python3 with PyYAML, kubectl (its kustomize), and the packaged
# service in target/quarkus-app (./mvnw package, or the verify that .ci/run runs: never built here). The watch's
# fetch also needs the FRED test server (target/test-classes, compiled by the same build) and FRED files to serve
# (PROOF_FRED_DATA, ../shared/data/fred): without them that part is skipped, and says so. Installs
# podman, runc, debootstrap and python3-yaml from Debian's packages when they are missing. Where the sandbox
# refuses podman's defaults (crun; open-file and process limits above the hard ones), it writes its own
# drop-in, /etc/containers/containers.conf.d/90-reserve-watch-proof.conf, and touches no other file.
#
# Environment: PROOF_PORT (18080: the container's API; +1 its management port; +2 and +3 the bare JVM's; +4 to +7
# the played pods', on 127.0.0.1),
# PROOF_LAUNCHES (1: start-up launches of each), PROOF_BASE_IMAGE (build on this image instead of the Debian
# base), PROOF_DEBIAN_MIRROR (http://deb.debian.org/debian), PROOF_BASE_MAX_AGE_DAYS (30), PROOF_FRED_DATA (the
# folder of FRED CSV files the FRED test server serves; ../shared/data/fred), PROOF_KEEP=1
# (leave containers and pods for a look; remove them with `k8s/proof/prove.sh clean`).
# Writes target/proof/summary.txt (every figure and every proof that held, with the date) and logs beside it.
# Exit status: 0 when every proof held; 1 naming the first that failed; 2 when something it needs is missing.
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
PROOF=k8s/proof
MODE=${1:-all}

# The layouts the pods part plays, each proved by prove_layout_<name> (below). A new Deployment or overlay: add
# its function and its name here.
LAYOUTS=(dev dev-in-place dev-watch)

case "$MODE" in
  all|image|pods|clean) ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *)
    if ! printf '%s\n' "${LAYOUTS[@]}" | grep -qxF -- "$MODE"; then
      echo "usage: k8s/proof/prove.sh [all|image|pods|clean|$(IFS='|'; echo "${LAYOUTS[*]}")]" >&2
      exit 2
    fi ;;
esac

IMAGE=localhost/reserve-watch:dev          # what the dev overlays run (images: in k8s/overlays/dev)
PORT=${PROOF_PORT:-18080}
MPORT=$((PORT + 1))
BARE_PORT=$((PORT + 2))
BARE_MPORT=$((PORT + 3))
POD_PORT=$((PORT + 4))                     # +4 to +7: the played pods' ports, on 127.0.0.1 (playable.py)
LAUNCHES=${PROOF_LAUNCHES:-1}
MIRROR=${PROOF_DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE_MAX_AGE_DAYS=${PROOF_BASE_MAX_AGE_DAYS:-30}
OUT=target/proof
SUMMARY=$OUT/summary.txt
ARTICLE=examples/2025-10-article.json
ARTICLE_VERDICT=examples/2025-10-article.verdict.json
CONF_DROPIN=/etc/containers/containers.conf.d/90-reserve-watch-proof.conf
CONF_MARKER="# written by reserve-watch k8s/proof/prove.sh"
PROOF_LABEL=dev.reservewatch.proof=true    # on every container and volume this script makes, for the cleanup
CTR=rw-proof                               # the locked-down container's name
FRED_CTR=rw-proof-fred                     # the FRED test server's container, beside the watcher's pod
FRED_DATA=${PROOF_FRED_DATA:-../shared/data/fred}
FRED_TODAY=$(date -u +%F)                  # the FRED test server's "today": what it has published
FRED_HELD=BGCRRATE                         # the series FRED is behind on, until it catches up (dev-watch)
# The pace of the proof's FRED: the test server's limits and the watcher's (FRED's own, 2 a second and 120 a minute,
# would make each fetch of the 24 series take 12 s; pacing is proved by FredFetcherTest and bench/watch-fetch.sh)
FRED_PER_SECOND=20
FRED_PER_MINUTE=1200
# the Deployment's memory limit, as podman takes it (768Mi -> 768m)
MEMORY=$(sed -n '/limits:/,/memory:/s/^ *memory: *\([0-9]*\)Mi$/\1m/p' k8s/base/deployment.yaml | tail -n 1)
JAVA_OPTS_IMAGE=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' src/main/docker/Dockerfile.jvm)
GRACE=$(sed -n 's/^ *terminationGracePeriodSeconds: *\([0-9]*\).*/\1/p' k8s/base/deployment.yaml)
SHUTDOWN_DELAY_S=$(sed -n 's/^%prod\.quarkus\.shutdown\.delay=\([0-9]*\)s$/\1/p' src/main/resources/application.properties)
SHUTDOWN_DELAY_S=${SHUTDOWN_DELAY_S:-0}

# ---------------------------------------------------------------- reporting
T0=$(date +%s.%N)
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
say() { printf '%s\n' "$*"; }
ok() { printf '  ok    %s\n' "$*" | tee -a "$SUMMARY"; }
figure() { printf '%-44s %s\n' "$1" "$2" | tee -a "$SUMMARY"; }
CONTEXT_CTR=""   # the container whose log a failure shows
fail() {
  printf '\nPROOF FAILED: %s\n' "$*" >&2
  if [ -n "$CONTEXT_CTR" ] && podman container exists "$CONTEXT_CTR" 2>/dev/null; then
    echo "---- last lines of the log of $CONTEXT_CTR ----" >&2
    podman logs --tail 15 "$CONTEXT_CTR" 2>&1 | cut -c1-400 >&2 || true
  fi
  exit 1
}
need() { echo "k8s/proof/prove.sh: $*" >&2; exit 2; }
json() { "$PY" -c 'import json, sys
d = json.load(sys.stdin)
print(eval(sys.argv[1]))' "$1"; }

# ---------------------------------------------------------------- cleanup
BARE_PID=""
LOAD_PID=""
PLAYED=()   # rendered files played, for kube down
cleanup() {
  local rc=$? f
  trap - EXIT INT TERM
  if [ -n "$LOAD_PID" ]; then kill "$LOAD_PID" 2>/dev/null || true; wait "$LOAD_PID" 2>/dev/null || true; fi
  if [ -n "$BARE_PID" ]; then kill -TERM "$BARE_PID" 2>/dev/null || true; wait "$BARE_PID" 2>/dev/null || true; fi
  if [ "${PROOF_KEEP:-0}" = 1 ] && [ "$MODE" != clean ]; then
    echo "PROOF_KEEP=1: containers, pods and volumes left; remove them with k8s/proof/prove.sh clean"
  else
    for f in "${PLAYED[@]}"; do podman kube down "$f" >/dev/null 2>&1 || true; remove_pods "$f"; done
    remove_own
  fi
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
  exit "$rc"
}
# kube down stops at the first pod of a file that is gone already: the pods kube play made of the file's Deployments
# (<name>-pod-0), removed by name whatever their state, with their containers' anonymous volumes (kube play's
# emptyDirs), which podman pod rm would leave
remove_pods() { # rendered
  local name
  for name in $("$PY" -c 'import sys, yaml
for d in yaml.safe_load_all(open(sys.argv[1])):
    if isinstance(d, dict) and d.get("kind") == "Deployment":
        print(d["metadata"]["name"])' "$1" 2>/dev/null); do
    remove_pod "$name-pod-0"
  done
}
remove_pod() { # pod: at once (SIGKILL), with its containers' anonymous volumes
  local ids
  ids=$(podman ps -a -q --filter "pod=$1" 2>/dev/null || true)
  [ -z "$ids" ] || podman rm -f -v -t 0 $ids >/dev/null 2>&1 || true
  podman pod rm -f -t 0 "$1" >/dev/null 2>&1 || true
}
remove_own() {
  local ids
  ids=$(podman ps -a -q --filter "label=$PROOF_LABEL" 2>/dev/null || true)
  [ -z "$ids" ] || podman rm -f -t 0 $ids >/dev/null 2>&1 || true
  ids=$(podman volume ls -q --filter "label=$PROOF_LABEL" 2>/dev/null || true)
  [ -z "$ids" ] || podman volume rm -f $ids >/dev/null 2>&1 || true
  # podman 4.3 filters no secrets by label: each secret's labels, read one by one
  for ids in $(podman secret ls --format '{{.Name}}' 2>/dev/null || true); do
    [ "$(podman secret inspect --format "{{index .Spec.Labels \"${PROOF_LABEL%%=*}\"}}" "$ids" 2>/dev/null)" != "${PROOF_LABEL#*=}" ] \
      || podman secret rm "$ids" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# ---------------------------------------------------------------- prerequisites
PY=python3
pick_python() { # the first python3 that has PyYAML: the PATH's, else Debian's
  local p
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import yaml' >/dev/null 2>&1; then PY=$p; return 0; fi
  done
  return 1
}
prerequisites() {
  [ "$(id -u)" -eq 0 ] || need "run as root: rootful podman (kube play's network) and debootstrap need it"
  local missing=()
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  if [ -z "${PROOF_BASE_IMAGE:-}" ]; then command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap); fi
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  pick_python || missing+=(python3-yaml)
  if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || need "missing: ${missing[*]} (and no apt-get to install them)"
    say "Installing from Debian's packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    pick_python || need "no python3 here can import yaml (PyYAML), even after installing python3-yaml"
  fi
  command -v kubectl >/dev/null 2>&1 || need "kubectl is needed for its kustomize (kubectl kustomize k8s/overlays/...)"
  [ -f target/quarkus-app/quarkus-run.jar ] \
    || need "no target/quarkus-app/quarkus-run.jar: build the service first (./mvnw package -DskipTests)"
  [ -n "$JAVA_OPTS_IMAGE" ] || need "no JAVA_TOOL_OPTIONS in src/main/docker/Dockerfile.jvm"
  [ -n "$GRACE" ] || need "no terminationGracePeriodSeconds in k8s/base/deployment.yaml"
  [ -n "$MEMORY" ] || need "no memory limit in Mi in k8s/base/deployment.yaml"
  local p
  for p in $(seq "$PORT" $((PORT + 7))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then need "port $p is taken (PROOF_PORT sets the first of eight)"; fi
  done
}

# ---------------------------------------------------------------- the base
# What the Debian base is made of; its hash names the cached image, so a change here builds a new one.
BASE_SUITE=bookworm
BASE_PACKAGES=openjdk-17-jre-headless
base_recipe() {
  printf 'debootstrap --variant=minbase --include=%s %s %s\n' "$BASE_PACKAGES" "$BASE_SUITE" "$MIRROR"
  printf 'user 185 (default, group 0, no home, no shell) as in the UBI OpenJDK images\n'
  printf 'without apt lists and archives, docs, man pages and locales\n'
}

ensure_base() {
  if [ -n "${PROOF_BASE_IMAGE:-}" ]; then
    BASE=$PROOF_BASE_IMAGE
    podman image exists "$BASE" || need "PROOF_BASE_IMAGE=$BASE is not in podman's image store"
    figure "base image" "$BASE (PROOF_BASE_IMAGE)"
    return
  fi
  local key created age t rootfs
  key=$(base_recipe | sha256sum | cut -c1-12)
  BASE=localhost/reserve-watch-proof-base:$key
  if podman image exists "$BASE"; then
    created=$(podman image inspect --format '{{.Created.Unix}}' "$BASE")
    age=$(( ($(date +%s) - created) / 86400 ))
    if [ "$age" -lt "$BASE_MAX_AGE_DAYS" ]; then
      figure "base image" "$BASE, cached ($age days old)"
      return
    fi
    say "The cached base is $age days old (PROOF_BASE_MAX_AGE_DAYS=$BASE_MAX_AGE_DAYS): building it again"
  fi
  say "Building the Java base from Debian's packages (debootstrap, about 1.5 minutes)"
  t=$(now)
  rootfs=$WORK/rootfs
  debootstrap --variant=minbase --include="$BASE_PACKAGES" "$BASE_SUITE" "$rootfs" "$MIRROR" >"$OUT/debootstrap.log" 2>&1 \
    || { tail -n 20 "$OUT/debootstrap.log" >&2; fail "debootstrap of $BASE_SUITE from $MIRROR failed (log: $OUT/debootstrap.log)"; }
  chroot "$rootfs" useradd --system --uid 185 --gid 0 --no-create-home --home-dir /home/default \
    --shell /usr/sbin/nologin default
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/tmp/*
  tar -C "$rootfs" -c . | podman import --quiet \
    --change "LABEL org.opencontainers.image.description=\"Debian $BASE_SUITE minbase with $BASE_PACKAGES, for k8s/proof/prove.sh\"" \
    --change 'ENV LANG=C.UTF-8' - "$BASE" >/dev/null
  rm -rf "$rootfs"
  # earlier recipes' bases are of no further use
  podman images --format '{{.Repository}}:{{.Tag}}' | grep '^localhost/reserve-watch-proof-base:' | grep -vx "$BASE" \
    | xargs -r podman rmi >/dev/null 2>&1 || true
  figure "base image" "$BASE, built in $(since "$t") s (debootstrap and import)"
}

# Runs a throw-away container of the base with podman's defaults; where the sandbox refuses them, writes the
# drop-in with runc and the first open-file and process limits it accepts, and tries again.
ensure_runtime() {
  local probe=(podman run --rm --pull=never --network=none --label "$PROOF_LABEL" "$BASE" true) limit
  if "${probe[@]}" >/dev/null 2>"$OUT/runtime-probe.log"; then
    if [ -e "$CONF_DROPIN" ]; then
      ok "podman runs containers (with $CONF_DROPIN, from an earlier run)"
    else
      ok "podman runs containers with its configuration as it is"
    fi
    return
  fi
  if [ -e "$CONF_DROPIN" ] && ! grep -qx "$CONF_MARKER" "$CONF_DROPIN"; then
    need "$CONF_DROPIN exists and was not written by this script: not touching it ($(head -c 300 "$OUT/runtime-probe.log"))"
  fi
  mkdir -p "$(dirname "$CONF_DROPIN")"
  for limit in 16384 4096 1024; do
    cat >"$CONF_DROPIN" <<EOF
$CONF_MARKER
# This machine's sandbox refuses crun (hybrid cgroups) and podman's default limits (above its hard ones).
[containers]
default_ulimits = ["nofile=$limit:$limit", "nproc=$limit:$limit"]
[engine]
runtime = "runc"
EOF
    if "${probe[@]}" >/dev/null 2>>"$OUT/runtime-probe.log"; then
      ok "podman runs containers with $CONF_DROPIN (runc, nofile and nproc $limit)"
      return
    fi
  done
  rm -f "$CONF_DROPIN"
  need "podman cannot run a container here, with its defaults nor with runc and lower limits: $(tail -n 3 "$OUT/runtime-probe.log")"
}

# ---------------------------------------------------------------- the image
build_image() {
  local t size base_size old
  old=$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  t=$(now)
  podman build --pull=never --quiet --build-arg BASE_IMAGE="$BASE" -f src/main/docker/Dockerfile.jvm -t "$IMAGE" . \
    >"$OUT/image-build.log" 2>&1 || { cat "$OUT/image-build.log" >&2; fail "podman build of src/main/docker/Dockerfile.jvm failed"; }
  figure "image build (podman build)" "$(since "$t") s"
  # the previous build, now untagged, is of no further use
  if [ -n "$old" ] && [ "$old" != "$(podman image inspect --format '{{.Id}}' "$IMAGE")" ]; then
    podman rmi "$old" >/dev/null 2>&1 || true
  fi
  size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
  base_size=$(podman image inspect --format '{{.Size}}' "$BASE")
  figure "image size" "$((size / 1000000)) MB: base $((base_size / 1000000)) MB + service $(((size - base_size) / 1000000)) MB"
  [ "$(podman image inspect --format '{{.Config.User}}' "$IMAGE")" = 185:185 ] || fail "the image's user is not 185:185"
  [ "$(podman image inspect --format '{{json .Config.Entrypoint}}' "$IMAGE")" = '["java","-jar","/deployments/quarkus-run.jar"]' ] \
    || fail "the image's entrypoint is not java -jar /deployments/quarkus-run.jar"
  ok "the image runs as user and group 185 and starts java directly"
}

# ---------------------------------------------------------------- HTTP
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }
wait_for() { # url status timeout_s container: polls every 50 ms; fails if the container stops or the time runs out
  local deadline c=""
  deadline=$(awk -v t="$(now)" -v s="$3" 'BEGIN { printf "%.0f", t + s }')
  while :; do
    c=$(code "$1")
    [ "$c" = "$2" ] && return 0
    [ "$(podman inspect --format '{{.State.Running}}' "$4" 2>/dev/null)" = true ] || fail "$4 stopped while waiting for $2 from $1"
    [ "$(date +%s)" -lt "$deadline" ] || fail "no $2 from $1 within $3 s (last: $c)"
    sleep 0.05
  done
}
# POSTs the article; prints the verdict's ruleset version; fails unless the verdict matches the example's
judge() { # api_base what
  local body=$WORK/verdict.json headers=$WORK/verdict.headers c
  c=$(curl -s -o "$body" -D "$headers" -w '%{http_code}' --max-time 20 -X POST -H 'Content-Type: application/json' \
      --data-binary @"$ARTICLE" "$1/verdicts" || true)
  [ "$c" = 200 ] || fail "$2: POST /verdicts answered $c"
  grep -qi '^x-decision-id: ' "$headers" || fail "$2: the verdict came without X-Decision-Id"
  "$PY" - "$ARTICLE_VERDICT" "$body" "$2" <<'EOF' || fail "$2: the verdict differs from $ARTICLE_VERDICT"
import json, sys
want, got = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("regime",):
    if want[key] != got[key]:
        sys.exit(f"{key}: {got[key]} instead of {want[key]}")
codes = lambda v, k: [x["code"] for x in v[k]]
for key in ("actions", "signals"):
    if codes(want, key) != codes(got, key):
        sys.exit(f"{key}: {codes(got, key)} instead of {codes(want, key)}")
print(got["ruleset"]["version"])
EOF
}

# ---------------------------------------------------------------- locked down, from the inside
# The process of a container as the kernel sees it: user, capabilities, no_new_privs, seccomp, PID 1, mounts;
# then what the container's own user can write.
check_locked_down() { # container what [data: a volume's mount the service may write too, as the watcher its data]
  local c=$1 what=$2 data=${3:-} pid status found
  pid=$(podman inspect --format '{{.State.Pid}}' "$c")
  status=$(cat "/proc/$pid/status")
  for field in Uid Gid; do
    [ "$(awk -v f="$field:" '$1 == f { print $2 $3 $4 $5 }' <<<"$status")" = 185185185185 ] \
      || fail "$what: $field is not 185 throughout: $(grep "^$field:" <<<"$status")"
  done
  for field in CapInh CapPrm CapEff CapBnd CapAmb; do
    [ "$(awk -v f="$field:" '$1 == f { print $2 }' <<<"$status")" = 0000000000000000 ] \
      || fail "$what: $field is not empty: $(grep "^$field:" <<<"$status")"
  done
  [ -z "$(awk '$1 == "Groups:" { for (i = 2; i <= NF; i++) if ($i != 185) print $i }' <<<"$status")" ] \
    || fail "$what: supplementary groups besides 185: $(grep '^Groups:' <<<"$status")"
  grep -qP '^NoNewPrivs:\s+1$' <<<"$status" || fail "$what: no_new_privs is not set"
  grep -qP '^Seccomp:\s+2$' <<<"$status" || fail "$what: no seccomp filter"
  [ "$(awk '$1 == "NSpid:" { print $NF }' <<<"$status")" = 1 ] || fail "$what: the service is not PID 1 of its container"
  [ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" = "java -jar /deployments/quarkus-run.jar " ] \
    || fail "$what: PID 1 is not java -jar /deployments/quarkus-run.jar: $(tr '\0' ' ' <"/proc/$pid/cmdline")"
  ok "$what: PID 1 is java as 185:185, no capabilities, no_new_privs, seccomp"
  awk '$5 == "/" { split($6, o, ","); print o[1] }' "/proc/$pid/mountinfo" | grep -qx ro || fail "$what: / is not mounted read-only"
  awk '$5 == "/etc/reserve-watch/rules" { split($6, o, ","); print o[1] }' "/proc/$pid/mountinfo" | grep -qx ro \
    || fail "$what: the rules are not mounted read-only"
  # every place the container's user may write, /proc, /sys and /dev (the runtime's own) aside
  found=$(podman exec "$c" find / \( -path /proc -o -path /sys -o -path /dev \) -prune -o -writable -print 2>/dev/null \
    | grep -v -e '^/tmp$' -e '^/tmp/' ${data:+-e "^$data\$" -e "^$data/"} || true)
  [ -z "$found" ] || fail "$what: writable outside /tmp${data:+ and $data}: $(head -n 5 <<<"$found" | tr '\n' ' ')"
  for target in /proof /deployments/proof /deployments/quarkus-run.jar /etc/reserve-watch/rules/proof.drl /var/tmp/proof /home/proof \
    /var/lib/proof; do
    if podman exec "$c" touch "$target" 2>/dev/null; then fail "$what: could write $target"; fi
  done
  podman exec "$c" touch /tmp/proof || fail "$what: cannot write /tmp"
  if [ -n "$data" ]; then
    awk -v m="$data" '$5 == m { split($6, o, ","); print o[1] }' "/proc/$pid/mountinfo" | grep -qx rw \
      || fail "$what: $data is not a writable mount of its own"
    podman exec "$c" touch "$data/.proof" && podman exec "$c" rm "$data/.proof" || fail "$what: cannot write $data"
  fi
  ok "$what: / and the rules read-only; nothing writable but /tmp${data:+ and its data volume at $data} (find -writable, and touch refused)"
}

# ---------------------------------------------------------------- SIGTERM under load
# A proxy's pool of keep-alive clients and slow clients sending their bodies over 8 s, then SIGTERM (podman stop,
# as the kubelet does); one second later the clients send nothing new, as when the Service drops the pod.
prove_sigterm() { # container api_base management_base what
  local c=$1 api=$2 mgmt=$3 what=$4 dir=$WORK/sigterm t stop_rc=0 took rc
  rm -rf "$dir"; mkdir -p "$dir"
  "$PY" "$PROOF/load.py" --url "$api/verdicts" --body "$ARTICLE" --stop-file "$dir/stop" --out "$dir/records.json" \
    --ready-file "$dir/ready" --workers 8 --slow 4 --slow-seconds 8 &
  LOAD_PID=$!
  # the slow clients start 2 s apart and take 8 s: 3 s in, the second is mid-body and stays so past the delay
  for _ in $(seq 100); do [ -e "$dir/ready" ] && break; sleep 0.1; done
  [ -e "$dir/ready" ] || fail "$what: the load client did not start"
  sleep 3
  t=$(now)
  echo "$t" >"$dir/sigterm"
  podman stop -t "$GRACE" "$c" >/dev/null 2>"$dir/stop.err" &
  local stop_pid=$!
  if [ "$SHUTDOWN_DELAY_S" -gt 0 ]; then
    # within the delay, readiness must go down while the service still answers
    until [ "$(code "$mgmt/q/health/ready")" = 503 ]; do
      awk -v a="$(since "$t")" -v d="$SHUTDOWN_DELAY_S" 'BEGIN { exit !(a < d - 1) }' \
        || fail "$what: readiness still up $(since "$t") s after SIGTERM"
      sleep 0.05
    done
    ok "$what: readiness down $(since "$t") s after SIGTERM, in the shutdown delay (${SHUTDOWN_DELAY_S} s)"
  fi
  sleep 1
  now >"$dir/stopped"
  touch "$dir/stop"
  wait "$LOAD_PID" || fail "$what: the load client failed"
  LOAD_PID=""
  wait "$stop_pid" || stop_rc=$?
  took=$(since "$t")
  [ "$stop_rc" = 0 ] || fail "$what: podman stop failed: $(cat "$dir/stop.err")"
  rc=$(podman inspect --format '{{.State.ExitCode}}' "$c")
  podman logs "$c" >"$dir/log" 2>"$dir/stderr"
  "$PY" - "$dir" "$SHUTDOWN_DELAY_S" <<'EOF' || fail "$what: $(tail -n 1 "$dir/verdict")"
import collections, json, re, sys
d, delay = sys.argv[1], float(sys.argv[2])
out = open(d + "/verdict", "w")
def bad(message):
    out.write(message + "\n"); out.close(); sys.exit(1)
records = json.load(open(d + "/records.json"))
t = float(open(d + "/sigterm").read())
stopped = float(open(d + "/stopped").read())
failed = [r for r in records if r["outcome"] != "ok" or r["status"] != 200 or not r["decisionId"]]
if failed:
    bad(f"{len(failed)} of {len(records)} requests not answered 200: "
        + str(collections.Counter((r["client"], r["outcome"], r["status"], r["error"]) for r in failed)))
across = [r for r in records if r["client"] == "slow" and r["start"] < t and r["end"] > t + delay]
if not across:
    bad("no slow request was in flight from before SIGTERM until after the shutdown delay: the proof proved nothing")
during = [r for r in records if t < r["start"] < stopped]
if not during:
    bad("no request was sent between SIGTERM and the clients' stop")
logged, dropped = set(), []
for line in open(d + "/log", encoding="utf-8", errors="replace"):
    try:
        entry = json.loads(line)
    except ValueError:
        bad("a line on stdout is not JSON (the production log is JSON lines): " + line[:120])
    if "decisionId" in entry:
        logged.add(entry["decisionId"])
    m = re.match(r"Decision log: (\d+) line\(s\) dropped", entry.get("message", ""))
    if m and int(m.group(1)) > 0:
        dropped.append(entry["message"])
missing = [r["decisionId"] for r in records if r["decisionId"] not in logged]
if missing:
    bad(f"{len(missing)} answered verdicts have no decision log line, e.g. {missing[0]}")
if dropped:
    bad("the decision log dropped lines: " + dropped[-1])
print(f"{len(records)} requests, all answered 200 and logged; {len(across)} slow one(s) in flight from before SIGTERM "
      f"to after the {delay:.0f} s delay; {len(during)} begun after SIGTERM, before the clients stopped; stdout all JSON lines",
      file=out)
EOF
  ok "$what: $(cat "$dir/verdict")"
  case "$rc" in
    0|143) ;;
    *) fail "$what: exit code $rc after SIGTERM (137 would mean SIGKILL after the ${GRACE} s grace period)" ;;
  esac
  awk -v a="$took" -v g="$GRACE" 'BEGIN { exit !(a < g) }' || fail "$what: stopping took $took s, not within the ${GRACE} s grace period"
  ok "$what: exit code $rc, $took s after SIGTERM (grace period ${GRACE} s)"
  figure "SIGTERM under load ($what)" "exit code $rc after $took s, every request answered and logged"
}

# ---------------------------------------------------------------- the container
run_locked() { # name [podman run options...]: the image as a pod runs it, published on 127.0.0.1
  local name=$1
  shift
  podman run -d --name "$name" --label "$PROOF_LABEL" \
    --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,nosuid,nodev,size=256m \
    --cap-drop=ALL --security-opt=no-new-privileges --memory "$MEMORY" \
    -p "127.0.0.1:$PORT:8080" -p "127.0.0.1:$MPORT:9000" "$@" "$IMAGE" >/dev/null
}

prove_image() {
  local t version api=http://127.0.0.1:$PORT mgmt=http://127.0.0.1:$MPORT rules=$WORK/rules
  cp -r rules "$rules"
  chmod -R a+rX "$rules"
  say "The container, locked down"
  CONTEXT_CTR=$CTR
  t=$(now)
  run_locked "$CTR" --cpus 1 -v "$rules:/etc/reserve-watch/rules:ro"
  wait_for "$mgmt/q/health/ready" 200 120 "$CTR"
  figure "container start to ready (1 CPU, $MEMORY)" "$(since "$t") s"
  version=$(judge "$api" "the container") || exit 1
  ok "the container is ready and judges the article as $ARTICLE_VERDICT ($version)"
  [ "$(curl -s "$api/rules" | json 'd["writable"]')" = False ] || fail "GET /rules says the read-only rules are writable"
  check_locked_down "$CTR" "the container"
  prove_sigterm "$CTR" "$api" "$mgmt" "the container"

  t=$(now)
  podman start "$CTR" >/dev/null
  wait_for "$mgmt/q/health/ready" 200 120 "$CTR"
  figure "container restart to ready" "$(since "$t") s"
  judge "$api" "the restarted container" >/dev/null || exit 1
  ok "the container restarts read-only, is ready again and judges"
  podman stop -t "$GRACE" "$CTR" >/dev/null
  podman rm "$CTR" >/dev/null

  run_locked "$CTR-no-rules" --cpus 1
  CONTEXT_CTR=$CTR-no-rules
  wait_for "$mgmt/q/health/live" 200 120 "$CTR-no-rules"
  sleep 1
  [ "$(code "$mgmt/q/health/ready")" = 503 ] || fail "without rules the container is ready"
  [ "$(code -X POST -H 'Content-Type: application/json' --data-binary @"$ARTICLE" "$api/verdicts")" = 503 ] \
    || fail "without rules POST /verdicts does not answer 503"
  ok "without the rules mount: live, not ready, verdicts 503 (the image holds no rules)"
  podman rm -f -t "$GRACE" "$CTR-no-rules" >/dev/null
  CONTEXT_CTR=""
}

# Start-up of the image against the bare JVM: the same jar, JVM options, memory and rules, no CPU limit on either.
measure_startup() {
  local i t c b cs=() bs=() rc
  say "Start-up: the container against the bare JVM, $LAUNCHES launch(es) each, in turn"
  for ((i = 1; i <= LAUNCHES; i++)); do
    t=$(now)
    run_locked "$CTR-startup" -v "$WORK/rules:/etc/reserve-watch/rules:ro"
    CONTEXT_CTR=$CTR-startup
    wait_for "http://127.0.0.1:$MPORT/q/health/ready" 200 120 "$CTR-startup"
    c=$(since "$t")
    podman rm -f -t "$GRACE" "$CTR-startup" >/dev/null
    CONTEXT_CTR=""
    t=$(now)
    env JAVA_TOOL_OPTIONS="$JAVA_OPTS_IMAGE -XX:MaxRAM=$MEMORY" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$BARE_PORT" \
      QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$BARE_MPORT" RULES_DIR="$WORK/rules" \
      java -jar target/quarkus-app/quarkus-run.jar >"$OUT/bare-jvm.log" 2>&1 &
    BARE_PID=$!
    until [ "$(code "http://127.0.0.1:$BARE_MPORT/q/health/ready")" = 200 ]; do
      kill -0 "$BARE_PID" 2>/dev/null || fail "the bare JVM exited before it was ready ($OUT/bare-jvm.log)"
      sleep 0.05
    done
    b=$(since "$t")
    kill -TERM "$BARE_PID"
    rc=0; wait "$BARE_PID" || rc=$?
    BARE_PID=""
    case "$rc" in 0|143) ;; *) fail "the bare JVM exited with $rc on SIGTERM" ;; esac
    cs+=("$c"); bs+=("$b")
    say "  launch $i: container $c s, bare JVM $b s"
  done
  c=$(printf '%s\n' "${cs[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  b=$(printf '%s\n' "${bs[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  figure "start to ready, median of $LAUNCHES (no CPU limit)" "container $c s, bare java -jar $b s"
}

# ---------------------------------------------------------------- the pods
# A copy of k8s/ and rules/ to edit and render, so that the checkout is never touched.
stage_tree() {
  TREE=$WORK/tree
  rm -rf "$TREE"; mkdir -p "$TREE"
  cp -r k8s rules "$TREE/"
}
render() { # overlay (under k8s/overlays) output
  kubectl kustomize "$TREE/k8s/overlays/$1" >"$2" 2>"$2.err" || fail "kubectl kustomize k8s/overlays/$1 failed: $(cat "$2.err")"
}
# The ConfigMap volumes of a rendered layout, written as the kubelet writes them (configmap.py), then played, as
# playable.py makes it: each container port published on 127.0.0.1 only, from POD_PORT on (podman 4.3 would publish
# each on every address of the host, the same port for every pod), and its PersistentVolumeClaims kept as a cluster
# keeps them across applies (a claim whose volume is there is left out: the pod mounts that volume, with the data of
# the pods before it). --only: that Deployment alone, a new pod of it while the layout's other pods run on (a
# rollout restart). Then select_pod picks the pod of one Deployment.
play() { # rendered [--only deployment] [--replace]
  local rendered=$1 file=$1 only="" name dir
  shift
  if [ "${1:-}" = --only ]; then only=$2; shift 2; fi
  for name in $("$PY" "$PROOF/configmap.py" volumes "$rendered" | sort -u); do
    podman volume exists "$name" || podman volume create --label "$PROOF_LABEL" "$name" >/dev/null
    dir=$(podman volume inspect --format '{{.Mountpoint}}' "$name")
    "$PY" "$PROOF/configmap.py" sync "$rendered" "$name" "$dir" >/dev/null
  done
  file=${rendered%.yaml}${only:+-$only}.played.yaml
  "$PY" "$PROOF/playable.py" "$rendered" "$file" "$PROOF_LABEL" "$POD_PORT" $only >"$file.log" \
    || fail "k8s/proof/playable.py $(basename "$rendered") failed"
  PLAYED+=("$file")
  podman kube play --build=false "$@" "$file" >"$file.play" 2>&1 \
    || fail "podman kube play $(basename "$file") failed: $(grep -i error "$file.play" | head -n 3)"
}
# Sets POD, APP (its container of the same name) and POD_IP for a Deployment that kube play has played: podman
# names its pod <deployment>-pod-0 and the container <pod>-<container>.
select_pod() { # deployment [container, default: the deployment's name]
  POD=$1-pod-0
  APP=$POD-${2:-$1}
  podman pod exists "$POD" || fail "podman kube play started no pod $POD"
  podman container exists "$APP" || fail "the pod $POD has no container $APP"
  POD_IP=$(podman inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' \
    "$(podman pod inspect --format '{{.InfraContainerID}}' "$POD")")
  [ -n "$POD_IP" ] || fail "the pod $POD has no address"
  CONTEXT_CTR=$APP
}
configmap_of() { "$PY" "$PROOF/configmap.py" volumes "$1" | head -n 1; }
rules_field() { curl -s --max-time 5 "http://$POD_IP:8080/rules" | json "$1"; }
wait_rules() { # python condition on d (GET /rules) timeout_s what
  local deadline=$(($(date +%s) + $2))
  until [ "$(rules_field "$1" 2>/dev/null)" = True ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$3: not within $2 s (GET /rules: $(rules_field '{k: d[k] for k in ("version", "lastRejected")}'))"
    sleep 0.5
  done
}
edit_rules() { # good|broken: edits the staged rules/actions.drl
  case "$1" in
    good)
      sed -i 's/"Stop the runoff: reinvest all maturing/"Stop the runoff (proof edit): reinvest all maturing/' "$TREE/rules/actions.drl"
      grep -q 'proof edit' "$TREE/rules/actions.drl" || fail "the edit found no rationale to change in rules/actions.drl"
      ;;
    broken) printf '\nrule "proof: broken"\n' >>"$TREE/rules/actions.drl" ;;
  esac
}
stop_pod() { # what: SIGTERM to the pod's container, within the Deployment's grace period
  local rc t took
  t=$(now)
  # podman's own complaint that no systemd runs its healthcheck timers goes to the log, not the screen
  podman pod stop -t "$GRACE" "$POD" >/dev/null 2>>"$OUT/podman.log"
  took=$(since "$t")
  rc=$(podman inspect --format '{{.State.ExitCode}}' "$APP")
  case "$rc" in 0|143) ;; *) fail "$1: exit code $rc on stop" ;; esac
  awk -v a="$took" -v g="$GRACE" 'BEGIN { exit !(a < g) }' || fail "$1: stopping took $took s, not within the ${GRACE} s grace period"
  ok "$1: the pod stops cleanly, exit code $rc after $took s"
}
# The JVM in the pod sizes its heap from the pod's memory limit, at the share its own JAVA_TOOL_OPTIONS give (the
# Deployment's, not the image's: the API pods leave room for a draft's judge), as the manifests' memory budget assumes.
check_heap() { # what
  local limit options
  limit=$(podman inspect --format '{{.HostConfig.Memory}}' "$APP")
  [ "$limit" -gt 0 ] || fail "$1: the pod's container has no memory limit"
  options=$(podman inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$APP" | sed -n 's/^JAVA_TOOL_OPTIONS=//p')
  [ -n "$options" ] || fail "$1: the pod's container has no JAVA_TOOL_OPTIONS"
  curl -s "http://$POD_IP:9000/q/metrics" | "$PY" -c '
import re, sys
limit, options = int(sys.argv[1]), sys.argv[2]
pools = {m.group(1): float(m.group(2)) for m in re.finditer(r"^jvm_memory_max_bytes\{area=\"heap\",id=\"([^\"]+)\"\} (\S+)$", sys.stdin.read(), re.M)}
heap = sum(v * (2 if "Survivor" in k else 1) for k, v in pools.items())
share = float(re.search(r"MaxRAMPercentage=([0-9.]+)", options).group(1)) / 100
if not pools or abs(heap - limit * share) > 0.02 * limit * share:
    sys.exit(f"heap {heap / 2**20:.0f} MiB, expected {share:.0%} of the {limit / 2**20:.0f} MiB limit")
print(f"heap {heap / 2**20:.0f} MiB = {share:.0%} of the pod limit {limit / 2**20:.0f} MiB")' "$limit" "$options" \
    >"$WORK/heap" 2>&1 || fail "$1: $(cat "$WORK/heap")"
  ok "$1: $(cat "$WORK/heap")"
}

# dev: hash-suffixed ConfigMap, a rule edit is a new ConfigMap and a new pod (on Kubernetes a rollout, gated by
# readiness; under kube play, --replace stops the old pod first).
prove_layout_dev() {
  local r0=$WORK/dev-0.yaml r1=$WORK/dev-1.yaml r2=$WORK/dev-2.yaml t v0 v1
  stage_tree
  render dev "$r0"
  podman kube down "$r0" >/dev/null 2>&1 || true
  t=$(now)
  play "$r0"
  select_pod reserve-watch
  wait_for "http://$POD_IP:9000/q/health/ready" 200 120 "$APP"
  figure "dev pod: play to ready" "$(since "$t") s"
  v0=$(judge "http://$POD_IP:8080" "dev pod") || exit 1
  ok "dev pod: ready on ConfigMap $(configmap_of "$r0") and judges the article ($v0)"
  check_locked_down "$APP" "dev pod"
  check_heap "dev pod"

  edit_rules good
  render dev "$r1"
  [ "$(configmap_of "$r1")" != "$(configmap_of "$r0")" ] || fail "dev: the edit did not change the ConfigMap's name"
  t=$(now)
  play "$r1" --replace
  select_pod reserve-watch
  wait_for "http://$POD_IP:9000/q/health/ready" 200 120 "$APP"
  v1=$(judge "http://$POD_IP:8080" "dev pod after the edit") || exit 1
  [ "$v1" != "$v0" ] || fail "dev: the new pod serves the old version"
  grep -q 'proof edit' "$WORK/verdict.json" || fail "dev: the verdict does not carry the edited rationale"
  ok "dev: the edit is ConfigMap $(configmap_of "$r1"); its pod is ready in $(since "$t") s and serves it ($v1)"

  edit_rules broken
  render dev "$r2"
  play "$r2" --replace
  select_pod reserve-watch
  wait_for "http://$POD_IP:9000/q/health/live" 200 120 "$APP"
  wait_rules 'd["lastRejected"] is not None' 120 "dev: the broken edit's pod never reported why"
  [ "$(code "http://$POD_IP:9000/q/health/ready")" = 503 ] || fail "dev: the pod on the broken edit is ready"
  [ "$(code -X POST -H 'Content-Type: application/json' --data-binary @"$ARTICLE" "http://$POD_IP:8080/verdicts")" = 503 ] \
    || fail "dev: the pod on the broken edit answers verdicts"
  ok "dev: the broken edit's pod stays not ready; GET /rules: $(rules_field '"%s:%s %s" % (d["lastRejected"]["errors"][0]["file"], d["lastRejected"]["errors"][0]["line"], d["lastRejected"]["reason"][:60])')"
  stop_pod "dev"
  podman kube down "$r2" >/dev/null 2>>"$OUT/podman.log" || true
}

# dev-in-place: the plain-named ConfigMap; an edit changes its data in the running pod's volume, as the kubelet
# does, and the service takes it live.
prove_layout_dev_in_place() {
  local r0=$WORK/in-place-0.yaml r1=$WORK/in-place-1.yaml r2=$WORK/in-place-2.yaml t v0 v1 started name dir
  stage_tree
  render dev-in-place "$r0"
  podman kube down "$r0" >/dev/null 2>&1 || true
  play "$r0"
  select_pod reserve-watch
  wait_for "http://$POD_IP:9000/q/health/ready" 200 120 "$APP"
  v0=$(judge "http://$POD_IP:8080" "dev-in-place pod") || exit 1
  ok "dev-in-place: ready on ConfigMap $(configmap_of "$r0") and judges the article ($v0)"
  check_locked_down "$APP" "dev-in-place pod"
  started=$(podman inspect --format '{{.State.StartedAt}}' "$APP")
  name=$(configmap_of "$r0")
  dir=$(podman volume inspect --format '{{.Mountpoint}}' "$name")

  edit_rules good
  render dev-in-place "$r1"
  [ "$(configmap_of "$r1")" = "$name" ] || fail "dev-in-place: the edit changed the ConfigMap's name"
  t=$(now)
  "$PY" "$PROOF/configmap.py" sync "$r1" "$name" "$dir" >/dev/null
  wait_rules "d['version'] not in (None, '$v0')" 90 "dev-in-place: the edit was not taken"
  figure "dev-in-place: ConfigMap edit to live" "$(since "$t") s"
  v1=$(judge "http://$POD_IP:8080" "dev-in-place pod after the edit") || exit 1
  grep -q 'proof edit' "$WORK/verdict.json" || fail "dev-in-place: the verdict does not carry the edited rationale"
  [ "$(podman inspect --format '{{.State.StartedAt}}' "$APP")" = "$started" ] || fail "dev-in-place: the container restarted"
  ok "dev-in-place: the edited ConfigMap is live in the running pod, no restart ($v1)"

  edit_rules broken
  render dev-in-place "$r2"
  "$PY" "$PROOF/configmap.py" sync "$r2" "$name" "$dir" >/dev/null
  wait_rules 'd["lastRejected"] is not None' 90 "dev-in-place: the broken edit was not refused"
  [ "$(rules_field 'd["version"]')" = "$v1" ] || fail "dev-in-place: the version changed with the broken edit"
  [ "$(code "http://$POD_IP:9000/q/health/ready")" = 200 ] || fail "dev-in-place: not ready after the broken edit"
  [ "$(judge "http://$POD_IP:8080" "dev-in-place pod after the broken edit")" = "$v1" ] \
    || fail "dev-in-place: verdicts no longer name the last good version"
  ok "dev-in-place: the broken edit is refused ($(rules_field 'd["lastRejected"]["errors"][0]["file"]'):$(rules_field 'd["lastRejected"]["errors"][0]["line"]')); ready, verdicts on $v1"
  stop_pod "dev-in-place"
  podman kube down "$r2" >/dev/null 2>>"$OUT/podman.log" || true
}

# dev-watch: the API pod and the watcher pod (k8s/components/watch) with its data volume. Without the Secret the
# watcher is ready with the watch OFF; with it, FRED played by the FRED test server in a container on the pods'
# network, it fetches into the volume, judges and alerts; a new pod on the same volume goes on from what is kept.
watch_field() { curl -s --max-time 5 "http://$POD_IP:8080/watch" | json "$1"; }
fred_field() { curl -s --max-time 5 "http://$FRED_IP:8080/_control/$1" | json "$2"; }
wait_watch() { # python condition on d (GET /watch) timeout_s what
  local deadline=$(($(date +%s) + $2))
  until [ "$(watch_field "$1" 2>/dev/null)" = True ]; do
    [ "$(date +%s)" -lt "$deadline" ] \
      || fail "$3: not within $2 s (GET /watch: $(watch_field '{k: d[k] for k in ("status", "lastAttemptAt", "lastSuccessAt")} | {"errors": sorted({s["error"] for s in d["series"] if s["error"]})[:3]}'))"
    sleep 0.5
  done
}
# The watcher's CSV files in its volume, as name, inode and modification time: the same after a fetch means none rewritten.
data_files() { (cd "$1" && stat -c '%n %i %y' -- *.csv) 2>/dev/null; }
# The staged overlay's watcher asks the proof's FRED, at its pace: a kustomize patch of the staged tree only.
stage_fred() { # url
  "$PY" - "$TREE/k8s/overlays/dev-watch/kustomization.yaml" "$1" "$FRED_PER_SECOND" "$FRED_PER_MINUTE" <<'PYEOF'
import sys, yaml
path, url, second, minute = sys.argv[1:]
k = yaml.safe_load(open(path))
env = {"WATCH_FRED_BASE_URL": url, "WATCH_FRED_REQUESTS_PER_SECOND": second, "WATCH_FRED_REQUESTS_PER_MINUTE": minute}
k.setdefault("patches", []).append({"patch": yaml.safe_dump({
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "reserve-watch-watcher"},
    "spec": {"template": {"spec": {"containers": [
        {"name": "reserve-watch", "env": [{"name": n, "value": v} for n, v in env.items()]}]}}}})})
yaml.safe_dump(k, open(path, "w"), sort_keys=False)
PYEOF
}
carry_fred() { # series (one a line): brought up to the FRED test server's today (POST /_control/carry)
  local code
  for code in $1; do
    curl -s -f --max-time 5 -X POST "http://$FRED_IP:8080/_control/carry?series=$code" >/dev/null \
      || fail "the FRED test server did not bring $code up to today"
  done
}
wait_hook() { # event first_new what: until an alert of that event, among the webhook's from first_new on, names FRED_HELD
  local deadline=$(($(date +%s) + 15))
  until [ "$(fred_field hooks "any(h['alert']['event'] == '$1' and '$FRED_HELD' in (h['alert'].get('series') or []) for h in d[$2:])")" = True ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$3 (the webhook got: $(fred_field hooks "[h['alert']['event'] for h in d]"))"
    sleep 0.2
  done
}
# The key, where an operator or a log shipper would see it: the container's log (which must show the fetch and the
# judging, or the search proves nothing), GET /watch, the metrics, and the files in the data volume.
key_not_shown() { # key data what
  local log=$OUT/watch-$(date +%s%N).log where=()
  podman logs "$APP" >"$log" 2>&1 || fail "dev-watch: no log of $3"
  grep -q 'Fetched [0-9]* series' "$log" && grep -q 'The watch judged' "$log" \
    || fail "dev-watch: the log of $3 shows no fetch and judging ($log)"
  grep -qF -- "$1" "$log" && where+=("its log")
  curl -s --max-time 5 "http://$POD_IP:8080/watch" | grep -qF -- "$1" && where+=("GET /watch")
  curl -s --max-time 5 "http://$POD_IP:9000/q/metrics" | grep -qF -- "$1" && where+=("the metrics")
  grep -rqF -- "$1" "$2" && where+=("the data volume")
  [ ${#where[@]} = 0 ] || fail "dev-watch: the FRED key shows in ${where[*]} of $3"
  ok "dev-watch: the key is nowhere in $3's log ($(wc -l <"$log") lines, the fetch and judging among them), GET /watch, the metrics or the data volume"
}
# The FRED test server (src/test/java/dev/reservewatch/watch/FredTestServer.java, compiled by the build), in a
# container of the image on the pods' network, locked down as they are, serving FRED_DATA within the proof's limits.
start_fred() { # network key
  podman rm -f -t 0 "$FRED_CTR" >/dev/null 2>&1 || true
  podman run -d --name "$FRED_CTR" --label "$PROOF_LABEL" --network "$1" --read-only --read-only-tmpfs=false \
    --tmpfs /tmp:rw,nosuid,nodev,size=64m --cap-drop=ALL --security-opt=no-new-privileges --memory 256m \
    -v "$REPO/target/test-classes:/fred/test-classes:ro" -v "$REPO/target/classes:/fred/classes:ro" \
    -v "$(cd "$FRED_DATA" && pwd):/fred/data:ro" --entrypoint java "$IMAGE" \
    -cp /fred/test-classes:/fred/classes dev.reservewatch.watch.FredTestServer 8080 /fred/data "$FRED_TODAY" "$2" 0.0.0.0 \
    "$FRED_PER_SECOND/$FRED_PER_MINUTE" >/dev/null || fail "the FRED test server's container did not start"
  FRED_IP=$(podman inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$FRED_CTR")
  CONTEXT_CTR=$FRED_CTR
  wait_for "http://$FRED_IP:8080/_control/requests" 200 30 "$FRED_CTR"
}
# The Secret reserve-watch-fred as podman 4.3 reads a secretKeyRef: a podman secret holding the Secret's data as JSON.
# (kube play of a Secret stores its YAML, which 4.3's secretKeyRef cannot read: an optional reference then stays unset.)
create_fred_secret() { # key webhook-urls
  if podman secret inspect reserve-watch-fred >/dev/null 2>&1; then
    need "a podman secret reserve-watch-fred exists that this script did not make: remove it (podman secret rm reserve-watch-fred)"
  fi
  "$PY" -c 'import base64, json, sys
print(json.dumps({"api-key": base64.b64encode(sys.argv[1].encode()).decode(),
                  "webhook-urls": base64.b64encode(sys.argv[2].encode()).decode()}))' "$1" "$2" >"$WORK/fred-secret.json"
  podman secret create --label "$PROOF_LABEL" reserve-watch-fred "$WORK/fred-secret.json" >/dev/null
  rm -f "$WORK/fred-secret.json"
}

prove_layout_dev_watch() {
  local r0=$WORK/watch-0.yaml r1=$WORK/watch-1.yaml t claim data key network series whole hooks files last alerts skip=""
  stage_tree
  render dev-watch "$r0"
  claim=$(sed -n 's/^ *claimName: *//p' "$r0" | head -n 1)
  [ -n "$claim" ] || fail "dev-watch: the watcher mounts no PersistentVolumeClaim"
  if podman volume exists "$claim"; then
    need "a podman volume $claim exists that this script did not make (its watch data?): remove it (podman volume rm $claim)"
  fi
  podman kube down "$r0" >/dev/null 2>&1 || true
  t=$(now)
  play "$r0"
  select_pod reserve-watch
  wait_for "http://$POD_IP:9000/q/health/ready" 200 120 "$APP"
  [ "$(curl -s --max-time 5 "http://$POD_IP:8080/watch" | json 'd["status"]')" = OFF ] || fail "dev-watch: the API pod's watch is not OFF"
  select_pod reserve-watch-watcher reserve-watch
  wait_for "http://$POD_IP:9000/q/health/ready" 200 120 "$APP"
  figure "dev-watch: play to ready (API and watcher pods)" "$(since "$t") s"
  [ "$(watch_field '(d["enabled"], d["status"])')" = "(False, 'OFF')" ] \
    || fail "dev-watch: without the Secret the watch is not OFF: $(watch_field 'd["status"]')"
  [ "$(podman inspect --format '{{.RestartCount}}' "$APP")" = 0 ] || fail "dev-watch: the watcher restarted without the Secret"
  data=$(podman volume inspect --format '{{.Mountpoint}}' "$claim")
  [ -z "$(ls -A "$data")" ] || fail "dev-watch: the watch wrote to its volume while OFF: $(ls -A "$data" | head -n 3 | tr '\n' ' ')"
  ok "dev-watch: without the Secret the watcher pod is ready, the watch OFF (GET /watch), not restarted, its volume $claim untouched"
  check_locked_down "$APP" "watcher pod" /var/lib/reserve-watch
  check_heap "watcher pod"
  # The API pod's part is done (the dev layout proves its stop on SIGTERM): it goes at once, and leaves the CPU
  remove_pod reserve-watch-pod-0

  [ -f target/test-classes/dev/reservewatch/watch/FredTestServer.class ] || skip="no FRED test server in target/test-classes"
  [ -n "$skip" ] || compgen -G "$FRED_DATA/*.csv" >/dev/null || skip="no FRED files in $FRED_DATA (PROOF_FRED_DATA)"
  if [ -n "$skip" ]; then
    say "  skip  dev-watch: the fetch with a key ($skip)"
    figure "dev-watch: the fetch with a key" "skipped: $skip"
    stop_pod "dev-watch, the watcher"
    remove_pods "$r0"
    return
  fi
  network=$(podman inspect --format '{{range $name, $n := .NetworkSettings.Networks}}{{$name}}{{end}}' \
    "$(podman pod inspect --format '{{.InfraContainerID}}' reserve-watch-watcher-pod-0)")
  key=$("$PY" -c 'import secrets, string; print("".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(32)))')
  start_fred "$network" "$key"
  # FRED as of today: every series brought up to today (its files end earlier), but FRED_HELD, which FRED has not
  # published for a while (its file's end): the watch is to tell it stale, then recovered once FRED catches up
  carry_fred "$(cd "$FRED_DATA" && ls -- *.csv | sed 's/\.csv$//' | grep -vxF "$FRED_HELD")"
  # FRED's address in the watcher's environment: the test server's own, on the pods' network (by address, not by
  # name: kube play's network resolves names only while podman's DNS helper runs), at the proof's pace
  stage_fred "http://$FRED_IP:8080"
  render dev-watch "$r1"
  [ "$(sed -n 's/^ *claimName: *//p' "$r1" | head -n 1)" = "$claim" ] || fail "dev-watch: FRED's address changed the claim"
  create_fred_secret "$key" "http://$FRED_IP:8080/_hooks"
  # the Secret is read at start: a new watcher pod (kubectl rollout restart deployment/reserve-watch-watcher); the
  # old one, with the watch off, goes at once (the watcher's stop on SIGTERM is proved below)
  t=$(now)
  remove_pod reserve-watch-watcher-pod-0
  play "$r1" --only reserve-watch-watcher --replace
  select_pod reserve-watch-watcher reserve-watch
  wait_for "http://$POD_IP:9000/q/health/ready" 200 120 "$APP"
  wait_watch 'd["lastSuccessAt"] is not None and d["latest"] is not None' 120 "dev-watch: the first fetch and its judging"
  figure "dev-watch: Secret to data fetched and judged" "$(since "$t") s ($(fred_field requests 'd["requests"]') requests to the FRED test server)"
  [ "$(watch_field 'd["enabled"]')" = True ] || fail "dev-watch: the watch is off with the Secret"
  # every series the watcher watches, fetched (the FRED files must hold them all)
  [ "$(watch_field '[s["code"] for s in d["series"] if s["lastObservation"] is None or s["error"]]')" = "[]" ] \
    || fail "dev-watch: series not fetched: $(watch_field '[(s["code"], s["error"]) for s in d["series"] if s["lastObservation"] is None or s["error"]][:3]')"
  [ "$(watch_field '(d["status"], [s["code"] for s in d["series"] if s["stale"]])')" = "('STALE', ['$FRED_HELD'])" ] \
    || fail "dev-watch: GET /watch says $(watch_field '(d["status"], [s["code"] for s in d["series"] if s["stale"]])'), expected STALE for $FRED_HELD alone"
  series=$(watch_field 'len(d["series"])')
  whole=$(fred_field requests 'd["whole"]')
  [ "$whole" = "$series" ] || fail "dev-watch: $whole series asked whole into the empty volume, expected $series"
  [ "$(fred_field requests 'd["throttled"]')" = 0 ] || fail "dev-watch: the watcher exceeded the rate limit it was given"
  wait_hook "DATA_STALE" 0 "dev-watch: no DATA_STALE alert for $FRED_HELD reached the webhook of the Secret"
  hooks=$(fred_field hooks 'len(d)')
  [ -f "$data/watch/fetch-state.json" ] && [ -f "$data/watch/alerts.json" ] || fail "dev-watch: no fetch state or alert ledger in the volume"
  [ "$(data_files "$data/watch" | wc -l)" = "$series" ] || fail "dev-watch: $(data_files "$data/watch" | wc -l) CSV files in the volume, expected $series"
  [ -z "$(find "$data" ! -user 185)" ] || fail "dev-watch: files in the volume not owned by 185: $(find "$data" ! -user 185 | head -n 3)"
  ok "dev-watch: with the Secret the watcher fetched $series series ($whole asked whole) from the FRED test server into $claim, judged the latest week ($(watch_field 'd["latest"]["asOf"] + " " + d["latest"]["regime"]')), told $FRED_HELD stale and alerted the Secret's webhook ($hooks alert(s): $(fred_field hooks '" ".join(sorted({h["alert"]["event"] for h in d}))'))"
  key_not_shown "$key" "$data" "the watcher"
  files=$(data_files "$data/watch")
  last=$(watch_field 'd["lastSuccessAt"]')
  alerts=$(watch_field 'len(d["alerts"])')
  stop_pod "dev-watch, the watcher"

  # FRED catches up on FRED_HELD; a new pod (a restart, a node drain) on the same volume
  carry_fred "$FRED_HELD"
  t=$(now)
  play "$r1" --only reserve-watch-watcher --replace
  select_pod reserve-watch-watcher reserve-watch
  wait_for "http://$POD_IP:9000/q/health/ready" 200 120 "$APP"
  # its own fetch at start-up (it may be done already): from the kept data on, if the data outlived the old pod
  wait_watch "d['lastSuccessAt'] not in (None, '$last') and d['latest'] is not None" 120 "dev-watch: the new pod's fetch"
  figure "dev-watch: new pod to its fetch done" "$(since "$t") s"
  [ "$(watch_field '(d["enabled"], d["status"], [s["code"] for s in d["series"] if s["stale"] or s["error"]])')" = "(True, 'OK', [])" ] \
    || fail "dev-watch: after FRED caught up GET /watch says $(watch_field '(d["enabled"], d["status"], [s["code"] for s in d["series"] if s["stale"] or s["error"]])'), not (True, 'OK', [])"
  wait_hook "RECOVERED" "$hooks" "dev-watch: no RECOVERED alert for $FRED_HELD reached the webhook"
  sleep 1   # alerts go out right after the judging of the fetch: give another one time to arrive
  [ "$(fred_field requests 'd["whole"]')" = "$whole" ] \
    || fail "dev-watch: the new pod asked $(( $(fred_field requests 'd["whole"]') - whole )) series whole again"
  [ "$(data_files "$data/watch" | grep -v "^$FRED_HELD\.csv ")" = "$(grep -v "^$FRED_HELD\.csv " <<<"$files")" ] \
    || fail "dev-watch: the new pod rewrote data files FRED had not changed"
  [ "$(data_files "$data/watch" | grep "^$FRED_HELD\.csv ")" != "$(grep "^$FRED_HELD\.csv " <<<"$files")" ] \
    || fail "dev-watch: the new pod did not write what FRED published of $FRED_HELD"
  [ "$(fred_field hooks "sorted({h['alert']['event'] for h in d[$hooks:]})")" = "['RECOVERED']" ] \
    || fail "dev-watch: the new pod sent $(fred_field hooks "[h['alert']['event'] for h in d[$hooks:]]"), expected RECOVERED alone"
  [ "$(fred_field hooks 'len(d) == len({h["alert"]["id"] for h in d})')" = True ] || fail "dev-watch: an alert reached the webhook twice"
  ok "dev-watch: a new pod on $claim asks FRED only from the kept data on (none whole), rewrites only $FRED_HELD's file, reports OK with the latest week ($(watch_field 'd["latest"]["asOf"] + " " + d["latest"]["regime"]')), tells $FRED_HELD recovered and sends nothing twice"
  key_not_shown "$key" "$data" "the new watcher"
  CONTEXT_CTR=""
  remove_pods "$r1"   # the watcher's stop on SIGTERM is proved above
  podman rm -f -t 0 "$FRED_CTR" >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- main
if [ "$MODE" = clean ]; then
  # the pods kube play named after the layouts' Deployments (<name>-pod-0), then what carries the label
  for pod in $(podman pod ps --format '{{.Name}}' | grep -E '^reserve-watch.*-pod-[0-9]+$' || true); do remove_pod "$pod"; done
  remove_own
  exit 0
fi
mkdir -p "$OUT"
WORK=$(mktemp -d /var/tmp/reserve-watch-proof.XXXXXX)
: >"$SUMMARY"
figure "date (UTC)" "$(date -u '+%Y-%m-%d %H:%M')"
figure "source" "git $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
figure "machine" "nproc $(nproc), $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
prerequisites
figure "podman" "$(podman --version | awk '{ print $3 }'), $(podman info --format '{{.Host.OCIRuntime.Name}}' 2>/dev/null)"
remove_own
t=$(now)
ensure_base
ensure_runtime
build_image
figure "base and image" "$(since "$t") s"
if [ "$MODE" = all ] || [ "$MODE" = image ]; then
  t=$(now)
  prove_image
  measure_startup
  figure "image proofs" "$(since "$t") s"
fi
if [ "$MODE" != image ]; then
  for layout in "${LAYOUTS[@]}"; do
    [ "$MODE" = all ] || [ "$MODE" = pods ] || [ "$MODE" = "$layout" ] || continue
    say "Layout $layout, under podman kube play"
    t=$(now)
    "prove_layout_${layout//-/_}"
    figure "layout $layout" "$(since "$t") s"
  done
fi
figure "total" "$(since "$T0") s"
say "Every proof held. Figures: $SUMMARY"
