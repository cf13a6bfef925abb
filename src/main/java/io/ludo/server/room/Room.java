package io.ludo.server.room;

import io.ludo.game.Autopilot;
import io.ludo.game.Dice;
import io.ludo.game.Game;
import io.ludo.game.GameCommand;
import io.ludo.game.GameEvent;
import io.ludo.game.GameState;
import io.ludo.game.Outcome;
import io.ludo.game.Player;
import io.ludo.game.Status;
import io.ludo.json.FairnessJson;
import io.ludo.server.bus.Deadlines;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.validator.MoveValidator.Verdict;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One game in the memory of its owner, the only writer of its events: state, the hash chain's
 * head, dice, recent replies and frames. A command is decided on the current state, sealed,
 * appended to the {@link RoomJournal}, and only once durable applied, answered and fed to the
 * sockets. Commands are handled one at a time, in arrival order. Plain Java: its journal, feed
 * and clock are given, and all its calls come from one thread (its verticle's).
 */
public final class Room {
  /** What a room is: its game, its owner node, and when an idle or finished room leaves memory. */
  public record Setup(String gameId, String nodeId, long idleMs, long lingerMs) {}

  /** The operator's move validator: asked about a player's accepted move before it is stored. */
  @FunctionalInterface
  public interface MoveCheck {
    MoveCheck NONE = (game, player, token, dice, seq) -> Future.succeededFuture(Verdict.APPLY);

    Future<Verdict> check(String gameId, String playerId, int tokenIndex, int diceValue, int seq);
  }

  /** Makes a finished game's rematch: a new waiting game like it, {@code caller} seated; answers its id. */
  @FunctionalInterface
  public interface Rematches {
    Future<String> create(GameState finished, RoomListing listing, Player caller);
  }

  /** Longest chat line, in characters (code points) after trimming. */
  public static final int MAX_CHAT_LENGTH = 200;

  /** How long the server waits before it tries its own move again after the database refused. */
  static final long AUTOMATION_RETRY_MS = 1_000;

  private final Setup setup;
  private final RoomJournal journal;
  private final RoomFeed feed;
  private final RoomClock clock;
  /** The dice of a game under its server seed (null for a game recorded before fair dice). */
  private final Function<byte[], Dice> diceFactory;
  /** How the server plays for a seat (bots, away players, timed-out turns) and when. */
  private final Autopilot autopilot;
  private final MoveCheck moveCheck;
  private final Rematches rematches;

  private final ChainHead head = new ChainHead();
  private final RecentReplies replies;
  /** The newest events' frames: syncs are answered from here, not from the log. */
  private final RecentEvents recent = new RecentEvents();
  private final Presence presence = new Presence();

  private GameState state;
  private RoomListing listing = RoomListing.NONE;
  /** The game this one's players went on to (null: none yet); set once, after the end. */
  private String rematchGameId;
  /** The ownership epoch this room holds; appends under an older one are refused. */
  private long epoch;
  private Dice dice;
  /** The game's secret dice seed: revealed in GAME_FINISHED and the view once the game is over. */
  private byte[] serverSeed;
  private Future<Void> tail = Future.succeededFuture();
  /** After an append of unknown outcome: read the log back before deciding anything else. */
  private boolean mustReconcile;
  /** The process pauses this room knows its ownership survived (see {@link RoomClock#pauses}). */
  private long pausesChecked;
  /** Another epoch owns the game: this room answers nothing more for it. */
  private boolean fenced;
  private boolean finishReported;
  private long automationTimer = -1;
  private final Lifetime lifetime;

  public Room(Setup setup, RoomJournal journal, RoomFeed feed, RoomClock clock, Function<byte[], Dice> diceFactory,
      Autopilot autopilot, MoveCheck moveCheck, Rematches rematches, Runnable leave) {
    this.setup = setup;
    this.journal = journal;
    this.feed = feed;
    this.clock = clock;
    this.diceFactory = diceFactory;
    this.autopilot = autopilot;
    this.moveCheck = moveCheck;
    this.rematches = rematches;
    this.replies = new RecentReplies(journal);
    this.lifetime = new Lifetime(clock, setup.idleMs(), setup.lingerMs(), () -> automationTimer >= 0, () -> tail, leave);
  }

  // ---------------------------------------------------------------- start and stop

  /** A new game: its creation events are stored under epoch 1 with its secret seed and listing. */
  public Future<Void> create(List<GameEvent> creation, byte[] seed, RoomListing listing) {
    epoch = 1;
    pausesChecked = clock.pauses();
    this.listing = listing;
    useSeed(seed);
    List<SealedEvent> sealed = head.seal(0, clock.now(), creation, serverSeed);
    GameState created = fold(null, sealed);
    return journal.append(new RoomJournal.Append(epoch, 0, created.roomName(), created.status().name(), sealed,
            null, null, null, seed, listing, Deadlines.NONE))
        .onSuccess(v -> {
          state = created;
          head.advance(sealed);
          keepFrames(null, sealed);
          touch();
          schedule();
        });
  }

  /** Takes the stored game over (a new epoch fences the previous owner out), then folds its log. */
  public Future<Void> load() {
    return journal.claim()
        .compose(claim -> {
          epoch = claim.epoch();
          pausesChecked = clock.pauses();
          listing = claim.listing() == null ? RoomListing.NONE : claim.listing();
          rematchGameId = claim.rematchGameId();
          useSeed(claim.serverSeed());
          return replies.reload();
        })
        .compose(v -> journal.events(1))
        .compose(events -> {
          if (events.isEmpty()) {
            return Future.failedFuture(ErrorCode.GAME_NOT_FOUND.name());
          }
          state = fold(null, events);
          head.advance(events);
          keepFrames(null, events);
          if (state.status() == Status.FINISHED) {
            reportFinished();
            // a finished game loaded (for a late view or sync) lingers, then leaves, like one that just ended
            lifetime.finished();
          }
          touch();
          schedule();
          return Future.succeededFuture();
        });
  }

  /** Stops the room's clock; the answer completes once the commands in flight are done. */
  public Future<Void> close() {
    lifetime.close();
    cancelAutomation();
    return tail;
  }

  private void useSeed(byte[] seed) {
    serverSeed = seed;
    dice = diceFactory.apply(seed);
  }

  // ---------------------------------------------------------------- reads

  public GameState state() {
    return state;
  }

  public JsonObject view() {
    return RoomJson.view(state, presence, setup.nodeId(), head.lastEventAt(), revealedSeed())
        .put("invite_code", listing.inviteCode()).put("visibility", listing.visibility())
        .put("rematch_game_id", rematchGameId);
  }

  /** {@code {"status","last_event":{"seq","hash"}}}: the head of the log, as the database has it. */
  public JsonObject head() {
    return new JsonObject().put("status", state.status().name())
        .put("last_event", new JsonObject().put("seq", state.seq()).put("hash", head.hash()));
  }

  public JsonObject fairness() {
    return FairnessJson.write(state, revealedSeed());
  }

  /** {@code {"seq","frames":[text…]}} for a sync after {@code sinceSeq}: see {@link RecentEvents#answer}. */
  public JsonObject recent(int sinceSeq, int max) {
    return recent.answer(state.seq(), sinceSeq, max);
  }

  private byte[] revealedSeed() {
    return state.status() == Status.FINISHED ? serverSeed : null;
  }

  // ---------------------------------------------------------------- presence

  /** Sockets open for a player (null: a spectator's) on a node. A returning away player takes the seat back. */
  public void presence(String node, String playerId, int delta) {
    presence.count(node, playerId, delta);
    if (playerId != null && delta > 0 && state.player(playerId).map(Player::away).orElse(false)) {
      enqueue(() -> decideAndApply(null, null, new GameCommand.Return(playerId), Deadlines.NONE));
    }
  }

  /** {@code node} left the cluster: nobody is connected through it any more. */
  public void nodeLeft(String node) {
    presence.dropNode(node);
  }

  /**
   * {@code node} is among the live nodes again (it was cut off or frozen, not dead): the sockets
   * it held for this game are counted again, or they would get no frames from here.
   */
  public void nodeReturned(String node) {
    if (presence.returned(node)) {
      feed.presenceRequest(node);
    }
  }

  // ---------------------------------------------------------------- commands

  /**
   * Handles a command after every one before it and answers its reply: the command's events
   * are durable before it is accepted. {@code commandId} (null: none) makes a resend get the
   * first reply; {@code command} null is a malformed one; past {@code deadlineNanos} its edge
   * has answered 503, so it is not decided.
   */
  public Future<JsonObject> command(String commandId, String fingerprint, GameCommand command, long deadlineNanos) {
    touch();
    return enqueue(() -> decideAndApply(commandId, fingerprint, command, deadlineNanos));
  }

  // ---------------------------------------------------------------- playing with friends

  /**
   * A seated player of the finished game asks to play again: the first call makes the rematch
   * (stored as this game's, once; every socket hears of it), later ones answer the same game.
   * Answers {@code {"rematch_game_id","player_id","player_name"}}: the caller's seat there is
   * the edge's to find or take. Queued with the commands: two first calls make one rematch.
   */
  public Future<JsonObject> rematch(String playerId) {
    touch();
    return enqueue(() -> {
      var caller = state.player(playerId).filter(p -> !p.bot());
      if (caller.isEmpty()) {
        return Future.succeededFuture(Replies.error(ErrorCode.FORBIDDEN, "only a player of this game can ask for its rematch"));
      }
      if (state.status() != Status.FINISHED) {
        return Future.succeededFuture(Replies.error(ErrorCode.GAME_NOT_FINISHED, "the game is not over yet"));
      }
      Future<String> made = rematchGameId != null ? Future.succeededFuture(rematchGameId)
          : rematches.create(state, listing, caller.get()).compose(journal::rematch).onSuccess(id -> {
            rematchGameId = id;
            feed.event(new JsonObject().put("type", "rematch").put("rematch_game_id", id), presence.nodes());
          });
      return made.map(id -> new JsonObject().put("rematch_game_id", id).put("player_id", playerId)
              .put("player_name", caller.get().name()))
          .otherwise(e -> Replies.error(ErrorCode.UNAVAILABLE, "the rematch could not be made; retry"));
    });
  }

  /**
   * A seated player's chat line ({@code text} trimmed and within bounds at the edge): kept, then
   * sent to every socket of the game. Not a command: it does not wait for the game's appends.
   */
  public Future<JsonObject> chat(String playerId, String text) {
    touch();
    var speaker = state.player(playerId).filter(p -> !p.bot() && !p.left());
    if (speaker.isEmpty()) {
      return Future.succeededFuture(Replies.error(ErrorCode.FORBIDDEN, "only a seated player can chat"));
    }
    ChatMessage message = new ChatMessage(speaker.get().seat(), speaker.get().name(), text, clock.now());
    return journal.chat(message)
        .map(v -> {
          // two frames: the published one is shared with every local consumer, never touched after
          feed.event(message.frame(), presence.nodes());
          return message.frame();
        })
        .otherwise(e -> Replies.error(ErrorCode.UNAVAILABLE, "the message could not be kept; retry"));
  }

  /** Something asked the room (a view, a sync): it is in use. */
  public void touch() {
    if (state != null) {
      lifetime.touch();
    }
  }

  private Future<JsonObject> enqueue(Supplier<Future<JsonObject>> work) {
    Future<JsonObject> reply = tail.transform(ignored -> {
      if (fenced) {
        return Future.succeededFuture(Replies.error(ErrorCode.UNAVAILABLE, "the game moved to another node; retry"));
      }
      Future<Void> ready = (mustReconcile ? reconcile() : Future.<Void>succeededFuture()).compose(v -> stillOwned());
      return ready.transform(r -> r.failed()
          ? Future.succeededFuture(Replies.error(ErrorCode.UNAVAILABLE, r.cause() instanceof AppendFailure
              ? "the game moved to another node; retry" : "the game's database is unreachable; retry"))
          : work.get());
    });
    tail = reply.transform(ar -> {
      if (ar.failed() || ErrorCode.UNAVAILABLE.name().equals(Replies.errorCode(ar.result()))) {
        retryAutomationLater();
      }
      return Future.succeededFuture();
    });
    return reply;
  }

  private Future<JsonObject> decideAndApply(String commandId, String fingerprint, GameCommand command, long deadline) {
    if (commandId != null) {
      var answered = replies.answer(commandId, fingerprint);
      if (answered.isPresent()) {
        return Future.succeededFuture(answered.get());
      }
    }
    if (command == null) {
      return Future.succeededFuture(Replies.error(ErrorCode.INVALID_INPUT, "malformed command"));
    }
    if (Deadlines.passed(deadline)) {
      // its edge has answered 503 by now ("not applied"): deciding it now would make that untrue
      return Future.succeededFuture(Replies.error(ErrorCode.UNAVAILABLE, "the command waited too long for its turn; resend it"));
    }
    return switch (Game.decide(state, command, dice)) {
      case Outcome.Refused refused -> replies.fromLog(commandId, fingerprint).map(stored -> stored != null ? stored
          : Replies.error(ErrorCode.of(refused.error()), refused.error().name().toLowerCase().replace('_', ' ')));
      case Outcome.Accepted accepted -> vetted(command).compose(verdict -> switch (verdict) {
        case APPLY -> apply(commandId, fingerprint, command, accepted, deadline);
        case REJECTED -> Future.succeededFuture(
            Replies.error(ErrorCode.VALIDATOR_REJECTED, "the move validator refused this move"));
        case UNAVAILABLE -> Future.succeededFuture(
            Replies.error(ErrorCode.VALIDATOR_UNAVAILABLE, "the move validator is unavailable; retry"));
      });
    };
  }

  /**
   * A player's move that the rules accept goes to the operator's validator before it is stored,
   * inside the one-at-a-time chain, so that nothing else is decided meanwhile. The server's own
   * moves (bots, away players, timed-out turns) are not sent.
   */
  private Future<Verdict> vetted(GameCommand command) {
    if (!(command instanceof GameCommand.Move m)) {
      return Future.succeededFuture(Verdict.APPLY);
    }
    return moveCheck.check(setup.gameId(), m.playerId(), m.tokenIndex(), state.position().dice(), state.seq() + 1);
  }

  /** Seals and stores the events of an accepted command; only once they are durable, applies and feeds them. */
  private Future<JsonObject> apply(String commandId, String fingerprint, GameCommand command, Outcome.Accepted accepted,
      long deadline) {
    GameState before = state;
    List<SealedEvent> sealed = head.seal(before.seq(), clock.now(), accepted.events(), serverSeed);
    GameState after = fold(before, sealed);
    JsonObject reply = reply(command, accepted.events(), after);
    // encoded once: the same text is stored with the events and remembered for resends
    String replyText = commandId == null ? null : reply.encode();
    RoomJournal.Append append = new RoomJournal.Append(epoch, before.seq(), after.roomName(), after.status().name(),
        sealed, commandId, fingerprint, replyText, null, null, deadline);
    // the answer is awaited whatever it takes: the journal never sends an append past its deadline,
    // and one already sent commits or fails for sure; deciding meanwhile would be on a guess
    return journal.append(append).transform(ar -> {
      if (ar.succeeded()) {
        state = after;
        head.advance(sealed);
        if (commandId != null) {
          replies.remember(commandId, fingerprint, replyText);
        }
        feed(before, sealed);
        afterChange();
        // a roll's or move's reply goes out as it is (the edges add nothing to it): its text rides along
        boolean asIs = replyText != null && (command instanceof GameCommand.Roll || command instanceof GameCommand.Move);
        return Future.succeededFuture(asIs ? new EncodedFrame(reply, replyText) : reply);
      }
      return switch (AppendFailure.kindOf(ar.cause())) {
        case FENCED -> {
          fencedOut();
          yield Future.succeededFuture(Replies.error(ErrorCode.UNAVAILABLE, "the game moved to another node; retry"));
        }
        // applied long ago, its reply no longer in memory: the log has it
        case DUPLICATE_COMMAND -> replies.fromLog(commandId, fingerprint).map(stored -> stored != null ? stored
            : Replies.error(ErrorCode.UNAVAILABLE, "the command could not be stored; retry"));
        // never sent: certainly not stored
        case NOT_SENT -> Future.succeededFuture(Replies.error(ErrorCode.UNAVAILABLE, "the move could not be stored; retry"));
        // the commit may have landed: read back what the log holds before deciding anything else
        case UNKNOWN -> {
          mustReconcile = true;
          yield Future.succeededFuture(Replies.error(ErrorCode.UNAVAILABLE, "the move could not be stored; retry"));
        }
      };
    });
  }

  private JsonObject reply(GameCommand command, List<GameEvent> events, GameState after) {
    return switch (command) {
      case GameCommand.Roll r -> Replies.roll(r.playerId(), events, after);
      case GameCommand.Move m -> Replies.move(m.playerId(), events, after);
      default -> Replies.lobby(command.playerId(), after, presence.connected());
    };
  }

  /**
   * After an append of unknown outcome: applies and feeds what the log holds past our state,
   * and the replies of late commits too (a resend is answered with its first reply, not decided again).
   */
  private Future<Void> reconcile() {
    return journal.events(state.seq() + 1)
        .compose(events -> {
          if (events.isEmpty()) {
            return Future.<Void>succeededFuture();
          }
          GameState before = state;
          state = fold(before, events);
          head.advance(events);
          feed(before, events);
          afterChange();
          return replies.reload();
        })
        .onSuccess(v -> mustReconcile = false);
  }

  // ---------------------------------------------------------------- events

  private static GameState fold(GameState s, List<SealedEvent> events) {
    GameState at = s;
    for (SealedEvent e : events) {
      at = Game.evolve(at, e.recorded().event());
    }
    return at;
  }

  /** Every event to the sockets, each with the turn right after it; kept for syncs. */
  private void feed(GameState before, List<SealedEvent> events) {
    GameState at = before;
    for (SealedEvent e : events) {
      at = Game.evolve(at, e.recorded().event());
      JsonObject frame = RoomJson.frame(at, e);
      String text = RoomJson.frameText(frame, e);
      recent.add(e.seq(), text);
      feed.event(new EncodedFrame(frame, text), presence.nodes());
    }
  }

  /** The frames of events this room did not feed (it created or loaded them), for syncs: the newest only. */
  private void keepFrames(GameState before, List<SealedEvent> events) {
    GameState at = before;
    int firstKept = events.size() - RecentEvents.CAPACITY;
    for (int i = 0; i < events.size(); i++) {
      at = Game.evolve(at, events.get(i).recorded().event());
      if (i >= firstKept) {
        recent.add(events.get(i).seq(), RoomJson.frameText(RoomJson.frame(at, events.get(i)), events.get(i)));
      }
    }
  }

  /**
   * After this process paused, the cluster may have given the game to another node that has
   * played on since: nothing is decided on this room's state before Postgres confirms its epoch.
   */
  private Future<Void> stillOwned() {
    long pauses = clock.pauses();
    if (pauses == pausesChecked) {
      return Future.succeededFuture();
    }
    return journal.ownerEpoch().compose(stored -> {
      if (stored != null && stored > epoch) {
        fencedOut();
        return Future.failedFuture(new AppendFailure(AppendFailure.Kind.FENCED));
      }
      pausesChecked = pauses;
      return Future.succeededFuture();
    });
  }

  /** Postgres says another claim took the game (a newer epoch): this room stops answering for it now. */
  public void epochMoved(long newer) {
    if (newer > epoch && !fenced) {
      fencedOut();
    }
  }

  /** Another owner took this game over (this one was cut off or paused): it must never append again. */
  private void fencedOut() {
    fenced = true;
    cancelAutomation();
    feed.reconnect();
    lifetime.leaveNow();
  }

  // ---------------------------------------------------------------- lifetime

  private void afterChange() {
    schedule();
    if (state.status() == Status.FINISHED) {
      lifetime.finished();
      reportFinished();
    }
  }

  private void reportFinished() {
    if (!finishReported) {
      finishReported = true;
      feed.finished(view(), head.lastEventAt());
    }
  }

  // ---------------------------------------------------------------- automation

  /** Sets the one pending automatic command the {@link Autopilot} plans for the current state, if any. */
  private void schedule() {
    cancelAutomation();
    if (lifetime.closed()) {
      return;
    }
    autopilot.plan(state, head.lastEventAt(), clock.now()).ifPresent(plan ->
        automationTimer = clock.after(plan.inMs(), () -> {
          automationTimer = -1;
          // the server's own move is activity like a client's: it keeps the room from retiring
          touch();
          enqueue(() -> autopilot.command(state, plan)
              .map(command -> decideAndApply(null, null, command, Deadlines.NONE))
              .orElseGet(() -> Future.succeededFuture(new JsonObject())));
        }));
  }

  /** The database refused: automation tries again a little later (a client's command also would). */
  private void retryAutomationLater() {
    if (lifetime.closed() || state == null || autopilot.plan(state, head.lastEventAt(), clock.now()).isEmpty()) {
      return;
    }
    cancelAutomation();
    automationTimer = clock.after(AUTOMATION_RETRY_MS, this::schedule);
  }

  private void cancelAutomation() {
    if (automationTimer >= 0) {
      clock.cancel(automationTimer);
      automationTimer = -1;
    }
  }
}
