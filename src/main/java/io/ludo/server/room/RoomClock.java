package io.ludo.server.room;

/** A room's time: the wall clock its events are stamped with, and timers that run on the room's thread. */
public interface RoomClock {
  /** Epoch milliseconds. */
  long now();

  /** Runs {@code task} on the room's thread after {@code delayMs}; the answer cancels it. */
  long after(long delayMs, Runnable task);

  void cancel(long timer);
}
