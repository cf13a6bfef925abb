package io.ludo.server;

import io.ludo.server.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.ludo.server.store.AppendRequest;
import io.ludo.server.store.EventRow;
import java.util.ArrayList;
import java.util.List;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Game logs written straight through a node's persistence, as long as a test needs, without
 * playing them: each event is {@code {"seq","type","hash"}}, its hash the SHA-256 of its seq.
 */
public final class SyntheticLogs {
  private SyntheticLogs() {}

  /** Appends events {@code after+1 … after+count} of {@code type}, as the owner of epoch 1, under {@code commandId} (or none). */
  public static Future<Void> append(Vertx vertx, String gameId, int after, int count, String type, String status,
      String commandId) {
    List<EventRow> events = new ArrayList<>();
    for (int seq = after + 1; seq <= after + count; seq++) {
      events.add(new EventRow(seq, type, new JsonObject().put("seq", seq).put("type", type).put("hash", hash(seq)).encode()));
    }
    AppendRequest append = new AppendRequest(gameId, null, "synthetic", 1L, after, status, events, commandId,
        null, commandId == null ? null : new JsonObject().put("seq", after + count).encode(), null,
        System.nanoTime() + 60_000_000_000L, null, null);
    return vertx.eventBus().request(Addresses.PERSIST_APPEND, append).mapEmpty();
  }

  /** The hash the event {@code seq} of a synthetic log carries. */
  public static String hash(int seq) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(String.valueOf(seq).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
