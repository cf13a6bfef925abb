package io.ludo.server.friends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.ApiClient.Reply;
import io.ludo.server.BridgeClient;
import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.WsClient;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.Clustering;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Playing with friends through two clustered nodes (API.md): whatever a player does on one node,
 * the other answers the same — invite codes, the lobby, chat and rematch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FriendsClusterTest {
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private final List<Vertx> vertxes = new ArrayList<>();
  private Vertx client;
  private ApiClient a;
  private ApiClient b;
  private int portA;
  private int portB;

  @BeforeAll
  void twoNodes() throws Exception {
    int[] hz = {EmbeddedServices.freePort(), EmbeddedServices.freePort()};
    String members = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1];
    Config first = TestNodes.config(Map.of(ConfigKey.NODE_ID, "f0", ConfigKey.CLUSTER_PORT, hz[0], ConfigKey.CLUSTER_MEMBERS, members));
    Config second = TestNodes.config(Map.of(ConfigKey.NODE_ID, "f1", ConfigKey.CLUSTER_PORT, hz[1], ConfigKey.CLUSTER_MEMBERS, members));
    await(start(first).compose(v -> start(second)));
    client = Vertx.vertx();
    portA = first.integer(ConfigKey.HTTP_PORT);
    a = new ApiClient(client, portA);
    portB = second.integer(ConfigKey.HTTP_PORT);
    b = new ApiClient(client, portB);
  }

  @AfterAll
  void close() {
    vertxes.forEach(Vertx::close);
    client.close();
  }

  private Future<Node> start(Config config) {
    return Clustering.start(config).compose(vx -> {
      vertxes.add(vx);
      return Node.start(vx, config);
    });
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Reply create(ApiClient on, String name, int players, String visibility) {
    JsonObject body = new JsonObject().put("player_name", name).put("max_players", players).put("room_name", name + "'s room");
    if (visibility != null) {
      body.put("visibility", visibility);
    }
    Reply created = await(on.post("/games", null, body));
    assertEquals(201, created.status(), () -> created.body().encode());
    return created;
  }

  private List<String> lobbyIds(ApiClient on, String query) {
    Reply lobby = await(on.get("/lobby" + query));
    assertEquals(200, lobby.status(), () -> String.valueOf(lobby.body()));
    return lobby.body().getJsonArray("games").stream().map(g -> ((JsonObject) g).getString("game_id")).toList();
  }

  private JsonObject lobbyEntry(ApiClient on, String gameId) {
    return await(on.get("/lobby")).body().getJsonArray("games").stream().map(JsonObject.class::cast)
        .filter(g -> g.getString("game_id").equals(gameId)).findFirst().orElse(null);
  }

  @Test
  void givenAPublicGameThenEveryNodeListsItAndItsCodeSeatsFriendsUntilItStarts() {
    Reply created = create(a, "Ann", 3, "public");
    String gameId = created.body().getString("game_id");
    String code = created.body().getString("invite_code");
    Reply hidden = create(a, "Hal", 3, null);

    assertNotNull(code);
    assertTrue(code.matches("[" + ALPHABET + "]{6}"), code);
    assertEquals(code, created.body().getJsonObject("state").getString("invite_code"));
    assertEquals(code, await(b.view(gameId)).body().getString("invite_code"), "the view carries it, on any node");

    JsonObject listed = lobbyEntry(b, gameId);
    assertNotNull(listed, "the other node lists the public game at once");
    assertEquals(1, listed.getInteger("seated"));
    assertEquals(3, listed.getInteger("max_players"));
    assertEquals("Ann's room", listed.getString("room_name"));
    assertNotNull(listed.getLong("created_at"));
    assertFalse(lobbyIds(b, "").contains(hidden.body().getString("game_id")), "private games are not listed");
    assertFalse(lobbyIds(b, "?players=2").contains(gameId), "filtered by max_players");
    assertTrue(lobbyIds(b, "?players=3&limit=100").contains(gameId));

    Reply bob = await(b.post("/invites/" + code.toLowerCase() + "/join", null, new JsonObject().put("player_name", "Bob")));
    assertEquals(200, bob.status(), () -> bob.body().encode());
    assertEquals(gameId, bob.body().getString("game_id"));
    assertEquals(1, bob.body().getInteger("seat"));
    assertNotNull(bob.body().getString("token"));
    assertEquals(2, lobbyEntry(a, gameId).getInteger("seated"));

    Reply cat = await(a.post("/invites/" + code + "/join", null, new JsonObject().put("player_name", "Cat")));
    assertEquals(200, cat.status(), () -> cat.body().encode());
    assertEquals("PLAYING", await(a.view(gameId)).body().getString("status"), "full: it started by itself");

    assertFalse(lobbyIds(a, "").contains(gameId), "a started game leaves the lobby");
    Reply late = await(b.post("/invites/" + code + "/join", null, new JsonObject().put("player_name", "Dan")));
    assertEquals(404, late.status());
    assertEquals("INVITE_NOT_FOUND", late.code());
  }

  @Test
  void givenAPublicGameThatEveryoneLeftThenTheLobbyNoLongerListsIt() {
    Reply ann = create(a, "Ann", 3, "public");
    String gameId = ann.body().getString("game_id");
    assertNotNull(lobbyEntry(b, gameId));
    assertEquals(200, await(b.post("/games/" + gameId + "/leave", ann.body().getString("token"), null)).status());
    assertEquals(null, lobbyEntry(a, gameId), "abandoned: nobody seated");
  }

  @Test
  void givenBadLobbyQueriesOrCodesThenTheyAreRefusedAndChangeNothing() {
    for (String query : List.of("?limit=0", "?limit=101", "?players=1", "?players=5", "?players=two", "?sort=new")) {
      Reply refused = await(a.get("/lobby" + query));
      assertEquals(400, refused.status(), query);
      assertEquals("INVALID_INPUT", refused.code(), query);
    }
    for (String code : List.of("0OOOOO", "ABC", "ABCDEFG", "%00", "AAAAAA")) {
      Reply refused = await(b.post("/invites/" + code + "/join", null, new JsonObject().put("player_name", "Eve")));
      assertEquals(404, refused.status(), code);
      assertEquals("INVITE_NOT_FOUND", refused.code(), code);
    }
    Reply waiting = create(a, "Fay", 2, "public");
    Reply noName = await(b.post("/invites/" + waiting.body().getString("invite_code") + "/join", null, new JsonObject()));
    assertEquals(400, noName.status());
    assertEquals(1, lobbyEntry(b, waiting.body().getString("game_id")).getInteger("seated"), "nobody was seated");
  }

  @Test
  void givenPlayersOfAGameThenTheirChatReachesEverySocketAndStaysReadableFromAnyNode() {
    Reply ann = create(a, "Ann", 2, null);
    String gameId = ann.body().getString("game_id");
    Reply bob = await(b.join(gameId, "Bob"));
    WsClient spectator = await(WsClient.connect(client, portA, "/ws/" + gameId + "?spectate"));
    WsClient annSocket = await(WsClient.connect(client, portA,
        "/ws/" + gameId + "/" + ann.body().getString("player_id") + "?token=" + ann.body().getString("token")));
    await(spectator.await(f -> "state".equals(f.getString("type"))));
    await(annSocket.await(f -> "state".equals(f.getString("type"))));

    Reply said = await(b.post("/games/" + gameId + "/chat", bob.body().getString("token"), new JsonObject().put("text", "  good luck  ")));
    assertEquals(200, said.status(), () -> said.body().encode());
    assertEquals("good luck", said.body().getString("text"));
    assertEquals("Bob", said.body().getString("player_name"));
    assertEquals(2, said.body().getInteger("seat"));
    JsonObject heard = await(spectator.await(f -> "chat".equals(f.getString("type"))));
    assertEquals(said.body(), heard, "a spectator on the other node hears the same line");
    assertFalse(heard.containsKey("seq"));

    JsonObject ack = await(annSocket.request(new JsonObject().put("type", "chat").put("text", "thanks")));
    assertEquals("ack", ack.getString("type"), ack::encode);
    assertEquals("thanks", ack.getString("text"));
    JsonObject refused = await(spectator.request(new JsonObject().put("type", "chat").put("text", "hi")));
    assertEquals("FORBIDDEN", refused.getString("code"), "spectators read only");

    for (String text : List.of("   ", "", "x".repeat(201))) {
      Reply bad = await(a.post("/games/" + gameId + "/chat", ann.body().getString("token"), new JsonObject().put("text", text)));
      assertEquals(400, bad.status(), text);
    }
    assertEquals(401, await(a.post("/games/" + gameId + "/chat", null, new JsonObject().put("text", "hi"))).status());

    JsonArray history = await(b.get("/games/" + gameId + "/chat")).body().getJsonArray("messages");
    assertEquals(List.of("good luck", "thanks"), history.stream().map(m -> ((JsonObject) m).getString("text")).toList(),
        "oldest first, refused lines not kept");
    assertEquals(1, await(a.get("/games/" + gameId + "/chat?limit=1")).body().getJsonArray("messages").size());
    assertEquals(400, await(a.get("/games/" + gameId + "/chat?limit=0")).status());
    assertEquals(404, await(a.get("/games/0123456789abcdef/chat")).status());
    int seq = await(a.view(gameId)).body().getInteger("seq");
    assertEquals(seq, await(b.view(gameId)).body().getInteger("seq"), "chat is no game event");
  }

  @Test
  void givenABrowserOnTheBridgeThenItChatsAsAPlayerAndItsSpectatorsOnlyRead() {
    Reply ann = create(a, "Ann", 2, null);
    String gameId = ann.body().getString("game_id");
    String events = "ludo.game." + gameId + ".events";
    String commands = "ludo.game." + gameId + ".commands";
    BridgeClient player = await(BridgeClient.connect(client, portB));
    BridgeClient watcher = await(BridgeClient.connect(client, portA));
    player.register(events, ann.body().getString("token"));
    watcher.register(events, null);
    await(watcher.awaitBody(events, body -> "state".equals(body.getString("type"))));

    JsonObject reply = await(player.send(commands, new JsonObject().put("type", "chat").put("text", "hello"),
        ann.body().getString("token")));
    assertEquals("ack", reply.getJsonObject("body").getString("type"), reply::encode);
    JsonObject heard = await(watcher.awaitBody(events, body -> "chat".equals(body.getString("type"))));
    assertEquals("hello", heard.getString("text"));
    assertEquals("Ann", heard.getString("player_name"));

    JsonObject refused = await(watcher.send(commands, new JsonObject().put("type", "chat").put("text", "hi"), null));
    assertEquals("error", refused.getJsonObject("body").getString("type"), refused::encode);
    assertEquals("FORBIDDEN", refused.getJsonObject("body").getString("code"), "spectators read only");
    assertEquals(403, refused.getJsonObject("body").getInteger("status"));
    assertEquals(1, await(b.get("/games/" + gameId + "/chat")).body().getJsonArray("messages").size(),
        "the refused line was not kept");
    player.close();
    watcher.close();
  }

  @Test
  void givenAProblemThenItsTypeIsRelativeAndAnyNodeDescribesIt() {
    Reply missing = await(a.view("0123456789abcdef"));
    String type = missing.body().getString("type");
    assertEquals("/problems/game-not-found", type);
    Reply described = await(b.get(type));
    assertEquals(200, described.status());
    assertEquals("GAME_NOT_FOUND", described.body().getString("code"));
    assertEquals(404, described.body().getInteger("status"));
    assertEquals(404, await(b.get("/problems/no-such-thing")).status());
  }

  @Test
  void givenAMoveWithoutPlayerIdThenTheTokenNamesTheSeat() {
    // any roll lets a token out: the first roll always leaves a move to make
    Reply ann = await(a.post("/games", null, new JsonObject().put("player_name", "Ann").put("max_players", 2)
        .put("options", new JsonObject().put("exitValues", new JsonArray(List.of(1, 2, 3, 4, 5, 6))))));
    assertEquals(201, ann.status(), () -> ann.body().encode());
    String gameId = ann.body().getString("game_id");
    Reply bob = await(b.join(gameId, "Bob"));
    String annToken = ann.body().getString("token");
    Reply rolled = await(b.roll(gameId, annToken));
    assertEquals(200, rolled.status(), () -> rolled.body().encode());
    JsonArray legal = rolled.body().getJsonArray("legal_moves");
    assertFalse(legal.isEmpty(), rolled.body()::encode);
    Reply moved = await(a.post("/games/" + gameId + "/move", annToken, new JsonObject().put("token_index", legal.getInteger(0))));
    assertEquals(200, moved.status(), () -> moved.body().encode());
    Reply spoofed = await(a.post("/games/" + gameId + "/move", annToken,
        new JsonObject().put("player_id", bob.body().getString("player_id")).put("token_index", 0)));
    assertEquals(403, spoofed.status(), "a named player must be the token's");
  }

  @Test
  void givenASeatOverItsChatLimitThenItIsRefusedAcrossNodesAndNotKept() {
    Reply ann = create(a, "Ann", 2, null);
    String gameId = ann.body().getString("game_id");
    String token = ann.body().getString("token");
    int accepted = 0;
    int limited = 0;
    for (int i = 0; i < 7; i++) {
      ApiClient on = i % 2 == 0 ? a : b;
      Reply r = await(on.post("/games/" + gameId + "/chat", token, new JsonObject().put("text", "line " + i)));
      if (r.status() == 200) {
        accepted++;
      } else {
        assertEquals(429, r.status());
        assertEquals("RATE_LIMITED", r.code());
        limited++;
      }
    }
    assertEquals(5, accepted, "5 in 5 s, counted across the cluster");
    assertEquals(2, limited);
    assertEquals(5, await(a.get("/games/" + gameId + "/chat")).body().getJsonArray("messages").size());
  }

  @Test
  void givenAFinishedGameThenEachPlayerGetsASeatInOneRematchAndTheOldRecordStaysFinal() {
    Reply ann = create(a, "Ann", 2, "public");
    String gameId = ann.body().getString("game_id");
    Reply bob = await(b.join(gameId, "Bob"));
    String annToken = ann.body().getString("token");
    String bobToken = bob.body().getString("token");
    WsClient watcher = await(WsClient.connect(client, portA, "/ws/" + gameId + "?spectate"));
    await(watcher.await(f -> "state".equals(f.getString("type"))));

    Reply early = await(a.post("/games/" + gameId + "/rematch", annToken, null));
    assertEquals(409, early.status());
    assertEquals("GAME_NOT_FINISHED", early.code());
    assertEquals(200, await(a.post("/games/" + gameId + "/leave", annToken, null)).status());
    JsonObject finished = await(a.view(gameId)).body();
    assertEquals("FINISHED", finished.getString("status"));
    int finalSeq = finished.getInteger("seq");

    Reply bobAgain = await(b.post("/games/" + gameId + "/rematch", bobToken, null));
    assertEquals(201, bobAgain.status(), () -> bobAgain.body().encode());
    String rematch = bobAgain.body().getString("game_id");
    assertNotEquals(gameId, rematch);
    assertEquals(0, bobAgain.body().getInteger("seat"), "the first caller takes the first seat");
    assertNotNull(bobAgain.body().getString("token"));
    assertNotNull(bobAgain.body().getString("invite_code"));
    assertEquals("WAITING", bobAgain.body().getJsonObject("state").getString("status"));
    assertEquals(rematch, await(watcher.await(f -> "rematch".equals(f.getString("type")))).getString("rematch_game_id"));

    Reply annAgain = await(a.post("/games/" + gameId + "/rematch", annToken, null));
    assertEquals(201, annAgain.status(), () -> annAgain.body().encode());
    assertEquals(rematch, annAgain.body().getString("game_id"), "one rematch per game");
    assertEquals(2, annAgain.body().getInteger("seat"));
    Reply annTwice = await(b.post("/games/" + gameId + "/rematch", annToken, null));
    assertEquals(rematch, annTwice.body().getString("game_id"));
    assertEquals(2, annTwice.body().getInteger("seat"), "calling twice answers the same seat");
    assertEquals(0, await(a.post("/games/" + gameId + "/rematch", bobToken, null)).body().getInteger("seat"));

    JsonObject next = await(b.view(rematch)).body();
    assertEquals("PLAYING", next.getString("status"), "full again: it started by itself");
    assertEquals(2, next.getInteger("max_players"));
    assertEquals(2, next.getJsonArray("players").size());
    JsonObject old = await(b.view(gameId)).body();
    assertEquals(rematch, old.getString("rematch_game_id"));
    assertEquals(finalSeq, old.getInteger("seq"), "no event was added to the finished game");
    assertEquals(401, await(a.post("/games/" + gameId + "/rematch", null, null)).status());
    assertEquals(403, await(a.post("/games/" + gameId + "/rematch", bobAgain.body().getString("token"), null)).status(),
        "a token of another game is refused");
  }
}
