package io.ludo.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ludo.game.GameCommand.Join;
import io.ludo.game.GameCommand.Leave;
import io.ludo.game.GameCommand.Move;
import io.ludo.game.GameCommand.Roll;
import io.ludo.game.GameCommand.Start;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rooms: seats, lobby and turns around the rules, as given/when/then with no server. */
class RoomTest {
  private static final Dice SIX = (state, seq) -> 6;

  private GameState room(int maxPlayers, String... joiners) {
    List<GameEvent> events = new ArrayList<>(Game.create("g1", "room", maxPlayers, Options.DEFAULTS, "ann", "Ann"));
    GameState s = Game.fold(events);
    for (String name : joiners) {
      s = accept(s, new Join(name.toLowerCase(), name));
    }
    return s;
  }

  private static GameState accept(GameState s, GameCommand c) {
    Outcome o = Game.decide(s, c, SIX);
    GameState at = s;
    for (GameEvent e : assertInstanceOf(Outcome.Accepted.class, o, String.valueOf(o)).events()) {
      at = Game.evolve(at, e);
    }
    return at;
  }

  private static GameError refusal(GameState s, GameCommand c) {
    return assertInstanceOf(Outcome.Refused.class, Game.decide(s, c, SIX)).error();
  }

  @Test
  void givenATwoPlayerRoom_whenBobJoins_thenHeTakesSeatTwoAndTheGameStarts() {
    GameState s = room(2, "Bob");
    assertEquals(2, s.player("bob").orElseThrow().seat());
    assertEquals(Status.PLAYING, s.status());
    assertEquals(List.of(0, 2), s.position().seats());
    assertEquals(0, s.position().current());
  }

  @Test
  void givenAFourPlayerRoom_whenThreeJoin_thenSeatsAreTakenInOrder() {
    GameState s = room(4, "Bob", "Cy", "Dee");
    assertEquals(List.of(0, 1, 2, 3), s.players().stream().map(Player::seat).toList());
    assertEquals(Status.PLAYING, s.status());
  }

  @Test
  void givenAWaitingRoom_whenANameIsTakenInAnotherCase_thenNameTaken() {
    assertEquals(GameError.NAME_TAKEN, refusal(room(3), new Join("x", "ANN")));
  }

  @Test
  void givenAStartedRoom_whenSomeoneJoins_thenGameStarted() {
    assertEquals(GameError.GAME_STARTED, refusal(room(2, "Bob"), new Join("cy", "Cy")));
  }

  @Test
  void givenTwoOfFourSeated_whenTheCreatorStarts_thenPlayBeginsWithThoseSeats() {
    GameState s = accept(room(4, "Bob"), new Start("ann"));
    assertEquals(List.of(0, 1), s.position().seats());
  }

  @Test
  void givenTwoOfFourSeated_whenAnotherPlayerStarts_thenForbidden() {
    assertEquals(GameError.FORBIDDEN, refusal(room(4, "Bob"), new Start("bob")));
  }

  @Test
  void givenTheCreatorAlone_whenSheStarts_thenWrongPhase() {
    assertEquals(GameError.WRONG_PHASE, refusal(room(4), new Start("ann")));
  }

  @Test
  void givenAWaitingRoom_whenAPlayerLeaves_thenTheSeatIsFreeForTheNext() {
    GameState s = accept(room(3, "Bob"), new Leave("bob"));
    s = accept(s, new Join("cy", "Cy"));
    assertEquals(1, s.player("cy").orElseThrow().seat());
  }

  @Test
  void givenPlay_whenTheWrongSeatRolls_thenNotYourTurn_andAStrangerIsForbidden() {
    GameState s = room(2, "Bob");
    assertEquals(GameError.NOT_YOUR_TURN, refusal(s, new Roll("bob")));
    assertEquals(GameError.FORBIDDEN, refusal(s, new Roll("mallory")));
  }

  @Test
  void givenARollOfSix_whenAMoveNamesAnotherDie_thenStaleDice() {
    GameState s = accept(room(2, "Bob"), new Roll("ann"));
    assertEquals(Phase.MOVE, s.position().phase());
    assertEquals(GameError.STALE_DICE, refusal(s, new Move("ann", 0, 3)));
    assertEquals(GameError.WRONG_PHASE, refusal(s, new Roll("ann")));
  }

  @Test
  void givenATwoPlayerGame_whenOneLeaves_thenTheOtherWinsAndTheGameIsOver() {
    GameState s = accept(room(2, "Bob"), new Leave("ann"));
    assertEquals(Status.FINISHED, s.status());
    assertEquals(2, s.position().winner());
    assertEquals(GameError.GAME_OVER, refusal(s, new Roll("bob")));
  }

  @Test
  void givenThreePlaying_whenTheCurrentSeatLeaves_thenItsTurnsAreSkipped() {
    GameState s = accept(room(3, "Bob", "Cy"), new Leave("ann"));
    assertEquals(Status.PLAYING, s.status());
    assertEquals(1, s.position().current());
    assertNull(s.seated().stream().filter(p -> p.seat() == 0).findFirst().orElse(null));
  }

  @Test
  void aRoomIsTheFoldOfItsEvents() {
    List<GameEvent> log = new ArrayList<>(Game.create("g1", "room", 2, Options.DEFAULTS, "ann", "Ann"));
    GameState s = Game.fold(log);
    for (GameCommand c : List.of(new Join("bob", "Bob"), new Roll("ann"), new Move("ann", 0, 6), new Roll("ann"))) {
      Outcome.Accepted a = (Outcome.Accepted) Game.decide(s, c, SIX);
      log.addAll(a.events());
      for (GameEvent e : a.events()) {
        s = Game.evolve(s, e);
      }
    }
    assertEquals(s, Game.fold(log));
    assertEquals(log.size(), s.seq());
  }
}
