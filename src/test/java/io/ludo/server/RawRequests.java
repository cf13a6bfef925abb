package io.ludo.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Requests sent exactly as written, bad percent-encoding and all (a test client that checks URIs
 * would refuse to send them): the status, content type and body of the answer, and how long it took.
 */
public final class RawRequests {
  /** No malformed request may take longer than this to be answered. */
  public static final long BOUND_MS = 2_000;

  public record Answer(int status, String contentType, JsonObject body, long millis) {
    public String code() {
      return body == null ? null : body.getString("code");
    }
  }

  private RawRequests() {}

  public static Future<Answer> http(Vertx vertx, int port, HttpMethod method, String uri) {
    return send(vertx, new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri));
  }

  /**
   * A WebSocket handshake that must be refused, sent as its headers over plain HTTP (Vert.x's
   * WebSocket client never completes a handshake to a URI it cannot parse): the refusal's answer.
   */
  public static Future<Answer> refusedUpgrade(Vertx vertx, int port, String uri) {
    return send(vertx, new RequestOptions().setHost("127.0.0.1").setPort(port).setURI(uri)
            .putHeader("Upgrade", "websocket").putHeader("Connection", "Upgrade")
            .putHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").putHeader("Sec-WebSocket-Version", "13"))
        .compose(answer -> answer.status() == 101
            ? Future.failedFuture("the handshake to " + uri + " was accepted") : Future.succeededFuture(answer));
  }

  private static Future<Answer> send(Vertx vertx, RequestOptions options) {
    var client = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(5));
    long started = System.nanoTime();
    return client.request(options)
        .compose(request -> request.send())
        .compose(response -> response.statusCode() == 101
            ? Future.succeededFuture(new Answer(101, null, null, elapsedMs(started)))
            : response.body().map(body -> new Answer(response.statusCode(), response.getHeader("content-type"),
                json(body.toString()), elapsedMs(started))))
        .eventually(client::close);
  }

  private static long elapsedMs(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static JsonObject json(String text) {
    try {
      return new JsonObject(text);
    } catch (RuntimeException e) {
      return new JsonObject().put("raw", text);
    }
  }
}
