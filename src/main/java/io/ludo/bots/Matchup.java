package io.ludo.bots;

import java.util.List;

/**
 * A series of games between strategies named in {@code lineup}, one per seat. The lineup rotates
 * by one seat each game, so over any {@code lineup.size()} consecutive games every strategy sits
 * in every seat once and the first-mover advantage cancels out.
 *
 * @param lineup strategy names ({@link Strategies#create}); the same name twice is two players
 * @param games how many games to play; a multiple of the lineup size keeps seats balanced
 */
public record Matchup(List<String> lineup, int games) {

  public Matchup {
    lineup = List.copyOf(lineup);
    if (lineup.size() < 2 || lineup.size() > 4) {
      throw new IllegalArgumentException("a lineup has 2 to 4 strategies");
    }
    if (games < 1) {
      throw new IllegalArgumentException("a matchup plays at least one game");
    }
  }

  /** Opposite seats for two players, as RULES.md suggests; seats from 0 otherwise. */
  public List<Integer> seats() {
    return lineup.size() == 2 ? List.of(0, 2) : List.of(0, 1, 2, 3).subList(0, lineup.size());
  }

  /** The lineup entry sitting at the {@code seatIndex}-th seat in game {@code game}. */
  public int entryAt(int game, int seatIndex) {
    return (game + seatIndex) % lineup.size();
  }

  public String title() {
    return String.join(" vs ", lineup);
  }
}
