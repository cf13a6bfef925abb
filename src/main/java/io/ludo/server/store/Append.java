package io.ludo.server.store;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;

/**
 * One game's events to make durable together: {@code expectedSeq} is the game's last seq before
 * them (0 for a new game), {@code status} the game's status after them, {@code epoch} the
 * ownership epoch the writing node holds; {@code commandId}, {@code fingerprint} and {@code reply}, when
 * present, record the command that caused them, what it asked for and its answer; {@code sendBy}
 * (System.nanoTime) is when its command's owner stops waiting: past it, the append is never sent; {@code serverSeed}, for a new game, its secret dice seed.
 */
record Append(String gameId, String roomName, String node, long epoch, int expectedSeq, String status,
    JsonArray events, String commandId, String fingerprint, JsonObject reply, byte[] serverSeed, long sendBy,
    Promise<Void> done) {

  static Append of(JsonObject message, Promise<Void> done) {
    String seed = message.getString("server_seed");
    return new Append(message.getString("game_id"), message.getString("room_name"), message.getString("node"),
        message.getLong("epoch"), message.getInteger("expected_seq"), message.getString("status"),
        message.getJsonArray("events"), message.getString("command_id"), message.getString("fingerprint"),
        message.getJsonObject("reply"),
        seed == null ? null : HexFormat.of().parseHex(seed),
        System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(message.getLong("budget_ms", Long.MAX_VALUE / 2_000_000)),
        done);
  }

  /** Whether its owner stopped waiting: such an append is answered {@link NotSentException} and never sent. */
  boolean expired() {
    return System.nanoTime() - sendBy >= 0;
  }

  int lastSeq() {
    return expectedSeq + events.size();
  }

  boolean createsGame() {
    return expectedSeq == 0;
  }
}
