package io.ludo.rules;

import java.util.Arrays;

/**
 * The progress of all sixteen tokens, indexed by seat and token. Immutable: {@link #with} returns
 * a copy. Seats that do not play keep their tokens in the yard and are never read.
 */
public final class Tokens {
  private static final Tokens ALL_IN_YARD = new Tokens(filled());

  private final byte[] progress;

  private Tokens(byte[] progress) {
    this.progress = progress;
  }

  private static byte[] filled() {
    byte[] p = new byte[Board.SEATS * Board.TOKENS];
    Arrays.fill(p, (byte) Board.YARD);
    return p;
  }

  public static Tokens allInYard() {
    return ALL_IN_YARD;
  }

  /** Tokens from {@code [seat][token]} progress values; a null row stands for an absent seat. */
  public static Tokens of(int[][] bySeat) {
    if (bySeat.length != Board.SEATS) {
      throw new IllegalArgumentException("tokens need one row per seat");
    }
    byte[] p = filled();
    for (int seat = 0; seat < Board.SEATS; seat++) {
      int[] row = bySeat[seat];
      if (row == null) {
        continue;
      }
      if (row.length != Board.TOKENS) {
        throw new IllegalArgumentException("a seat has exactly 4 tokens");
      }
      for (int t = 0; t < Board.TOKENS; t++) {
        if (!Board.validProgress(row[t])) {
          throw new IllegalArgumentException("progress must be -1..56");
        }
        p[seat * Board.TOKENS + t] = (byte) row[t];
      }
    }
    return new Tokens(p);
  }

  public int progress(int seat, int token) {
    return progress[seat * Board.TOKENS + token];
  }

  public Tokens with(int seat, int token, int newProgress) {
    if (!Board.validProgress(newProgress)) {
      throw new IllegalArgumentException("progress must be -1..56");
    }
    byte[] p = progress.clone();
    p[seat * Board.TOKENS + token] = (byte) newProgress;
    return new Tokens(p);
  }

  /** A copy that moves one token and sends the captured ones back to their yards. */
  public Tokens moved(RuleEvent.TokenMoved move) {
    byte[] p = progress.clone();
    p[move.seat() * Board.TOKENS + move.token()] = (byte) move.to();
    for (RuleEvent.Capture c : move.captures()) {
      p[c.seat() * Board.TOKENS + c.token()] = (byte) Board.YARD;
    }
    return new Tokens(p);
  }

  public int[] ofSeat(int seat) {
    int[] row = new int[Board.TOKENS];
    for (int t = 0; t < Board.TOKENS; t++) {
      row[t] = progress(seat, t);
    }
    return row;
  }

  public boolean allHome(int seat) {
    for (int t = 0; t < Board.TOKENS; t++) {
      if (progress(seat, t) != Board.HOME) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tokens other && Arrays.equals(progress, other.progress);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(progress);
  }

  @Override
  public String toString() {
    var sb = new StringBuilder("[");
    for (int seat = 0; seat < Board.SEATS; seat++) {
      sb.append(seat == 0 ? "" : ", ").append(Arrays.toString(ofSeat(seat)));
    }
    return sb.append(']').toString();
  }
}
