package io.ludo.game;

import io.ludo.rules.Options;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.List;
import java.util.Optional;

/**
 * A room as the fold of its events. {@code position} is null while {@link Status#WAITING}.
 * {@code seq} is the number of the last event. {@code autoSeat} is the seat whose turn the
 * server is finishing after its timer ran out (−1: none). {@code serverSeedHash} is the room's
 * commitment to its dice seed, {@code rolls} the number of rolls so far and {@code diceKey} the
 * client seeds of the seats at the start joined with "|" ({@link FairDice}; null while waiting).
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
    TurnTimer timer,
    int autoSeat,
    String serverSeedHash,
    int rolls,
    String diceKey) {

  public GameState {
    players = List.copyOf(players);
  }

  public Options options() {
    return rules.options();
  }

  // plain loops: every command looks its player up, and a stream pipeline per look-up showed in profiles
  public Optional<Player> player(String playerId) {
    for (Player p : players) {
      if (p.playerId().equals(playerId)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public Optional<Player> playerAt(int seat) {
    for (Player p : players) {
      if (p.seat() == seat) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Players still in their seats, in seat order. */
  public List<Player> seated() {
    return players.stream().filter(p -> !p.left()).sorted((a, b) -> a.seat() - b.seat()).toList();
  }

  public List<Integer> legalMoves() {
    return position == null ? List.of() : rules.legalMoves(position);
  }

  GameState with(Status s, List<Player> ps, Position p, int newSeq) {
    return new GameState(gameId, roomName, maxPlayers, rules, creatorId, s, ps, p, newSeq, timer, autoSeat,
        serverSeedHash, rolls, diceKey);
  }

  GameState with(TurnTimer t, int auto) {
    return new GameState(gameId, roomName, maxPlayers, rules, creatorId, status, players, position, seq, t, auto,
        serverSeedHash, rolls, diceKey);
  }

  GameState withDice(int newRolls, String newDiceKey) {
    return new GameState(gameId, roomName, maxPlayers, rules, creatorId, status, players, position, seq, timer,
        autoSeat, serverSeedHash, newRolls, newDiceKey);
  }

  /** The player who must act now (null when nobody must). */
  public Player actor() {
    return status != Status.PLAYING ? null : playerAt(position.current()).orElse(null);
  }

  /** Whether the server acts now without waiting: a bot's or an away player's seat, or a timed-out turn. */
  public boolean serverActs() {
    Player p = actor();
    return p != null && !p.left() && (p.automatic() || autoSeat == p.seat());
  }

  /** Whether a turn timer runs now: on, and a present human must act. */
  public boolean timerRuns() {
    return timer.on() && actor() != null && !serverActs();
  }
}
