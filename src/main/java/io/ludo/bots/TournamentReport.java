package io.ludo.bots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown of a tournament: how to reproduce it, then a table of win rates. {@link #writeInto}
 * replaces only the part of a document between {@link #BEGIN} and {@link #END}, so the prose
 * around it (docs/BOTS.md) stays hand-written.
 */
final class TournamentReport {
  static final String BEGIN = "<!-- tournament:begin (written by io.ludo.bots.Tournament) -->";
  static final String END = "<!-- tournament:end -->";

  private final String command;
  private final Tournament.Settings settings;
  private final List<MatchResult> results;
  private final long nanos;

  TournamentReport(String command, Tournament.Settings settings, List<MatchResult> results, long nanos) {
    this.command = command;
    this.settings = settings;
    this.results = List.copyOf(results);
    this.nanos = nanos;
  }

  String markdown() {
    var md = new StringBuilder();
    md.append("Reproduce (after `mvn -B -DskipTests package`):\n\n```bash\n")
        .append(command).append("\n```\n\n")
        .append(line("- seed `%d`, %d thread(s), default rule options; the lineup rotates one seat"
            + " per game so every strategy sits first equally often", settings.seed(), settings.threads()))
        .append(line("- run on %s on %s; %.0f s in all", settings.date(), machine(), nanos / 1e9))
        .append("\n| matchup | strategy | wins | win rate | 95 % CI (Wilson) | fair share | ms/game |\n")
        .append("|---|---|---:|---:|---|---:|---:|\n");
    for (MatchResult result : results) {
      appendRows(md, result);
    }
    return md.toString();
  }

  private static void appendRows(StringBuilder md, MatchResult result) {
    Matchup matchup = result.matchup();
    int players = matchup.lineup().size();
    for (int entry = 0; entry < players; entry++) {
      WinRate rate = result.winRate(entry);
      md.append(line("| %s (%dp) | %s | %d / %d | %.1f %% | %.1f – %.1f %% | %.0f %% | %.1f |",
          matchup.title(), players, matchup.lineup().get(entry), rate.wins(), rate.games(),
          100 * rate.rate(), 100 * rate.low(), 100 * rate.high(), 100.0 / players, result.millisPerGame()));
    }
    if (result.unfinished() > 0) {
      md.append(line("| %s | (unfinished) | %d | | | | |", matchup.title(), result.unfinished()));
    }
  }

  private static String machine() {
    return String.format(Locale.ROOT, "%d cores (%s %s), Java %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"));
  }

  private static String line(String format, Object... args) {
    return String.format(Locale.ROOT, format, args) + "\n";
  }

  /** Puts the report between the markers of {@code file}, appending them if it has none. */
  void writeInto(Path file) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    String section = BEGIN + "\n" + markdown() + END;
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    String updated = begin >= 0 && end > begin
        ? text.substring(0, begin) + section + text.substring(end + END.length())
        : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + section + "\n";
    Files.writeString(file, updated);
  }
}
