package io.ludo.server.http;

import io.ludo.server.ClusterVerticle;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.infra.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The operator endpoints, on their own port ({@code LUDO_ADMIN_PORT}, loopback by default) so
 * that the game port exposes neither the node's meters nor the cluster's members: {@code GET
 * /metrics} (Prometheus text) and {@code GET /cluster/nodes}.
 */
public final class AdminVerticle extends VerticleBase {
  private final Config config;
  private HttpServer server;

  public AdminVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer().requestHandler(routes());
    return server.listen(config.integer(ConfigKey.ADMIN_PORT), config.string(ConfigKey.ADMIN_HOST));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private Router routes() {
    Router router = Router.router(vertx);
    // Prometheus text format: Vert.x's meters, the JVM's and the node's own ludo_* meters
    router.get("/metrics").handler(Metrics.scrape(config.string(ConfigKey.NODE_ID)));
    router.get("/cluster/nodes").handler(ctx -> Responses.reply(ctx, 200, ClusterVerticle.list(vertx)));
    router.errorHandler(404, ctx -> Responses.problem(ctx, ErrorCode.NOT_FOUND, "no such route"));
    router.errorHandler(405, ctx -> Responses.problem(ctx, ErrorCode.NOT_FOUND, "method not allowed here"));
    return router;
  }
}
