package io.ludo.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** A REST client of one node for tests: each call answers the status and the JSON body. */
public final class ApiClient {
  private final WebClient client;

  public record Reply(int status, JsonObject body) {
    public String code() {
      return body == null ? null : body.getString("code");
    }
  }

  public ApiClient(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  public Future<Reply> post(String uri, String token, Object body) {
    return post(uri, token, body, null);
  }

  /** A POST with an {@code Idempotency-Key} (when not null). */
  public Future<Reply> post(String uri, String token, Object body, String idempotencyKey) {
    var request = client.post(uri);
    if (idempotencyKey != null) {
      request.putHeader("Idempotency-Key", idempotencyKey);
    }
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    Future<HttpResponse<Buffer>> sent = body == null ? request.send()
        : body instanceof String raw ? request.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(raw))
        : request.sendJsonObject((JsonObject) body);
    return sent.map(ApiClient::reply);
  }

  public Future<Reply> get(String uri) {
    return client.get(uri).send().map(ApiClient::reply);
  }

  /** A GET with a bearer token (a ticket's, say). */
  public Future<Reply> get(String uri, String token) {
    return client.get(uri).putHeader("Authorization", "Bearer " + token).send().map(ApiClient::reply);
  }

  public Future<Reply> create(String name, int maxPlayers) {
    return post("/games", null, new JsonObject().put("player_name", name).put("max_players", maxPlayers));
  }

  public Future<Reply> join(String gameId, String name) {
    return post("/games/" + gameId + "/join?player_name=" + name, null, null);
  }

  public Future<Reply> roll(String gameId, String token) {
    return post("/games/" + gameId + "/roll", token, null);
  }

  public Future<Reply> move(String gameId, String token, String playerId, int tokenIndex) {
    return post("/games/" + gameId + "/move", token,
        new JsonObject().put("player_id", playerId).put("token_index", tokenIndex));
  }

  public Future<Reply> view(String gameId) {
    return get("/games/" + gameId);
  }

  private static Reply reply(HttpResponse<Buffer> r) {
    JsonObject body;
    try {
      body = r.body() == null || r.body().length() == 0 ? null : r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      body = new JsonObject().put("raw", r.bodyAsString());
    }
    return new Reply(r.statusCode(), body);
  }

  public void close() {
    client.close();
  }
}
