package io.ludo.game;

import io.ludo.rules.Options;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.List;
import java.util.Optional;

/**
 * A room as the fold of its events. {@code position} is null while {@link Status#WAITING}.
 * {@code seq} is the number of the last event. {@code serverSeedHash} is the room's commitment to
 * its dice seed, {@code rolls} the number of rolls so far and {@code diceKey} the client seeds of
 * the seats at the start joined with "|" ({@link FairDice}; null while waiting).
 */
public record GameState(
    String gameId,
    String roomName,
    int maxPlayers,
    Rules rules,
    String creatorId,
    Status status,
    List<Player> players,
    Position position,
    int seq,
    String serverSeedHash,
    int rolls,
    String diceKey) {

  public GameState {
    players = List.copyOf(players);
  }

  public Options options() {
    return rules.options();
  }

  public Optional<Player> player(String playerId) {
    return players.stream().filter(p -> p.playerId().equals(playerId)).findFirst();
  }

  public Optional<Player> playerAt(int seat) {
    return players.stream().filter(p -> p.seat() == seat).findFirst();
  }

  /** Players still in their seats, in seat order. */
  public List<Player> seated() {
    return players.stream().filter(p -> !p.left()).sorted((a, b) -> a.seat() - b.seat()).toList();
  }

  public List<Integer> legalMoves() {
    return position == null ? List.of() : rules.legalMoves(position);
  }

  GameState with(Status s, List<Player> ps, Position p, int newSeq) {
    return new GameState(gameId, roomName, maxPlayers, rules, creatorId, s, ps, p, newSeq, serverSeedHash, rolls,
        diceKey);
  }

  GameState withDice(int newRolls, String newDiceKey) {
    return new GameState(gameId, roomName, maxPlayers, rules, creatorId, status, players, position, seq,
        serverSeedHash, newRolls, newDiceKey);
  }
}
