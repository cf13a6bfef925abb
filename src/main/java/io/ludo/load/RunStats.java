package io.ludo.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one driver thread counted while measuring: actions by kind, the latency of each as its
 * acting client saw it (send to ack, microseconds), errors by code. Not thread-safe: one per
 * driver, merged once the drivers stopped.
 */
public final class RunStats {
  /** Latencies up to a minute, three significant digits. */
  private static final long HIGHEST_US = TimeUnit.MINUTES.toMicros(1);

  final Histogram latencyUs = new Histogram(HIGHEST_US, 3);
  long rolls;
  long moves;
  long gamesCompleted;
  long gamesStarted;
  long eventFrames;
  long ackBytes;
  final Map<String, Long> errors = new TreeMap<>();

  /** Whether actions and errors are counted now (not during the warm-up, nor after the end). */
  boolean measuring;

  void action(boolean roll, long sentNanos, long ackNanos, int replyBytes) {
    if (!measuring) {
      return;
    }
    if (roll) {
      rolls++;
    } else {
      moves++;
    }
    ackBytes += replyBytes;
    latencyUs.recordValue(Math.min(HIGHEST_US, Math.max(0, (ackNanos - sentNanos) / 1_000)));
  }

  void error(String code) {
    if (measuring) {
      errors.merge(code, 1L, Long::sum);
    }
  }

  void eventFrame() {
    if (measuring) {
      eventFrames++;
    }
  }

  void gameStarted() {
    if (measuring) {
      gamesStarted++;
    }
  }

  void gameCompleted() {
    if (measuring) {
      gamesCompleted++;
    }
  }

  long actions() {
    return rolls + moves;
  }

  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Adds another driver's counts into this one. */
  void add(RunStats other) {
    latencyUs.add(other.latencyUs);
    rolls += other.rolls;
    moves += other.moves;
    gamesCompleted += other.gamesCompleted;
    gamesStarted += other.gamesStarted;
    eventFrames += other.eventFrames;
    ackBytes += other.ackBytes;
    other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
  }
}
