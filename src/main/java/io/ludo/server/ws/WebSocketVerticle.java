package io.ludo.server.ws;

import io.ludo.server.NodeStats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns the node's game feeds: the {@link SocketHub} and its one consumer per game. Sockets are
 * accepted by the HTTP server (one port serves REST and WebSocket) and handed to the hub.
 */
public final class WebSocketVerticle extends VerticleBase {
  private final NodeStats stats;
  private SocketHub hub;

  public WebSocketVerticle(NodeStats stats) {
    this.stats = stats;
  }

  @Override
  public Future<?> start() {
    hub = new SocketHub(vertx, context, stats);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    hub.closeAll();
    return Future.succeededFuture();
  }

  /** The hub; valid once this verticle is deployed. */
  public SocketHub hub() {
    return hub;
  }
}
