package io.ludo.server.ws;

import io.ludo.server.NodeStats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The WebSocket verticle: one instance per event loop, owning the sockets accepted on that loop
 * and the hub of their games' feeds ({@link SocketHub}). The HTTP verticle keeps the one port and
 * hands it each upgraded socket on the same thread ({@link SocketLoops}), so a socket costs no hop
 * between the two. Stopping closes its sockets: their clients reconnect to another node.
 */
public final class WebSocketVerticle extends VerticleBase {
  private final SocketLoops loops;
  private final NodeStats stats;
  private SocketHub hub;
  private Thread loop;

  public WebSocketVerticle(SocketLoops loops, NodeStats stats) {
    this.loops = loops;
    this.stats = stats;
  }

  @Override
  public Future<?> start() {
    hub = new SocketHub(vertx, context, stats);
    loop = Thread.currentThread();
    loops.add(loop, hub);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    loops.remove(loop);
    hub.closeAll();
    return Future.succeededFuture();
  }
}
