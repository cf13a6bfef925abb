package io.ludo.server.play;

import io.ludo.server.ApiClient;
import io.ludo.server.WsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.ThreadLocalRandom;

/** A matchmaking client of one node for tests. */
final class Tickets {
  private final Vertx vertx;
  private final int port;
  private final ApiClient api;
  private final WebClient client;

  Tickets(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    this.api = new ApiClient(vertx, port);
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /**
   * A turn timeout of its own for one test: tickets with the same player count and options but
   * different timeouts never share a queue, so tests sharing the Redis of the test JVM do not
   * match each other's tickets.
   */
  static int privateQueue() {
    return ThreadLocalRandom.current().nextInt(100_000, 600_001);
  }

  static JsonObject ask(String name, int players, int turnTimeoutMs) {
    return new JsonObject().put("player_name", name).put("players", players).put("turn_timeout_ms", turnTimeoutMs);
  }

  Future<ApiClient.Reply> create(JsonObject request) {
    return api.post("/matchmaking/tickets", null, request);
  }

  Future<ApiClient.Reply> get(String ticketId, String token) {
    return send(client.get("/matchmaking/tickets/" + ticketId), token);
  }

  Future<ApiClient.Reply> cancel(String ticketId, String token) {
    return send(client.delete("/matchmaking/tickets/" + ticketId), token);
  }

  /** The ticket socket; its frames are {"type":"ticket",…}. */
  Future<WsClient> watch(String ticketId, String token) {
    return WsClient.connect(vertx, port, "/ws/matchmaking/" + ticketId + "?token=" + token);
  }

  /** Awaits the ticket's given status on its socket. */
  Future<JsonObject> await(JsonObject created, String status) {
    return watch(created.getString("ticket_id"), created.getString("ticket_token"))
        .compose(ws -> ws.await(f -> status.equals(f.getString("status"))));
  }

  ApiClient api() {
    return api;
  }

  private static Future<ApiClient.Reply> send(io.vertx.ext.web.client.HttpRequest<Buffer> request, String token) {
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.send().map(Tickets::reply);
  }

  private static ApiClient.Reply reply(HttpResponse<Buffer> r) {
    return new ApiClient.Reply(r.statusCode(), r.body() == null || r.body().length() == 0 ? null : r.bodyAsJsonObject());
  }
}
