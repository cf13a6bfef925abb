package io.ludo.game;

/**
 * Someone in a seat. {@code left} players keep their seat number but are skipped in play.
 * {@code strikes} counts turns the server had to play for them; {@code away} players (too many
 * strikes) are played by a bot until they act again. {@code clientSeed} is their share of the
 * dice derivation ({@link FairDice}).
 */
public record Player(String playerId, String name, int seat, boolean bot, boolean left, int strikes, boolean away,
    String clientSeed) {

  private static final String[] COLORS = {"red", "green", "yellow", "blue"};

  public Player(String playerId, String name, int seat, boolean bot, boolean left) {
    this(playerId, name, seat, bot, left, 0, false, playerId);
  }

  public String color() {
    return COLORS[seat];
  }

  /** Whether the server acts for this seat without waiting for anyone. */
  public boolean automatic() {
    return bot || away;
  }

  Player leaving() {
    return new Player(playerId, name, seat, bot, true, strikes, away, clientSeed);
  }

  Player struck(int maxStrikes) {
    return new Player(playerId, name, seat, bot, left, strikes + 1, strikes + 1 >= maxStrikes, clientSeed);
  }

  Player returned() {
    return new Player(playerId, name, seat, bot, left, 0, false, clientSeed);
  }
}
