package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.config.ConfigKey;
import io.ludo.server.errors.Problems;
import io.ludo.server.game.GameIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each bad request gets its 4xx and stable code, never a 500, and never changes the game. */
@ExtendWith(VertxExtension.class)
class BadInputTest {
  /** Every game's first roll is a 6 (all four tokens may leave), the next a 5 (only a token out may move). */
  private static final Map<ConfigKey, Object> DICE = Map.of(ConfigKey.TEST_DICE, "script:6,5");

  private record Case(String name, int status, String code, Supplier<Future<ApiClient.Reply>> request) {}

  @Test
  void everyBadRequestIsRefusedWithItsCodeAndLeavesTheGameAsItWas(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, DICE).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> RestGame.open(api).compose(other -> {
        String g = "/games/" + game.gameId;
        String ann = game.tokenBySeat.get(0);
        String bob = game.tokenBySeat.get(2);
        String annId = game.playerBySeat.get(0);
        List<Case> cases = new ArrayList<>(List.of(
            new Case("malformed JSON", 400, "INVALID_INPUT", () -> api.post("/games", null, "{\"player_name\":")),
            new Case("wrong type", 400, "INVALID_INPUT", () -> api.post("/games", null, "{\"player_name\":5}")),
            new Case("missing field", 400, "INVALID_INPUT", () -> api.post("/games", null, "{}")),
            new Case("unknown field", 400, "INVALID_INPUT", () -> api.post("/games", null, "{\"player_name\":\"A\",\"x\":1}")),
            new Case("out of range", 400, "INVALID_INPUT", () -> api.post("/games", null, "{\"player_name\":\"A\",\"max_players\":7}")),
            new Case("unknown option", 400, "INVALID_INPUT", () -> api.post("/games", null, "{\"player_name\":\"A\",\"options\":{\"turbo\":true}}")),
            new Case("huge body", 413, "PAYLOAD_TOO_LARGE", () -> api.post("/games", null,
                "{\"player_name\":\"" + "x".repeat(40_000) + "\"}")),
            new Case("unknown game", 404, "GAME_NOT_FOUND", () -> api.view("nosuchgame")),
            new Case("no token", 401, "UNAUTHORIZED", () -> api.roll(game.gameId, null)),
            new Case("forged token", 401, "UNAUTHORIZED", () -> api.roll(game.gameId, forged(vertx, game))),
            new Case("expired token", 401, "UNAUTHORIZED", () -> api.roll(game.gameId, expired(vertx, game))),
            new Case("another game's token", 403, "FORBIDDEN", () -> api.roll(game.gameId, other.tokenBySeat.get(0))),
            new Case("another seat's id", 403, "FORBIDDEN", () -> api.post(g + "/roll?player_id=" + game.playerBySeat.get(2), ann, null)),
            new Case("out of turn", 403, "NOT_YOUR_TURN", () -> api.roll(game.gameId, bob)),
            new Case("move before rolling", 409, "WRONG_PHASE", () -> api.move(game.gameId, ann, annId, 0)),
            new Case("join a started game", 409, "GAME_STARTED", () -> api.join(game.gameId, "Cy")),
            new Case("two different names", 400, "INVALID_INPUT", () -> api.post(g + "/join?player_name=A", null,
                new JsonObject().put("player_name", "B"))),
            new Case("token index out of range", 400, "INVALID_INPUT", () -> api.post(g + "/move", ann,
                new JsonObject().put("player_id", annId).put("token_index", 9)))));
        return runAll(cases, 0, test)
            .compose(v -> api.view(game.gameId))
            .compose(before -> api.roll(game.gameId, ann).compose(rolled -> {
              test.verify(() -> assertEquals(6, rolled.body().getInteger("dice_value")));
              return runAll(List.of(
                  new Case("stale dice", 409, "STALE_DICE", () -> api.post(g + "/move", ann,
                      new JsonObject().put("player_id", annId).put("token_index", 0).put("dice_value", 3))),
                  new Case("roll twice", 409, "WRONG_PHASE", () -> api.roll(game.gameId, ann))), 0, test);
            }))
            .compose(v -> api.move(game.gameId, ann, annId, 0))
            .compose(moved -> api.roll(game.gameId, ann))
            .compose(five -> {
              test.verify(() -> assertEquals(5, five.body().getInteger("dice_value")));
              return runAll(List.of(new Case("illegal move", 422, "ILLEGAL_MOVE",
                  () -> api.move(game.gameId, ann, annId, 1))), 0, test);
            })
            .compose(v -> api.get(g + "/events"))
            .map(events -> {
              // create, 2 joins, start, then only the accepted roll, move and roll
              test.verify(() -> assertEquals(7, events.body().getJsonArray("events").size()));
              return null;
            });
      }));
    }).onComplete(test.succeedingThenComplete());
  }

  private record Malformed(HttpMethod method, String uri, int status, String code) {
    static Malformed get(String uri, int status, String code) {
      return new Malformed(HttpMethod.GET, uri, status, code);
    }
  }

  @Test
  void everyMalformedPathIdOrQueryIsA4xxProblemAnsweredPromptly(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> RestGame.open(new ApiClient(vertx, node.httpPort())).compose(game -> {
      String g = "/games/" + game.gameId;
      String unknown = GameIds.next();
      List<Malformed> table = List.of(
          Malformed.get("/games/%00", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/%00/events", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/%00/replay?seq=1", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/%00/fairness", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/%00/certificate", 404, "GAME_NOT_FOUND"),
          new Malformed(HttpMethod.POST, "/games/%00/join?player_name=Zed", 404, "GAME_NOT_FOUND"),
          new Malformed(HttpMethod.POST, "/games/" + unknown + "/join?player_name=Zed", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/" + unknown, 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/" + unknown + "/events", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/%zz", 400, "INVALID_INPUT"),
          Malformed.get("/games/%", 400, "INVALID_INPUT"),
          Malformed.get("/games/" + "a".repeat(10_000), 400, "INVALID_INPUT"),
          Malformed.get("/games/" + "a".repeat(65), 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/" + game.gameId.toUpperCase(), 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/a%20b", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/%F0%9F%98%80", 404, "GAME_NOT_FOUND"),
          Malformed.get("/games/..%2F..%2Fetc", 404, "GAME_NOT_FOUND"),
          Malformed.get(g + "?x=1", 400, "INVALID_INPUT"),
          Malformed.get(g + "/fairness?x=1", 400, "INVALID_INPUT"),
          Malformed.get(g + "/events?from_seq=1&from_seq=2", 400, "INVALID_INPUT"),
          Malformed.get(g + "/events?from_seq=%zz", 400, "INVALID_INPUT"),
          Malformed.get(g + "/events?%zz", 400, "INVALID_INPUT"),
          Malformed.get(g + "/events?from_seq=0", 400, "INVALID_INPUT"),
          Malformed.get(g + "/replay?seq=one", 400, "INVALID_INPUT"),
          new Malformed(HttpMethod.POST, g + "/join?player_name=Zed&player_name=Zed", 400, "INVALID_INPUT"),
          Malformed.get("/players/%00/stats", 400, "INVALID_INPUT"),
          Malformed.get("/players/%zz/stats", 400, "INVALID_INPUT"),
          Malformed.get("/leaderboard?x=1", 400, "INVALID_INPUT"),
          Malformed.get("/leaderboard?limit=1&limit=2", 400, "INVALID_INPUT"),
          Malformed.get("/leaderboard?limit=%zz", 400, "INVALID_INPUT"),
          Malformed.get("/matchmaking/tickets/%00", 401, "UNAUTHORIZED"),
          Malformed.get("/nowhere/%00", 404, "NOT_FOUND"));
      Future<Void> chain = Future.succeededFuture();
      for (Malformed m : table) {
        chain = chain.compose(v -> RawRequests.http(vertx, node.httpPort(), m.method(), m.uri()).map(answer -> {
          String name = m.method() + " " + abbreviated(m.uri());
          test.verify(() -> {
            assertEquals(m.status(), answer.status(), name + ": " + answer.body());
            assertEquals(m.code(), answer.code(), name);
            assertEquals(Problems.PROBLEM_JSON, answer.contentType(), name);
            assertTrue(answer.millis() < RawRequests.BOUND_MS, name + " took " + answer.millis() + " ms");
          });
          return null;
        }));
      }
      return chain;
    })).onComplete(test.succeedingThenComplete());
  }

  static String abbreviated(String uri) {
    return uri.length() > 80 ? uri.substring(0, 80) + "…(" + uri.length() + " chars)" : uri;
  }

  @Test
  void aThirdPlayerCannotTakeANameAlreadySeated(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return api.create("Ann", 3).compose(created -> api.join(created.body().getString("game_id"), "ann"))
          .map(r -> {
            test.verify(() -> {
              assertEquals(409, r.status());
              assertEquals("NAME_TAKEN", r.code());
            });
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }

  private static Future<Void> runAll(List<Case> cases, int i, VertxTestContext test) {
    if (i == cases.size()) {
      return Future.succeededFuture();
    }
    Case c = cases.get(i);
    return c.request().get().compose(r -> {
      test.verify(() -> {
        assertEquals(c.status(), r.status(), c.name() + ": " + r.body());
        assertEquals(c.code(), r.code(), c.name());
      });
      return runAll(cases, i + 1, test);
    });
  }

  private static String forged(Vertx vertx, RestGame game) {
    JWTAuth other = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("not-the-server-key-not-the-server-key")));
    return other.generateToken(new JsonObject().put("sub", game.playerBySeat.get(0)).put("game_id", game.gameId)
        .put("seat", 0), new JWTOptions().setAlgorithm("HS256"));
  }

  private static String expired(Vertx vertx, RestGame game) {
    JWTAuth same = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestNodes.JWT_KEY)));
    long past = System.currentTimeMillis() / 1000 - 3600;
    return same.generateToken(new JsonObject().put("sub", game.playerBySeat.get(0)).put("game_id", game.gameId)
        .put("seat", 0).put("exp", past).put("iat", past - 60), new JWTOptions().setAlgorithm("HS256")
        .setIssuer(io.ludo.server.auth.SeatTokens.ISSUER).setAudience(java.util.List.of(io.ludo.server.auth.SeatTokens.AUDIENCE)));
  }
}
