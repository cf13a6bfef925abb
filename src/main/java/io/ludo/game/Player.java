package io.ludo.game;

/** Someone in a seat. {@code left} players keep their seat number but are skipped in play. */
public record Player(String playerId, String name, int seat, boolean bot, boolean left) {

  private static final String[] COLORS = {"red", "green", "yellow", "blue"};

  public String color() {
    return COLORS[seat];
  }

  Player leaving() {
    return new Player(playerId, name, seat, bot, true);
  }
}
