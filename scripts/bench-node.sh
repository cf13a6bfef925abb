#!/usr/bin/env bash
# One node and the echo server for load runs (docs/BENCHMARKS.md), on ports that the tests and
# local-cluster.sh do not use: the node on 127.0.0.1:18080, admin 19080 (Hazelcast 5850, its own embedded
# Postgres under target/bench/data, durable: fsync and synchronous_commit on), the echo server on 127.0.0.1:19090.
#   scripts/bench-node.sh start [extra JVM options…]   e.g. -XX:StartFlightRecording=…
#   scripts/bench-node.sh stop
# Every LUDO_* variable of the environment reaches the node; rate limits are off (the generator is
# one client at machine speed) unless LUDO_RATE_LIMIT_* say otherwise. Pids and logs: target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
JAVA=$JAVA_HOME/bin/java
DIR=target/bench
JAR=target/ludo-server.jar

stop_pid() { # pidfile
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$1"
}

case "${1:-}" in
  start)
    shift
    [ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
    mkdir -p "$DIR"
    if [ -f "$DIR/node.pid" ] && kill -0 "$(cat "$DIR/node.pid")" 2>/dev/null; then
      echo "a node is running already (pid $(cat "$DIR/node.pid")): $0 stop first" >&2; exit 1
    fi
    LUDO_HTTP_PORT=${LUDO_HTTP_PORT:-18080} LUDO_HTTP_HOST=127.0.0.1 LUDO_CLUSTER_PORT=${LUDO_CLUSTER_PORT:-5850} \
      LUDO_ADMIN_PORT=${LUDO_ADMIN_PORT:-$(( ${LUDO_HTTP_PORT:-18080} + 1000 ))} \
      LUDO_DATA_DIR=${LUDO_DATA_DIR:-$DIR/data} LUDO_NODE_ID=${LUDO_NODE_ID:-bench-1} \
      LUDO_JWT_KEY=${LUDO_JWT_KEY:-$(head -c 48 /dev/urandom | base64 -w0)} \
      LUDO_RATE_LIMIT_COMMANDS_PER_S=${LUDO_RATE_LIMIT_COMMANDS_PER_S:-0} \
      LUDO_RATE_LIMIT_REQUESTS_PER_S=${LUDO_RATE_LIMIT_REQUESTS_PER_S:-0} \
      "$JAVA" $LUDO_JAVA_OPTS -Xms2g -Xmx2g "$@" -jar "$JAR" node >"$DIR/node.log" 2>&1 &
    echo $! >"$DIR/node.pid"
    "$JAVA" -jar "$JAR" echo --port 19090 >"$DIR/echo.log" 2>&1 &
    echo $! >"$DIR/echo.pid"
    for _ in $(seq 1 480); do
      curl -sf "http://127.0.0.1:${LUDO_HTTP_PORT:-18080}/health/ready" >/dev/null 2>&1 && break
      kill -0 "$(cat "$DIR/node.pid")" 2>/dev/null || { cat "$DIR/node.log" >&2; exit 1; }
      sleep 0.25
    done
    echo "node pid $(cat "$DIR/node.pid") on http://127.0.0.1:${LUDO_HTTP_PORT:-18080}, echo on http://127.0.0.1:19090"
    ;;
  stop)
    stop_pid "$DIR/node.pid"
    stop_pid "$DIR/echo.pid"
    echo stopped
    ;;
  *) echo "usage: $0 start [JVM options…] | stop" >&2; exit 2 ;;
esac
