package io.ludo.server.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A room's clock that moves only when a test moves it; due timers run in time order. */
final class ManualClock implements RoomClock {
  private record Timer(long at, long id, Runnable task) {}

  private final Map<Long, Timer> timers = new HashMap<>();
  private long now = 1_700_000_000_000L;
  private long nextId;

  @Override
  public long now() {
    return now;
  }

  @Override
  public long after(long delayMs, Runnable task) {
    long id = nextId++;
    timers.put(id, new Timer(now + Math.max(1, delayMs), id, task));
    return id;
  }

  @Override
  public void cancel(long timer) {
    timers.remove(timer);
  }

  /** The process "paused": see {@link RoomClock#pauses}. */
  long pauses;

  @Override
  public long pauses() {
    return pauses;
  }

  int pending() {
    return timers.size();
  }

  void advance(long ms) {
    long until = now + ms;
    while (true) {
      List<Timer> due = new ArrayList<>(timers.values().stream().filter(t -> t.at() <= until).toList());
      if (due.isEmpty()) {
        break;
      }
      Timer first = due.stream().min(Comparator.comparingLong(Timer::at).thenComparingLong(Timer::id)).orElseThrow();
      timers.remove(first.id());
      now = Math.max(now, first.at());
      first.task().run();
    }
    now = until;
  }
}
