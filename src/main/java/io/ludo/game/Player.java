package io.ludo.game;

/**
 * Someone in a seat. {@code left} players keep their seat number but are skipped in play.
 * {@code clientSeed} is their share of the dice derivation ({@link FairDice}).
 */
public record Player(String playerId, String name, int seat, boolean bot, boolean left, String clientSeed) {

  public Player(String playerId, String name, int seat, boolean bot, boolean left) {
    this(playerId, name, seat, bot, left, playerId);
  }

  private static final String[] COLORS = {"red", "green", "yellow", "blue"};

  public String color() {
    return COLORS[seat];
  }

  Player leaving() {
    return new Player(playerId, name, seat, bot, true, clientSeed);
  }
}
