package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.BridgeClient;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.RestGame;
import io.ludo.server.TestNodes;
import io.ludo.server.WsClient;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rate limits in Redis: per client address (behind trusted proxies) and per seat, through every door. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RateLimitTest {

  /** An address of its own for one test, so that tests sharing Redis do not share a window. */
  private static String someClient() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  @Test
  void aClientOverItsRequestsPerSecondGets429WithRetryAfterOthersBehindTheProxyDoNot(Vertx vertx,
      VertxTestContext test) {
    String flooder = someClient();
    String neighbour = someClient();
    TestNodes.start(vertx, Map.of(ConfigKey.RATE_LIMIT_REQUESTS_PER_S, 5, ConfigKey.TRUSTED_PROXIES, "127.0.0.0/8"))
        .compose(node -> {
          WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
              .setDefaultPort(node.httpPort()));
          long started = System.nanoTime();
          List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
          for (int i = 0; i < 12; i++) {
            burst.add(client.request(HttpMethod.GET, "/health/live").putHeader("X-Forwarded-For", "203.0.113.9, " + flooder).send());
          }
          return Future.all(burst).compose(all -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            List<HttpResponse<Buffer>> replies = all.list();
            long allowed = replies.stream().filter(r -> r.statusCode() == 200).count();
            HttpResponse<Buffer> refused = replies.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
            test.verify(() -> {
              // one window holds 5; a burst spanning two windows at most 10
              assertTrue(allowed >= 5 && allowed <= 10, allowed + " allowed");
              if (ms < 900) {
                assertEquals(5, allowed, "a burst within one window");
              }
              assertEquals("RATE_LIMITED", refused.bodyAsJsonObject().getString("code"));
              assertEquals("application/problem+json", refused.getHeader("content-type"));
              assertEquals("1", refused.getHeader("Retry-After"));
            });
            // the proxy's other client has a window of its own; a game socket's handshake counts too
            return client.request(HttpMethod.GET, "/health/live").putHeader("X-Forwarded-For", neighbour).send();
          }).map(other -> {
            test.verify(() -> assertEquals(200, other.statusCode()));
            return null;
          });
        }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aSeatOverItsCommandsPerSecondIsRefusedOnRestAndAFloodingSocketIsClosed(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, Map.of(ConfigKey.RATE_LIMIT_COMMANDS_PER_S, 2)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        String token = game.tokenBySeat.get(game.local.current());
        List<Future<ApiClient.Reply>> rolls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          rolls.add(api.roll(game.gameId, token));
        }
        return Future.all(rolls).compose(all -> {
          List<ApiClient.Reply> replies = all.list();
          long limited = replies.stream().filter(r -> r.status() == 429).count();
          test.verify(() -> {
            assertTrue(limited >= 4, limited + " refused of 8: " + replies);
            replies.stream().filter(r -> r.status() == 429)
                .forEach(r -> assertEquals("RATE_LIMITED", r.code()));
          });
          // the other seat's budget is its own
          int other = game.local.current() == 0 ? 2 : 0;
          String otherPlayer = game.playerBySeat.get(other);
          return WsClient.connect(vertx, node.httpPort(),
              "/ws/" + game.gameId + "/" + otherPlayer + "?token=" + game.tokenBySeat.get(other));
        }).compose(ws -> ws.await(f -> "state".equals(f.getString("type"))).compose(state -> {
          for (int i = 0; i < 30; i++) {
            ws.sendRaw(new JsonObject().put("type", "ping").put("id", "p" + i).encode());
          }
          return ws.closed.future().map(code -> {
            test.verify(() -> {
              assertEquals((short) 1008, code);
              long pongs = ws.frames("pong").size();
              long refused = ws.frames("error").stream().filter(f -> "RATE_LIMITED".equals(f.getString("code"))).count();
              assertTrue(pongs >= 2 && pongs <= 4, pongs + " pongs");
              assertTrue(refused >= 5, refused + " refusals");
            });
            return null;
          });
        }));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  /** The limits of conf/config.json, which tests otherwise turn off (TestNodes). */
  private static Map<ConfigKey, Object> bundledLimits() {
    try {
      Config bundled = Config.of(Config.bundledDefaults());
      return Map.of(ConfigKey.RATE_LIMIT_COMMANDS_PER_S, bundled.integer(ConfigKey.RATE_LIMIT_COMMANDS_PER_S),
          ConfigKey.RATE_LIMIT_REQUESTS_PER_S, bundled.integer(ConfigKey.RATE_LIMIT_REQUESTS_PER_S));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theBundledDefaultsLimitEverySeatAndEveryClientAddress() {
    assertEquals(20, bundledLimits().get(ConfigKey.RATE_LIMIT_COMMANDS_PER_S), "commands per second per seat");
    assertEquals(100, bundledLimits().get(ConfigKey.RATE_LIMIT_REQUESTS_PER_S), "requests per second per client address");
  }

  @Test
  void aSpectatorFloodingPingAndSyncFramesGetsRateLimitedFramesThenClose1008(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, bundledLimits()).compose(node -> RestGame.open(new ApiClient(vertx, node.httpPort()))
        .compose(game -> WsClient.connect(vertx, node.httpPort(), "/ws/" + game.gameId + "?spectate"))
        .compose(ws -> ws.await(f -> "state".equals(f.getString("type"))).compose(state -> {
          // given the default budget of 20 frames a second, when a spectator sends 60 at once
          for (int i = 0; i < 60; i++) {
            ws.sendRaw((i % 2 == 0 ? new JsonObject().put("type", "ping")
                : new JsonObject().put("type", "sync").put("since_seq", 0)).put("id", "f" + i).encode());
          }
          return ws.closed.future().map(code -> {
            test.verify(() -> {
              assertEquals((short) 1008, code);
              long answered = ws.frames("pong").size() + ws.frames("ack").size();
              long refused = ws.frames("error").stream().filter(f -> "RATE_LIMITED".equals(f.getString("code"))).count();
              // one window holds 20; a burst spanning two windows at most 40
              assertTrue(answered >= 1 && answered <= 40, answered + " frames answered");
              assertTrue(refused >= 5, refused + " refusals");
            });
            return null;
          });
        }))).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aBridgeSocketFloodingRegistrationsGetsRateLimitedRefusalsThenIsClosed(Vertx vertx, VertxTestContext test) {
    // when a socket asks for 200 registrations at once
    floodedBridgeIsRefusedThenClosed(vertx, test, (bridge, game) -> {
      for (int i = 0; i < 200; i++) {
        bridge.register(Addresses.gameEvents(game.gameId), null);
      }
    });
  }

  @Test
  void aBridgeSocketFloodingCommandsGetsRateLimitedRefusalsThenIsClosed(Vertx vertx, VertxTestContext test) {
    // when a seated player's socket sends 200 pings at once, each a command of its own
    floodedBridgeIsRefusedThenClosed(vertx, test, (bridge, game) -> {
      for (int i = 0; i < 200; i++) {
        bridge.send(Addresses.gameCommands(game.gameId), new JsonObject().put("type", "ping").put("id", i),
            game.tokenBySeat.get(0));
      }
    });
  }

  /** Then the socket is told to slow down, and then closed (1008) as a WebSocket would be. */
  private static void floodedBridgeIsRefusedThenClosed(Vertx vertx, VertxTestContext test,
      java.util.function.BiConsumer<BridgeClient, RestGame> flood) {
    TestNodes.start(vertx, bundledLimits()).compose(node -> RestGame.open(new ApiClient(vertx, node.httpPort()))
        .compose(game -> BridgeClient.connect(vertx, node.httpPort()).compose(bridge -> {
          flood.accept(bridge, game);
          return bridge.closed().map(code -> {
            test.verify(() -> {
              long refused = bridge.received().stream()
                  .filter(f -> "err".equals(f.getString("type")) && "RATE_LIMITED".equals(f.getString("failureType")))
                  .count();
              assertTrue(refused >= 5, refused + " refusals");
              assertEquals((short) 1008, code);
            });
            return null;
          });
        }))).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aGamePlayedFasterThanAnyPersonNeverMeetsTheDefaultLimits(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, bundledLimits()).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> WsClient.connect(vertx, node.httpPort(), "/ws/" + game.gameId + "?spectate")
          // when a command goes every 100 ms (10/s), each followed by a view and a spectator's sync
          .compose(spectator -> paced(vertx, game, api, spectator, 40).map(v -> {
            test.verify(() -> {
              // then nothing was refused (RestGame asserts every command's 200 itself)
              assertEquals(List.of(), spectator.frames("error"), "the spectator's errors");
              assertTrue(game.commands >= 40 || game.local.phase() == io.ludo.rules.Phase.FINISHED);
            });
            return null;
          })));
    }).onComplete(test.succeedingThenComplete());
  }

  private static Future<Void> paced(Vertx vertx, RestGame game, ApiClient api, WsClient spectator, int commands) {
    if (commands == 0 || game.local.phase() == io.ludo.rules.Phase.FINISHED) {
      return Future.succeededFuture();
    }
    return vertx.timer(100, TimeUnit.MILLISECONDS)
        .compose(t -> game.step())
        .compose(v -> api.view(game.gameId))
        .compose(view -> {
          if (view.status() != 200) {
            return Future.failedFuture("the view answered " + view.status() + ": " + view.body());
          }
          return spectator.request(new JsonObject().put("type", "sync").put("since_seq", view.body().getInteger("seq")));
        })
        .compose(ack -> "ack".equals(ack.getString("type")) ? paced(vertx, game, api, spectator, commands - 1)
            : Future.failedFuture("the sync answered " + ack));
  }

  @Test
  void forwardedForIsBelievedOnlyFromTrustedProxies() {
    TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));
    assertEquals("1.2.3.4", proxies.client("10.1.2.3", "1.2.3.4"));
    // read from the right: a client cannot hide behind an address it wrote itself
    assertEquals("1.2.3.4", proxies.client("10.1.2.3", "6.6.6.6, 1.2.3.4, 10.9.9.9"));
    assertEquals("203.0.113.5", proxies.client("203.0.113.5", "1.2.3.4"));
    assertEquals("1.2.3.4", proxies.client("192.168.1.7", "1.2.3.4"));
    assertEquals("192.168.1.8", proxies.client("192.168.1.8", "1.2.3.4"));
    assertEquals("2001:db8:0:0:0:0:0:1", normal(proxies.client("fd12::1", "2001:db8::1")));
    // garbage stops the walk at the last trusted hop
    assertEquals("10.1.2.3", proxies.client("10.1.2.3", "evil.example"));
    assertEquals("10.1.2.3", TrustedProxies.of(List.of()).client("10.1.2.3", "1.2.3.4"));
  }

  private static String normal(String v6) {
    try {
      return java.net.InetAddress.getByName(v6).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
