package io.ludo.server.game;

import io.ludo.server.room.RoomClock;
import io.vertx.core.Vertx;
import java.time.Clock;

/** A room's clock on Vert.x timers: set from the room's verticle, they fire on its event loop. */
record VertxRoomClock(Vertx vertx, Clock wall) implements RoomClock {
  @Override
  public long now() {
    return wall.millis();
  }

  @Override
  public long after(long delayMs, Runnable task) {
    return vertx.setTimer(Math.max(1, delayMs), id -> task.run());
  }

  @Override
  public void cancel(long timer) {
    vertx.cancelTimer(timer);
  }

  @Override
  public long pauses() {
    return io.ludo.server.infra.PauseDetector.get().pauses();
  }
}
