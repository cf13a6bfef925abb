package io.ludo.json;

import io.ludo.game.FairDice;
import io.ludo.game.GameState;
import io.ludo.game.Player;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * {@code GET /games/{id}/fairness}: what anyone needs to re-derive a game's rolls
 * (docs/FAIRNESS.md): {@code algorithm}, {@code server_seed_hash}, the seats' {@code client_seeds}
 * in seat order and, once the game is over, the {@code server_seed} itself.
 */
public final class FairnessJson {
  private FairnessJson() {}

  /** {@code revealedSeed} is null until the game is over. */
  public static JsonObject write(GameState s, byte[] revealedSeed) {
    JsonArray seeds = new JsonArray();
    s.players().stream().sorted(Comparator.comparingInt(Player::seat))
        .forEach(p -> seeds.add(new JsonObject().put("seat", p.seat()).put("client_seed", p.clientSeed())));
    JsonObject out = new JsonObject()
        .put("game_id", s.gameId())
        .put("algorithm", FairDice.ALGORITHM)
        .put("server_seed_hash", s.serverSeedHash())
        .put("client_seeds", seeds);
    if (revealedSeed != null) {
      out.put("server_seed", HexFormat.of().formatHex(revealedSeed));
    }
    return out;
  }
}
