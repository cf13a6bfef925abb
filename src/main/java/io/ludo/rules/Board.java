package io.ludo.rules;

/** Geometry of the board: progress counted from a seat's start square, and absolute squares. */
public final class Board {
  public static final int SEATS = 4;
  public static final int TOKENS = 4;
  public static final int TRACK_SQUARES = 52;
  /** Progress of a token in its yard. */
  public static final int YARD = -1;
  /** Progress of a seat's start square. */
  public static final int START = 0;
  /** The last progress on the shared track; 51..55 is the home column. */
  public static final int LAST_TRACK = 50;
  /** Progress of a token that reached home. */
  public static final int HOME = 56;
  /** Squares between two neighbouring seats' start squares. */
  public static final int SEAT_OFFSET = 13;

  private Board() {}

  /** The absolute track square (0..51) of a token of {@code seat} at progress {@code p ≤ 50}. */
  public static int square(int seat, int progress) {
    int s = SEAT_OFFSET * seat + progress;
    // The same as s % 52 for every int; seats 0..3 at progress 0..50 give s < 104: no division.
    return s >= 0 && s < 2 * TRACK_SQUARES ? (s >= TRACK_SQUARES ? s - TRACK_SQUARES : s) : s % TRACK_SQUARES;
  }

  public static boolean onTrack(int progress) {
    return progress >= START && progress <= LAST_TRACK;
  }

  public static boolean validProgress(int progress) {
    return progress >= YARD && progress <= HOME;
  }

  public static boolean validSeat(int seat) {
    return seat >= 0 && seat < SEATS;
  }
}
