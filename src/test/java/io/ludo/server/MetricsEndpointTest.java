package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /metrics} (on the admin port) speaks Prometheus and counts what the node does. */
@ExtendWith(VertxExtension.class)
class MetricsEndpointTest {
  private static final Pattern ACCEPTED_ROLLS =
      Pattern.compile("(?m)^ludo_commands_total\\{[^}]*outcome=\"accepted\"[^}]*type=\"roll\"[^}]*} (\\S+)$");
  private static final Pattern REFUSED_ROLLS =
      Pattern.compile("(?m)^ludo_commands_total\\{[^}]*outcome=\"NOT_YOUR_TURN\"[^}]*type=\"roll\"[^}]*} (\\S+)$");

  @Test
  void aCommandIsCountedByTypeAndOutcomeWithTheJvmAndPersistenceMeters(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.adminPort()));
      return RestGame.open(api).compose(game -> {
        return api.roll(game.gameId, game.tokenBySeat.get(game.local.current()))
            .compose(rolled -> {
              // whoever acts next, the other seat is out of turn
              int next = rolled.body().getJsonObject("turn").getInteger("current");
              return api.roll(game.gameId, game.tokenBySeat.get(next == 0 ? 2 : 0));
            })
            .compose(refused -> http.get("/metrics").send());
      }).map(response -> {
        test.verify(() -> {
          assertEquals(200, response.statusCode());
          assertTrue(response.getHeader("content-type").startsWith("text/plain"), response.getHeader("content-type"));
          String text = response.bodyAsString();
          assertEquals(1.0, counter(ACCEPTED_ROLLS, text), "one accepted roll");
          assertEquals(1.0, counter(REFUSED_ROLLS, text), "one roll out of turn");
          for (String meter : new String[] {"ludo_events_persisted_total", "ludo_persist_batch_size_count",
              "ludo_persist_commit_seconds_count", "ludo_games_active", "ludo_sockets_open",
              "process_cpu_usage", "jvm_memory_used_bytes"}) {
            assertTrue(text.contains(meter), meter + " is published");
          }
        });
        return null;
      });
    }).onComplete(test.succeedingThenComplete());
  }

  private static double counter(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), "no series " + pattern + " in\n" + text.lines().filter(l -> l.startsWith("ludo_")).toList());
    return Double.parseDouble(m.group(1));
  }
}
