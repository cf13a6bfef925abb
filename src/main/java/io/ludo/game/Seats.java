package io.ludo.game;

import java.util.List;

/** Which seats a room of a size uses (API.md): 2 → 0 and 2, 3 → 0–2, 4 → 0–3, taken in order. */
public final class Seats {
  private Seats() {}

  public static List<Integer> forSize(int maxPlayers) {
    return switch (maxPlayers) {
      case 2 -> List.of(0, 2);
      case 3 -> List.of(0, 1, 2);
      case 4 -> List.of(0, 1, 2, 3);
      default -> throw new IllegalArgumentException("max_players must be 2..4");
    };
  }
}
