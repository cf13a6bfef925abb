package io.ludo.server.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.server.bus.Addresses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The number of event-bus series does not grow with the number of games or matchmaking tickets: no series names an address. */
class MetricsFoldTest {
  private static final Pattern ADDRESS = Pattern.compile("address=\"([^\"]+)\"");

  @Test
  void givenManyTicketsAndGames_whenTheirAddressesCarryMessages_thenEachKindIsOneSeries() throws Exception {
    String nodeId = "fold-test";
    Vertx vertx = Metrics.builder(new VertxOptions(), nodeId).build();
    try {
      List<String> addresses = IntStream.range(0, 5).boxed()
          .flatMap(i -> java.util.stream.Stream.of(Addresses.ticket("t" + i), Addresses.gameEvents("g" + i)))
          .toList();
      Future.all(addresses.stream().map(a -> vertx.eventBus().consumer(a, m -> {}).completion()).toList())
          .toCompletionStage().toCompletableFuture().get();
      addresses.forEach(a -> vertx.eventBus().publish(a, new JsonObject()));

      String text = ((PrometheusMeterRegistry) BackendRegistries.getNow(Metrics.registryName(nodeId))).scrape();
      Set<String> seen = new TreeSet<>();
      Matcher m = ADDRESS.matcher(text);
      while (m.find()) {
        seen.add(m.group(1));
      }
      assertEquals(Set.of(), seen, text);
      assertEquals(true, text.contains("vertx_eventbus_published_total"), "the event bus is still measured");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
