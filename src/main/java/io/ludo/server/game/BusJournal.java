package io.ludo.server.game;

import io.ludo.server.bus.Addresses;
import io.ludo.server.bus.Deadlines;
import io.ludo.server.room.AppendFailure;
import io.ludo.server.room.ChatMessage;
import io.ludo.server.room.RoomListing;
import io.ludo.server.room.RoomJournal;
import io.ludo.server.room.SealedEvent;
import io.ludo.server.store.AppendRequest;
import io.ludo.server.store.EventRow;
import io.ludo.server.store.PersistenceVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A room's journal on this node's persistence verticle, over the local event bus. */
final class BusJournal implements RoomJournal {
  /** A safety net only: past it (a database gone for this long) the outcome is read back from the log. */
  private static final long APPEND_OUTCOME_TIMEOUT_MS = 60_000;
  /**
   * Persistence listens on every node, locally: a request that says so skips the clustered event
   * bus's look-up of the address's registrations in the cluster (2 % of the node's CPU at 100 games).
   */
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
  private static final DeliveryOptions APPEND = new DeliveryOptions().setLocalOnly(true)
      .setSendTimeout(APPEND_OUTCOME_TIMEOUT_MS);
  private final Vertx vertx;
  private final String gameId;
  private final String nodeId;
  /** How long persistence may hold an append that no command waits for (a new game's, the server's own). */
  private final long appendTimeoutMs;

  BusJournal(Vertx vertx, String gameId, String nodeId, long appendTimeoutMs) {
    this.vertx = vertx;
    this.gameId = gameId;
    this.nodeId = nodeId;
    this.appendTimeoutMs = appendTimeoutMs;
  }

  @Override
  public Future<Claim> claim() {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_CLAIM, new JsonObject().put("game_id", gameId).put("node", nodeId), LOCAL)
        .map(claimed -> {
          JsonObject c = claimed.body();
          String seed = c.getString("server_seed");
          RoomListing listing = new RoomListing(c.getString("invite_code"), c.getString("visibility", RoomListing.PRIVATE));
          return new Claim(c.getLong("epoch"), seed == null ? null : HexFormat.of().parseHex(seed), listing,
              c.getString("rematch_game_id"));
        });
  }

  @Override
  public Future<List<SealedEvent>> events(int fromSeq) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_READ, new JsonObject().put("game_id", gameId).put("from_seq", fromSeq), LOCAL)
        .map(reply -> {
          JsonArray events = reply.body().getJsonArray("events");
          List<SealedEvent> out = new ArrayList<>(events.size());
          for (int i = 0; i < events.size(); i++) {
            out.add(SealedEvent.read(events.getJsonObject(i)));
          }
          return out;
        });
  }

  @Override
  public Future<List<StoredCommand>> recentCommands(int limit) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_COMMANDS, new JsonObject().put("game_id", gameId).put("limit", limit), LOCAL)
        .map(answer -> {
          JsonArray commands = answer.body().getJsonArray("commands");
          List<StoredCommand> out = new ArrayList<>(commands.size());
          for (int i = 0; i < commands.size(); i++) {
            JsonObject c = commands.getJsonObject(i);
            out.add(new StoredCommand(c.getString("command_id"), c.getString("fingerprint"), c.getJsonObject("reply")));
          }
          return out;
        });
  }

  @Override
  public Future<StoredCommand> command(String commandId) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_COMMAND, new JsonObject().put("game_id", gameId).put("command_id", commandId), LOCAL)
        .map(found -> {
          JsonObject reply = found.body().getJsonObject("reply");
          return reply == null ? null : new StoredCommand(commandId, found.body().getString("fingerprint"), reply);
        });
  }

  @Override
  public Future<Void> append(Append a) {
    List<EventRow> rows = new ArrayList<>(a.events().size());
    for (SealedEvent e : a.events()) {
      rows.add(new EventRow(e.seq(), e.json().getString("type"), e.text()));
    }
    long sendBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Deadlines.storeBudgetMs(a.deadlineNanos(), appendTimeoutMs));
    AppendRequest message = new AppendRequest(gameId, a.roomName(), nodeId, a.epoch(), a.expectedSeq(), a.status(), rows,
        a.commandId(), a.fingerprint(), a.reply(), a.newGameSeed(), sendBy,
        a.listing() == null ? null : a.listing().inviteCode(), a.listing() == null ? null : a.listing().visibility());
    return vertx.eventBus()
        .request(Addresses.PERSIST_APPEND, message, APPEND)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(new AppendFailure(kind(e))));
  }

  @Override
  public Future<Long> ownerEpoch() {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_EPOCH, new JsonObject().put("game_id", gameId), LOCAL)
        .map(answer -> answer.body().getLong("epoch"));
  }

  @Override
  public Future<String> rematch(String rematchGameId) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_REMATCH, new JsonObject().put("game_id", gameId).put("rematch_game_id", rematchGameId), LOCAL)
        .map(answer -> answer.body().getString("rematch_game_id"));
  }

  @Override
  public Future<Void> chat(ChatMessage message) {
    return vertx.eventBus().request(Addresses.PERSIST_CHAT_ADD, message.frame().put("game_id", gameId), LOCAL).mapEmpty();
  }

  private static AppendFailure.Kind kind(Throwable e) {
    if (PersistenceVerticle.failedWith(e, PersistenceVerticle.STALE_APPEND)) {
      return AppendFailure.Kind.FENCED;
    }
    if (PersistenceVerticle.failedWith(e, PersistenceVerticle.NOT_SENT)) {
      return AppendFailure.Kind.NOT_SENT;
    }
    if (PersistenceVerticle.failedWith(e, PersistenceVerticle.DUPLICATE_COMMAND)) {
      return AppendFailure.Kind.DUPLICATE_COMMAND;
    }
    return AppendFailure.Kind.UNKNOWN;
  }
}
