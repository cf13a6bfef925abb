package io.ludo.server;

import java.util.concurrent.atomic.AtomicInteger;

/** What this node holds right now, shared by its verticles and published for operators. */
public final class NodeStats {
  private final AtomicInteger games = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong validatorFailOpen = new java.util.concurrent.atomic.AtomicLong();

  public void gameLoaded() {
    games.incrementAndGet();
  }

  public void gameUnloaded() {
    games.decrementAndGet();
  }

  public int games() {
    return games.get();
  }

  /** A move was applied unvalidated because the validator was unavailable (policy fail-open). */
  public void validatorFailedOpen() {
    validatorFailOpen.incrementAndGet();
  }

  public long validatorFailOpen() {
    return validatorFailOpen.get();
  }
}
