package io.ludo.server.room;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A frame for the sockets that knows its own text: the room made the text once (its event's stored
 * bytes spliced in), and every consumer that writes it (a socket hub per event loop, another node's
 * wire) takes that text instead of encoding the tree again. Never changed after it is made.
 */
public final class EncodedFrame extends JsonObject {
  private final String text;

  EncodedFrame(JsonObject frame, String text) {
    super(frame.getMap());
    this.text = text;
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
