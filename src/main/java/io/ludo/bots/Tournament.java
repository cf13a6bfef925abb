package io.ludo.bots;

import io.ludo.rules.Options;
import io.ludo.rules.Rules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays seeded series of games between strategies and reports win rates with 95 % Wilson
 * intervals, optionally into the results section of a Markdown file (docs/BOTS.md).
 *
 * <pre>
 * java -cp target/ludo-server.jar io.ludo.bots.Tournament [--seed N] [--games N] [--threads N]
 *     [--match a,b[,c[,d]]]... [--out docs/BOTS.md] [--date YYYY-MM-DD]
 * </pre>
 *
 * Without {@code --match} it plays {@link #SUITE}; {@code --games} sets the games of every
 * matchup. Default rules (RULES.md options) throughout.
 */
public final class Tournament {
  static final long DEFAULT_SEED = 20261124L;
  /** Games of a {@code --match} without {@code --games}. */
  static final int DEFAULT_GAMES = 1000;
  /**
   * The matchups docs/BOTS.md reports. Their counts fit a few minutes on two cores: most games
   * where the question is closest (expert vs greedy), fewest where the expert plays three seats.
   */
  static final List<Matchup> SUITE = List.of(
      new Matchup(List.of("greedy", "random"), 4000),
      new Matchup(List.of("expert", "greedy"), 4000),
      new Matchup(List.of("expert", "random"), 1000),
      new Matchup(List.of("expert", "greedy", "greedy", "random"), 1000));

  private static final String USAGE = """
      usage: Tournament [--seed N] [--games N] [--threads N] [--match a,b[,c[,d]]]... \
      [--out FILE] [--date YYYY-MM-DD]
        strategies: random, greedy, expert, expert:<node budget>
      """;

  private Tournament() {}

  /** The command line, parsed. */
  record Settings(long seed, int threads, List<Matchup> matchups, Path out, LocalDate date) {}

  public static void main(String[] args) throws IOException {
    Settings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    var runner = new MatchRunner(new Rules(Options.DEFAULTS), settings.seed(), settings.threads());
    List<MatchResult> results = new ArrayList<>();
    for (Matchup matchup : settings.matchups()) {
      MatchResult result = runner.run(matchup);
      System.err.printf("%s: %d games in %.1f s%n", matchup.title(), matchup.games(), result.nanos() / 1e9);
      results.add(result);
    }
    var report = new TournamentReport(
        "java -cp target/ludo-server.jar io.ludo.bots.Tournament " + String.join(" ", args),
        settings, results, System.nanoTime() - started);
    System.out.print(report.markdown());
    if (settings.out() != null) {
      report.writeInto(settings.out());
      System.err.println("results written into " + settings.out());
    }
  }

  static Settings parse(String[] args) {
    long seed = DEFAULT_SEED;
    Integer games = null;
    int threads = 1;
    List<List<String>> lineups = new ArrayList<>();
    Path out = null;
    LocalDate date = LocalDate.now();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      switch (args[i++]) {
        case "--seed" -> seed = Long.parseLong(value);
        case "--games" -> games = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--match" -> lineups.add(lineup(value));
        case "--out" -> out = Path.of(value);
        case "--date" -> date = date(value);
        default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]);
      }
    }
    return new Settings(seed, threads, matchups(lineups, games), out, date);
  }

  /** The {@code --match} lineups, or the suite; {@code games} (when given) for every one. */
  private static List<Matchup> matchups(List<List<String>> lineups, Integer games) {
    if (lineups.isEmpty()) {
      return games == null ? SUITE : SUITE.stream().map(m -> new Matchup(m.lineup(), games)).toList();
    }
    int count = games == null ? DEFAULT_GAMES : games;
    return lineups.stream().map(lineup -> new Matchup(lineup, count)).toList();
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--date wants YYYY-MM-DD", e);
    }
  }

  private static List<String> lineup(String value) {
    List<String> names = Arrays.asList(value.split(","));
    for (String name : names) {
      Strategies.create(name, new SplittableRandom(0)); // fails early on a bad name
    }
    return names;
  }
}
