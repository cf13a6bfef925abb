package io.ludo.game;

import io.ludo.rules.Options;
import io.ludo.rules.RuleEvent;
import java.util.List;

/** A fact of a room's history. {@link Play} carries the rule engine's events. */
public sealed interface GameEvent {

  record GameCreated(String gameId, String roomName, int maxPlayers, Options options, String creatorId)
      implements GameEvent {}

  record PlayerJoined(String playerId, String name, int seat, boolean bot) implements GameEvent {}

  record PlayerLeft(String playerId, int seat) implements GameEvent {}

  record GameStarted(List<Integer> seats) implements GameEvent {
    public GameStarted {
      seats = List.copyOf(seats);
    }
  }

  /** A rule event caused by the player in the acting seat (null for the room's own events). */
  record Play(RuleEvent event, String playerId) implements GameEvent {}
}
