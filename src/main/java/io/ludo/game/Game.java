package io.ludo.game;

import io.ludo.game.GameCommand.AddBot;
import io.ludo.game.GameCommand.Auto;
import io.ludo.game.GameCommand.Join;
import io.ludo.game.GameCommand.Return;
import io.ludo.game.GameCommand.TimeOut;
import io.ludo.game.GameCommand.Leave;
import io.ludo.game.GameCommand.Move;
import io.ludo.game.GameCommand.Roll;
import io.ludo.game.GameCommand.Start;
import io.ludo.game.GameEvent.GameCreated;
import io.ludo.game.GameEvent.GameStarted;
import io.ludo.game.GameEvent.Play;
import io.ludo.game.GameEvent.PlayerJoined;
import io.ludo.game.GameEvent.PlayerLeft;
import io.ludo.game.GameEvent.PlayerReturned;
import io.ludo.game.GameEvent.TurnTimedOut;
import io.ludo.game.GameEvent.TurnTimerSet;
import io.ludo.game.Outcome.Accepted;
import io.ludo.game.Outcome.Refused;
import io.ludo.rules.Command;
import io.ludo.rules.Decision;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.RuleEvent;
import io.ludo.rules.RuleEvent.DiceRolled;
import io.ludo.rules.RuleEvent.GameFinished;
import io.ludo.rules.RuleEvent.PlayerFinished;
import io.ludo.rules.RuleEvent.TurnPassed;
import io.ludo.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The decider of a room: {@link #decide} a command into events, {@link #evolve} by one event. */
public final class Game {
  private Game() {}

  /** The first events of a new room: its creation and its creator in the first seat. */
  public static List<GameEvent> create(
      String gameId, String roomName, int maxPlayers, Options options, String creatorId, String creatorName) {
    return create(gameId, roomName, maxPlayers, options, creatorId, creatorName, null, null);
  }

  /**
   * The same, committed to the dice seed whose hash is {@code serverSeedHash}, with the creator's
   * {@code clientSeed}.
   */
  public static List<GameEvent> create(String gameId, String roomName, int maxPlayers, Options options,
      String creatorId, String creatorName, String serverSeedHash, String clientSeed) {
    int firstSeat = Seats.forSize(maxPlayers).get(0);
    return List.of(
        new GameCreated(gameId, roomName, maxPlayers, options, creatorId, serverSeedHash),
        new PlayerJoined(creatorId, creatorName, firstSeat, false, clientSeed));
  }

  public static Outcome decide(GameState s, GameCommand command, Dice dice) {
    return switch (command) {
      case Join j -> join(s, j);
      case Start st -> start(s, st);
      case Leave l -> leave(s, l);
      case Roll r -> returning(s, r.playerId(), roll(s, r, dice));
      case Move m -> returning(s, m.playerId(), move(s, m));
      case AddBot b -> addBot(s, b);
      case TimeOut t -> timeOut(s, t);
      case Return r -> back(s, r.playerId());
      case Auto a -> auto(s, a, dice);
    };
  }

  /** The timer and the bots of a new room, after {@link #create}: decided like the creator's own commands. */
  public static List<GameEvent> setUp(GameState created, TurnTimer timer, List<String[]> bots) {
    var events = new ArrayList<GameEvent>();
    GameState at = created;
    if (timer.on()) {
      TurnTimerSet set = new TurnTimerSet(timer.timeoutMs(), timer.maxStrikes());
      events.add(set);
      at = evolve(at, set);
    }
    for (String[] bot : bots) {
      if (decide(at, new AddBot(at.creatorId(), bot[0], bot[1]), null) instanceof Accepted a) {
        for (GameEvent e : a.events()) {
          events.add(e);
          at = evolve(at, e);
        }
      }
    }
    return events;
  }

  // ---------------------------------------------------------------- lobby

  private static Outcome addBot(GameState s, AddBot b) {
    if (!b.playerId().equals(s.creatorId())) {
      return refuse(GameError.FORBIDDEN);
    }
    String name = b.name() != null ? b.name() : "Bot " + (s.players().stream().filter(Player::bot).count() + 1);
    return join(s, new Join(b.botId(), name), true);
  }

  private static Outcome join(GameState s, Join j) {
    return join(s, j, false);
  }

  private static Outcome join(GameState s, Join j, boolean bot) {
    if (s.status() != Status.WAITING) {
      return refuse(s.status() == Status.FINISHED ? GameError.GAME_OVER : GameError.GAME_STARTED);
    }
    if (s.seated().stream().anyMatch(p -> p.name().equalsIgnoreCase(j.name()))) {
      return refuse(GameError.NAME_TAKEN);
    }
    Optional<Integer> seat = Seats.forSize(s.maxPlayers()).stream()
        .filter(candidate -> s.playerAt(candidate).isEmpty())
        .findFirst();
    if (seat.isEmpty()) {
      return refuse(GameError.GAME_FULL);
    }
    PlayerJoined joined = new PlayerJoined(j.playerId(), j.name(), seat.get(), bot,
        bot ? FairDice.botSeed(seat.get()) : j.clientSeed());
    if (s.players().size() + 1 < s.maxPlayers()) {
      return new Accepted(List.of(joined));
    }
    var seats = new ArrayList<Integer>();
    s.players().forEach(p -> seats.add(p.seat()));
    seats.add(seat.get());
    return new Accepted(List.of(joined, new GameStarted(seats.stream().sorted().toList())));
  }

  private static Outcome start(GameState s, Start st) {
    if (!st.playerId().equals(s.creatorId())) {
      return refuse(GameError.FORBIDDEN);
    }
    if (s.status() != Status.WAITING) {
      return refuse(s.status() == Status.FINISHED ? GameError.GAME_OVER : GameError.GAME_STARTED);
    }
    if (s.players().size() < 2) {
      return refuse(GameError.WRONG_PHASE);
    }
    return new Accepted(List.of(new GameStarted(s.players().stream().map(Player::seat).sorted().toList())));
  }

  private static Outcome leave(GameState s, Leave l) {
    Optional<Player> who = s.player(l.playerId()).filter(p -> !p.left());
    if (who.isEmpty()) {
      return refuse(GameError.FORBIDDEN);
    }
    if (s.status() == Status.FINISHED) {
      return refuse(GameError.GAME_OVER);
    }
    PlayerLeft left = new PlayerLeft(l.playerId(), who.get().seat());
    if (s.status() == Status.WAITING) {
      return new Accepted(List.of(left));
    }
    var events = new ArrayList<GameEvent>();
    events.add(left);
    GameState after = evolve(s, left);
    List<Integer> active = activeSeats(after);
    if (active.size() < 2) {
      // Abandoned: whoever is still playing takes the next place, and the game ends.
      var ranking = new ArrayList<>(after.position().finished());
      for (int seat : active) {
        events.add(new Play(new PlayerFinished(seat), null));
        ranking.add(seat);
      }
      events.add(new Play(new GameFinished(ranking), null));
      return new Accepted(events);
    }
    events.addAll(skipLeftSeats(after));
    return new Accepted(events);
  }

  // ---------------------------------------------------------------- timers and bots

  /** A timeout counts only if nothing happened since the timer was set and the seat is still to act. */
  private static Outcome timeOut(GameState s, TimeOut t) {
    Player actor = s.actor();
    if (s.seq() != t.expectedSeq() || actor == null || !actor.playerId().equals(t.playerId()) || !s.timerRuns()) {
      return refuse(GameError.WRONG_PHASE);
    }
    return new Accepted(List.of(new TurnTimedOut(actor.playerId(), actor.seat())));
  }

  /** The server acts in a seat's name only while it is that seat's turn to be played for. */
  private static Outcome auto(GameState s, Auto a, Dice dice) {
    if (!s.serverActs() || !s.actor().playerId().equals(a.playerId())) {
      return refuse(GameError.WRONG_PHASE);
    }
    return switch (a.command()) {
      case Roll r -> roll(s, r, dice);
      case Move m -> move(s, m);
      default -> refuse(GameError.WRONG_PHASE);
    };
  }

  private static Outcome back(GameState s, String playerId) {
    Optional<Player> who = s.player(playerId).filter(p -> p.away() && !p.left());
    return who.isEmpty() || s.status() == Status.FINISHED ? refuse(GameError.WRONG_PHASE)
        : new Accepted(List.of(new PlayerReturned(playerId, who.get().seat())));
  }

  /** An away player acting again takes the seat back first (unless the server acts in its name). */
  private static Outcome returning(GameState s, String playerId, Outcome outcome) {
    Optional<Player> away = s.player(playerId).filter(Player::away);
    if (away.isEmpty() || !(outcome instanceof Accepted a)) {
      return outcome;
    }
    var events = new ArrayList<GameEvent>();
    events.add(new PlayerReturned(playerId, away.get().seat()));
    events.addAll(a.events());
    return new Accepted(events);
  }

  // ---------------------------------------------------------------- play

  private static Outcome roll(GameState s, Roll r, Dice dice) {
    Optional<GameError> refused = turnError(s, r.playerId(), Phase.ROLL);
    if (refused.isPresent()) {
      return refuse(refused.get());
    }
    int value = dice.roll(s, s.seq() + 1);
    return play(s, r.playerId(), new Command.Roll(value));
  }

  private static Outcome move(GameState s, Move m) {
    Optional<GameError> refused = turnError(s, m.playerId(), Phase.MOVE);
    if (refused.isPresent()) {
      return refuse(refused.get());
    }
    if (m.expectedDice() != 0 && m.expectedDice() != s.position().dice()) {
      return refuse(GameError.STALE_DICE);
    }
    return play(s, m.playerId(), new Command.Move(m.tokenIndex()));
  }

  /** Why {@code playerId} may not act now in {@code phase}, checked in the API's order. */
  private static Optional<GameError> turnError(GameState s, String playerId, Phase phase) {
    Optional<Player> who = s.player(playerId).filter(p -> !p.left());
    if (who.isEmpty()) {
      return Optional.of(GameError.FORBIDDEN);
    }
    if (s.status() == Status.WAITING) {
      return Optional.of(GameError.WRONG_PHASE);
    }
    if (s.status() == Status.FINISHED) {
      return Optional.of(GameError.GAME_OVER);
    }
    if (s.position().current() != who.get().seat()) {
      return Optional.of(GameError.NOT_YOUR_TURN);
    }
    if (s.position().phase() != phase) {
      return Optional.of(GameError.WRONG_PHASE);
    }
    return Optional.empty();
  }

  private static Outcome play(GameState s, String playerId, Command command) {
    return switch (s.rules().decide(s.position(), command)) {
      case Decision.Rejected rejected -> refuse(GameError.valueOf(rejected.error().name()));
      case Decision.Accepted accepted -> {
        var events = new ArrayList<GameEvent>();
        GameState after = s;
        for (RuleEvent e : accepted.events()) {
          Play play = new Play(e, playerId);
          events.add(play);
          after = evolve(after, play);
        }
        events.addAll(skipLeftSeats(after));
        yield new Accepted(events);
      }
    };
  }

  /** Passes on while the seat to roll belongs to a player who left. */
  private static List<GameEvent> skipLeftSeats(GameState s) {
    var events = new ArrayList<GameEvent>();
    GameState at = s;
    while (at.status() == Status.PLAYING && isLeft(at, at.position().current())) {
      int from = at.position().current();
      int to = nextActive(at, from);
      if (to == from) {
        break;
      }
      Play pass = new Play(new TurnPassed(from, to), null);
      events.add(pass);
      at = evolve(at, pass);
    }
    return events;
  }

  private static boolean isLeft(GameState s, int seat) {
    return s.playerAt(seat).map(Player::left).orElse(true);
  }

  private static List<Integer> activeSeats(GameState s) {
    Position p = s.position();
    return p.seats().stream().filter(seat -> !p.isFinished(seat) && !isLeft(s, seat)).toList();
  }

  private static int nextActive(GameState s, int from) {
    List<Integer> seats = s.position().seats();
    int at = seats.indexOf(from);
    for (int step = 1; step <= seats.size(); step++) {
      int seat = seats.get((at + step) % seats.size());
      if (!s.position().isFinished(seat) && !isLeft(s, seat)) {
        return seat;
      }
    }
    return from;
  }

  private static Outcome refuse(GameError error) {
    return new Refused(error);
  }

  // ---------------------------------------------------------------- evolve

  /** Folds one event; {@code s} is null before {@link GameCreated}. */
  public static GameState evolve(GameState s, GameEvent event) {
    return switch (event) {
      case GameCreated c -> new GameState(c.gameId(), c.roomName(), c.maxPlayers(),
          new Rules(c.options()), c.creatorId(), Status.WAITING, List.of(), null, 1, TurnTimer.NONE, -1,
          c.serverSeedHash(), 0, null);
      case TurnTimerSet t -> s.with(new TurnTimer(t.timeoutMs(), t.maxStrikes()), s.autoSeat())
          .with(s.status(), s.players(), s.position(), s.seq() + 1);
      case TurnTimedOut t -> s.with(s.timer(), t.seat())
          .with(s.status(), replace(s, t.playerId(), p -> p.struck(s.timer().maxStrikes())), s.position(), s.seq() + 1);
      case PlayerReturned r -> s.with(s.status(), replace(s, r.playerId(), Player::returned), s.position(), s.seq() + 1);
      case PlayerJoined j -> {
        var players = new ArrayList<>(s.players());
        players.add(new Player(j.playerId(), j.name(), j.seat(), j.bot(), false, 0, false,
            j.clientSeed() == null ? j.playerId() : j.clientSeed()));
        yield s.with(s.status(), players, s.position(), s.seq() + 1);
      }
      case PlayerLeft l -> {
        var players = new ArrayList<Player>();
        for (Player p : s.players()) {
          if (!p.playerId().equals(l.playerId())) {
            players.add(p);
          } else if (s.status() != Status.WAITING) {
            players.add(p.leaving());
          }
        }
        yield s.with(s.status(), players, s.position(), s.seq() + 1);
      }
      case GameStarted st -> s.with(Status.PLAYING, s.players(), Position.initial(st.seats()), s.seq() + 1)
          .withDice(0, FairDice.diceKey(st.seats().stream().sorted()
              .map(seat -> s.playerAt(seat).map(Player::clientSeed).orElseThrow()).toList()));
      case Play play -> {
        Position p = s.rules().evolve(s.position(), play.event());
        Status status = play.event() instanceof GameFinished ? Status.FINISHED : s.status();
        // a timed-out turn is the server's until play passes on
        int auto = status == Status.PLAYING && p.current() == s.autoSeat() ? s.autoSeat() : -1;
        GameState after = s.with(s.timer(), auto).with(status, s.players(), p, s.seq() + 1);
        yield play.event() instanceof DiceRolled ? after.withDice(s.rolls() + 1, s.diceKey()) : after;
      }
    };
  }

  private static List<Player> replace(GameState s, String playerId, java.util.function.UnaryOperator<Player> change) {
    return s.players().stream().map(p -> p.playerId().equals(playerId) ? change.apply(p) : p).toList();
  }

  public static GameState fold(List<GameEvent> events) {
    GameState s = null;
    for (GameEvent e : events) {
      s = evolve(s, e);
    }
    return s;
  }
}
