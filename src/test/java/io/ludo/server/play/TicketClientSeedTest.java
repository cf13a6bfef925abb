package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.server.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A matchmaking ticket's client_seed becomes its seat's seed in the game it is matched into. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class TicketClientSeedTest {

  @Test
  void givenTicketsWithClientSeeds_whenMatched_thenTheGameDerivesItsDiceFromThem(Vertx vertx, VertxTestContext test) {
    int queue = Tickets.privateQueue();
    TestNodes.start(vertx).compose(node -> {
      Tickets t = new Tickets(vertx, node.httpPort());
      return t.create(Tickets.ask("Ann", 2, queue).put("client_seed", "a|b")).compose(bad -> {
        test.verify(() -> {
          assertEquals(400, bad.status(), String.valueOf(bad.body()));
          assertEquals("INVALID_INPUT", bad.code());
        });
        return t.create(Tickets.ask("Ann", 2, queue).put("client_seed", "ann-ticket-seed"));
      }).compose(ann -> t.create(Tickets.ask("Bob", 2, queue).put("client_seed", "bob-ticket-seed"))
          .compose(bob -> t.await(ann.body(), "MATCHED").compose(a -> t.await(bob.body(), "MATCHED").compose(b ->
              t.api().get("/games/" + a.getString("game_id") + "/fairness").map(fairness -> {
                test.verify(() -> {
                  Map<Integer, String> seeds = new java.util.TreeMap<>();
                  fairness.body().getJsonArray("client_seeds").forEach(c ->
                      seeds.put(((JsonObject) c).getInteger("seat"), ((JsonObject) c).getString("client_seed")));
                  assertEquals(Map.of(a.getInteger("seat"), "ann-ticket-seed", b.getInteger("seat"), "bob-ticket-seed"), seeds);
                });
                return null;
              })))));
    }).onComplete(test.succeedingThenComplete());
  }
}
