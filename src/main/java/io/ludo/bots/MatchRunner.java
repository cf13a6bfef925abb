package io.ludo.bots;

import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plays the games of a {@link Matchup}. Game {@code i} draws its dice and every strategy's
 * randomness from the {@code i}-th split of {@code new SplittableRandom(seed)}, made before any game
 * runs, so the results are the same whatever the number of threads.
 */
public final class MatchRunner {
  private final Rules rules;
  private final long seed;
  private final int threads;

  public MatchRunner(Rules rules, long seed, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive");
    }
    this.rules = rules;
    this.seed = seed;
    this.threads = threads;
  }

  /** How one game ended: the winning lineup entry (-1 if unfinished) and the dice it took. */
  record Played(int winnerEntry, int rolls) {}

  public MatchResult run(Matchup matchup) {
    long started = System.nanoTime();
    SplittableRandom root = new SplittableRandom(seed);
    List<SplittableRandom> randoms = new ArrayList<>(matchup.games());
    for (int game = 0; game < matchup.games(); game++) {
      randoms.add(root.split());
    }
    int[] wins = new int[matchup.lineup().size()];
    int unfinished = 0;
    long rolls = 0;
    for (Played played : playAll(matchup, randoms)) {
      rolls += played.rolls();
      if (played.winnerEntry() < 0) {
        unfinished++;
      } else {
        wins[played.winnerEntry()]++;
      }
    }
    List<Integer> winList = Arrays.stream(wins).boxed().toList();
    return new MatchResult(matchup, winList, unfinished, rolls, System.nanoTime() - started);
  }

  private List<Played> playAll(Matchup matchup, List<SplittableRandom> randoms) {
    if (threads == 1) {
      List<Played> all = new ArrayList<>(randoms.size());
      for (int game = 0; game < randoms.size(); game++) {
        all.add(play(matchup, game, randoms.get(game)));
      }
      return all;
    }
    try (var pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Played>> futures = new ArrayList<>(randoms.size());
      for (int game = 0; game < randoms.size(); game++) {
        int g = game;
        futures.add(pool.submit(() -> play(matchup, g, randoms.get(g))));
      }
      List<Played> all = new ArrayList<>(futures.size());
      for (Future<Played> future : futures) {
        all.add(future.get());
      }
      return all;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a game failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Game {@code game} of the matchup, its chance drawn from {@code random}. */
  Played play(Matchup matchup, int game, SplittableRandom random) {
    DiceSource dice = DiceSource.fair(random.split());
    List<Integer> seats = matchup.seats();
    var strategies = new HashMap<Integer, Strategy>();
    for (int i = 0; i < seats.size(); i++) {
      String name = matchup.lineup().get(matchup.entryAt(game, i));
      strategies.put(seats.get(i), Strategies.create(name, random.split()));
    }
    GameResult result = new GameDriver(rules).play(Position.initial(seats), strategies, dice, GameObserver.NONE);
    if (!result.finished()) {
      return new Played(-1, result.rolls());
    }
    int winnerEntry = matchup.entryAt(game, seats.indexOf(result.winner()));
    return new Played(winnerEntry, result.rolls());
  }
}
