#!/usr/bin/env bash
# The load measurements of docs/BENCHMARKS.md, each bounded in time, written under target/load/:
#   scripts/bench-suite.sh sweep     one node: 10…200 games, 30 s each, each against the echo server too; PNG plot
#   scripts/bench-suite.sh target    one node: 200 games for 60 s with the echo ceiling, JFR over 30 s of it
#   scripts/bench-suite.sh loops     one node: 200 games for 30 s with LUDO_EVENT_LOOPS=4 (Vert.x's default on 2 cores)
#   scripts/bench-suite.sh idle      one node: 10,000 games, the sockets of 4,500 of them, heap after full GCs
#   scripts/bench-suite.sh cluster   three nodes: GAMES (100) games for 30 s with every socket on another node, then on the owner
# Needs the jar (mvn -B -DskipTests package). Load goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
JAVA=$JAVA_HOME/bin/java
JAR=target/ludo-server.jar
OUT=target/load
NODE=http://127.0.0.1:18080
ECHO=http://127.0.0.1:19090
mkdir -p "$OUT"

fresh_node() { # [JVM options…]: a node on an empty database, so every run starts alike
  scripts/bench-node.sh stop >/dev/null
  rm -rf target/bench/data
  scripts/bench-node.sh start "$@"
}

warm() { # JIT warm-up of a new node, not measured
  "$JAVA" -jar "$JAR" load --url "$NODE" --games 50 --seconds 10 --warmup 5 --out "$OUT/warm.json" >/dev/null 2>&1
}

case "${1:-}" in
  sweep)
    fresh_node; warm
    "$JAVA" -jar "$JAR" sweep --url "$NODE" --games 10,20,50,100,200 --seconds 30 --warmup 5 --echo-url "$ECHO" \
      --label "one node, 2 cores" --out "$OUT/sweep.json" --plot "$OUT/sweep.png"
    ;;
  target)
    fresh_node; warm
    pid=$(cat target/bench/node.pid)
    ( sleep 20; "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=target settings=profile duration=30s \
        filename="$PWD/$OUT/target.jfr" >/dev/null ) &
    # who uses the two cores: the node, Postgres, the generator (CPU % over 30 s of the run)
    ( sleep 20; top -b -d 30 -n 2 -w 200 | awk '/^top -/{n++} n==2' | head -30 >"$OUT/target-top.txt" ) &
    "$JAVA" -jar "$JAR" load --url "$NODE" --games 200 --seconds 60 --warmup 10 --echo-url "$ECHO" \
      --label "one node, 200 games" --out "$OUT/target.json"
    wait
    ;;
  loops)
    export LUDO_EVENT_LOOPS=4
    fresh_node; warm
    "$JAVA" -jar "$JAR" load --url "$NODE" --games 200 --seconds 30 --warmup 5 \
      --label "one node, 200 games, LUDO_EVENT_LOOPS=4" --out "$OUT/loops4.json"
    ;;
  idle)
    fresh_node
    "$JAVA" -jar "$JAR" idle --url "$NODE" --games 10000 --socket-games 4500 --hold 5 \
      --server-pid "$(cat target/bench/node.pid)" --out "$OUT/idle.json"
    ;;
  cluster)
    scripts/bench-node.sh stop >/dev/null
    export LOCAL_CLUSTER_HTTP_BASE=18180 LOCAL_CLUSTER_HZ_BASE=5900 LOCAL_CLUSTER_DB_PORT=25432 LOCAL_CLUSTER_REDIS_PORT=26379
    scripts/local-cluster.sh stop >/dev/null 2>&1 || true
    rm -rf data/cluster
    scripts/local-cluster.sh start 3
    nodes=http://127.0.0.1:18181,http://127.0.0.1:18182,http://127.0.0.1:18183
    "$JAVA" -jar "$JAR" load --url "$nodes" --games 50 --seconds 10 --warmup 5 --out "$OUT/warm.json" >/dev/null 2>&1
    games=${GAMES:-100}
    "$JAVA" -jar "$JAR" load --url "$nodes" --games "$games" --seconds 30 --warmup 5 --spread cross \
      --label "3 nodes, every socket on another node than its game" --out "$OUT/cluster-cross-$games.json"
    "$JAVA" -jar "$JAR" load --url "$nodes" --games "$games" --seconds 30 --warmup 5 --spread owner \
      --label "3 nodes, every socket on its game's node" --out "$OUT/cluster-owner-$games.json"
    scripts/local-cluster.sh stop
    ;;
  *) echo "usage: $0 sweep | target | loops | idle | cluster" >&2; exit 2 ;;
esac
