package io.ludo.bench;

import io.ludo.rules.Command;
import io.ludo.rules.Decision;
import io.ludo.rules.LegalMoves;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the pure rule engine on one thread, default options, four seats: dice from a
 * seeded {@link SplittableRandom}, each move a uniformly random legal token.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class EngineBenchmark {
  private static final Command[] ROLLS = new Command[7];
  private static final Command[] MOVES = new Command[4];

  static {
    for (int d = 1; d <= 6; d++) {
      ROLLS[d] = new Command.Roll(d);
    }
    for (int t = 0; t < 4; t++) {
      MOVES[t] = new Command.Move(t);
    }
  }

  private final Rules rules = new Rules(Options.DEFAULTS);
  private final Position start = Position.initial(List.of(0, 1, 2, 3));
  private SplittableRandom random;
  /** The game {@link #decideAndEvolve} is in; a new one starts when it ends. */
  private Position running;

  /** Rolls and moves per second of {@link #completeGame}: divided by games/s, actions per game. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Actions {
    public long rolls;
    public long moves;

    @Setup(Level.Iteration)
    public void reset() {
      rolls = 0;
      moves = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    random = new SplittableRandom(20261124L);
    running = start;
  }

  /** The next command of a random game: a random die, or a uniformly random legal token. */
  private Command next(Position p) {
    if (p.phase() == Phase.ROLL) {
      return ROLLS[1 + random.nextInt(6)];
    }
    int legal = rules.legalMoveBits(p);
    return MOVES[LegalMoves.nth(legal, random.nextInt(LegalMoves.count(legal)))];
  }

  private Position step(Position p, Command command) {
    return rules.fold(p, ((Decision.Accepted) rules.decide(p, command)).events());
  }

  /** One complete 4-player game, from everyone in the yard to the winner. */
  @Benchmark
  public Position completeGame(Actions actions) {
    Position p = start;
    long rolls = 0;
    long moves = 0;
    while (p.phase() != Phase.FINISHED) {
      Command command = next(p);
      if (p.phase() == Phase.ROLL) {
        rolls++;
      } else {
        moves++;
      }
      p = step(p, command);
    }
    actions.rolls += rolls;
    actions.moves += moves;
    return p;
  }

  /** One action: decide a command and fold its events into the position. */
  @Benchmark
  public Position decideAndEvolve() {
    Position p = running.phase() == Phase.FINISHED ? start : running;
    running = step(p, next(p));
    return running;
  }
}
