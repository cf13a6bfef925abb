package io.ludo.server.room;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A frame for the sockets, or a command's reply, that knows its own text: the room made the text
 * once (an event's stored bytes spliced in; a reply's text as it is stored for resends), and every
 * consumer that writes it (a socket hub per event loop, another node's wire, an HTTP response)
 * takes that text instead of encoding the tree again. Never changed after it is made.
 */
public final class EncodedFrame extends JsonObject {
  private final String text;

  EncodedFrame(JsonObject frame, String text) {
    super(frame.getMap());
    this.text = text;
  }

  /**
   * A WebSocket's ack of a command: {@code {"type":"ack","id":…}} and the reply's members, its text
   * spliced from the reply's own (made once by its room) rather than encoded again.
   */
  public static JsonObject ack(Object id, JsonObject reply) {
    JsonObject ack = new JsonObject().put("type", "ack").put("id", id).mergeIn(reply);
    if (reply.isEmpty() || reply.containsKey("type") || reply.containsKey("id")) {
      return ack;
    }
    String prefix = "{\"type\":\"ack\",\"id\":" + io.vertx.core.json.Json.encode(id) + ",";
    return new EncodedFrame(ack, prefix + reply.encode().substring(1));
  }

  /** Equal to any JSON object of the same members (its text is only a cached form of them). */
  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject other && new JsonObject(getMap()).equals(new JsonObject(other.getMap()));
  }

  @Override
  public int hashCode() {
    return new JsonObject(getMap()).hashCode();
  }

  @Override
  public String encode() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public Buffer toBuffer() {
    return Buffer.buffer(text);
  }
}
