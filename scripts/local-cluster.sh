#!/usr/bin/env bash
# The docker-compose topology without Docker: N node processes on loopback sharing one Postgres
# and one Redis (embedded, in a process of their own, unless LUDO_DB_URL / LUDO_REDIS_URL are set).
#   scripts/local-cluster.sh start N    nodes node-1..node-N, HTTP on 8081..(8080+N), admin
#                                       (/metrics, /cluster/nodes) on 9081..(9080+N)
#   scripts/local-cluster.sh stop       SIGTERM every node (graceful hand-off), then the services
#   scripts/local-cluster.sh status
#   scripts/local-cluster.sh start-node I    (re)start node I of the running cluster
#   scripts/local-cluster.sh stop-node I     SIGTERM node I: a graceful leave
#   scripts/local-cluster.sh kill-node I     kill -9 node I
#   scripts/local-cluster.sh pause-node I    SIGSTOP node I (a zombie: frozen, its sockets open)
#   scripts/local-cluster.sh resume-node I   SIGCONT node I
# Pids and logs live under ./data/cluster/. Every LUDO_* variable of the environment reaches the
# nodes, except the per-node ones set here (node id, HTTP and admin ports, cluster port and members).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=data/cluster
JAR=target/ludo-server.jar
HTTP_BASE=${LOCAL_CLUSTER_HTTP_BASE:-8080}
# each node's admin port is its HTTP port + 1000, where the load generator looks by default
ADMIN_BASE=${LOCAL_CLUSTER_ADMIN_BASE:-$((HTTP_BASE + 1000))}
HZ_BASE=${LOCAL_CLUSTER_HZ_BASE:-5700}
DB_PORT=${LOCAL_CLUSTER_DB_PORT:-15432}
REDIS_PORT=${LOCAL_CLUSTER_REDIS_PORT:-16379}
source scripts/java-home.sh
JAVA=$JAVA_HOME/bin/java

wait_for() { # url seconds
  for _ in $(seq 1 $(( $2 * 4 ))); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "timed out waiting for $1" >&2
  return 1
}

start_services() {
  if [ -n "${LUDO_DB_URL:-}" ] && [ -n "${LUDO_REDIS_URL:-}" ]; then return; fi
  LUDO_DATA_DIR="$DIR/services" LUDO_EMBEDDED_DB_PORT=$DB_PORT LUDO_EMBEDDED_REDIS_PORT=$REDIS_PORT \
    "$JAVA" $LUDO_JAVA_OPTS -jar "$JAR" services >"$DIR/services.log" 2>&1 &
  echo $! >"$DIR/services.pid"
  for _ in $(seq 1 240); do
    grep -q '^ready ' "$DIR/services.log" 2>/dev/null && break
    kill -0 "$(cat "$DIR/services.pid")" 2>/dev/null || { cat "$DIR/services.log" >&2; exit 1; }
    sleep 0.25
  done
  grep -q '^ready ' "$DIR/services.log" || { echo "services did not start" >&2; exit 1; }
}

start() {
  local n=${1:?usage: local-cluster.sh start N}
  [ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
  mkdir -p "$DIR"
  start_services
  # every node must reach the same data and verify every other node's seat tokens
  shared_env
  echo "$n" >"$DIR/size"
  for i in $(seq 1 "$n"); do
    start_node "$i"
  done
  for i in $(seq 1 "$n"); do wait_for "http://127.0.0.1:$((HTTP_BASE + i))/health/ready" 120; done
  echo "$n nodes up: http://127.0.0.1:$((HTTP_BASE + 1)) .. http://127.0.0.1:$((HTTP_BASE + n))"
}

members() {
  local n; n=$(cat "$DIR/size") members=""
  for i in $(seq 1 "$n"); do members="$members${members:+,}127.0.0.1:$((HZ_BASE + i))"; done
  echo "$members"
}

start_node() { # index
  local i=$1
  LUDO_NODE_ID=node-$i LUDO_HTTP_PORT=$((HTTP_BASE + i)) LUDO_ADMIN_PORT=$((ADMIN_BASE + i)) LUDO_CLUSTER_HOST=127.0.0.1 \
    LUDO_CLUSTER_PORT=$((HZ_BASE + i)) LUDO_CLUSTER_MEMBERS=$(members) LUDO_CLUSTERED=true \
    "$JAVA" $LUDO_JAVA_OPTS -jar "$JAR" node >>"$DIR/node-$i.log" 2>&1 &
  echo $! >"$DIR/node-$i.pid"
}

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

stop() {
  for f in "$DIR"/node-*.pid; do [ -e "$f" ] && stop_pid "$f"; done
  stop_pid "$DIR/services.pid"
  echo "stopped"
}

status() {
  for f in "$DIR"/*.pid; do
    [ -e "$f" ] || continue
    if kill -0 "$(cat "$f")" 2>/dev/null; then echo "$(basename "$f" .pid): running"; else echo "$(basename "$f" .pid): dead"; fi
  done
}

shared_env() {
  export LUDO_DB_URL=${LUDO_DB_URL:-postgresql://postgres:postgres@127.0.0.1:$DB_PORT/postgres}
  export LUDO_REDIS_URL=${LUDO_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}
  export LUDO_JWT_KEY=${LUDO_JWT_KEY:-$(cluster_key)}
  # on loopback every client (the load generator, the cluster tests) is 127.0.0.1: no limits unless asked
  export LUDO_RATE_LIMIT_COMMANDS_PER_S=${LUDO_RATE_LIMIT_COMMANDS_PER_S:-0}
  export LUDO_RATE_LIMIT_REQUESTS_PER_S=${LUDO_RATE_LIMIT_REQUESTS_PER_S:-0}
}

# A key of this cluster's own, made on its first start and kept beside its pids (owner-only), so
# nodes restarted later in the same cluster accept each other's tokens; never a literal default.
cluster_key() {
  local file="$DIR/jwt.key"
  if [ ! -s "$file" ]; then
    mkdir -p "$DIR"
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$file")
  fi
  cat "$file"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  start-node)
    shared_env
    start_node "${2:?node index}"
    wait_for "http://127.0.0.1:$((HTTP_BASE + $2))/health/ready" 120 ;;
  stop-node) stop_pid "$DIR/node-${2:?node index}.pid" ;;
  kill-node) # no goodbye: kill -9
    kill -KILL "$(cat "$DIR/node-${2:?node index}.pid")" && rm -f "$DIR/node-$2.pid" ;;
  pause-node) kill -STOP "$(cat "$DIR/node-${2:?node index}.pid")" ;;
  resume-node) kill -CONT "$(cat "$DIR/node-${2:?node index}.pid")" ;;
  stop)
    # a paused node cannot stop: resume them all first
    for f in "$DIR"/node-*.pid; do [ -e "$f" ] && kill -CONT "$(cat "$f")" 2>/dev/null || true; done
    stop ;;
  status) status ;;
  *) echo "usage: $0 start N | stop | status | start-node I | stop-node I | kill-node I | pause-node I | resume-node I" >&2; exit 2 ;;
esac
