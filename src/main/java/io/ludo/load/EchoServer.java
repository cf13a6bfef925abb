package io.ludo.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

/**
 * The ceiling: a bare Vert.x WebSocket server that sends every text frame straight back, with
 * the node's frame limits. Against it, the generator measures what this machine's WebSockets
 * allow with no game, no event bus and no database.
 */
public final class EchoServer {
  private EchoServer() {}

  /** Listens on 127.0.0.1:{@code port} with {@code instances} event loops; answers the deployment. */
  public static Future<String> start(Vertx vertx, int port, int instances) {
    return vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(65_536)
                .setMaxWebSocketMessageSize(1 << 20))
            .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
            .requestHandler(req -> req.response().setStatusCode(404).end())
            .listen(port, "127.0.0.1");
      }
    }, new DeploymentOptions().setInstances(instances));
  }
}
