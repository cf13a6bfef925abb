package io.ludo.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of whole games: thousands of seeded random games, under random options and seats,
 * with uniformly random dice and uniformly random legal moves. A failure names the game's seed.
 */
class RandomGamesPropertyTest {
  private static final long MASTER_SEED = 20261124L;
  private static final int GAMES = 2000;
  /** A game that is not over after this many actions (rolls + moves) counts as not terminating. */
  private static final int MAX_ACTIONS = 20_000;
  /** How often the running position is compared with a fold of all events from the start. */
  private static final int CHECKPOINT = 256;

  /** What the games went through, so that a generator that stops exploring is noticed. */
  private static final class Seen {
    int games;
    int allRanked;
    int actions;
    int captures;
    int multiCaptures;
    int homeColumnMoves;
    int sixLimitEnds;
    int noMovePasses;
    int bonusRolls;
    int blockedMoves;
    int startSquareBlocks;
  }

  @Test
  void randomGamesUnderRandomOptionsKeepEveryInvariant() {
    SplittableRandom seeds = new SplittableRandom(MASTER_SEED);
    Seen seen = new Seen();
    for (int g = 0; g < GAMES; g++) {
      long seed = seeds.nextLong();
      SplittableRandom random = new SplittableRandom(seed);
      Options options = randomOptions(random);
      List<Integer> seats = randomSeats(random);
      try {
        play(new Rules(options), seats, random, seen);
      } catch (AssertionError e) {
        throw new AssertionError("game " + g + " (seed " + seed + ", seats " + seats + ", " + options + "): "
            + e.getMessage(), e);
      }
    }
    assertEquals(GAMES, seen.games);
    assertTrue(seen.allRanked > GAMES / 4, "ALL_RANKED games: " + seen.allRanked);
    assertTrue(seen.captures > 1000, "captures: " + seen.captures);
    assertTrue(seen.multiCaptures > 0, "captures of several tokens at once: " + seen.multiCaptures);
    assertTrue(seen.homeColumnMoves > 1000, "moves into the home column: " + seen.homeColumnMoves);
    assertTrue(seen.sixLimitEnds > 100, "turns ended by maxSixes: " + seen.sixLimitEnds);
    assertTrue(seen.noMovePasses > 1000, "passes without a legal move: " + seen.noMovePasses);
    assertTrue(seen.bonusRolls > 1000, "bonus rolls: " + seen.bonusRolls);
    assertTrue(seen.blockedMoves > 100, "tokens held back by a block: " + seen.blockedMoves);
    assertTrue(seen.startSquareBlocks > 10, "yard exits held back by a block: " + seen.startSquareBlocks);
  }

  // ---------------------------------------------------------------- one game

  private static void play(Rules rules, List<Integer> seats, SplittableRandom random, Seen seen) {
    Options options = rules.options();
    Position start = Position.initial(seats);
    Position p = start;
    List<RuleEvent> history = new ArrayList<>();
    int lastMover = -1;
    int actions = 0;
    while (p.phase() != Phase.FINISHED) {
      if (++actions > MAX_ACTIONS) {
        fail("not over after " + MAX_ACTIONS + " actions: " + p);
      }
      Command command;
      if (p.phase() == Phase.ROLL) {
        assertEquals(new Rejected(RuleError.WRONG_PHASE), rules.decide(p, new Command.Move(0)));
        command = new Command.Roll(1 + random.nextInt(6));
      } else {
        assertEquals(new Rejected(RuleError.WRONG_PHASE), rules.decide(p, new Command.Roll(3)));
        List<Integer> legal = rules.legalMoves(p);
        assertLegalMovesAreThoseDecideAccepts(rules, p, legal);
        assertEquals(referenceLegalMoves(options, p, p.current(), p.dice(), options.blockades()), legal,
            "legal moves against RULES.md read literally, in " + p);
        countBlocks(options, p, legal, seen);
        command = new Command.Move(legal.get(random.nextInt(legal.size())));
      }
      List<RuleEvent> events = assertInstanceOf(Accepted.class, rules.decide(p, command)).events();
      Position before = p;
      p = rules.fold(p, events);
      history.addAll(events);
      if (command instanceof Command.Move) {
        lastMover = before.current();
      }
      assertStep(rules, before, command, events, p, seen);
      if (actions % CHECKPOINT == 0) {
        assertEquals(p, rules.fold(start, history), "the fold of all events after " + actions + " actions");
      }
    }
    assertEquals(p, rules.fold(start, history), "the fold of all events at the end");
    assertGameOver(options, seats, history, p, lastMover);
    seen.games++;
    seen.actions += actions;
    if (options.endCondition() == EndCondition.ALL_RANKED) {
      seen.allRanked++;
    }
  }

  /** The invariants of one accepted command, from the position before to the one after. */
  private static void assertStep(Rules rules, Position before, Command command, List<RuleEvent> events,
      Position after, Seen seen) {
    Options options = rules.options();
    assertEquals(Optional.empty(), rules.invalidity(after), "valid after " + command + " in " + before);
    for (int seat : after.seats()) {
      for (int t = 0; t < Board.TOKENS; t++) {
        int q = after.progress(seat, t);
        assertTrue(q >= -1 && q <= 56, "progress " + q);
      }
    }
    for (int seat = 0; seat < Board.SEATS; seat++) {
      if (!after.seats().contains(seat)) {
        assertEquals(List.of(-1, -1, -1, -1), List.of(after.progress(seat, 0), after.progress(seat, 1),
            after.progress(seat, 2), after.progress(seat, 3)), "a seat that does not play");
      }
    }
    for (int seat : after.finished()) {
      assertTrue(after.tokens().allHome(seat) || seat == after.finished().get(after.finished().size() - 1),
          "finished seat " + seat + " has every token home, unless ranked last");
    }
    if (!after.finished().isEmpty()) {
      assertEquals(after.finished().get(0), after.winner(), "the winner is the first of finished");
    }
    int seat = before.current();
    switch (command) {
      case Command.Roll roll -> assertRoll(options, before, roll.value(), events, after, seen);
      case Command.Move move -> assertMove(options, before, move.token(), events, after, seen);
    }
    if (events.get(events.size() - 1) instanceof TurnPassed passed) {
      assertEquals(seat, passed.from());
      assertEquals(0, after.sixes(), "the six count resets when play passes");
      assertTrue(after.isPlaying(passed.to()) && passed.to() != seat, "play passes to another seat still playing");
    }
  }

  private static void assertRoll(Options options, Position before, int value, List<RuleEvent> events,
      Position after, Seen seen) {
    int seat = before.current();
    DiceRolled rolled = assertInstanceOf(DiceRolled.class, events.get(0));
    assertEquals(seat, rolled.seat());
    assertEquals(value, rolled.value());
    int sixes = value == 6 ? before.sixes() + 1 : 0;
    boolean sixLimit = options.maxSixes() > 0 && sixes >= options.maxSixes();
    List<Integer> legal = sixLimit ? List.of() : referenceLegalMoves(options, before, seat, value, options.blockades());
    assertEquals(legal, rolled.legalMoves(), "the roll's legal moves");
    if (sixLimit) {
      seen.sixLimitEnds++;
      assertEquals(List.of(rolled, new TurnPassed(seat, after.current())), events, "the n-th six ends the turn");
      assertEquals(before.tokens(), after.tokens(), "the moves made earlier in the turn stand");
    } else if (!legal.isEmpty()) {
      assertEquals(List.of(rolled), events);
      assertEquals(Phase.MOVE, after.phase());
      assertEquals(value, after.dice());
      assertEquals(legal, new Rules(options).legalMoves(after));
    } else if (value == 6 && options.sixBonus()) {
      assertEquals(List.of(rolled), events, "a 6 without a move still rolls again");
      assertEquals(seat, after.current());
      assertEquals(Phase.ROLL, after.phase());
    } else {
      seen.noMovePasses++;
      assertEquals(2, events.size(), "no legal move passes play");
    }
    if (!sixLimit && after.phase() != Phase.FINISHED && after.current() == seat) {
      assertEquals(sixes, after.sixes(), "the consecutive-six count");
    }
  }

  private static void assertMove(Options options, Position before, int token, List<RuleEvent> events,
      Position after, Seen seen) {
    int seat = before.current();
    int dice = before.dice();
    TokenMoved moved = assertInstanceOf(TokenMoved.class, events.get(0));
    int from = before.progress(seat, token);
    int to = from == -1 ? 0 : from + dice;
    assertEquals(seat, moved.seat());
    assertEquals(token, moved.token());
    assertEquals(from, moved.from());
    assertEquals(to, moved.to());
    assertEquals(to, after.progress(seat, token));
    if (from <= 50 && to > 50) {
      seen.homeColumnMoves++;
    }

    // Capture: every opponent token on the target square, when it is a non-safe track square.
    var expectedCaptures = new ArrayList<Capture>();
    if (to <= 50 && !options.safeSquares().contains(Board.square(seat, to))) {
      for (int other : before.seats()) {
        for (int t = 0; other != seat && t < Board.TOKENS; t++) {
          int q = before.progress(other, t);
          if (q >= 0 && q <= 50 && Board.square(other, q) == Board.square(seat, to)) {
            expectedCaptures.add(new Capture(other, t, q));
          }
        }
      }
    }
    assertEquals(new HashSet<>(expectedCaptures), new HashSet<>(moved.captures()), "captures");
    assertEquals(expectedCaptures.size(), moved.captures().size(), "each capture once");
    for (Capture c : moved.captures()) {
      assertEquals(-1, after.progress(c.seat(), c.token()), "a captured token is back in its yard");
    }
    seen.captures += moved.captures().size();
    if (moved.captures().size() > 1) {
      seen.multiCaptures++;
    }
    // Nothing else moved.
    for (int s : before.seats()) {
      for (int t = 0; t < Board.TOKENS; t++) {
        Capture ifCaptured = new Capture(s, t, before.progress(s, t));
        if (!(s == seat && t == token) && !moved.captures().contains(ifCaptured)) {
          assertEquals(before.progress(s, t), after.progress(s, t), "an uninvolved token");
        }
      }
    }

    // What follows the move: finishing, one bonus roll at most, or play passes.
    boolean finishing = to == 56 && after.tokens().allHome(seat);
    boolean bonus = (dice == 6 && options.sixBonus())
        || (!moved.captures().isEmpty() && options.captureBonus())
        || (to == 56 && options.homeBonus());
    if (finishing) {
      assertEquals(new PlayerFinished(seat), events.get(1), "the fourth token home finishes the seat");
      assertEquals(before.finished().size() + 1, after.finished().size() - (after.phase() == Phase.FINISHED
          && options.endCondition() == EndCondition.ALL_RANKED ? 1 : 0));
      assertTrue(after.phase() == Phase.FINISHED || after.current() != seat, "no bonus roll for finishing");
      if (options.endCondition() == EndCondition.FIRST_WINNER) {
        assertEquals(Phase.FINISHED, after.phase(), "FIRST_WINNER ends the game at the first finisher");
      }
    } else if (bonus) {
      seen.bonusRolls++;
      assertEquals(List.of(moved), events, "a bonus roll");
      assertEquals(seat, after.current());
      assertEquals(Phase.ROLL, after.phase());
      assertEquals(before.sixes(), after.sixes(), "the six count is kept across the bonus roll");
    } else {
      assertEquals(2, events.size());
      assertInstanceOf(TurnPassed.class, events.get(1));
    }
  }

  private static void assertGameOver(Options options, List<Integer> seats, List<RuleEvent> history,
      Position end, int lastMover) {
    GameFinished over = assertInstanceOf(GameFinished.class, history.get(history.size() - 1));
    assertEquals(end.finished(), over.ranking());
    assertEquals(end.finished().get(0), end.winner(), "the winner is the first of finished");
    assertEquals(lastMover, end.current(), "the seat that made the last move stays current");
    assertEquals(Position.NO_DICE, end.dice());
    assertEquals(0, end.sixes());
    assertTrue(end.tokens().allHome(end.winner()));
    if (options.endCondition() == EndCondition.FIRST_WINNER) {
      assertEquals(List.of(lastMover), end.finished());
    } else {
      assertEquals(seats.size(), end.finished().size(), "ALL_RANKED ranks every seat");
      assertEquals(new HashSet<>(seats), new HashSet<>(end.finished()), "... each exactly once");
      int last = end.finished().get(seats.size() - 1);
      assertTrue(!end.tokens().allHome(last), "the last seat is ranked without finishing");
    }
    long finishedEvents = history.stream().filter(PlayerFinished.class::isInstance).count();
    assertEquals(end.finished().size(), finishedEvents);
  }

  // ---------------------------------------------------------------- legal moves

  private static void assertLegalMovesAreThoseDecideAccepts(Rules rules, Position p, List<Integer> legal) {
    for (int t = 0; t < Board.TOKENS; t++) {
      Decision d = rules.decide(p, new Command.Move(t));
      if (legal.contains(t)) {
        assertInstanceOf(Accepted.class, d, "legal token " + t);
      } else {
        assertEquals(new Rejected(RuleError.ILLEGAL_MOVE), d, "token " + t + " is not legal");
      }
    }
  }

  /** RULES.md "A turn" 2 and option {@code blockades}, written again from the text. */
  private static List<Integer> referenceLegalMoves(Options o, Position p, int seat, int d, boolean blockades) {
    var legal = new ArrayList<Integer>();
    for (int t = 0; t < Board.TOKENS; t++) {
      int from = p.progress(seat, t);
      var entered = new ArrayList<Integer>();
      if (from == -1) {
        if (!o.exitValues().contains(d)) {
          continue;
        }
        entered.add(Board.square(seat, 0));
      } else if (from == 56 || from + d > 56) {
        continue;
      } else {
        for (int q = from + 1; q <= from + d && q <= 50; q++) {
          entered.add(Board.square(seat, q));
        }
      }
      if (blockades && entered.stream().anyMatch(square -> blockOfAnotherSeat(p, seat, square))) {
        continue;
      }
      legal.add(t);
    }
    return legal;
  }

  private static boolean blockOfAnotherSeat(Position p, int mover, int square) {
    for (int seat : p.seats()) {
      int here = 0;
      for (int t = 0; seat != mover && t < Board.TOKENS; t++) {
        int q = p.progress(seat, t);
        if (q >= 0 && q <= 50 && Board.square(seat, q) == square) {
          here++;
        }
      }
      if (here >= 2) {
        return true;
      }
    }
    return false;
  }

  private static void countBlocks(Options o, Position p, List<Integer> legal, Seen seen) {
    if (o.blockades()) {
      List<Integer> unblocked = referenceLegalMoves(o, p, p.current(), p.dice(), false);
      for (int t : unblocked) {
        if (!legal.contains(t)) {
          seen.blockedMoves++;
          if (p.progress(p.current(), t) == -1) {
            seen.startSquareBlocks++;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- random games

  private static List<Integer> randomSeats(SplittableRandom random) {
    List<Integer> seats;
    do {
      seats = new ArrayList<>();
      for (int s = 0; s < Board.SEATS; s++) {
        if (random.nextBoolean()) {
          seats.add(s);
        }
      }
    } while (seats.size() < 2);
    return seats;
  }

  /**
   * Random options under which a game can end: at least one exit value, and some exit value other
   * than 6 when every six ends the turn (maxSixes 1).
   */
  static Options randomOptions(SplittableRandom random) {
    int maxSixes = random.nextInt(5);
    List<Integer> exits = switch (random.nextInt(4)) {
      case 0 -> List.of(6);
      case 1 -> List.of(1, 6);
      case 2 -> List.of(5, 6);
      default -> randomSubset(random, 1, 6, 0.4);
    };
    if (exits.isEmpty() || (maxSixes == 1 && exits.equals(List.of(6)))) {
      exits = List.of(1 + random.nextInt(5), 6);
    }
    List<Integer> safe = switch (random.nextInt(3)) {
      case 0 -> Options.DEFAULT_SAFE_SQUARES;
      case 1 -> List.of();
      default -> randomSubset(random, 0, 51, 0.15);
    };
    return new Options(exits, maxSixes, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), safe,
        random.nextBoolean(), random.nextBoolean() ? EndCondition.FIRST_WINNER : EndCondition.ALL_RANKED);
  }

  private static List<Integer> randomSubset(SplittableRandom random, int min, int max, double p) {
    var subset = new ArrayList<Integer>();
    for (int v = min; v <= max; v++) {
      if (random.nextDouble() < p) {
        subset.add(v);
      }
    }
    return subset;
  }
}
