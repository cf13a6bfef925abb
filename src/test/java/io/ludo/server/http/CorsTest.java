package io.ludo.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A browser page of an allowed origin may resend commands safely and read how long to wait. */
@ExtendWith(VertxExtension.class)
class CorsTest {
  private static final String ORIGIN = "https://app.example";

  @Test
  void givenAnAllowedOrigin_whenAPagePreflightsAMoveWithAnIdempotencyKey_thenTheHeaderIsAllowedAndRetryAfterExposed(
      Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, Map.of(ConfigKey.CORS_ORIGINS, ORIGIN)).compose(node -> {
      WebClient http = WebClient.create(vertx);
      return http.request(HttpMethod.OPTIONS, node.httpPort(), "127.0.0.1", "/games/g/move")
          .putHeader("Origin", ORIGIN)
          .putHeader("Access-Control-Request-Method", "POST")
          .putHeader("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
          .send()
          .compose(preflight -> http.get(node.httpPort(), "127.0.0.1", "/health/live").putHeader("Origin", ORIGIN).send()
              .map(plain -> {
                test.verify(() -> {
                  assertEquals(ORIGIN, preflight.getHeader("Access-Control-Allow-Origin"));
                  String allowed = String.valueOf(preflight.getHeader("Access-Control-Allow-Headers")).toLowerCase();
                  assertTrue(allowed.contains("idempotency-key"), allowed);
                  String exposed = String.valueOf(plain.getHeader("Access-Control-Expose-Headers")).toLowerCase();
                  assertTrue(exposed.contains("retry-after"), exposed);
                });
                return null;
              }));
    }).onComplete(test.succeedingThenComplete());
  }
}
