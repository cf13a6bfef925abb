package io.ludo.verify;

import io.ludo.game.FairDice;
import io.ludo.game.Game;
import io.ludo.game.GameCommand;
import io.ludo.game.GameError;
import io.ludo.game.GameEvent;
import io.ludo.game.GameEvent.GameCreated;
import io.ludo.game.GameEvent.GameStarted;
import io.ludo.game.GameEvent.Play;
import io.ludo.game.GameEvent.PlayerJoined;
import io.ludo.game.GameEvent.PlayerLeft;
import io.ludo.game.GameEvent.PlayerReturned;
import io.ludo.game.GameEvent.TurnTimedOut;
import io.ludo.game.GameEvent.TurnTimerSet;
import io.ludo.game.GameState;
import io.ludo.game.Outcome;
import io.ludo.game.Player;
import io.ludo.game.Status;
import io.ludo.json.EventChain;
import io.ludo.json.GameEventJson;
import io.ludo.rules.RuleEvent.DiceRolled;
import io.ludo.rules.RuleEvent.TokenMoved;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks a finished game from its public record alone (docs/FAIRNESS.md): the hash chain of its
 * events, the dice commitment and every roll re-derived from the revealed seed, every event
 * re-decided by the engine from the command it records, and the server's signature over the last
 * hash. Answers the first discrepancy, or a summary of what was checked.
 */
public final class RecordVerifier {

  /** What a verification found: {@code ok}, or the first {@code discrepancy}. */
  public record Result(boolean ok, String message) {
    static Result fail(String discrepancy) {
      return new Result(false, discrepancy);
    }
  }

  /** Thrown inside the verifier at the first discrepancy. */
  private static final class Discrepancy extends RuntimeException {
    Discrepancy(String message) {
      super(message, null, false, false);
    }
  }

  private RecordVerifier() {}

  /**
   * {@code events}: the body of {@code GET /games/{id}/events} (from seq 1); {@code fairness},
   * {@code certificate}, {@code jwks}: the bodies of the fairness, certificate and JWKS routes.
   */
  public static Result verify(JsonObject events, JsonObject fairness, JsonObject certificate, JsonObject jwks) {
    try {
      JsonArray log = events.getJsonArray("events");
      require(log != null && !log.isEmpty(), "the events document has no events");
      chain(log);
      byte[] seed = seed(fairness);
      GameState end = replay(log, seed);
      checkSeeds(log, end, fairness);
      require(end.status() == Status.FINISHED, "the game is not over: only a finished game can be verified");
      signature(log, end.gameId(), certificate, jwks);
      return new Result(true, "game " + end.gameId() + ": " + log.size() + " events chained, " + end.rolls()
          + " rolls re-derived, every event re-decided by the engine, signed by " + certificate.getString("key_id"));
    } catch (Discrepancy d) {
      return Result.fail(d.getMessage());
    } catch (RuntimeException e) {
      return Result.fail("malformed input: " + e);
    }
  }

  // ---------------------------------------------------------------- the hash chain

  private static void chain(JsonArray log) {
    String prev = EventChain.GENESIS;
    for (int i = 0; i < log.size(); i++) {
      JsonObject e = log.getJsonObject(i);
      int seq = i + 1;
      require(Objects.equals(e.getValue("seq"), seq), "event " + seq + " has seq " + e.getValue("seq")
          + ": the log must be gapless from 1");
      require(prev.equals(e.getValue(EventChain.PREV_HASH)), "event " + seq + ": prev_hash "
          + e.getValue(EventChain.PREV_HASH) + " is not the previous event's hash " + prev);
      String hash = EventChain.hashOf(e);
      require(hash.equals(e.getValue(EventChain.HASH)), "event " + seq + ": hash " + e.getValue(EventChain.HASH)
          + " is not the hash of its content, " + hash);
      prev = hash;
    }
  }

  // ---------------------------------------------------------------- the dice

  private static byte[] seed(JsonObject fairness) {
    require(FairDice.ALGORITHM.equals(fairness.getString("algorithm")),
        "fairness: algorithm " + fairness.getValue("algorithm") + " is not " + FairDice.ALGORITHM);
    String hex = fairness.getString("server_seed");
    require(hex != null, "fairness: no server_seed (it is revealed once the game is over)");
    byte[] seed;
    try {
      seed = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new Discrepancy("fairness: server_seed is not hex");
    }
    String commitment = FairDice.commitment(seed);
    require(commitment.equals(fairness.getString("server_seed_hash")), "fairness: the server_seed hashes to "
        + commitment + ", not to the server_seed_hash " + fairness.getValue("server_seed_hash"));
    return seed;
  }

  /** The client seeds published are the seats' seeds of the record, and the seed revealed in the log is the same. */
  private static void checkSeeds(JsonArray log, GameState end, JsonObject fairness) {
    require(Objects.equals(end.serverSeedHash(), fairness.getString("server_seed_hash")),
        "GAME_CREATED commits to server_seed_hash " + end.serverSeedHash() + ", the fairness document to "
            + fairness.getValue("server_seed_hash"));
    JsonArray published = fairness.getJsonArray("client_seeds", new JsonArray());
    for (int i = 0; i < published.size(); i++) {
      JsonObject c = published.getJsonObject(i);
      String recorded = end.playerAt(c.getInteger("seat")).map(Player::clientSeed).orElse(null);
      require(Objects.equals(recorded, c.getString("client_seed")), "fairness: seat " + c.getValue("seat")
          + " has client_seed " + c.getValue("client_seed") + ", the record " + recorded);
    }
    require(published.size() == end.players().size(), "fairness: " + published.size()
        + " client seeds for " + end.players().size() + " seats");
    for (int i = 0; i < log.size(); i++) {
      JsonObject e = log.getJsonObject(i);
      if ("GAME_FINISHED".equals(e.getString("type"))) {
        require(Objects.equals(e.getString("server_seed"), fairness.getString("server_seed")),
            "event " + (i + 1) + ": GAME_FINISHED reveals server_seed " + e.getValue("server_seed")
                + ", the fairness document " + fairness.getValue("server_seed"));
      }
    }
  }

  // ---------------------------------------------------------------- the engine

  /**
   * Replays the log command by command: each group of events must be exactly what the engine
   * decides for the command that the group's first event records, with the derived dice.
   */
  private static GameState replay(JsonArray log, byte[] seed) {
    FairDice dice = new FairDice(seed);
    List<GameEvent> recorded = new ArrayList<>(log.size());
    for (int i = 0; i < log.size(); i++) {
      try {
        recorded.add(GameEventJson.read(log.getJsonObject(i)).event());
      } catch (RuntimeException e) {
        throw new Discrepancy("event " + (i + 1) + " cannot be read: " + e.getMessage());
      }
    }
    require(recorded.get(0) instanceof GameCreated, "event 1 is not GAME_CREATED");
    require(recorded.size() >= 2 && recorded.get(1) instanceof PlayerJoined, "event 2 is not the creator's PLAYER_JOINED");
    GameCreated created = (GameCreated) recorded.get(0);
    PlayerJoined creator = (PlayerJoined) recorded.get(1);
    List<GameEvent> creation = Game.create(created.gameId(), created.roomName(), created.maxPlayers(), created.options(),
        created.creatorId(), creator.name(), created.serverSeedHash(), creator.clientSeed());
    same(1, creation, recorded);
    GameState s = Game.fold(creation);
    int at = creation.size();
    if (at < recorded.size() && recorded.get(at) instanceof TurnTimerSet timer) {
      // the room's turn timer, set with its creation (Game.setUp): not a command of its own
      s = Game.evolve(s, timer);
      at++;
    }
    while (at < recorded.size()) {
      GameEvent first = recorded.get(at);
      GameCommand command = commandOf(s, first, at + 1);
      List<GameEvent> decided = switch (Game.decide(s, command, dice)) {
        case Outcome.Refused r -> throw new Discrepancy("event " + (at + 1) + ": the engine refuses " + describe(command)
            + " (" + r.error() + ")" + (r.error() == GameError.ILLEGAL_MOVE ? ": an illegal move" : ""));
        case Outcome.Accepted a -> a.events();
      };
      same(at + 1, decided, recorded);
      for (GameEvent e : decided) {
        s = Game.evolve(s, e);
      }
      at += decided.size();
    }
    return s;
  }

  /** The command that the event at {@code seq} records the start of. */
  private static GameCommand commandOf(GameState s, GameEvent first, int seq) {
    return switch (first) {
      case PlayerJoined j when j.bot() -> new GameCommand.AddBot(s.creatorId(), j.playerId(), j.name());
      case PlayerJoined j -> new GameCommand.Join(j.playerId(), j.name(), j.clientSeed());
      case PlayerLeft l -> new GameCommand.Leave(l.playerId());
      case GameStarted st -> new GameCommand.Start(s.creatorId());
      case TurnTimedOut t -> new GameCommand.TimeOut(t.playerId(), s.seq());
      case PlayerReturned r -> new GameCommand.Return(r.playerId());
      case Play p when p.event() instanceof DiceRolled && p.playerId() != null ->
          byServerOrPlayer(s, new GameCommand.Roll(p.playerId()));
      case Play p when p.event() instanceof TokenMoved m && p.playerId() != null ->
          byServerOrPlayer(s, new GameCommand.Move(p.playerId(), m.token(), 0));
      default -> throw new Discrepancy("event " + seq + " (" + GameEventJson.type(first)
          + ") follows from no command: it can only come with the events of one");
    };
  }

  /**
   * A roll or move in the name of a seat the server plays for right now (a bot's, an away
   * player's, a timed-out turn) is the server's; otherwise the player's own. (An away player who
   * acts again is recorded with a PLAYER_RETURNED first, replayed as its own command.)
   */
  private static GameCommand byServerOrPlayer(GameState s, GameCommand command) {
    return s.serverActs() && s.actor().playerId().equals(command.playerId()) ? new GameCommand.Auto(command) : command;
  }

  private static void same(int fromSeq, List<GameEvent> decided, List<GameEvent> recorded) {
    for (int k = 0; k < decided.size(); k++) {
      int index = fromSeq - 1 + k;
      require(index < recorded.size(), "the log ends at event " + recorded.size() + " where the engine decides "
          + decided.get(k));
      require(decided.get(k).equals(recorded.get(index)), "event " + (index + 1) + ": the record says "
          + recorded.get(index) + " where the engine decides " + decided.get(k));
    }
  }

  private static String describe(GameCommand c) {
    return switch (c) {
      case GameCommand.Move m -> "moving token " + m.tokenIndex() + " for " + m.playerId();
      default -> c.toString();
    };
  }

  // ---------------------------------------------------------------- the signature

  private static void signature(JsonArray log, String gameId, JsonObject certificate, JsonObject jwks) {
    JsonObject last = log.getJsonObject(log.size() - 1);
    require(gameId.equals(certificate.getString("game_id")), "certificate: game_id "
        + certificate.getValue("game_id") + " is not " + gameId);
    require(Objects.equals(certificate.getValue("last_seq"), last.getValue("seq")), "certificate: last_seq "
        + certificate.getValue("last_seq") + " is not the log's last seq " + last.getValue("seq"));
    require(Objects.equals(certificate.getString("last_hash"), last.getString(EventChain.HASH)),
        "certificate: last_hash is not the hash of the log's last event");
    String kid = certificate.getString("key_id");
    JsonObject jwk = null;
    JsonArray keys = jwks.getJsonArray("keys", new JsonArray());
    for (int i = 0; i < keys.size(); i++) {
      if (Objects.equals(kid, keys.getJsonObject(i).getString("kid"))) {
        jwk = keys.getJsonObject(i);
      }
    }
    require(jwk != null, "certificate: key " + kid + " is not in the JWKS");
    require("OKP".equals(jwk.getString("kty")) && "Ed25519".equals(jwk.getString("crv")),
        "jwks: key " + kid + " is not an OKP Ed25519 key");
    PublicKey key;
    byte[] signature;
    try {
      key = Ed25519.publicKey(Base64.getUrlDecoder().decode(jwk.getString("x")));
      signature = Base64.getUrlDecoder().decode(certificate.getString("signature"));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Discrepancy("certificate: unreadable key or signature: " + e.getMessage());
    }
    require(Ed25519.verify(key, HexFormat.of().parseHex(certificate.getString("last_hash")), signature),
        "certificate: the signature does not verify under key " + kid);
  }

  private static void require(boolean condition, String discrepancy) {
    if (!condition) {
      throw new Discrepancy(discrepancy);
    }
  }
}
