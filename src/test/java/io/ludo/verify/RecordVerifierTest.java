package io.ludo.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.game.FairDice;
import io.ludo.game.Game;
import io.ludo.game.GameCommand;
import io.ludo.game.GameEvent;
import io.ludo.game.GameState;
import io.ludo.game.Outcome;
import io.ludo.game.Player;
import io.ludo.game.Recorded;
import io.ludo.game.Status;
import io.ludo.game.TurnTimer;
import io.ludo.json.EventChain;
import io.ludo.json.FairnessJson;
import io.ludo.json.GameEventJson;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.server.fairness.SigningKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the offline verifier finds in a record, made here as the server makes it, without a server. */
class RecordVerifierTest {
  private static final byte[] SEED = new byte[32];
  private static final SigningKeys KEYS = SigningKeys.of(List.of(
      new SigningKeys.Key("k1", Ed25519.fromSeed(HexFormat.of().parseHex("11".repeat(32))))));
  private static JsonArray log;
  private static GameState end;

  @BeforeAll
  static void playAGame() {
    for (int i = 0; i < SEED.length; i++) {
      SEED[i] = (byte) i;
    }
    List<GameEvent> events = new ArrayList<>(Game.create("g1", "room", 2, Options.DEFAULTS, "ann", "Ann",
        FairDice.commitment(SEED), "ann-seed"));
    GameState s = Game.fold(events);
    FairDice dice = new FairDice(SEED);
    GameCommand next = new GameCommand.Join("bob", "Bob", "bob-seed");
    while (next != null) {
      for (GameEvent e : ((Outcome.Accepted) Game.decide(s, next, dice)).events()) {
        events.add(e);
        s = Game.evolve(s, e);
      }
      if (s.status() != Status.PLAYING) {
        next = null;
      } else {
        String who = s.playerAt(s.position().current()).orElseThrow().playerId();
        next = s.position().phase() == Phase.ROLL ? new GameCommand.Roll(who)
            : new GameCommand.Move(who, s.legalMoves().get(s.seq() % s.legalMoves().size()), 0);
      }
    }
    end = s;
    log = new JsonArray();
    for (int i = 0; i < events.size(); i++) {
      JsonObject json = GameEventJson.write(new Recorded(i + 1, 1_764_000_000_000L + i, events.get(i)));
      if ("GAME_FINISHED".equals(json.getString("type"))) {
        json.put("server_seed", HexFormat.of().formatHex(SEED));
      }
      log.add(json);
    }
  }

  /** The four documents of the game, with {@code change} applied to a copy of the log before it is chained and signed. */
  private static RecordVerifier.Result verify(Consumer<JsonArray> change, Consumer<JsonObject> changeFairness,
      Consumer<JsonObject> changeCertificate) {
    JsonArray events = log.copy();
    change.accept(events);
    String prev = EventChain.GENESIS;
    for (int i = 0; i < events.size(); i++) {
      events.set(i, EventChain.seal(prev, events.getJsonObject(i)));
      prev = events.getJsonObject(i).getString(EventChain.HASH);
    }
    JsonObject fairness = FairnessJson.write(end, SEED);
    changeFairness.accept(fairness);
    JsonObject certificate = KEYS.certificate("g1", events.size(), prev);
    changeCertificate.accept(certificate);
    return RecordVerifier.verify(new JsonObject().put("game_id", "g1").put("from_seq", 1).put("events", events),
        fairness, certificate, KEYS.jwks());
  }

  private static void assertFails(String start, RecordVerifier.Result result) {
    assertTrue(!result.ok() && result.message().startsWith(start), "expected \"" + start + "…\", got " + result);
  }

  private static int firstOf(JsonArray events, String type) {
    for (int i = 0; i < events.size(); i++) {
      if (type.equals(events.getJsonObject(i).getString("type"))) {
        return i;
      }
    }
    throw new AssertionError("no " + type);
  }

  @Test
  void givenAnUntouchedRecord_whenVerified_thenEverythingHolds() {
    RecordVerifier.Result result = verify(e -> {}, f -> {}, c -> {});
    assertTrue(result.ok(), result.message());
    assertEquals("game g1: " + log.size() + " events chained, " + end.rolls()
        + " rolls re-derived, every event re-decided by the engine, signed by k1", result.message());
  }

  @Test
  void givenAnotherAlgorithmOrNoSeed_whenVerified_thenTheDiceCannotBeChecked() {
    assertFails("fairness: algorithm", verify(e -> {}, f -> f.put("algorithm", "md5-dice"), c -> {}));
    assertFails("fairness: no server_seed", verify(e -> {}, f -> f.remove("server_seed"), c -> {}));
  }

  @Test
  void givenAnUnfinishedGame_whenVerified_thenItIsNotVerifiable() {
    // cut before the last roll: a log of whole commands, but not a whole game
    assertFails("the game is not over", verify(e -> {
      while (!"DICE_ROLLED".equals(e.getJsonObject(e.size() - 1).getString("type"))) {
        e.remove(e.size() - 1);
      }
      e.remove(e.size() - 1);
    }, f -> {}, c -> {}));
    // cut inside a command: the engine's outcome is missing its end
    assertFails("the log ends at event " + (log.size() - 1) + " where the engine decides",
        verify(e -> e.remove(e.size() - 1), f -> {}, c -> {}));
  }

  @Test
  void givenAMissingEvent_whenVerified_thenTheLogHasAGapOrAnEventThatNoCommandExplains() {
    assertFails("event 5 has seq 6", verify(e -> e.remove(4), f -> {}, c -> {}));
    // a roll with no legal move, then its TURN_PASSED: without the roll, the pass explains itself no more
    int roll = 0;
    while (!("DICE_ROLLED".equals(log.getJsonObject(roll).getString("type"))
        && "TURN_PASSED".equals(log.getJsonObject(roll + 1).getString("type")))) {
      roll++;
    }
    int removed = roll;
    assertFails("event " + (removed + 1) + " (TURN_PASSED) follows from no command", verify(e -> {
      e.remove(removed);
      for (int i = 0; i < e.size(); i++) {
        e.getJsonObject(i).put("seq", i + 1);
      }
    }, f -> {}, c -> {}));
  }

  @Test
  void givenAnotherRollOrAnIllegalMove_whenVerified_thenTheEngineDisagrees() {
    int roll = firstOf(log, "DICE_ROLLED");
    assertFails("event " + (roll + 1) + ": the record says", verify(
        e -> e.getJsonObject(roll).put("dice_value", e.getJsonObject(roll).getInteger("dice_value") % 6 + 1), f -> {}, c -> {}));
    int move = firstOf(log, "TOKEN_MOVED");
    assertFails("event " + (move + 1) + ": the record says", verify(
        e -> e.getJsonObject(move).put("to", e.getJsonObject(move).getInteger("to") + 1), f -> {}, c -> {}));
  }

  @Test
  void givenOtherClientSeedsOrAnotherSeed_whenVerified_thenTheDiceDoNotMatch() {
    assertFails("fairness: seat 0 has client_seed mallory", verify(e -> {},
        f -> f.getJsonArray("client_seeds").getJsonObject(0).put("client_seed", "mallory"), c -> {}));
    String otherSeed = "ff".repeat(32);
    assertFails("fairness: the server_seed hashes to", verify(e -> {}, f -> f.put("server_seed", otherSeed), c -> {}));
    // a seed that matches its published hash, but not the one the game committed to at its creation
    assertFails("GAME_CREATED commits to server_seed_hash", verify(e -> e.getJsonObject(0).put("server_seed_hash",
        FairDice.commitment(HexFormat.of().parseHex(otherSeed))), f -> {}, c -> {}));
  }

  @Test
  void givenTimedOutAwayAndReturningPlayers_whenVerified_thenTheServersOwnMovesAndTheReturnsReplay() {
    List<GameEvent> events = new ArrayList<>(Game.create("g2", "room", 2, Options.DEFAULTS, "ann", "Ann",
        FairDice.commitment(SEED), "ann-seed"));
    events.addAll(Game.setUp(Game.fold(events), new TurnTimer(1000, 1), List.of()));
    GameState s = Game.fold(events);
    FairDice dice = new FairDice(SEED);
    int step = 0;
    GameCommand next = new GameCommand.Join("bob", "Bob", "bob-seed");
    while (next != null) {
      for (GameEvent e : ((Outcome.Accepted) Game.decide(s, next, dice)).events()) {
        events.add(e);
        s = Game.evolve(s, e);
      }
      step++;
      if (s.status() != Status.PLAYING) {
        next = null;
      } else if (step % 40 == 5 && s.timerRuns()) {
        next = new GameCommand.TimeOut(s.actor().playerId(), s.seq()); // one strike: away
      } else if (step % 40 == 25 && s.players().stream().anyMatch(Player::away)) {
        next = new GameCommand.Return(s.players().stream().filter(Player::away).findFirst().orElseThrow().playerId());
      } else {
        String who = s.actor().playerId();
        GameCommand own = s.position().phase() == Phase.ROLL ? new GameCommand.Roll(who)
            : new GameCommand.Move(who, s.legalMoves().get(0), 0);
        next = s.serverActs() ? new GameCommand.Auto(own) : own;
      }
    }
    List<String> types = events.stream().map(GameEventJson::type).toList();
    assertTrue(types.contains("TURN_TIMER_SET") && types.contains("TURN_TIMED_OUT") && types.contains("PLAYER_RETURNED"),
        String.valueOf(types));
    JsonArray chained = new JsonArray();
    String prev = EventChain.GENESIS;
    for (int i = 0; i < events.size(); i++) {
      JsonObject json = GameEventJson.write(new Recorded(i + 1, i, events.get(i)));
      if ("GAME_FINISHED".equals(json.getString("type"))) {
        json.put("server_seed", HexFormat.of().formatHex(SEED));
      }
      chained.add(EventChain.seal(prev, json));
      prev = chained.getJsonObject(i).getString(EventChain.HASH);
    }
    RecordVerifier.Result result = RecordVerifier.verify(new JsonObject().put("events", chained),
        FairnessJson.write(s, SEED), KEYS.certificate("g2", events.size(), prev), KEYS.jwks());
    assertTrue(result.ok(), result.message());
  }

  @Test
  void givenACertificateOfAnotherLogOrKey_whenVerified_thenTheSignatureIsRefused() {
    assertFails("certificate: last_seq", verify(e -> {}, f -> {}, c -> c.put("last_seq", 3)));
    assertFails("certificate: last_hash", verify(e -> {}, f -> {}, c -> c.put("last_hash", "00".repeat(32))));
    assertFails("certificate: key k0 is not in the JWKS", verify(e -> {}, f -> {}, c -> c.put("key_id", "k0")));
    assertFails("certificate: game_id", verify(e -> {}, f -> {}, c -> c.put("game_id", "g2")));
  }
}
