package io.ludo.server.http;

import io.ludo.server.NodeStats;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.fairness.SigningKeys;
import io.ludo.server.game.GameRouter;
import io.ludo.server.play.PlayServices;
import io.ludo.server.ws.SocketLoops;
import io.ludo.server.ws.WebSocketEndpoint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.ludo.server.bridge.EventBusBridge;
import io.ludo.server.ws.ClientMessages;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The node's HTTP server: the REST routes, health, the OpenAPI document, and the WebSocket
 * upgrade (checked by {@link WebSocketEndpoint}, then handed to the WebSocket verticle of the same
 * event loop; one port serves both, as clients expect).
 */
public final class HttpVerticle extends VerticleBase {
  private static final long SHUTDOWN_GRACE_S = 2;

  private final Config config;
  private final String nodeId;
  private final NodeStats stats;
  private final SocketLoops sockets;
  private HttpServer server;
  private Redis redis;
  /** True once the node stops: readiness answers 503 and commands are refused (clients retry elsewhere). */
  private final BooleanSupplier stopping;

  public HttpVerticle(Config config, String nodeId, NodeStats stats, SocketLoops sockets, BooleanSupplier stopping) {
    this.sockets = sockets;
    this.config = config;
    this.nodeId = nodeId;
    this.stats = stats;
    this.stopping = stopping;
  }

  @Override
  public Future<?> start() {
    redis = io.ludo.server.play.PlayRedis.client(vertx, config.string(ConfigKey.REDIS_URL));
    return Schemas.load(vertx).compose(schemas -> {
      SeatTokens tokens = new SeatTokens(vertx, config.string(ConfigKey.JWT_KEY), config.integer(ConfigKey.JWT_TTL_S));
      GameRouter games = new GameRouter(vertx, nodeId, config.integer(ConfigKey.COMMAND_TIMEOUT_MS), stopping);
      PlayServices play = PlayServices.create(vertx, config, RedisAPI.api(redis));
      ClientMessages messages = new ClientMessages(games, config.integer(ConfigKey.WS_SYNC_MAX_EVENTS), play.limiter());
      return EventBusBridge.start(vertx, config, tokens, schemas, messages).compose(bridge -> {
        RestApi rest = new RestApi(games, tokens, schemas, SigningKeys.from(config));
        Router router = routes(vertx, config, rest,
            new WebSocketEndpoint(sockets, messages, tokens, schemas), bridge, this::ready,
            new PlayApi(play, tokens, schemas), new FriendsApi(vertx, games, rest, schemas, messages));
        return listen(router);
      });
    });
  }

  private Future<HttpServer> listen(Router router) {
    server = vertx.createHttpServer(new HttpServerOptions()
            .setMaxWebSocketFrameSize(config.integer(ConfigKey.WS_MAX_FRAME))
            .setMaxWebSocketMessageSize(config.integer(ConfigKey.WS_MAX_FRAME))
            .setIdleTimeout(config.integer(ConfigKey.WS_IDLE_TIMEOUT_S))
            // frames of play are a few hundred bytes: deflate would save little, and each socket that
            // negotiates it holds a zlib context of ~300 KB of native memory for its whole life
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            // every handler answers on its connection's event loop (REST, the upgrade, the bridge):
            // a connection then writes straight to its channel, without a write queue of its own
            // (~4 KB each, kept for every WebSocket's life by the connection it was upgraded from)
            .setStrictThreadMode(true))
        .invalidRequestHandler(HttpVerticle::unparsable)
        .requestHandler(router);
    return server.listen(config.integer(ConfigKey.HTTP_PORT), config.string(ConfigKey.HTTP_HOST));
  }

  /**
   * A request that could not be parsed (a request line or headers too long, bad syntax) never
   * reaches the router: it is answered like any bad input, in problem+json, and its connection closed.
   */
  private static void unparsable(io.vertx.core.http.HttpServerRequest request) {
    if (request.decoderResult().isSuccess()) {
      io.vertx.core.http.HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
      return;
    }
    request.response().setStatusCode(ErrorCode.INVALID_INPUT.status())
        .putHeader("content-type", io.ludo.server.errors.Problems.PROBLEM_JSON).putHeader("connection", "close")
        .end(io.ludo.server.errors.Problems.problem(ErrorCode.INVALID_INPUT,
            "the request line or its headers are malformed or too long").toBuffer())
        .onComplete(v -> request.connection().close());
  }

  @Override
  public Future<?> stop() {
    // The sockets closed first (their WebSocket verticles stop before this one); stop accepting and
    // give requests in flight a moment; idle keep-alive connections are closed.
    if (server == null) {
      return Future.succeededFuture();
    }
    return server.shutdown(SHUTDOWN_GRACE_S, java.util.concurrent.TimeUnit.SECONDS).eventually(() -> redis.close());
  }

  /** Every route of the node; the OpenAPI document must name exactly these (a test keeps them in step). */
  static Router routes(io.vertx.core.Vertx vertx, Config config, RestApi api, WebSocketEndpoint ws,
      Router bridge, java.util.function.Supplier<Future<Void>> ready, PlayApi play, FriendsApi friends) {
    Router router = Router.router(vertx);
    // first: a request over its rate limit goes no further
    router.route().handler(play::limit);
    cors(config).ifPresent(router.route()::handler);
    // SockJS's polling transports post frames: bounded like any body, then the bridge takes them
    router.postWithRegex("/eventbus/.*").handler(BodyHandler.create(false).setBodyLimit(config.integer(ConfigKey.BRIDGE_MAX_MESSAGE)));
    // SockJS closes the connection after each poll's answer without saying so: a client that
    // reused it for its next frame would meet a closed channel, so the answer says it
    router.postWithRegex("/eventbus/[^/]+/[^/]+/xhr").handler(ctx -> {
      ctx.addHeadersEndHandler(v -> ctx.response().putHeader(HttpHeaders.CONNECTION, "close"));
      ctx.next();
    });
    if (bridge != null) {
      router.route("/eventbus/*").subRouter(bridge);
    }
    router.post().handler(BodyHandler.create(false).setBodyLimit(config.integer(ConfigKey.HTTP_BODY_LIMIT)));

    router.post("/games").handler(api::create);
    router.post("/games/:gameId/join").handler(api::join);
    router.post("/games/:gameId/start").handler(api::start);
    router.post("/games/:gameId/bots").handler(api::addBot);
    router.post("/games/:gameId/leave").handler(api::leave);
    router.post("/games/:gameId/roll").handler(api::roll);
    router.post("/games/:gameId/move").handler(api::move);
    router.post("/games/:gameId/token").handler(api::renewToken);
    router.get("/games/:gameId").handler(api::view);
    router.get("/games/:gameId/events").handler(api::events);
    router.get("/games/:gameId/replay").handler(api::replay);
    router.get("/games/:gameId/fairness").handler(api::fairness);
    router.get("/games/:gameId/certificate").handler(api::certificate);
    router.post("/games/:gameId/rematch").handler(friends::rematch);
    router.post("/games/:gameId/chat").handler(friends::chat);
    router.get("/games/:gameId/chat").handler(friends::chatHistory);
    router.post("/invites/:code/join").handler(friends::joinByInvite);
    router.get("/lobby").handler(friends::lobby);
    router.get("/.well-known/jwks.json").handler(api::jwks);
    router.get("/problems/:slug").handler(ctx -> {
      JsonObject described = io.ludo.server.errors.Problems.describe(ctx.pathParam("slug"));
      if (described == null) {
        Responses.problem(ctx, ErrorCode.NOT_FOUND, "no such problem type");
      } else {
        Responses.json(ctx, 200, described);
      }
    });
    router.post("/matchmaking/tickets").handler(play::createTicket);
    router.get("/matchmaking/tickets/:ticketId").handler(play::ticket);
    router.delete("/matchmaking/tickets/:ticketId").handler(play::cancelTicket);
    router.get("/leaderboard").handler(play::leaderboard);
    router.get("/players/:playerName/stats").handler(play::stats);
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(ctx -> ready.get()
        .onSuccess(v -> Responses.json(ctx, 200, new JsonObject().put("status", "UP")))
        .onFailure(e -> Responses.problem(ctx, ErrorCode.UNAVAILABLE, "database or Redis unreachable")));
    // /metrics and /cluster/nodes are the operators': AdminVerticle serves them on the admin port
    router.get("/openapi.json").handler(ctx -> ctx.response().putHeader("content-type", "application/json")
        .sendFile("web/openapi.json"));
    router.get("/docs").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .sendFile("web/docs.html"));
    router.get("/").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .sendFile("web/index.html"));
    // the web client's scripts and styles (a regular expression: no OpenAPI path to document)
    router.getWithRegex("/static/.+").handler(StaticHandler.create("web").setCachingEnabled(true));
    // before the game sockets' routes, which would take "matchmaking" for a game id
    router.get("/ws/matchmaking/:ticketId").handler(play::ticketSocket);
    router.get("/ws/:gameId/:playerId").handler(ws::player);
    router.get("/ws/:gameId").handler(ws::spectator);

    router.errorHandler(400, ctx -> Responses.problem(ctx, ErrorCode.INVALID_INPUT, "bad request"));
    router.errorHandler(404, ctx -> Responses.problem(ctx, ErrorCode.NOT_FOUND, "no such route"));
    router.errorHandler(405, ctx -> Responses.problem(ctx, ErrorCode.NOT_FOUND, "method not allowed here"));
    router.errorHandler(413, ctx -> Responses.problem(ctx, ErrorCode.PAYLOAD_TOO_LARGE,
        "the body is larger than " + config.integer(ConfigKey.HTTP_BODY_LIMIT) + " bytes"));
    router.errorHandler(500, ctx -> Responses.problem(ctx, ErrorCode.UNAVAILABLE, "internal error; retry"));
    return router;
  }

  private static java.util.Optional<CorsHandler> cors(Config config) {
    List<String> origins = config.list(ConfigKey.CORS_ORIGINS).stream().map(String::valueOf).toList();
    if (origins.isEmpty()) {
      return java.util.Optional.empty();
    }
    // Seat tokens travel in the Authorization header, never in cookies: credentials stay off.
    CorsHandler cors = origins.contains("*") ? CorsHandler.create() : CorsHandler.create().addOrigins(origins);
    return java.util.Optional.of(cors.allowCredentials(false)
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE, HttpMethod.OPTIONS))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "Idempotency-Key"))
        // a browser script must see how long to wait after a 429
        .exposedHeaders(Set.of("Retry-After")));
  }

  private Future<Void> ready() {
    if (stopping.getAsBoolean()) {
      return Future.failedFuture("stopping");
    }
    Future<?> db = vertx.eventBus().request(Addresses.PERSIST_PING, new JsonObject(),
        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(2_000));
    Future<?> cache = RedisAPI.api(redis).ping(List.of());
    return Future.all(db, cache).mapEmpty();
  }
}
