package io.ludo.rules;

import java.util.Arrays;
import java.util.List;

/**
 * The progress of all sixteen tokens, indexed by seat and token. Immutable: {@link #with} returns
 * a copy. Seats that do not play keep their tokens in the yard and are never read.
 *
 * <p>Each progress (−1..56) is one signed byte lane of two longs: seats 0–1 in {@code low}, seats
 * 2–3 in {@code high}, token {@code 4·seat + t} at byte {@code (4·seat + t) mod 8}. One small
 * object per position, no array: the engine copies tokens on every move.
 */
public final class Tokens {
  private static final long YARD_LANES = -1L; // every byte 0xFF, that is -1
  private static final Tokens ALL_IN_YARD = new Tokens(YARD_LANES, YARD_LANES);
  private static final int COUNT = Board.SEATS * Board.TOKENS;

  private final long low;
  private final long high;

  private Tokens(long low, long high) {
    this.low = low;
    this.high = high;
  }

  public static Tokens allInYard() {
    return ALL_IN_YARD;
  }

  /** Tokens from {@code [seat][token]} progress values; a null row stands for an absent seat. */
  public static Tokens of(int[][] bySeat) {
    if (bySeat.length != Board.SEATS) {
      throw new IllegalArgumentException("tokens need one row per seat");
    }
    Tokens tokens = ALL_IN_YARD;
    for (int seat = 0; seat < Board.SEATS; seat++) {
      int[] row = bySeat[seat];
      if (row == null) {
        continue;
      }
      if (row.length != Board.TOKENS) {
        throw new IllegalArgumentException("a seat has exactly 4 tokens");
      }
      for (int t = 0; t < Board.TOKENS; t++) {
        tokens = tokens.with(seat, t, row[t]);
      }
    }
    return tokens;
  }

  public int progress(int seat, int token) {
    int index = index(seat, token);
    long lanes = index < 8 ? low : high;
    return (byte) (lanes >>> ((index & 7) << 3));
  }

  public Tokens with(int seat, int token, int newProgress) {
    if (!Board.validProgress(newProgress)) {
      throw new IllegalArgumentException("progress must be -1..56");
    }
    int index = index(seat, token);
    return index < 8
        ? new Tokens(setLane(low, index, newProgress), high)
        : new Tokens(low, setLane(high, index, newProgress));
  }

  private static long setLane(long lanes, int index, int progress) {
    int shift = (index & 7) << 3;
    return (lanes & ~(0xFFL << shift)) | ((progress & 0xFFL) << shift);
  }

  /** A copy that moves one token and sends the captured ones back to their yards. */
  public Tokens moved(RuleEvent.TokenMoved move) {
    long lo = low;
    long hi = high;
    int index = index(move.seat(), move.token());
    if (index < 8) {
      lo = setLane(lo, index, move.to());
    } else {
      hi = setLane(hi, index, move.to());
    }
    List<RuleEvent.Capture> captures = move.captures();
    for (int i = 0; i < captures.size(); i++) {
      RuleEvent.Capture c = captures.get(i);
      int captured = index(c.seat(), c.token());
      if (captured < 8) {
        lo = setLane(lo, captured, Board.YARD);
      } else {
        hi = setLane(hi, captured, Board.YARD);
      }
    }
    return new Tokens(lo, hi);
  }

  /** The lane of a token; out of range exactly as the byte array this store replaced. */
  private static int index(int seat, int token) {
    int index = seat * Board.TOKENS + token;
    if (index < 0 || index >= COUNT) {
      throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + COUNT);
    }
    return index;
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
    return o instanceof Tokens other && low == other.low && high == other.high;
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(low) + Long.hashCode(high);
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
