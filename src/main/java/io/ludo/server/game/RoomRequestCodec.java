package io.ludo.server.game;

import io.ludo.server.room.RoomRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/** Room requests as they are within a node (immutable records: no copy); as JSON between nodes. */
public final class RoomRequestCodec implements MessageCodec<RoomRequest, RoomRequest> {
  public static final String NAME = "ludo:room-request";

  @Override
  public void encodeToWire(Buffer buffer, RoomRequest request) {
    Buffer json = RoomRequests.toJson(request).toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public RoomRequest decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return RoomRequests.fromJson(new JsonObject(buffer.slice(pos + 4, pos + 4 + length)));
  }

  @Override
  public RoomRequest transform(RoomRequest request) {
    return request;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
