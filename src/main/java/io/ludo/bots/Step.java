package io.ludo.bots;

import io.ludo.rules.Command;
import io.ludo.rules.Decision;
import io.ludo.rules.Position;
import io.ludo.rules.RuleEvent;
import io.ludo.rules.Rules;
import java.util.List;

/** One accepted command: the position before, the events it caused and the position after. */
public record Step(Position before, Command command, List<RuleEvent> events, Position after) {

  public Step {
    events = List.copyOf(events);
  }

  /**
   * Decides {@code command} in {@code before} and applies its events.
   *
   * @throws IllegalStateException when the rules refuse the command: bots only send legal ones
   */
  static Step take(Rules rules, Position before, Command command) {
    Decision decision = rules.decide(before, command);
    if (!(decision instanceof Decision.Accepted accepted)) {
      throw new IllegalStateException(command + " refused (" + decision + ") in " + before);
    }
    return new Step(before, command, accepted.events(), rules.fold(before, accepted.events()));
  }
}
