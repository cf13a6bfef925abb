package io.ludo.server.game;

import io.ludo.bots.Strategies;
import io.ludo.game.Autopilot;
import io.ludo.game.Dice;
import io.ludo.game.Game;
import io.ludo.game.GameCommand;
import io.ludo.game.GameEvent;
import io.ludo.game.GameState;
import io.ludo.game.Outcome;
import io.ludo.game.Player;
import io.ludo.game.Recorded;
import io.ludo.game.Status;
import io.ludo.json.EventChain;
import io.ludo.json.FairnessJson;
import io.ludo.json.GameEventJson;
import io.ludo.json.GameViewJson;
import io.ludo.rules.RuleEvent.GameFinished;
import io.ludo.server.NodeStats;
import io.ludo.server.bus.Addresses;
import io.ludo.server.bus.Deadlines;
import io.ludo.server.store.PersistenceVerticle;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.validator.MoveValidator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one owner of a room: the only writer of its events. A command is decided on the current
 * state; its events are made durable first, and only then applied, answered and published.
 * Commands are handled one at a time, in arrival order.
 */
public final class GameVerticle extends VerticleBase {
  private static final long LOCK_TIMEOUT_MS = 10_000;
  /** Published on the events address by a new owner; nodes answer with a presence per open socket. */
  public static final String PRESENCE_REQUEST = "presence_request";
  /** How many accepted commands' replies are kept in memory to answer resends (the log keeps them all). */
  static final int REMEMBERED_COMMANDS = 32;
  /** A safety net only: past it (a database gone for this long) the outcome is read back from the log. */
  private static final long APPEND_OUTCOME_TIMEOUT_MS = 60_000;
  private final GameSpec spec;
  /** The dice of a game under its server seed (null for a game recorded before fair dice). */
  private final Function<byte[], Dice> diceFactory;
  private Dice dice;
  /** The game's secret dice seed: revealed in GAME_FINISHED and the view once the game is over. */
  private byte[] serverSeed;
  /** The hash of the last event in the log: the next event's prev_hash. */
  private String lastHash = EventChain.GENESIS;
  private final Clock clock;
  private final long appendTimeoutMs;
  private final Presence presence = new Presence();
  /** The newest events' frames: syncs are answered from here, not from the log. */
  private final RecentEvents recent = new RecentEvents();
  /**
   * Replies of the latest accepted commands by id, encoded: a resent command is answered, not
   * applied again. Kept as text, one object each instead of a tree of maps: as trees they were most
   * of a node's live heap under load (long young GC pauses). Older ones are read from the log.
   */
  private final Map<String, Remembered> replies = new java.util.LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
      return size() > REMEMBERED_COMMANDS;
    }
  };
  /** An accepted command's reply, encoded, and what the command asked for (null: recorded before fingerprints). */
  private record Remembered(String fingerprint, String reply) {}

  private GameState state;
  /** The ownership epoch this verticle holds in Postgres; appends under an older one are refused. */
  private long epoch;
  private Future<Void> tail = Future.succeededFuture();
  private boolean mustReconcile;
  private MessageConsumer<JsonObject> consumer;
  private long idleTimer = -1;
  private boolean finishReported;

  private final NodeStats stats;
  /** How the server plays for a seat (the greedy bot: deterministic, no randomness needed) and when. */
  private final Autopilot autopilot;
  /** When the last event was recorded: turn deadlines count from it, so they survive a takeover. */
  private long lastEventAt;
  private long automationTimer = -1;
  /** The operator's move validator, or null. */
  private final MoveValidator validator;

  public GameVerticle(GameSpec spec, Function<byte[], Dice> diceFactory, Clock clock, long appendTimeoutMs,
      NodeStats stats, long botDelayMs, MoveValidator validator) {
    this.stats = stats;
    this.autopilot = new Autopilot(Strategies.create("greedy", new java.util.Random(0)), botDelayMs);
    this.validator = validator;
    this.spec = spec;
    this.diceFactory = diceFactory;
    this.clock = clock;
    this.appendTimeoutMs = appendTimeoutMs;
  }

  @Override
  public Future<?> start() {
    Future<Void> ready = spec.creation() != null ? create(spec.creation()) : load();
    return ready.compose(v -> {
      consumer = vertx.eventBus().consumer(Addresses.gameCommands(spec.gameId()), this::onMessage);
      // released with this verticle on undeploy
      vertx.eventBus().<JsonObject>localConsumer(Addresses.NODE_LEFT, left -> presence.dropNode(left.body().getString("node")));
      touch();
      return consumer.completion()
          .onSuccess(registered -> {
            stats.gameLoaded();
            if (spec.creation() == null) {
              // presence lived in the previous owner's memory: every node re-counts its open sockets
              vertx.eventBus().publish(Addresses.gameEvents(spec.gameId()), new JsonObject().put("type", PRESENCE_REQUEST));
            }
          });
    });
  }

  /**
   * Hands the room over cleanly: under the room's cluster lock (which a node taking it over
   * also takes), stop taking commands, finish those in flight, then let go.
   */
  @Override
  public Future<?> stop() {
    stats.gameUnloaded();
    cancelAutomation();
    return vertx.sharedData().getLockWithTimeout(Ownership.lockName(spec.gameId()), LOCK_TIMEOUT_MS)
        // a command that failed in flight does not fail the hand-off
        .compose(lock -> consumer.unregister().transform(v -> tail).transform(v -> Future.<Void>succeededFuture())
            .eventually(() -> {
              lock.release();
              return Future.succeededFuture();
            }))
        .recover(e -> tail);
  }

  // ---------------------------------------------------------------- start

  private Future<Void> create(List<GameEvent> creation) {
    epoch = 1;
    useSeed(spec.serverSeed());
    List<Sealed> recorded = record(null, creation);
    GameState created = fold(null, recorded);
    return persist(null, created, recorded, null, null, null, Deadlines.NONE).onSuccess(v -> {
      state = created;
      advance(recorded);
      remember(null, recorded);
      schedule();
    });
  }

  private void useSeed(byte[] seed) {
    serverSeed = seed;
    dice = diceFactory.apply(seed);
  }

  /** Takes the stored room over (a new epoch fences the previous owner out), then folds its log. */
  private Future<Void> load() {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_CLAIM, new JsonObject().put("game_id", spec.gameId()).put("node", spec.nodeId()))
        .compose(claimed -> {
          epoch = claimed.body().getLong("epoch");
          String seed = claimed.body().getString("server_seed");
          useSeed(seed == null ? null : HexFormat.of().parseHex(seed));
          return rememberRecentCommands();
        })
        .compose(v -> readEvents(1))
        .compose(events -> {
      if (events.isEmpty()) {
        return Future.failedFuture(ErrorCode.GAME_NOT_FOUND.name());
      }
      state = fold(null, events);
      advance(events);
      remember(null, events);
      if (state.status() == Status.FINISHED) {
        reportFinished();
      }
      schedule();
      return Future.succeededFuture();
    });
  }

  // ---------------------------------------------------------------- commands

  private void onMessage(Message<JsonObject> message) {
    touch();
    JsonObject body = message.body();
    switch (body.getString("type", "")) {
      case "view" -> message.reply(view());
      case "fairness" -> message.reply(FairnessJson.write(state, revealedSeed()));
      case "recent" -> message.reply(recent.answer(state.seq(), body.getInteger("since_seq", 0), body.getInteger("max", 0)));
      case "presence" -> {
        presence(body.getString("node"), body.getString("player_id"), body.getInteger("delta", 0));
        message.reply(new JsonObject().put("ok", true));
      }
      default -> {
        GameCommand command = parse(body);
        String type = command == null ? "invalid" : body.getString("type");
        String commandId = body.getString("command_id");
        String fingerprint = commandId == null ? null : CommandFingerprint.of(body);
        long deadline = Deadlines.ownerDeadline(message);
        enqueue(() -> decideAndApply(commandId, fingerprint, command, deadline).onSuccess(reply -> {
          stats.command(type, reply.containsKey("error") ? reply.getJsonObject("error").getString("code") : "accepted");
          message.reply(reply);
        }));
      }
    }
  }

  /** Sockets open for a player (null: a spectator's) on a node. A returning away player takes the seat back. */
  private void presence(String node, String playerId, int delta) {
    presence.count(node, playerId, delta);
    if (playerId != null && delta > 0 && state.player(playerId).map(Player::away).orElse(false)) {
      enqueue(() -> decideAndApply(null, null, new GameCommand.Return(playerId), Deadlines.NONE));
    }
  }

  private static GameCommand parse(JsonObject body) {
    try {
      return GameCommands.parse(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Runs {@code work} after every command before it: one at a time, in arrival order. */
  private void enqueue(java.util.function.Supplier<Future<JsonObject>> work) {
    tail = tail.transform(ignored -> {
      Future<Void> ready = mustReconcile ? reconcile() : Future.succeededFuture();
      return ready.transform(r -> r.failed()
          ? Future.succeededFuture(error(ErrorCode.UNAVAILABLE, "the game's database is unreachable; retry"))
          : work.get());
    }).onSuccess(reply -> {
      if (reply.containsKey("error") && ErrorCode.UNAVAILABLE.name().equals(reply.getJsonObject("error").getString("code"))) {
        retryAutomationLater();
      }
    }).mapEmpty();
  }

  /** Decides a command, makes its events durable, applies them; answers the reply (an error reply on failure). */
  private Future<JsonObject> decideAndApply(String commandId, String fingerprint, GameCommand command, long deadline) {
    Remembered answered = commandId == null ? null : replies.get(commandId);
    if (answered != null) {
      return Future.succeededFuture(resent(answered.fingerprint(), new JsonObject(answered.reply()), fingerprint));
    }
    if (command == null) {
      return Future.succeededFuture(error(ErrorCode.INVALID_INPUT, "malformed command"));
    }
    if (Deadlines.passed(deadline)) {
      // its edge has answered 503 by now ("not applied"): deciding it now would make that untrue
      return Future.succeededFuture(error(ErrorCode.UNAVAILABLE, "the command waited too long for its turn; resend it"));
    }
    return switch (Game.decide(state, command, dice)) {
      case Outcome.Refused refused -> storedReply(commandId, fingerprint).map(stored -> stored != null ? stored
          : error(ErrorCode.of(refused.error()), refused.error().name().toLowerCase().replace('_', ' ')));
      case Outcome.Accepted accepted -> vetted(command).compose(verdict -> switch (verdict) {
        case APPLY -> apply(commandId, fingerprint, command, accepted, deadline);
        case REJECTED -> Future.succeededFuture(
            error(ErrorCode.VALIDATOR_REJECTED, "the move validator refused this move"));
        case UNAVAILABLE -> Future.succeededFuture(
            error(ErrorCode.VALIDATOR_UNAVAILABLE, "the move validator is unavailable; retry"));
      });
    };
  }

  /**
   * A player's move that the rules accept goes to the operator's validator, if any, before it is
   * stored: inside this room's one-at-a-time chain, so that nothing else is decided meanwhile.
   * The server's own moves (bots, away players, timed-out turns) are not sent.
   */
  private Future<MoveValidator.Verdict> vetted(GameCommand command) {
    if (validator == null || !(command instanceof GameCommand.Move m)) {
      return Future.succeededFuture(MoveValidator.Verdict.APPLY);
    }
    return validator.check(spec.gameId(), m.playerId(), m.tokenIndex(), state.position().dice(), state.seq() + 1);
  }

  /** Stores the events of an accepted command; only once they are durable, applies and publishes them. */
  private Future<JsonObject> apply(String commandId, String fingerprint, GameCommand command, Outcome.Accepted accepted,
      long deadline) {
    GameState before = state;
    List<Sealed> recorded = record(before, accepted.events());
    GameState after = fold(before, recorded);
    JsonObject reply = reply(command, accepted.events(), after);
    return persist(before, after, recorded, commandId, fingerprint, reply, deadline).transform(ar -> {
      if (ar.failed() && Ownership.isFenced(ar.cause())) {
        fencedOut();
        return Future.succeededFuture(error(ErrorCode.UNAVAILABLE, "the game moved to another node; retry"));
      }
      if (ar.failed() && PersistenceVerticle.failedWith(ar.cause(), PersistenceVerticle.DUPLICATE_COMMAND)) {
        // applied long ago, its reply no longer in memory: the log has it
        return storedReply(commandId, fingerprint).map(stored -> stored != null ? stored
            : error(ErrorCode.UNAVAILABLE, "the command could not be stored; retry"));
      }
      if (ar.failed()) {
        // never sent: certainly not stored; any other failure leaves the outcome to be read back
        mustReconcile = !PersistenceVerticle.failedWith(ar.cause(), PersistenceVerticle.NOT_SENT);
        return Future.succeededFuture(error(ErrorCode.UNAVAILABLE, "the move could not be stored; retry"));
      }
      state = after;
      advance(recorded);
      if (commandId != null) {
        replies.put(commandId, new Remembered(fingerprint, reply.encode()));
      }
      publish(before, recorded);
      afterChange();
      return Future.succeededFuture(reply);
    });
  }

  private JsonObject reply(GameCommand command, List<GameEvent> events, GameState after) {
    return switch (command) {
      case GameCommand.Roll r -> Replies.roll(r.playerId(), events, after);
      case GameCommand.Move m -> Replies.move(m.playerId(), events, after);
      default -> Replies.lobby(command.playerId(), after, presence.connected());
    };
  }

  /**
   * After a failed append the outcome is unknown (the commit may have landed): read back what
   * the log holds past our state, apply and publish it, before deciding anything else.
   */
  private Future<Void> reconcile() {
    return readEvents(state.seq() + 1).map(events -> {
      if (!events.isEmpty()) {
        GameState before = state;
        state = fold(before, events);
        advance(events);
        publish(before, events);
        afterChange();
      }
      return events;
    })
        // a late commit's reply too: its resend is answered with it, not decided again
        .compose(events -> events.isEmpty() ? Future.succeededFuture() : rememberRecentCommands())
        .onSuccess(v -> mustReconcile = false);
  }

  /**
   * The answer to a command whose id was applied already: its first reply when it asks for what
   * the first asked for ({@code stored}; null for a command recorded before fingerprints), else
   * IDEMPOTENCY_KEY_REUSED.
   */
  private static JsonObject resent(String stored, JsonObject firstReply, String fingerprint) {
    return stored == null || stored.equals(fingerprint) ? firstReply
        : error(ErrorCode.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for another request");
  }

  /**
   * The reply of a client's keyed command that is no longer remembered in memory (only the last
   * {@link #REMEMBERED_COMMANDS} are), read from its event row: asked only before refusing such a
   * command, or when storing it met its id already stored, so a late resend is answered with its
   * first reply instead of a refusal. Null when the key was never applied.
   */
  private Future<JsonObject> storedReply(String commandId, String fingerprint) {
    if (commandId == null || !commandId.startsWith(GameCommands.CLIENT_KEY_PREFIX) || replies.containsKey(commandId)) {
      return Future.succeededFuture(null);
    }
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_COMMAND, new JsonObject().put("game_id", spec.gameId()).put("command_id", commandId))
        .map(found -> {
          JsonObject reply = found.body().getJsonObject("reply");
          return reply == null ? null : resent(found.body().getString("fingerprint"), reply, fingerprint);
        })
        .otherwise(e -> error(ErrorCode.UNAVAILABLE, "the game's database is unreachable; retry"));
  }

  // ---------------------------------------------------------------- events

  /**
   * An event as recorded: the domain event and its JSON exactly as stored and served, with its
   * place in the hash chain (and, for GAME_FINISHED, the revealed server seed).
   */
  private record Sealed(Recorded recorded, JsonObject json) {
    static Sealed of(JsonObject stored) {
      return new Sealed(GameEventJson.read(stored), stored);
    }
  }

  /** Numbers, times, and chains {@code events} after the log's last one; nothing is applied yet. */
  private List<Sealed> record(GameState before, List<GameEvent> events) {
    int seq = before == null ? 0 : before.seq();
    long at = clock.millis();
    String prev = lastHash;
    List<Sealed> out = new ArrayList<>(events.size());
    for (GameEvent e : events) {
      Recorded r = new Recorded(++seq, at, e);
      JsonObject json = GameEventJson.write(r);
      if (isGameFinished(e) && serverSeed != null) {
        json.put("server_seed", HexFormat.of().formatHex(serverSeed));
      }
      JsonObject sealed = EventChain.seal(prev, json);
      prev = sealed.getString(EventChain.HASH);
      out.add(new Sealed(r, sealed));
    }
    return out;
  }

  private static boolean isGameFinished(GameEvent e) {
    return e instanceof GameEvent.Play p && p.event() instanceof GameFinished;
  }

  /** The log now ends with {@code events}: the next event chains to the last one's hash, timers count from its time. */
  private void advance(List<Sealed> events) {
    if (!events.isEmpty()) {
      Sealed last = events.get(events.size() - 1);
      lastHash = last.json().getString(EventChain.HASH, EventChain.GENESIS);
      lastEventAt = last.recorded().at();
    }
  }

  private byte[] revealedSeed() {
    return state.status() == Status.FINISHED ? serverSeed : null;
  }

  private static GameState fold(GameState s, List<Sealed> events) {
    GameState at = s;
    for (Sealed r : events) {
      at = Game.evolve(at, r.recorded().event());
    }
    return at;
  }

  private Future<Void> persist(GameState before, GameState after, List<Sealed> events, String commandId,
      String fingerprint, JsonObject reply, long deadline) {
    JsonArray json = new JsonArray();
    events.forEach(r -> json.add(r.json()));
    JsonObject append = new JsonObject()
        .put("game_id", spec.gameId())
        .put("room_name", after.roomName())
        .put("node", spec.nodeId())
        .put("epoch", epoch)
        .put("expected_seq", before == null ? 0 : before.seq())
        .put("status", after.status().name())
        .put("events", json)
        .put("command_id", commandId)
        .put("fingerprint", fingerprint)
        .put("reply", reply)
        .put("budget_ms", Deadlines.storeBudgetMs(deadline, appendTimeoutMs));
    if (before == null && serverSeed != null) {
      append.put("server_seed", HexFormat.of().formatHex(serverSeed));
    }
    return vertx.eventBus()
        // the answer is awaited whatever it takes: persistence never sends an append past its budget,
        // and one already sent commits or fails for sure; deciding meanwhile would be on a guess
        .request(Addresses.PERSIST_APPEND, append, new DeliveryOptions().setSendTimeout(APPEND_OUTCOME_TIMEOUT_MS))
        .mapEmpty();
  }

  /** After a takeover: the replies of the commands the previous owners accepted last. */
  private Future<Void> rememberRecentCommands() {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_COMMANDS,
            new JsonObject().put("game_id", spec.gameId()).put("limit", REMEMBERED_COMMANDS))
        .map(answer -> {
          // newest first from the database: remember them oldest first, so the oldest go first
          JsonArray newestFirst = answer.body().getJsonArray("commands");
          for (int i = newestFirst.size() - 1; i >= 0; i--) {
            JsonObject c = newestFirst.getJsonObject(i);
            replies.put(c.getString("command_id"),
                new Remembered(c.getString("fingerprint"), c.getJsonObject("reply").encode()));
          }
          return null;
        });
  }

  private Future<List<Sealed>> readEvents(int fromSeq) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_READ, new JsonObject().put("game_id", spec.gameId()).put("from_seq", fromSeq))
        .map(reply -> {
          JsonArray events = reply.body().getJsonArray("events");
          List<Sealed> out = new ArrayList<>(events.size());
          for (int i = 0; i < events.size(); i++) {
            out.add(Sealed.of(events.getJsonObject(i)));
          }
          return out;
        });
  }

  /** Every event to every node's sockets of this game, each with the turn right after it. */
  private void publish(GameState before, List<Sealed> events) {
    GameState at = before;
    String address = Addresses.gameEvents(spec.gameId());
    for (Sealed r : events) {
      at = Game.evolve(at, r.recorded().event());
      JsonObject frame = frame(at, r);
      recent.add(r.recorded().seq(), frame.encode());
      vertx.eventBus().publish(address, frame);
    }
  }

  /** The frames of events this owner did not publish (it created or loaded them), for syncs: the newest only. */
  private void remember(GameState before, List<Sealed> events) {
    GameState at = before;
    int firstKept = events.size() - RecentEvents.CAPACITY;
    for (int i = 0; i < events.size(); i++) {
      at = Game.evolve(at, events.get(i).recorded().event());
      if (i >= firstKept) {
        recent.add(events.get(i).recorded().seq(), frame(at, events.get(i)).encode());
      }
    }
  }

  /** An event's frame for the sockets, with the turn right after it ({@code at}). */
  private static JsonObject frame(GameState at, Sealed r) {
    return new JsonObject()
        .put("type", "event")
        .put("seq", r.recorded().seq())
        .put("event", r.json())
        .put("turn", withDeadline(GameViewJson.turn(at), at, r.recorded().at()));
  }

  /** When a turn timer runs, the turn says until when (epoch ms). */
  private static JsonObject withDeadline(JsonObject turn, GameState at, long since) {
    return at.timerRuns() ? turn.put("turn_deadline", since + at.timer().timeoutMs()) : turn;
  }

  private JsonObject view() {
    JsonObject view = GameViewJson.write(state, presence.connected()).put("owner_node", spec.nodeId())
        .put("spectators", presence.spectators())
        .put("turn_deadline", state.timerRuns() ? lastEventAt + state.timer().timeoutMs() : null);
    if (state.timer().on()) {
      view.put("turn_timeout_ms", state.timer().timeoutMs()).put("max_strikes", state.timer().maxStrikes());
    }
    withDeadline(view.getJsonObject("turn"), state, lastEventAt);
    byte[] revealed = revealedSeed();
    return revealed == null ? view : view.put("server_seed", HexFormat.of().formatHex(revealed));
  }

  /**
   * Another node took this room over (this one was cut off or paused): it must never append
   * again. Clients are told to reconnect, which reaches the new owner, and this verticle leaves.
   */
  private void fencedOut() {
    consumer.unregister();
    vertx.eventBus().publish(Addresses.gameEvents(spec.gameId()),
        new JsonObject().put("type", "reconnect").put("code", ErrorCode.UNAVAILABLE.name())
            .put("message", "the game moved to another node; reconnect and sync"));
    vertx.undeploy(deploymentID());
  }

  private static JsonObject error(ErrorCode code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code.name()).put("message", message));
  }

  // ---------------------------------------------------------------- lifetime

  private void afterChange() {
    schedule();
    if (state.status() == Status.FINISHED) {
      retireIn(spec.lingerMs());
      reportFinished();
    }
  }

  /** Tells this node's play services (leaderboard) once per load; they count each game once. */
  private void reportFinished() {
    if (!finishReported) {
      finishReported = true;
      vertx.eventBus().send(Addresses.GAMES_FINISHED, new JsonObject().put("game_id", spec.gameId()).put("view", view())
              .put("finished_at", lastEventAt),
          new DeliveryOptions().setLocalOnly(true));
    }
  }

  // ---------------------------------------------------------------- automation

  /** Sets the one pending automatic command the {@link Autopilot} plans for the current state, if any. */
  private void schedule() {
    cancelAutomation();
    autopilot.plan(state, lastEventAt, clock.millis()).ifPresent(plan ->
        automationTimer = vertx.setTimer(plan.inMs(), id -> {
          automationTimer = -1;
          // the server's own move is activity like a client's: it keeps the room from retiring
          touch();
          enqueue(() -> autopilot.command(state, plan)
              .map(command -> decideAndApply(null, null, command, Deadlines.NONE))
              .orElseGet(() -> Future.succeededFuture(new JsonObject())));
        }));
  }

  /** The database refused: automation tries again a little later (a client's command also would). */
  private void retryAutomationLater() {
    cancelAutomation();
    automationTimer = vertx.setTimer(1_000, id -> schedule());
  }

  private void cancelAutomation() {
    if (automationTimer >= 0) {
      vertx.cancelTimer(automationTimer);
      automationTimer = -1;
    }
  }

  private void touch() {
    if (state != null && state.status() != Status.FINISHED) {
      retireIn(spec.idleMs());
    }
  }

  /**
   * Undeploys this room after {@code ms} without commands; it reloads from Postgres when needed.
   * A room with an automatic move pending never retires: no client would bring it back, and no
   * other node adopts it while this one lives.
   */
  private void retireIn(long ms) {
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
    }
    idleTimer = vertx.setTimer(ms, id -> tail.onComplete(v -> {
      if (automationTimer >= 0 && state.status() != Status.FINISHED) {
        retireIn(ms);
      } else {
        vertx.undeploy(deploymentID());
      }
    }));
  }
}
