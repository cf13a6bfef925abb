package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TournamentReportTest {

  @Test
  void rewritesOnlyItsOwnSection(@TempDir Path dir) throws Exception {
    // given a hand-written document with an old results section
    Path doc = dir.resolve("BOTS.md");
    Files.writeString(doc, "# Bots\nprose\n" + TournamentReport.BEGIN + "\nold\n" + TournamentReport.END + "\ntail\n");
    // when a report is written into it
    report().writeInto(doc);
    // then the prose around it stays and the old results are gone
    String text = Files.readString(doc);
    assertTrue(text.startsWith("# Bots\nprose\n" + TournamentReport.BEGIN + "\nReproduce"), text);
    assertTrue(text.endsWith(TournamentReport.END + "\ntail\n"), text);
    assertTrue(text.contains("| greedy vs random (2p) | greedy | 3 / 4 | 75.0 % |"), text);
    assertEquals(-1, text.indexOf("old"));
  }

  @Test
  void parsesTheCommandLine() {
    var settings = Tournament.parse(new String[] {"--seed", "5", "--games", "10", "--match", "expert:100,random"});
    assertEquals(5, settings.seed());
    assertEquals(List.of(new Matchup(List.of("expert:100", "random"), 10)), settings.matchups());
    assertEquals(Tournament.SUITE, Tournament.parse(new String[0]).matchups());
    assertEquals(10, Tournament.parse(new String[] {"--games", "10"}).matchups().get(1).games());
  }

  private static TournamentReport report() {
    var settings = new Tournament.Settings(1, 1, List.of(), null, LocalDate.of(2026, 11, 24));
    var result = new MatchResult(new Matchup(List.of("greedy", "random"), 4), List.of(3, 1), 0, 100, 1_000_000);
    return new TournamentReport("java ... Tournament", settings, List.of(result), 1_000_000);
  }
}
