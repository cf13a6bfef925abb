package io.ludo.game;

/** What a player asks of a room. The acting player is named; the server has authenticated it. */
public sealed interface GameCommand {
  String playerId();

  record Join(String playerId, String name) implements GameCommand {}

  record Start(String playerId) implements GameCommand {}

  record Leave(String playerId) implements GameCommand {}

  /** A roll: the value comes from the room's dice, never from the player. */
  record Roll(String playerId) implements GameCommand {}

  /** A move; {@code expectedDice} (0 = not given) must equal the current roll when given. */
  record Move(String playerId, int tokenIndex, int expectedDice) implements GameCommand {}
}
