package io.ludo.game;

import java.util.List;

/** What {@link Game#decide} answers: the events to record, or the error that refuses the command. */
public sealed interface Outcome {
  record Accepted(List<GameEvent> events) implements Outcome {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  record Refused(GameError error) implements Outcome {}
}
