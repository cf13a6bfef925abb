package io.ludo.server.game;

import io.ludo.bots.Strategies;
import io.ludo.game.Autopilot;
import io.ludo.game.Dice;
import io.ludo.server.NodeStats;
import io.ludo.server.bus.Addresses;
import io.ludo.server.bus.Deadlines;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.room.Replies;
import io.ludo.server.room.Room;
import io.ludo.server.room.RoomRequest;
import io.ludo.server.bus.SharedJsonCodec;
import io.vertx.core.eventbus.DeliveryOptions;
import io.ludo.server.validator.MoveValidator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.function.Function;

/**
 * The shell of one {@link Room} on this node: it takes the room's messages from the cluster's
 * event bus (commands, views, syncs, presence) and answers them; the room does the rest. Its
 * deployment is the room's ownership on this node: undeployed, the room leaves memory.
 */
public final class GameVerticle extends VerticleBase {
  private static final long LOCK_TIMEOUT_MS = 10_000;

  private final GameSpec spec;
  private final Function<byte[], Dice> diceFactory;
  private final Clock clock;
  private final long appendTimeoutMs;
  private final NodeStats stats;
  private final long botDelayMs;
  /** The operator's move validator, or null. */
  private final MoveValidator validator;
  private Room room;
  private MessageConsumer<Object> consumer;
  /** Replies are made fresh for each answer and not touched after: delivered within the node without a copy. */
  private static final DeliveryOptions SHARED = new DeliveryOptions().setCodecName(SharedJsonCodec.NAME);

  public GameVerticle(GameSpec spec, Function<byte[], Dice> diceFactory, Clock clock, long appendTimeoutMs,
      NodeStats stats, long botDelayMs, MoveValidator validator) {
    this.spec = spec;
    this.diceFactory = diceFactory;
    this.clock = clock;
    this.appendTimeoutMs = appendTimeoutMs;
    this.stats = stats;
    this.botDelayMs = botDelayMs;
    this.validator = validator;
  }

  @Override
  public Future<?> start() {
    BusFeed feed = new BusFeed(vertx, spec.gameId(), spec.nodeId());
    room = new Room(new Room.Setup(spec.gameId(), spec.nodeId(), spec.idleMs(), spec.lingerMs()),
        new BusJournal(vertx, spec.gameId(), spec.nodeId(), appendTimeoutMs), feed,
        new VertxRoomClock(vertx, clock), diceFactory,
        // the greedy bot: deterministic, so a new owner plays exactly what the old one would have
        new Autopilot(Strategies.create("greedy", new java.util.Random(0)), botDelayMs),
        validator == null ? Room.MoveCheck.NONE : validator::check,
        new DirectoryRematches(vertx, spec.nodeId()),
        this::leave);
    Future<Void> ready = spec.creation() != null ? room.create(spec.creation(), spec.serverSeed(), spec.listing())
        : room.load();
    return ready.compose(v -> {
      consumer = vertx.eventBus().consumer(Addresses.gameCommands(spec.gameId()), this::onMessage);
      return consumer.completion().onSuccess(registered -> {
        LocalRooms.of(vertx).put(spec.gameId(), true);
        stats.gameLoaded();
        if (spec.creation() == null) {
          feed.presenceRequest();
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
    if (consumer == null) {
      return room == null ? Future.succeededFuture() : room.close();
    }
    stats.gameUnloaded();
    LocalRooms.of(vertx).remove(spec.gameId());
    // no automatic move is started from here on; the room's commands in flight finish
    room.close();
    return vertx.sharedData().getLockWithTimeout(Ownership.lockName(spec.gameId()), LOCK_TIMEOUT_MS)
        // a command that failed in flight does not fail the hand-off
        .compose(lock -> consumer.unregister().transform(v -> room.close()).transform(v -> Future.<Void>succeededFuture())
            .eventually(() -> {
              lock.release();
              return Future.succeededFuture();
            }))
        .recover(e -> room.close());
  }

  /** The room is idle, finished and lingered, or fenced out: it stops taking commands and leaves. */
  private void leave() {
    LocalRooms.of(vertx).remove(spec.gameId());
    consumer.unregister();
    vertx.undeploy(deploymentID());
  }

  private void onMessage(Message<Object> message) {
    // a room request from an edge; plain JSON only from a test or a tool on the bus
    RoomRequest request = message.body() instanceof RoomRequest r ? r
        : message.body() instanceof JsonObject json ? RoomRequests.of(json) : null;
    switch (request) {
      case null -> message.fail(ErrorCode.INVALID_INPUT.status(), ErrorCode.INVALID_INPUT.name());
      case RoomRequest.View v -> answer(message, room.view());
      case RoomRequest.Fairness f -> answer(message, room.fairness());
      case RoomRequest.Head h -> answer(message, room.head());
      case RoomRequest.Recent r -> answer(message, room.recent(r.sinceSeq(), r.max()));
      case RoomRequest.Presence p -> {
        room.touch();
        room.presence(p.node(), p.playerId(), p.delta());
        done(message);
      }
      case RoomRequest.NodeLeft n -> {
        room.nodeLeft(n.node());
        done(message);
      }
      case RoomRequest.NodeReturned n -> {
        room.nodeReturned(n.node());
        done(message);
      }
      case RoomRequest.EpochMoved e -> {
        room.epochMoved(e.epoch());
        done(message);
      }
      case RoomRequest.Rematch r -> room.rematch(r.playerId()).onSuccess(reply -> message.reply(reply, SHARED));
      case RoomRequest.Chat c -> room.chat(c.playerId(), c.text()).onSuccess(reply -> message.reply(reply, SHARED));
      case RoomRequest.Command c -> room.command(c.commandId(), c.fingerprint(), c.command(), Deadlines.ownerDeadline(message))
          .otherwise(e -> Replies.error(ErrorCode.UNAVAILABLE, "the command failed; retry"))
          .onSuccess(reply -> {
            String code = Replies.errorCode(reply);
            stats.command(c.command() == null ? "invalid" : c.type(), code == null ? "accepted" : code);
            message.reply(reply, SHARED);
          });
    }
  }

  /** A notice taken in (presence, a node's change, an epoch): nothing to answer but that. */
  private static void done(Message<Object> message) {
    message.reply(new JsonObject().put("ok", true), SHARED);
  }

  /** A read: it counts as activity. */
  private void answer(Message<Object> message, JsonObject reply) {
    room.touch();
    message.reply(reply, SHARED);
  }
}
