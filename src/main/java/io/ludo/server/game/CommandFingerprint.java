package io.ludo.server.game;

import io.vertx.core.json.JsonObject;
import java.util.TreeMap;

/**
 * What a command asks for, without its key: its type and arguments, in one canonical line.
 * A remembered reply answers only a resend whose fingerprint is the same; the same key with
 * another request is refused (IDEMPOTENCY_KEY_REUSED), so a key never hands out what another
 * request was given.
 */
final class CommandFingerprint {
  private CommandFingerprint() {}

  static String of(JsonObject command) {
    TreeMap<String, Object> fields = new TreeMap<>();
    command.forEach(e -> {
      if (e.getValue() != null && !"command_id".equals(e.getKey()) && !drawnByTheEdge(command, e.getKey())) {
        fields.put(e.getKey(), e.getValue());
      }
    });
    return new JsonObject(new java.util.LinkedHashMap<>(fields)).encode();
  }

  /** A join's player id is drawn afresh by the edge for every request: the name and seed say who asks. */
  private static boolean drawnByTheEdge(JsonObject command, String field) {
    return "player_id".equals(field) && "join".equals(command.getString("type"));
  }
}
