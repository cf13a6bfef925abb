package io.ludo.server.ws;

import io.ludo.server.NodeStats;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's socket hubs by event-loop thread, one per {@link WebSocketVerticle}: the HTTP
 * verticle hands an upgraded socket to the hub of the loop it runs on, by a direct call, so the
 * socket's frames and its game's events are handled where its connection lives. If no hub runs
 * on that loop, another one takes the socket. That still works, at the cost of a hop, and is
 * counted in {@code ludo_sockets_handed_across_loops_total}.
 */
public final class SocketLoops {
  private final Map<Thread, SocketHub> hubs = new ConcurrentHashMap<>();
  private final NodeStats stats;

  public SocketLoops(NodeStats stats) {
    this.stats = stats;
  }

  void add(Thread loop, SocketHub hub) {
    hubs.put(loop, hub);
  }

  void remove(Thread loop) {
    hubs.remove(loop);
  }

  /** The hub of the calling event loop, or another one (counted); empty once every hub stopped. */
  java.util.Optional<SocketHub> here() {
    SocketHub mine = hubs.get(Thread.currentThread());
    if (mine != null) {
      return java.util.Optional.of(mine);
    }
    java.util.Optional<SocketHub> any = hubs.values().stream().findFirst();
    any.ifPresent(h -> stats.socketHandedAcrossLoops());
    return any;
  }

  /**
   * How many event loops the node's Vert.x has: one WebSocket verticle each, deployed one after the
   * other, so that Vert.x's round-robin gives every loop one of them.
   */
  public static int eventLoops(Vertx vertx) {
    int n = 0;
    for (var loop : ((io.vertx.core.internal.VertxInternal) vertx).nettyEventLoopGroup()) {
      n++;
    }
    return Math.max(1, n);
  }
}
