package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Matchmaking on one node: tickets, their secrets, matching into a game, cancel, expiry, bots. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class MatchmakingTest {

  @Test
  void twoTicketsOfOneQueueBecomeOneGameWithASeatForEach(Vertx vertx, VertxTestContext test) {
    int queue = Tickets.privateQueue();
    TestNodes.start(vertx).compose(node -> {
      Tickets t = new Tickets(vertx, node.httpPort());
      return t.create(Tickets.ask("Ann", 2, queue)).compose(ann -> t.create(Tickets.ask("Bob", 2, queue)).compose(bob -> {
        test.verify(() -> {
          assertEquals(201, ann.status(), String.valueOf(ann.body()));
          assertEquals("WAITING", ann.body().getString("status"));
          assertNotEquals(ann.body().getString("ticket_token"), bob.body().getString("ticket_token"));
        });
        return t.await(ann.body(), "MATCHED").compose(a -> t.await(bob.body(), "MATCHED").compose(b -> {
          String gameId = a.getString("game_id");
          test.verify(() -> {
            assertEquals(gameId, b.getString("game_id"));
            assertEquals(Set.of(0, 2), Set.of(a.getInteger("seat"), b.getInteger("seat")));
            assertNotEquals(a.getString("player_id"), b.getString("player_id"));
          });
          ApiClient api = t.api();
          return api.view(gameId).compose(view -> {
            JsonObject v = view.body();
            Set<String> names = new TreeSet<>();
            v.getJsonArray("players").forEach(p -> names.add(((JsonObject) p).getString("display_name")));
            test.verify(() -> {
              assertEquals(Set.of("Ann", "Bob"), names);
              assertEquals("PLAYING", v.getString("status"));
            });
            // the seat token of the seat to act is a working credential
            int current = v.getInteger("current");
            String token = a.getInteger("seat") == current ? a.getString("token") : b.getString("token");
            return api.roll(gameId, token);
          }).compose(roll -> t.get(ann.body().getString("ticket_id"), ann.body().getString("ticket_token")).map(again -> {
            test.verify(() -> {
              assertEquals(200, roll.status(), String.valueOf(roll.body()));
              assertEquals(a.copy().put("type", "ticket"), again.body().copy().put("type", "ticket"));
            });
            return null;
          }));
        }));
      }));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aTicketIsReadAndCancelledOnlyWithItsOwnToken(Vertx vertx, VertxTestContext test) {
    int queue = Tickets.privateQueue();
    TestNodes.start(vertx).compose(node -> {
      Tickets t = new Tickets(vertx, node.httpPort());
      return t.create(Tickets.ask("Cid", 3, queue)).compose(cid -> t.create(Tickets.ask("Dee", 3, queue)).compose(dee -> {
        String id = cid.body().getString("ticket_id");
        String token = cid.body().getString("ticket_token");
        String otherToken = dee.body().getString("ticket_token");
        return Future.all(t.get(id, null), t.get(id, "garbage"), t.get(id, id + ".forged"), t.get(id, otherToken),
            t.cancel(id, otherToken), t.get("t_0000000000000000", "t_0000000000000000.x"))
            .compose(all -> {
              test.verify(() -> {
                ApiClient.Reply none = all.resultAt(0);
                assertEquals(401, none.status());
                assertEquals("UNAUTHORIZED", none.code());
                assertEquals(401, ((ApiClient.Reply) all.resultAt(1)).status());
                assertEquals(401, ((ApiClient.Reply) all.resultAt(2)).status());
                assertEquals("FORBIDDEN", ((ApiClient.Reply) all.resultAt(3)).code());
                assertEquals(403, ((ApiClient.Reply) all.resultAt(4)).status());
                assertEquals("TICKET_NOT_FOUND", ((ApiClient.Reply) all.resultAt(5)).code());
                assertEquals(404, ((ApiClient.Reply) all.resultAt(5)).status());
              });
              // the socket: a forged secret is told after the upgrade, no token at all before it
              return t.watch(id, id + ".forged").compose(forged -> forged.await(f -> "error".equals(f.getString("type")))
                  .compose(error -> forged.closed.future().map(code -> {
                    test.verify(() -> {
                      assertEquals("UNAUTHORIZED", error.getString("code"));
                      assertEquals((short) 4401, code);
                    });
                    return null;
                  })))
                  .compose(v -> t.watch(id, "").transform(ar -> {
                    test.verify(() -> {
                      assertTrue(ar.failed());
                      assertEquals(401, ((io.vertx.core.http.UpgradeRejectedException) ar.cause()).getStatus());
                    });
                    return t.watch(id, token);
                  }));
            })
            .compose(ws -> ws.await(f -> "WAITING".equals(f.getString("status")))
                .compose(waiting -> t.cancel(id, token))
                .compose(cancelled -> ws.await(f -> "CANCELLED".equals(f.getString("status")))
                    .compose(frame -> ws.closed.future())
                    .compose(code -> t.cancel(id, token))
                    .map(again -> {
                      test.verify(() -> {
                        assertEquals(200, cancelled.status(), String.valueOf(cancelled.body()));
                        assertEquals("CANCELLED", cancelled.body().getString("status"));
                        assertEquals(200, again.status());
                        assertEquals("CANCELLED", again.body().getString("status"));
                      });
                      return null;
                    })))
            // a cancelled ticket is never matched: a third player still waits with Dee
            .compose(v -> t.create(Tickets.ask("Eve", 3, queue)))
            .compose(eve -> vertx.timer(1_000).compose(x -> t.get(eve.body().getString("ticket_id"),
                eve.body().getString("ticket_token"))))
            .map(eve -> {
              test.verify(() -> assertEquals("WAITING", eve.body().getString("status")));
              return null;
            });
      }));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aTicketNobodyJoinsExpires(Vertx vertx, VertxTestContext test) {
    int queue = Tickets.privateQueue();
    TestNodes.start(vertx, Map.of(ConfigKey.MATCHMAKING_TICKET_TTL_MS, 1_500)).compose(node -> {
      Tickets t = new Tickets(vertx, node.httpPort());
      long started = System.currentTimeMillis();
      return t.create(Tickets.ask("Fay", 2, queue)).compose(fay -> t.await(fay.body(), "EXPIRED")).map(expired -> {
        long waited = System.currentTimeMillis() - started;
        test.verify(() -> assertTrue(waited >= 1_400 && waited < 10_000, "expired after " + waited + " ms"));
        return null;
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aTicketThatAskedForBotsGetsThemAfterTheWaitOthersKeepWaiting(Vertx vertx, VertxTestContext test) {
    int queue = Tickets.privateQueue();
    TestNodes.start(vertx, Map.of(ConfigKey.MATCHMAKING_BOT_WAIT_MS, 500)).compose(node -> {
      Tickets t = new Tickets(vertx, node.httpPort());
      return t.create(Tickets.ask("Gus", 3, queue)).compose(gus ->
          t.create(Tickets.ask("Hal", 3, queue).put("fill_with_bots", true)).compose(hal ->
              t.await(hal.body(), "MATCHED").compose(matched -> t.api().view(matched.getString("game_id")))
                  .compose(view -> t.get(gus.body().getString("ticket_id"), gus.body().getString("ticket_token"))
                      .map(gusNow -> {
                        JsonArray players = view.body().getJsonArray("players");
                        test.verify(() -> {
                          assertEquals("WAITING", gusNow.body().getString("status"), "Gus did not ask for bots");
                          assertEquals(3, view.body().getInteger("max_players"));
                          long humans = players.stream().filter(p -> !((JsonObject) p).getBoolean("bot")).count();
                          assertEquals(1, humans, players.encode());
                          assertEquals(3, players.size(), "two bots complete the game: " + players.encode());
                        });
                        return null;
                      }))));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void badTicketsAreRefusedAtTheEdge(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      Tickets t = new Tickets(vertx, node.httpPort());
      return Future.all(
          t.create(new JsonObject().put("player_name", "Ivy").put("players", 5)),
          t.create(new JsonObject().put("player_name", "Ivy").put("players", 2).put("color", "red")),
          t.create(new JsonObject().put("player_name", "Ivy").put("players", 2).put("turn_timeout_ms", 10)),
          t.create(new JsonObject().put("player_name", "Ivy").put("players", 2).put("client_seed", "no spaces")),
          t.create(new JsonObject().put("players", 2)),
          t.api().post("/matchmaking/tickets", null, "{not json"))
          .map(all -> {
            test.verify(() -> {
              for (int i = 0; i < all.size(); i++) {
                ApiClient.Reply r = all.resultAt(i);
                assertEquals(400, r.status(), i + ": " + r.body());
                assertEquals("INVALID_INPUT", r.code());
              }
            });
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }
}
