package io.ludo.server.bus;

import io.ludo.server.store.AppendRequest;
import io.vertx.core.eventbus.EventBus;

/** The node's own message codecs, registered once per Vert.x instance before any part starts. */
public final class Codecs {
  private Codecs() {}

  public static void register(EventBus bus) {
    try {
      bus.registerDefaultCodec(AppendRequest.class, new LocalCodec<>(AppendRequest.class));
      bus.registerCodec(new SharedJsonCodec());
      bus.registerCodec(new io.ludo.server.game.RoomRequestCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // a second node in the same Vert.x (tests): the codecs are the same
    }
  }
}
