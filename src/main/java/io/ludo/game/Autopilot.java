package io.ludo.game;

import io.ludo.bots.Strategy;
import io.ludo.rules.Phase;
import java.util.Optional;

/**
 * What the server does next in a room on its own clock: play a seat it plays for (a bot's, an
 * away player's, a timed-out turn) after the bot delay, or time a human's turn out at its
 * deadline. A pure function of the room and the time of its last event, so a new owner after a
 * takeover plans exactly what the old one would have.
 */
public final class Autopilot {
  private final Strategy strategy;
  private final long botDelayMs;

  public Autopilot(Strategy strategy, long botDelayMs) {
    this.strategy = strategy;
    this.botDelayMs = botDelayMs;
  }

  /** The next automatic command and when (ms from {@code now}); empty when the room waits for nobody. */
  public record Plan(long inMs, int atSeq, boolean serverMove, String playerId) {}

  public Optional<Plan> plan(GameState s, long lastEventAt, long now) {
    if (s == null || s.status() != Status.PLAYING) {
      return Optional.empty();
    }
    Player actor = s.actor();
    if (s.serverActs()) {
      return Optional.of(new Plan(Math.max(1, botDelayMs), s.seq(), true, actor.playerId()));
    }
    if (s.timerRuns()) {
      return Optional.of(new Plan(Math.max(1, lastEventAt + s.timer().timeoutMs() - now), s.seq(), false, actor.playerId()));
    }
    return Optional.empty();
  }

  /** The command for a plan that has come due; empty when the room has moved on since it was made. */
  public Optional<GameCommand> command(GameState s, Plan plan) {
    if (s.seq() != plan.atSeq()) {
      return Optional.empty();
    }
    if (!plan.serverMove()) {
      return Optional.of(new GameCommand.TimeOut(plan.playerId(), plan.atSeq()));
    }
    if (!s.serverActs()) {
      return Optional.empty();
    }
    GameCommand action = s.position().phase() == Phase.ROLL
        ? new GameCommand.Roll(plan.playerId())
        : new GameCommand.Move(plan.playerId(), strategy.chooseToken(s.rules(), s.position()), 0);
    return Optional.of(new GameCommand.Auto(action));
  }
}
