package io.ludo.it;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain blocking HTTP client of the nodes, for process-level tests run from many threads. */
final class BlockingApi {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  /**
   * How long a request waits for its answer. A frozen node accepts connections (the kernel does)
   * and answers nothing: the fault tests wait a little longer than the nodes' own command timeout,
   * as a careful client would, then resend elsewhere.
   */
  static volatile Duration timeout = DEFAULT_TIMEOUT;

  record Reply(int status, JsonObject body) {
    JsonObject turn() {
      return body.containsKey("turn") ? body.getJsonObject("turn") : body.getJsonObject("state").getJsonObject("turn");
    }
  }

  private BlockingApi() {}

  static Reply post(int port, String path, String token, JsonObject body) throws IOException, InterruptedException {
    return post(port, path, token, body, null);
  }

  static Reply post(int port, String path, String token, JsonObject body, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(timeout)
        .header("content-type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b.build());
  }

  static Reply get(int port, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).GET().build());
  }

  private static Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body() == null || r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body()));
  }
}
