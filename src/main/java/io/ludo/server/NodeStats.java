package io.ludo.server;

import java.util.concurrent.atomic.AtomicInteger;

/** What this node holds right now, shared by its verticles and published for operators. */
public final class NodeStats {
  private final AtomicInteger games = new AtomicInteger();

  public void gameLoaded() {
    games.incrementAndGet();
  }

  public void gameUnloaded() {
    games.decrementAndGet();
  }

  public int games() {
    return games.get();
  }
}
