package io.ludo.game;

/**
 * A room's turn timer: a seat that does not act within {@code timeoutMs} of the last event is
 * played for by the server and earns a strike; at {@code maxStrikes} a bot keeps its seat until
 * the player returns. {@link #NONE}: no timer.
 */
public record TurnTimer(long timeoutMs, int maxStrikes) {
  public static final int DEFAULT_MAX_STRIKES = 3;
  public static final TurnTimer NONE = new TurnTimer(0, DEFAULT_MAX_STRIKES);

  public boolean on() {
    return timeoutMs > 0;
  }
}
