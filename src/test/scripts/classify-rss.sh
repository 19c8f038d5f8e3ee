#!/usr/bin/env bash
# Resident memory of the service under full-mode classification load.
#
# Starts Moderato exactly as the README's run command does (mvn -DskipTests package, then java with the README's JVM
# options on the packaged application), on its own port and data directory, waits until /q/health/ready is UP,
# drives 60 s of mixed load at 8 clients in full mode with ClassifyLoadBenchmark (exec:java@classify-load: held-out
# corpus comments, each made unique so the embedding cache cannot answer; 10% of the requests are batches of 16),
# then prints the Java process's VmRSS (and VmHWM, the peak) from /proc, stops the service and exits.
#
# Usage: src/test/scripts/classify-rss.sh [DATA_DIR] [JVM_OPTIONS]
#   DATA_DIR     data directory (default: a new temporary directory). Without a model bundle in it, the service
#                trains one at first start (a few minutes); to skip that, give a directory holding one, e.g. a copy
#                of target/test-data after the tests, or of one this script already used.
#   JVM_OPTIONS  options for the service's JVM (default: the README's; "" for the JVM's own defaults).
# Environment: PORT (default 18090), SECONDS_OF_LOAD (default 60), CLIENTS (default 8), MODE (default full),
#              START_TIMEOUT (seconds to wait for readiness, default 900), SKIP_PACKAGE=1 runs quarkus:run alone,
#              DIAG=1 prints heap and native memory figures after the measurement (see the end),
#              EXTRA_ENV: more NAME=value[,NAME=value] for the service's JVM, e.g. MALLOC_ARENA_MAX=2.
#
# Only processes this script started are stopped (by process group id). Run from the project directory.
set -euo pipefail

DATA_DIR="${1:-$(mktemp -d /tmp/moderato-rss.XXXXXX)}"
# The README's run command's JVM options, unless others are given ("" for the JVM's defaults).
JVM_OPTIONS="${2--Xms64m -Xmx1280m -XX:+UseSerialGC -XX:MinHeapFreeRatio=25 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m -Xss512k -XX:MaxDirectMemorySize=64m}"
PORT="${PORT:-18090}"
SECONDS_OF_LOAD="${SECONDS_OF_LOAD:-60}"
CLIENTS="${CLIENTS:-8}"
MODE="${MODE:-full}"
START_TIMEOUT="${START_TIMEOUT:-900}"
KEY="rss-bench-admin-key-$(date +%s)"
LOG="$(mktemp /tmp/moderato-rss-service.XXXXXX.log)"

mkdir -p "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"

# With a bundle already in the data directory, the service must not train one during the measurement: the code as it
# stands may start the first-bundle training even when a bundle is there (its start-up observers race), and a
# training in the background would be measured too. Without a bundle, it trains one before it is ready.
WHEN_MISSING=true
compgen -G "$DATA_DIR/models/*/manifest.json" >/dev/null && WHEN_MISSING=false

[[ "${SKIP_PACKAGE:-0}" == 1 ]] || mvn -q -DskipTests package >"$LOG" 2>&1
echo "data dir     $DATA_DIR"
echo "JVM options  ${JVM_OPTIONS:-(none: JVM defaults)}${EXTRA_ENV:+; environment $EXTRA_ENV}"
echo "service log  $LOG"
echo "train first  $WHEN_MISSING (moderato.training.when-missing)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (start)"

EXTRA_ENV_ARGS=()
[[ -z "${EXTRA_ENV:-}" ]] || IFS=',' read -r -a EXTRA_ENV_ARGS <<<"$EXTRA_ENV"

# The README's run command, on its own port and data directory and with a rate limit the benchmark does not hit.
# setsid: the service (Maven and the JVM it launches) gets its own process group, stopped as one at the end.
# As the README's run command starts it (java on the packaged application), on a port of its own.
# shellcheck disable=SC2086
MODERATO_BOOTSTRAP_ADMIN_KEY="$KEY" MODERATO_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_HTTP_PORT="$PORT" MODERATO_ACCESS_DEFAULT_RATE_LIMIT_PER_MINUTE=10000000 MODERATO_TRAINING_WHEN_MISSING=$WHEN_MISSING \
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" env "${EXTRA_ENV_ARGS[@]}" setsid java $JVM_OPTIONS -jar target/quarkus-app/quarkus-run.jar >>"$LOG" 2>&1 &
SERVICE_PGID=$!

stop_service() {
  if kill -0 "$SERVICE_PGID" 2>/dev/null; then
    kill -TERM -- "-$SERVICE_PGID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVICE_PGID" 2>/dev/null || return 0; sleep 1; done
    kill -KILL -- "-$SERVICE_PGID" 2>/dev/null || true
  fi
}
trap stop_service EXIT

started=$(date +%s)
until curl -fsS "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
  if ! kill -0 "$SERVICE_PGID" 2>/dev/null; then
    echo "the service stopped before it was ready; last lines of $LOG:" >&2
    tail -30 "$LOG" >&2
    exit 1
  fi
  if (( $(date +%s) - started > START_TIMEOUT )); then
    echo "not ready after ${START_TIMEOUT} s; see $LOG" >&2
    exit 1
  fi
  sleep 2
done
echo "ready after  $(( $(date +%s) - started )) s"

# The JVM serving the port (a child of Maven's), found by its listening socket.
JAVA_PID="$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
if [[ -z "$JAVA_PID" ]]; then
  echo "cannot find the process listening on port $PORT" >&2
  exit 1
fi
echo "java pid     $JAVA_PID: $(tr '\0' ' ' </proc/"$JAVA_PID"/cmdline | cut -c1-300)"
grep -E '^(VmRSS|VmHWM)' /proc/"$JAVA_PID"/status | sed 's/^/idle         /'

MODERATO_BOOTSTRAP_ADMIN_KEY="$KEY" mvn -q test-compile exec:java@classify-load -Dexec.args="--url http://127.0.0.1:$PORT \
  --mode $MODE --concurrency $CLIENTS --warmup 200 --requests 1000000 --max-seconds $SECONDS_OF_LOAD \
  --batch-percent 10 --batch-size 16 --vary counter" || echo "(the load benchmark reported failures)"

echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (end)"
RSS_KB="$(awk '/^VmRSS/ {print $2}' /proc/"$JAVA_PID"/status)"
HWM_KB="$(awk '/^VmHWM/ {print $2}' /proc/"$JAVA_PID"/status)"
printf 'VmRSS        %d kB (%d MB) after the load; peak VmHWM %d kB (%d MB); target <= 768 MB: %s\n' \
  "$RSS_KB" $((RSS_KB / 1024)) "$HWM_KB" $((HWM_KB / 1024)) "$( (( RSS_KB <= 768 * 1024 )) && echo met || echo MISSED)"

# DIAG=1: after the measurement, what the memory is made of (heap in use, live heap after a full GC, metaspace; and
# the native memory summary when the JVM runs with -XX:NativeMemoryTracking=summary). Changes nothing measured above.
if [[ "${DIAG:-0}" == 1 ]]; then
  jcmd "$JAVA_PID" GC.heap_info | sed 's/^/heap         /'
  jcmd "$JAVA_PID" GC.run >/dev/null
  jcmd "$JAVA_PID" GC.heap_info | sed 's/^/after GC     /'
  jcmd "$JAVA_PID" VM.native_memory summary 2>/dev/null | grep -E '^(Total|-)' | sed 's/^/native       /' || true
fi
