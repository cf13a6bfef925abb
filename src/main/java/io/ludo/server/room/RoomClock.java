package io.ludo.server.room;

/** A room's time: the wall clock its events are stamped with, and timers that run on the room's thread. */
public interface RoomClock {
  /** Epoch milliseconds. */
  long now();

  /** Runs {@code task} on the room's thread after {@code delayMs}; the answer cancels it. */
  long after(long delayMs, Runnable task);

  void cancel(long timer);

  /**
   * How many times the process has stopped running for a while (a pause: SIGSTOP, a long GC) so
   * far: after one, the cluster may have given this room's game to another node.
   */
  default long pauses() {
    return 0;
  }
}
