package io.ludo.rules;

import io.ludo.rules.Command.Move;
import io.ludo.rules.Command.Roll;
import io.ludo.rules.Decision.Accepted;
import io.ludo.rules.Decision.Rejected;
import io.ludo.rules.RuleEvent.Capture;
import io.ludo.rules.RuleEvent.DiceRolled;
import io.ludo.rules.RuleEvent.GameFinished;
import io.ludo.rules.RuleEvent.PlayerFinished;
import io.ludo.rules.RuleEvent.TokenMoved;
import io.ludo.rules.RuleEvent.TurnPassed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The rules of one game's options: {@link #decide} a command into events, {@link #evolve} a
 * position by one event. Both are pure; a game is the fold of its events from {@link
 * Position#initial}.
 */
public final class Rules {
  private static final Rejected WRONG_PHASE = new Rejected(RuleError.WRONG_PHASE);
  private static final Rejected INVALID_INPUT = new Rejected(RuleError.INVALID_INPUT);
  private static final Rejected ILLEGAL_MOVE = new Rejected(RuleError.ILLEGAL_MOVE);
  /*
   * Events and decisions are immutable values, and only a few hundred passes and roll decisions
   * exist: they are made once here, not on every action (see docs/BENCHMARKS.md). A position with
   * a seat outside 0..3 is invalid; decide still answers for it as it always did, unshared.
   */
  /** {@code [from][to]}. */
  private static final TurnPassed[][] PASSED = new TurnPassed[Board.SEATS][Board.SEATS];
  /** {@code [seat][die][legal bits]}: the roll alone; the seat moves or rolls again. */
  private static final Accepted[][][] ROLLED = new Accepted[Board.SEATS][7][16];
  /** {@code [seat][die][next seat]}: the roll without a move, and play passes. */
  private static final Accepted[][][] ROLLED_AND_PASSED = new Accepted[Board.SEATS][7][Board.SEATS];

  static {
    for (int seat = 0; seat < Board.SEATS; seat++) {
      for (int to = 0; to < Board.SEATS; to++) {
        PASSED[seat][to] = new TurnPassed(seat, to);
      }
      for (int value = 1; value <= 6; value++) {
        for (int bits = 0; bits < 16; bits++) {
          ROLLED[seat][value][bits] = newRolled(seat, value, bits);
        }
        for (int to = 0; to < Board.SEATS; to++) {
          ROLLED_AND_PASSED[seat][value][to] = newRolledAndPassed(seat, value, to);
        }
      }
    }
  }

  private final Options options;
  /** Bit {@code d} set when a roll of {@code d} brings a token out of the yard. */
  private final int exitMask;
  /** Bit {@code s} set when absolute square {@code s} is safe. */
  private final long safeMask;

  public Rules(Options options) {
    this.options = options;
    int exits = 0;
    for (int d : options.exitValues()) {
      exits |= 1 << d;
    }
    long safe = 0;
    for (int s : options.safeSquares()) {
      safe |= 1L << s;
    }
    this.exitMask = exits;
    this.safeMask = safe;
  }

  public Options options() {
    return options;
  }

  /** Two rule sets are the same when their options are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Rules other && options.equals(other.options);
  }

  @Override
  public int hashCode() {
    return options.hashCode();
  }

  // ---------------------------------------------------------------- decide

  public Decision decide(Position position, Command command) {
    return switch (command) {
      case Roll roll -> decideRoll(position, roll.value());
      case Move move -> decideMove(position, move.token());
    };
  }

  private Decision decideRoll(Position p, int value) {
    if (p.phase() != Phase.ROLL) {
      return WRONG_PHASE;
    }
    if (value < 1 || value > 6) {
      return INVALID_INPUT;
    }
    int seat = p.current();
    int sixes = value == 6 ? p.sixes() + 1 : 0;
    if (options.maxSixes() > 0 && sixes >= options.maxSixes()) {
      return rolledAndPassed(seat, value, nextPlaying(p.seats(), p.finished(), seat));
    }
    int legal = legalMoveBits(p, seat, value);
    if (legal != 0 || (value == 6 && options.sixBonus())) {
      return Board.validSeat(seat) ? ROLLED[seat][value][legal] : newRolled(seat, value, legal);
    }
    return rolledAndPassed(seat, value, nextPlaying(p.seats(), p.finished(), seat));
  }

  private static Accepted newRolled(int seat, int value, int legal) {
    return new Accepted(List.of(new DiceRolled(seat, value, LegalMoves.list(legal))));
  }

  private static Accepted rolledAndPassed(int seat, int value, int to) {
    return Board.validSeat(seat) && Board.validSeat(to)
        ? ROLLED_AND_PASSED[seat][value][to]
        : newRolledAndPassed(seat, value, to);
  }

  private static Accepted newRolledAndPassed(int seat, int value, int to) {
    return new Accepted(List.of(new DiceRolled(seat, value, List.of()), new TurnPassed(seat, to)));
  }

  private Decision decideMove(Position p, int token) {
    if (p.phase() != Phase.MOVE) {
      return WRONG_PHASE;
    }
    if (token < 0 || token >= Board.TOKENS) {
      return INVALID_INPUT;
    }
    int seat = p.current();
    int dice = p.dice();
    if (!mayMove(p, seat, token, dice, options.blockades() ? blocksAgainst(p, seat) : 0L)) {
      return ILLEGAL_MOVE;
    }
    int from = p.progress(seat, token);
    int to = from == Board.YARD ? Board.START : from + dice;
    TokenMoved moved = new TokenMoved(seat, token, from, to, capturesAt(p, seat, to));

    if (moved.reachedHome() && othersHome(p, seat, token)) {
      return new Accepted(finishing(p, moved, seat));
    }
    boolean bonus = (dice == 6 && options.sixBonus())
        || (!moved.captures().isEmpty() && options.captureBonus())
        || (moved.reachedHome() && options.homeBonus());
    return new Accepted(bonus ? List.of(moved) : List.of(moved, passFrom(p, seat)));
  }

  /** Whether every token of {@code seat} but {@code token} is home. */
  private static boolean othersHome(Position p, int seat, int token) {
    for (int t = 0; t < Board.TOKENS; t++) {
      if (t != token && p.progress(seat, t) != Board.HOME) {
        return false;
      }
    }
    return true;
  }

  /** The events once {@code seat} brought its fourth token home: it gets no bonus roll. */
  private List<RuleEvent> finishing(Position p, TokenMoved moved, int seat) {
    var events = new ArrayList<RuleEvent>(4);
    events.add(moved);
    events.add(new PlayerFinished(seat));
    var ranking = new ArrayList<>(p.finished());
    ranking.add(seat);
    var stillPlaying = new ArrayList<Integer>();
    for (int s : p.seats()) {
      if (!ranking.contains(s)) {
        stillPlaying.add(s);
      }
    }
    if (options.endCondition() == EndCondition.ALL_RANKED && stillPlaying.size() > 1) {
      events.add(passed(seat, nextPlaying(p.seats(), ranking, seat)));
      return events;
    }
    if (options.endCondition() == EndCondition.ALL_RANKED) {
      int last = stillPlaying.get(0);
      events.add(new PlayerFinished(last));
      ranking.add(last);
    }
    events.add(new GameFinished(ranking));
    return events;
  }

  private TurnPassed passFrom(Position p, int seat) {
    return passed(seat, nextPlaying(p.seats(), p.finished(), seat));
  }

  private static TurnPassed passed(int from, int to) {
    return Board.validSeat(from) && Board.validSeat(to) ? PASSED[from][to] : new TurnPassed(from, to);
  }

  /** The next seat after {@code seat}, clockwise, that has not finished. */
  private static int nextPlaying(List<Integer> seats, List<Integer> finished, int seat) {
    int n = seats.size();
    int at = -1; // as indexOf: a seat that does not play is followed by the first seat
    for (int i = 0; i < n; i++) {
      if (seats.get(i) == seat) {
        at = i;
        break;
      }
    }
    for (int step = 1; step <= n; step++) {
      int candidate = seats.get((at + step) % n);
      if (finished.isEmpty() || !finished.contains(candidate)) {
        return candidate;
      }
    }
    return seat;
  }

  private List<Capture> capturesAt(Position p, int mover, int to) {
    if (!Board.onTrack(to)) {
      return List.of();
    }
    int square = Board.square(mover, to);
    if (isSafe(square)) {
      return List.of();
    }
    List<Capture> captured = List.of();
    List<Integer> seats = p.seats();
    for (int i = 0; i < seats.size(); i++) {
      int seat = seats.get(i);
      if (seat == mover) {
        continue;
      }
      // The one progress (if on the track) at which a token of this seat stands on the square;
      // for seats 0..3 the difference is above -52, so one addition replaces a modulo.
      int q = square - Board.SEAT_OFFSET * seat;
      q = q < 0 ? q + Board.TRACK_SQUARES : q;
      for (int t = 0; t < Board.TOKENS; t++) {
        int at = p.progress(seat, t);
        if (at == q && Board.onTrack(at)) {
          if (captured.isEmpty()) {
            captured = new ArrayList<>(2);
          }
          captured.add(new Capture(seat, t, at));
        }
      }
    }
    return captured;
  }

  private boolean isSafe(int square) {
    return (safeMask & (1L << square)) != 0;
  }

  // ---------------------------------------------------------------- legal moves

  /** The legal moves of the position: its current seat's tokens for its die, empty unless MOVE. */
  public List<Integer> legalMoves(Position p) {
    return LegalMoves.list(legalMoveBits(p));
  }

  public int legalMoveBits(Position p) {
    return p.phase() == Phase.MOVE ? legalMoveBits(p, p.current(), p.dice()) : 0;
  }

  /** The tokens of {@code seat} that a roll of {@code dice} may move, as a bit set. */
  public int legalMoveBits(Position p, int seat, int dice) {
    long blocked = options.blockades() ? blocksAgainst(p, seat) : 0L;
    int bits = 0;
    for (int t = 0; t < Board.TOKENS; t++) {
      if (mayMove(p, seat, t, dice, blocked)) {
        bits |= 1 << t;
      }
    }
    return bits;
  }

  /** Whether a roll of {@code dice} may move token {@code t} of {@code seat}, given the blocked squares. */
  private boolean mayMove(Position p, int seat, int t, int dice, long blocked) {
    int from = p.progress(seat, t);
    if (from == Board.YARD) {
      return (exitMask & (1 << dice)) != 0 && (blocked == 0 || !isBlocked(blocked, seat, Board.START, Board.START));
    }
    return from + dice <= Board.HOME && from != Board.HOME
        && (blocked == 0 || !isBlocked(blocked, seat, from + 1, Math.min(from + dice, Board.LAST_TRACK)));
  }

  /** Whether any track progress {@code first..last} of {@code seat} stands on a blocked square. */
  private static boolean isBlocked(long blocked, int seat, int first, int last) {
    for (int q = first; q <= last; q++) {
      if ((blocked & (1L << Board.square(seat, q))) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Squares where another seat than {@code mover} has two or more tokens on the track. */
  private static long blocksAgainst(Position p, int mover) {
    long blocked = 0;
    for (int seat : p.seats()) {
      if (seat == mover) {
        continue;
      }
      long seen = 0;
      for (int t = 0; t < Board.TOKENS; t++) {
        int q = p.progress(seat, t);
        if (Board.onTrack(q)) {
          long bit = 1L << Board.square(seat, q);
          blocked |= seen & bit;
          seen |= bit;
        }
      }
    }
    return blocked;
  }

  // ---------------------------------------------------------------- evolve

  public Position evolve(Position p, RuleEvent event) {
    return switch (event) {
      case DiceRolled r -> p.afterRoll(r.value(), !r.legalMoves().isEmpty());
      case TokenMoved m -> p.afterMove(p.tokens().moved(m));
      case TurnPassed t -> p.passedTo(t.to());
      case PlayerFinished f -> p.withFinisher(f.seat());
      case GameFinished g -> p.over();
    };
  }

  public Position fold(Position p, List<? extends RuleEvent> events) {
    Position at = p;
    for (int i = 0; i < events.size(); i++) {
      at = evolve(at, events.get(i));
    }
    return at;
  }

  // ---------------------------------------------------------------- validity

  /** Why a position is invalid under these options (RULES.md), or empty when it is valid. */
  public Optional<String> invalidity(Position p) {
    List<Integer> seats = p.seats();
    if (seats.size() < 2 || seats.size() > Board.SEATS) {
      return Optional.of("seats must be 2 to 4 seats");
    }
    for (int i = 0; i < seats.size(); i++) {
      if (!Board.validSeat(seats.get(i)) || (i > 0 && seats.get(i) <= seats.get(i - 1))) {
        return Optional.of("seats must be ascending distinct seats 0..3");
      }
    }
    for (int seat = 0; seat < Board.SEATS; seat++) {
      if (!seats.contains(seat)) {
        for (int t = 0; t < Board.TOKENS; t++) {
          if (p.progress(seat, t) != Board.YARD) {
            return Optional.of("tokens must match seats");
          }
        }
      }
    }
    if (new HashSet<>(p.finished()).size() != p.finished().size()
        || !seats.containsAll(p.finished())) {
      return Optional.of("finished must name distinct seats of the game");
    }
    if (p.phase() == Phase.FINISHED ? !seats.contains(p.current()) : !p.isPlaying(p.current())) {
      return Optional.of("current must be a seat still playing");
    }
    if ((p.phase() == Phase.MOVE) != (p.dice() != Position.NO_DICE)) {
      return Optional.of("dice is set exactly in MOVE");
    }
    if (p.dice() < 0 || p.dice() > 6) {
      return Optional.of("dice must be 1..6");
    }
    if (p.sixes() < 0 || (options.maxSixes() > 0 && p.sixes() >= options.maxSixes())) {
      return Optional.of("sixes must be 0 or more and below maxSixes");
    }
    return Optional.empty();
  }
}
