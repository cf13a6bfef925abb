package io.ludo.bots;

import java.util.List;

/**
 * What a matchup gave.
 *
 * @param wins games won by each lineup entry, in lineup order
 * @param unfinished games stopped by the driver's roll limit (none expected)
 * @param rolls dice rolled over all games
 * @param nanos wall-clock time of the whole matchup
 */
public record MatchResult(Matchup matchup, List<Integer> wins, int unfinished, long rolls, long nanos) {

  public MatchResult {
    wins = List.copyOf(wins);
  }

  public WinRate winRate(int entry) {
    return new WinRate(wins.get(entry), matchup.games());
  }

  public double millisPerGame() {
    return nanos / 1e6 / matchup.games();
  }
}
