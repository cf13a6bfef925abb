package io.ludo.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.Options;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When and how the server acts on its own: given a room, when the clock runs, then this command. */
class AutopilotTest {
  private static final Autopilot AUTOPILOT = new Autopilot((rules, position) -> rules.legalMoves(position).get(0), 250);

  private static GameState room(TurnTimer timer, int bots) {
    List<GameEvent> events = new ArrayList<>(Game.create("g", null, 2, Options.DEFAULTS, "ann", "Ann"));
    List<String[]> seated = new ArrayList<>();
    for (int i = 0; i < bots; i++) {
      seated.add(new String[] {"bot" + i, "Bot " + i});
    }
    events.addAll(Game.setUp(Game.fold(events), timer, seated));
    return Game.fold(events);
  }

  private static GameState joined(GameState s) {
    return Game.evolve(Game.evolve(s, ((Outcome.Accepted) Game.decide(s, new GameCommand.Join("bob", "Bob"), null))
        .events().get(0)), ((Outcome.Accepted) Game.decide(s, new GameCommand.Join("bob", "Bob"), null)).events().get(1));
  }

  @Test
  void givenAHumansTurnWithoutATimer_nothingIsPlanned() {
    assertTrue(AUTOPILOT.plan(joined(room(TurnTimer.NONE, 0)), 1_000, 1_000).isEmpty());
  }

  @Test
  void givenAHumansTurnWithATimer_itTimesOutAtItsDeadline() {
    GameState s = joined(room(new TurnTimer(5_000, 3), 0));
    Autopilot.Plan plan = AUTOPILOT.plan(s, 10_000, 12_000).orElseThrow();
    assertEquals(3_000, plan.inMs(), "the deadline counts from the last event, not from now");
    assertEquals(new GameCommand.TimeOut("ann", s.seq()), AUTOPILOT.command(s, plan).orElseThrow());
  }

  @Test
  void givenADeadlineAlreadyPast_itTimesOutAtOnce() {
    GameState s = joined(room(new TurnTimer(5_000, 3), 0));
    assertEquals(1, AUTOPILOT.plan(s, 10_000, 60_000).orElseThrow().inMs());
  }

  @Test
  void givenABotsTurn_theServerRollsForItAfterTheBotDelay() {
    GameState s = room(TurnTimer.NONE, 1);
    // Ann rolls and her turn passes (or she moves); the plan is made for whoever acts now
    GameState botsTurn = s;
    for (int i = 0; i < 50 && !botsTurn.serverActs(); i++) {
      GameState at = botsTurn;
      Outcome o = at.position().phase() == io.ludo.rules.Phase.ROLL
          ? Game.decide(at, new GameCommand.Roll("ann"), (state, seq) -> 3)
          : Game.decide(at, new GameCommand.Move("ann", at.legalMoves().get(0), 0), null);
      for (GameEvent e : ((Outcome.Accepted) o).events()) {
        botsTurn = Game.evolve(botsTurn, e);
      }
    }
    Autopilot.Plan plan = AUTOPILOT.plan(botsTurn, 0, 0).orElseThrow();
    assertEquals(250, plan.inMs());
    GameCommand.Auto auto = assertInstanceOf(GameCommand.Auto.class, AUTOPILOT.command(botsTurn, plan).orElseThrow());
    assertEquals(new GameCommand.Roll("bot0"), auto.command());
  }

  @Test
  void givenAPlanMadeBeforeTheRoomMovedOn_itIsDropped() {
    GameState s = joined(room(new TurnTimer(5_000, 3), 0));
    Autopilot.Plan plan = AUTOPILOT.plan(s, 0, 0).orElseThrow();
    GameState later = Game.evolve(s, ((Outcome.Accepted) Game.decide(s, new GameCommand.Roll("ann"), (st, n) -> 3))
        .events().get(0));
    assertTrue(AUTOPILOT.command(later, plan).isEmpty());
  }
}
