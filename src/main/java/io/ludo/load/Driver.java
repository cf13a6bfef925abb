package io.ludo.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One generator thread: keeps {@code games} games going on its event loop, a new one in a slot
 * as soon as the slot's game ends, until the run stops. Everything here runs on its context.
 */
final class Driver {
  /** Makes the game of a slot: real ({@link GamePlayer}) or the echo ceiling ({@link EchoPlayer}). */
  interface GameFactory {
    LoadGame create(Nodes nodes, RunStats stats, SplittableRandom random, int serial, LoadGame.Ended ended);
  }

  private static final long CHECK_MS = 500;
  /** A slot whose game failed waits this long before the next one (no busy loop against a dead node). */
  private static final long RETRY_MS = 200;
  private static final long STOP_WAIT_MS = 10_000;

  private final int index;
  private final int games;
  private final List<String> urls;
  private final boolean crossNodes;
  private final GameFactory factory;
  private final long actionTimeoutNanos;
  private final RunStats stats = new RunStats();
  private final SplittableRandom random;
  private final LoadGame[] slots;
  private Vertx vertx;
  private Context context;
  private Nodes nodes;
  private int serial;
  private long checker;
  private boolean stopping;
  private Promise<RunStats> stopped;

  Driver(int index, int games, List<String> urls, boolean crossNodes, long seed, long actionTimeoutMs, GameFactory factory) {
    this.index = index;
    this.games = games;
    this.urls = urls;
    this.crossNodes = crossNodes;
    this.factory = factory;
    this.actionTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(actionTimeoutMs);
    this.random = new SplittableRandom(seed * 1_000_003L + index);
    this.slots = new LoadGame[games];
  }

  /** Called on the driver's own context (its verticle's start). */
  void start(Vertx vertx, Context context) {
    this.vertx = vertx;
    this.context = context;
    this.nodes = new Nodes(vertx, urls, crossNodes, games * GamePlayer.SEATS + 64);
    for (int slot = 0; slot < games; slot++) {
      launch(slot);
    }
    checker = vertx.setPeriodic(CHECK_MS, id -> {
      long now = System.nanoTime();
      for (LoadGame g : slots) {
        if (g != null) {
          g.checkOverdue(now, actionTimeoutNanos);
        }
      }
    });
  }

  private void launch(int slot) {
    if (stopping) {
      return;
    }
    int n = serial++;
    LoadGame game = factory.create(nodes, stats, random.split(), index * 1_000_000 + n, (g, finished) -> ended(slot, g, finished));
    slots[slot] = game;
    game.start();
  }

  private void ended(int slot, LoadGame game, boolean finished) {
    if (slots[slot] != game) {
      return;
    }
    if (stopping) {
      slots[slot] = null;
      completeIfAllStopped();
    } else if (finished) {
      launch(slot);
    } else {
      vertx.setTimer(RETRY_MS, id -> launch(slot));
    }
  }

  /** Counts from now on (true) or no longer (false). */
  void measure(boolean on) {
    context.runOnContext(v -> stats.measuring = on);
  }

  /** Ends every game (each after its action in flight) and answers what was counted. */
  Future<RunStats> stop() {
    Promise<RunStats> p = Promise.promise();
    context.runOnContext(v -> {
      stopping = true;
      stopped = p;
      vertx.cancelTimer(checker);
      for (LoadGame g : slots.clone()) {
        if (g != null) {
          g.stop();
        }
      }
      completeIfAllStopped();
      vertx.setTimer(STOP_WAIT_MS, id -> finish());
    });
    return p.future();
  }

  private void completeIfAllStopped() {
    if (stopped == null) {
      return;
    }
    for (LoadGame g : slots) {
      if (g != null) {
        return;
      }
    }
    finish();
  }

  private void finish() {
    if (stopped != null) {
      Promise<RunStats> p = stopped;
      stopped = null;
      nodes.close();
      p.complete(stats);
    }
  }
}
