package io.ludo.rules;

import java.util.List;

/** The outcome of {@link Rules#decide}: the events a command causes, or why it is refused. */
public sealed interface Decision {

  record Accepted(List<RuleEvent> events) implements Decision {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  record Rejected(RuleError error) implements Decision {}

  default boolean accepted() {
    return this instanceof Accepted;
  }
}
