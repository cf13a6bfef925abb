package io.ludo.game;

import io.ludo.rules.Options;
import io.ludo.rules.RuleEvent;
import java.util.List;

/** A fact of a room's history. {@link Play} carries the rule engine's events. */
public sealed interface GameEvent {

  /**
   * A new room. {@code serverSeedHash} is the commitment to the room's secret dice seed (hex
   * SHA-256 of its bytes, see {@link FairDice}); null for rooms recorded before provably fair dice.
   */
  record GameCreated(String gameId, String roomName, int maxPlayers, Options options, String creatorId,
      String serverSeedHash) implements GameEvent {
    public GameCreated(String gameId, String roomName, int maxPlayers, Options options, String creatorId) {
      this(gameId, roomName, maxPlayers, options, creatorId, null);
    }
  }

  /**
   * Someone took {@code seat}. {@code clientSeed} is the player's share of the dice derivation
   * ({@link FairDice}); when null (an older record), the player id stands in for it.
   */
  record PlayerJoined(String playerId, String name, int seat, boolean bot, String clientSeed) implements GameEvent {
    public PlayerJoined(String playerId, String name, int seat, boolean bot) {
      this(playerId, name, seat, bot, null);
    }
  }

  record PlayerLeft(String playerId, int seat) implements GameEvent {}

  record GameStarted(List<Integer> seats) implements GameEvent {
    public GameStarted {
      seats = List.copyOf(seats);
    }
  }

  /** The room's turn timer (right after {@link GameCreated}; no such event: no timer). */
  record TurnTimerSet(long timeoutMs, int maxStrikes) implements GameEvent {}

  /** A seat's timer ran out: a strike, and the server finishes the turn for it. */
  record TurnTimedOut(String playerId, int seat) implements GameEvent {}

  /** An away player acted again (or reconnected): the bot gives the seat back, strikes reset. */
  record PlayerReturned(String playerId, int seat) implements GameEvent {}

  /** A rule event caused by the player in the acting seat (null for the room's own events). */
  record Play(RuleEvent event, String playerId) implements GameEvent {}
}
