package io.ludo.game;

/** What a player asks of a room. The acting player is named; the server has authenticated it. */
public sealed interface GameCommand {
  String playerId();

  /** {@code clientSeed}: the player's seed for the dice (1–64 of {@code [A-Za-z0-9_-]}), chosen or generated. */
  record Join(String playerId, String name, String clientSeed) implements GameCommand {
    public Join(String playerId, String name) {
      this(playerId, name, null);
    }
  }

  record Start(String playerId) implements GameCommand {}

  record Leave(String playerId) implements GameCommand {}

  /** The creator seats a bot ({@code botId}, {@code name}) before the start. */
  record AddBot(String playerId, String botId, String name) implements GameCommand {}

  /** The server's: {@code playerId}'s timer ran out while the room was at {@code expectedSeq}. */
  record TimeOut(String playerId, int expectedSeq) implements GameCommand {}

  /** An away player is back (a socket of theirs opened). */
  record Return(String playerId) implements GameCommand {}

  /** The server's roll or move in the name of a seat it plays for (a bot, an away player, a timed-out turn). */
  record Auto(GameCommand command) implements GameCommand {
    @Override
    public String playerId() {
      return command.playerId();
    }
  }

  /** A roll: the value comes from the room's dice, never from the player. */
  record Roll(String playerId) implements GameCommand {}

  /** A move; {@code expectedDice} (0 = not given) must equal the current roll when given. */
  record Move(String playerId, int tokenIndex, int expectedDice) implements GameCommand {}
}
