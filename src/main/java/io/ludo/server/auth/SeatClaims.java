package io.ludo.server.auth;

/**
 * What a verified seat token says: this player sits in this seat of this game, until
 * {@code expiresAt} (epoch seconds).
 */
public record SeatClaims(String gameId, String playerId, int seat, long expiresAt) {
  /** Whether the token has run out at {@code nowMs} (epoch milliseconds). */
  public boolean expiredAt(long nowMs) {
    return nowMs >= expiresAt * 1000;
  }

  public boolean sameSeat(SeatClaims other) {
    return gameId.equals(other.gameId) && playerId.equals(other.playerId) && seat == other.seat;
  }
}
