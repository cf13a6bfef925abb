package io.ludo.server.game;

import io.ludo.game.FairDice;
import io.ludo.game.Game;
import io.ludo.server.ClusterVerticle;
import io.ludo.game.TurnTimer;
import io.ludo.json.OptionsJson;
import io.ludo.json.Parsed;
import io.ludo.rules.Options;
import io.ludo.server.NodeStats;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.room.AppendFailure;
import io.ludo.server.room.RoomListing;
import io.ludo.server.room.RoomRequest;
import io.ludo.server.validator.MoveValidator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A node's rooms: deploys a game verticle for a new room, or for a stored room that a command
 * needs, at most once at a time per room.
 */
public final class GameDirectoryVerticle extends VerticleBase {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GameDirectoryVerticle.class);
  private static final int ORPHANS_PER_SWEEP = 50;
  private static final SecureRandom IDS = new SecureRandom();
  private static final long LOCK_TIMEOUT_MS = 15_000;
  private static final long PROBE_TIMEOUT_MS = 1_000;
  private static final DeliveryOptions TO_THIS_NODES_ROOM = new DeliveryOptions().setLocalOnly(true)
      .setCodecName(RoomRequestCodec.NAME).setSendTimeout(PROBE_TIMEOUT_MS);
  private static final long SWEEP_MS = 60_000;
  /** Invite codes drawn for one new game before its creation is given up. */
  private static final int INVITE_ATTEMPTS = 4;
  /** What a load answers when another node already runs the room. */
  private static final String ELSEWHERE = "elsewhere";

  private final Config config;
  private final String nodeId;
  private final Map<String, Future<String>> deployments = new HashMap<>();
  private MoveValidator validator;

  private final NodeStats stats;

  public GameDirectoryVerticle(Config config, String nodeId, NodeStats stats) {
    this.config = config;
    this.nodeId = nodeId;
    this.stats = stats;
  }

  @Override
  public Future<?> start() {
    validator = MoveValidator.from(vertx, config, stats);
    vertx.setPeriodic(SWEEP_MS, id -> forgetRetiredRooms());
    if (vertx.isClustered()) {
      vertx.setPeriodic(config.integer(ConfigKey.ORPHAN_SWEEP_MS), id -> adoptOrphans());
    }
    vertx.eventBus().<JsonObject>localConsumer(Addresses.EPOCH_MOVED, moved -> epochMoved(moved.body()));
    vertx.eventBus().<JsonObject>localConsumer(Addresses.NODES_CHANGED, changed -> nodeChanged(changed.body()));
    return vertx.eventBus().<JsonObject>localConsumer(Addresses.directory(nodeId), this::onMessage).completion()
        .compose(v -> FeedRelay.listen(vertx, nodeId));
  }

  /**
   * Another node claimed a game (Postgres told every node): if this node runs a room for it, the
   * room is told, on this node only, and stops unless it holds that epoch itself.
   */
  private void epochMoved(JsonObject moved) {
    String gameId = moved.getString("game_id");
    if (nodeId.equals(moved.getString("node")) || !deployments.containsKey(gameId)) {
      return;
    }
    tell(gameId, new RoomRequest.EpochMoved(moved.getLong("epoch"), moved.getString("node")), "of its new owner");
  }

  /**
   * A node dropped out of the live nodes or came back: every room on this node is told (one
   * consumer here rather than one per room, which every room in memory would carry).
   */
  private void nodeChanged(JsonObject changed) {
    String node = changed.getString("node");
    RoomRequest told = "left".equals(changed.getString("change")) ? new RoomRequest.NodeLeft(node)
        : new RoomRequest.NodeReturned(node);
    for (String gameId : deployments.keySet()) {
      tell(gameId, told, "that " + node + " " + changed.getString("change"));
    }
  }

  /** Tells this node's room of {@code gameId} what it must know; a room gone meanwhile needs nothing. */
  private void tell(String gameId, RoomRequest told, String what) {
    vertx.eventBus().request(Addresses.gameCommands(gameId), told, TO_THIS_NODES_ROOM)
        .onFailure(e -> LOG.debug("room of {} not told {}: {}", gameId, what, e.getMessage()));
  }

  /** Rooms leave memory on their own (idle, finished, handed over): drop what they left here. */
  private void forgetRetiredRooms() {
    deployments.values().removeIf(d -> d.isComplete() && (d.failed() || !vertx.deploymentIDs().contains(d.result())));
  }

  /**
   * Games that run on the server's own clock (turn timers, bots) must not wait for a client to
   * notice that their owner died: the live node with the smallest id takes them over.
   */
  private void adoptOrphans() {
    ClusterVerticle.list(vertx).compose(list -> {
      List<String> live = list.getJsonArray("nodes").stream().map(n -> ((JsonObject) n).getString("id")).toList();
      if (live.isEmpty() || !live.get(0).equals(nodeId)) {
        return Future.succeededFuture();
      }
      return vertx.eventBus().<JsonObject>request(Addresses.PERSIST_ORPHANS,
              new JsonObject().put("live", new io.vertx.core.json.JsonArray(live)).put("limit", ORPHANS_PER_SWEEP))
          .compose(found -> Future.join(found.body().getJsonArray("game_ids").stream()
              .map(id -> load((String) id)).toList()));
    }).onFailure(e -> LOG.debug("orphan sweep: " + e.getMessage()));
  }

  private void onMessage(Message<JsonObject> message) {
    JsonObject body = message.body();
    Future<JsonObject> answer = switch (body.getString("op")) {
      case "create" -> create(body);
      case "load" -> load(body.getString("game_id")).map(id -> new JsonObject().put("ok", true));
      default -> Future.failedFuture(ErrorCode.INVALID_INPUT.name());
    };
    answer.onSuccess(message::reply)
        .onFailure(e -> message.fail(500, e.getMessage()));
  }

  private Future<JsonObject> create(JsonObject body) {
    Options options = switch (OptionsJson.read(body.getValue("options"))) {
      case Parsed.Ok<Options> ok -> ok.value();
      case Parsed.Invalid<Options> bad -> null;
    };
    if (options == null) {
      return Future.failedFuture(ErrorCode.INVALID_INPUT.name());
    }
    String gameId = GameIds.next();
    String playerId = body.getString("player_id", "p_" + newId(6));
    String name = body.getString("player_name");
    String clientSeed;
    try {
      clientSeed = GameCommands.clientSeed(body.getString("client_seed"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ErrorCode.INVALID_INPUT.name());
    }
    byte[] serverSeed = ServerDice.newServerSeed(gameId, config.string(ConfigKey.TEST_DICE));
    var creation = new java.util.ArrayList<>(Game.create(gameId, body.getString("room_name"),
        body.getInteger("max_players"), options, playerId, name, FairDice.commitment(serverSeed), clientSeed));
    TurnTimer timer = body.getValue("turn_timeout_ms") instanceof Number ms
        ? new TurnTimer(ms.longValue(), body.getValue("max_strikes") instanceof Number n ? n.intValue()
            : TurnTimer.DEFAULT_MAX_STRIKES) : TurnTimer.NONE;
    List<String[]> bots = new java.util.ArrayList<>();
    int botCount = body.getValue("bots") instanceof Number n ? n.intValue() : 0;
    for (int i = 1; i <= botCount; i++) {
      bots.add(new String[] {"b_" + newId(6), "Bot " + i});
    }
    creation.addAll(Game.setUp(Game.fold(creation), timer, bots));
    String visibility = body.getString("visibility", RoomListing.PRIVATE);
    Future<String> deployed = deployNew(gameId, creation, serverSeed, visibility, INVITE_ATTEMPTS);
    deployments.put(gameId, deployed);
    // the room was deployed here: asked on this node only, since a clustered send would leave a
    // cluster route for its address in this node's event bus (~5 KB) for the room's whole life
    return deployed.compose(id -> vertx.eventBus()
            .<JsonObject>request(Addresses.gameCommands(gameId), new io.ludo.server.room.RoomRequest.View(),
                new DeliveryOptions().setLocalOnly(true).setCodecName(RoomRequestCodec.NAME)))
        .map(view -> new JsonObject().put("game_id", gameId).put("player_id", playerId)
            .put("seat", 0).put("invite_code", view.body().getString("invite_code")).put("state", view.body()));
  }

  /**
   * A new room with a fresh invite code: a code that a waiting game holds already (one chance in
   * about a billion per waiting game) makes the database refuse the creation alone, and another is drawn.
   */
  private Future<String> deployNew(String gameId, List<io.ludo.game.GameEvent> creation, byte[] serverSeed,
      String visibility, int attemptsLeft) {
    RoomListing listing = new RoomListing(InviteCodes.next(), visibility);
    return deployRaw(new GameSpec(gameId, nodeId, creation, serverSeed, listing, idleMs(), lingerMs()))
        .recover(e -> attemptsLeft > 1 && AppendFailure.kindOf(e) == AppendFailure.Kind.FENCED
            ? deployNew(gameId, creation, serverSeed, visibility, attemptsLeft - 1)
            : Future.failedFuture(e))
        .recover(GameDirectoryVerticle::deployFailure);
  }

  /**
   * Brings a stored room onto this node, unless another node already runs it. The room's
   * cluster lock makes concurrent loads (and a hand-off by a leaving node) take turns; inside it,
   * a quick probe tells whether an owner answers.
   */
  private Future<String> load(String gameId) {
    Future<String> known = deployments.get(gameId);
    if (known != null && (!known.isComplete() || (known.succeeded() && vertx.deploymentIDs().contains(known.result())))) {
      return known;
    }
    // an id no game has is answered from one indexed read: no lock, no room, no epoch left behind
    Future<String> deployed = stored(gameId)
        .compose(v -> vertx.sharedData().getLockWithTimeout(Ownership.lockName(gameId), LOCK_TIMEOUT_MS))
        .compose(lock -> ownerAnswers(gameId)
            .transform(probe -> probe.succeeded() && probe.result()
                ? Future.succeededFuture(ELSEWHERE)
                : deploy(new GameSpec(gameId, nodeId, null, null, null, idleMs(), lingerMs())))
            .eventually(() -> {
              lock.release();
              return Future.succeededFuture();
            }));
    deployments.put(gameId, deployed);
    deployed.onComplete(ar -> {
      if (ar.failed() || ELSEWHERE.equals(ar.result())) {
        deployments.remove(gameId, deployed);
      }
    });
    return deployed;
  }

  /** Succeeds when Postgres holds the game; fails GAME_NOT_FOUND (or UNAVAILABLE) otherwise. */
  private Future<Void> stored(String gameId) {
    return vertx.eventBus().<JsonObject>request(Addresses.PERSIST_EXISTS, new JsonObject().put("game_id", gameId))
        .transform(ar -> ar.succeeded() && ar.result().body().getBoolean("exists", false) ? Future.succeededFuture()
            : Future.failedFuture(ar.succeeded() ? ErrorCode.GAME_NOT_FOUND.name() : ErrorCode.UNAVAILABLE.name()));
  }

  private Future<Boolean> ownerAnswers(String gameId) {
    return vertx.eventBus()
        .request(Addresses.gameCommands(gameId), new io.ludo.server.room.RoomRequest.View(),
            new DeliveryOptions().setSendTimeout(PROBE_TIMEOUT_MS).setCodecName(RoomRequestCodec.NAME))
        .map(reply -> true);
  }

  private Future<String> deploy(GameSpec spec) {
    return deployRaw(spec).recover(GameDirectoryVerticle::deployFailure);
  }

  private static Future<String> deployFailure(Throwable e) {
    return Future.failedFuture(ErrorCode.GAME_NOT_FOUND.name().equals(e.getMessage())
        ? ErrorCode.GAME_NOT_FOUND.name() : ErrorCode.UNAVAILABLE.name());
  }

  private Future<String> deployRaw(GameSpec spec) {
    var verticle = new GameVerticle(spec, seed -> ServerDice.forGame(seed, config.string(ConfigKey.TEST_DICE)),
        // the owner gives up on a slow append before the edge gives up on the owner, so that a
        // client hears a clear "retry" rather than a time-out that leaves the outcome unknown
        Clock.systemUTC(), config.integer(ConfigKey.COMMAND_TIMEOUT_MS) * 2L / 3, stats,
        config.integer(ConfigKey.BOT_DELAY_MS), validator);
    return vertx.deployVerticle(verticle);
  }

  @Override
  public Future<?> stop() {
    if (validator != null) {
      validator.close();
    }
    return Future.succeededFuture();
  }

  private long idleMs() {
    return config.integer(ConfigKey.GAME_IDLE_TIMEOUT_S) * 1000L;
  }

  private long lingerMs() {
    return config.integer(ConfigKey.GAME_LINGER_S) * 1000L;
  }

  private static String newId(int bytes) {
    byte[] b = new byte[bytes];
    IDS.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
