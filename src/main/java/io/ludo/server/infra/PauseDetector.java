package io.ludo.server.infra;

import java.util.concurrent.TimeUnit;

/**
 * Notices when this process stopped running for a while (SIGSTOP, a long GC, a VM not scheduled):
 * a daemon thread ticks every {@value #TICK_MS} ms, and a tick that comes more than
 * {@value #PAUSE_MS} ms after the previous one is a pause. The cluster may have declared this node
 * dead meanwhile and given its games to others: rooms check their ownership after one.
 */
public final class PauseDetector {
  static final long TICK_MS = 200;
  /** Half the cluster's failure detection (3 s): any pause that long may have cost the node its games. */
  static final long PAUSE_MS = 1_500;
  private static final PauseDetector INSTANCE = new PauseDetector();

  private volatile long lastTick = System.nanoTime();
  private volatile long pauses;

  private PauseDetector() {
    Thread ticker = new Thread(this::tick, "ludo-pause-detector");
    ticker.setDaemon(true);
    ticker.start();
  }

  public static PauseDetector get() {
    return INSTANCE;
  }

  /**
   * Pauses seen so far; one more while the ticker itself is overdue (the process has just
   * resumed and the ticker has not run yet), so that a command handled first thing after a pause
   * already sees it.
   */
  public long pauses() {
    long overdue = System.nanoTime() - lastTick > TimeUnit.MILLISECONDS.toNanos(PAUSE_MS) ? 1 : 0;
    return pauses + overdue;
  }

  private void tick() {
    while (true) {
      try {
        Thread.sleep(TICK_MS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      if (now - lastTick > TimeUnit.MILLISECONDS.toNanos(PAUSE_MS)) {
        pauses++;
      }
      lastTick = now;
    }
  }
}
