package io.ludo.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.ludo.rules.Decision.Accepted;
import io.ludo.rules.Decision.Rejected;
import io.ludo.rules.RuleEvent.Capture;
import io.ludo.rules.RuleEvent.DiceRolled;
import io.ludo.rules.RuleEvent.GameFinished;
import io.ludo.rules.RuleEvent.PlayerFinished;
import io.ludo.rules.RuleEvent.TokenMoved;
import io.ludo.rules.RuleEvent.TurnPassed;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A given/when/then DSL over {@link Rules}:
 *
 * <pre>{@code
 * given(seats(0, 2).tokens(0, 29, -1, -1, -1).toMove(2))
 *     .when(move(0))
 *     .then(moved(0, 0, 29, 31))
 *     .then(seats(0, 2).tokens(0, 31, -1, -1, -1).current(2));
 * }</pre>
 *
 * Every command but the last must be accepted; {@code then} checks the events, the error or the
 * position after the last one. The given position and every position reached are checked valid
 * ({@link Rules#invalidity}), and each roll's legal moves against those of the position it leads to.
 */
final class RuleSpec {
  private RuleSpec() {}

  static Given given(PositionBuilder position) {
    return new Given(position.build());
  }

  static Given given(Position position) {
    return new Given(position);
  }

  static Options defaults() {
    return Options.DEFAULTS;
  }

  // ---------------------------------------------------------------- commands

  static Command roll(int value) {
    return new Command.Roll(value);
  }

  static Command move(int token) {
    return new Command.Move(token);
  }

  // ---------------------------------------------------------------- events

  static DiceRolled rolled(int seat, int value, Integer... legalMoves) {
    return new DiceRolled(seat, value, List.of(legalMoves));
  }

  static TokenMoved moved(int seat, int token, int from, int to, Capture... captures) {
    return new TokenMoved(seat, token, from, to, List.of(captures));
  }

  static Capture captured(int seat, int token, int from) {
    return new Capture(seat, token, from);
  }

  static TurnPassed passed(int from, int to) {
    return new TurnPassed(from, to);
  }

  static PlayerFinished ranked(int seat) {
    return new PlayerFinished(seat);
  }

  static GameFinished gameOver(Integer... ranking) {
    return new GameFinished(List.of(ranking));
  }

  // ---------------------------------------------------------------- given / when / then

  static final class Given {
    private final Position position;
    private Options options = Options.DEFAULTS;

    private Given(Position position) {
      this.position = position;
    }

    /** The options of the game, changed from the defaults: {@code with(o -> o.withSixBonus(false))}. */
    Given with(UnaryOperator<Options> change) {
      this.options = change.apply(options);
      return this;
    }

    Then when(Command... commands) {
      Rules rules = new Rules(options);
      rules.invalidity(position).ifPresent(why -> fail("the given position is invalid: " + why));
      Position at = position;
      Decision last = null;
      for (int i = 0; i < commands.length; i++) {
        last = rules.decide(at, commands[i]);
        if (last instanceof Accepted accepted) {
          at = rules.fold(at, accepted.events());
          Position reached = at;
          rules.invalidity(reached).ifPresent(why -> fail("reached an invalid position " + reached + ": " + why));
          if (accepted.events().get(0) instanceof DiceRolled rolled && reached.phase() == Phase.MOVE) {
            assertEquals(rolled.legalMoves(), rules.legalMoves(reached), "legal moves of the roll");
          }
        } else if (i < commands.length - 1) {
          fail("command " + i + " " + commands[i] + " was rejected: " + last);
        }
      }
      return new Then(rules, last, at);
    }
  }

  static final class Then {
    private final Rules rules;
    private final Decision decision;
    private final Position position;

    private Then(Rules rules, Decision decision, Position position) {
      this.rules = rules;
      this.decision = decision;
      this.position = position;
    }

    /** The last command was accepted with exactly these events. */
    Then then(RuleEvent... events) {
      assertEquals(List.of(events), assertInstanceOf(Accepted.class, decision, "accepted").events());
      return this;
    }

    /** The last command was refused with {@code error}. */
    Then then(RuleError error) {
      assertEquals(new Rejected(error), decision);
      return this;
    }

    /** The position after all commands. */
    Then then(PositionBuilder expected) {
      assertEquals(expected.build(), position);
      return this;
    }

    Then thenLegalMoves(Integer... tokens) {
      assertEquals(List.of(tokens), rules.legalMoves(position));
      return this;
    }

    Then thenSixes(int sixes) {
      assertEquals(sixes, position.sixes(), "sixes");
      return this;
    }

    Then thenToRoll(int seat) {
      assertEquals(Phase.ROLL, position.phase(), "phase");
      assertEquals(seat, position.current(), "current");
      return this;
    }

    Position position() {
      return position;
    }
  }
}
