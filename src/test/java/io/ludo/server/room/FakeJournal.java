package io.ludo.server.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A room's log in memory, with the database's ways of failing on demand. */
final class FakeJournal implements RoomJournal {
  /** What the next append meets. */
  enum Next { STORE, NOT_SENT, STORE_BUT_LOSE_THE_ANSWER, FENCED, HOLD }

  final List<SealedEvent> log = new ArrayList<>();
  final Map<String, StoredCommand> commands = new LinkedHashMap<>();
  final List<Append> appends = new ArrayList<>();
  final Deque<Next> next = new ArrayDeque<>();
  long epoch;
  byte[] seed;
  int eventReads;
  /** The rematch stored for this game (set once), and the chat lines kept. */
  String rematch;
  final List<ChatMessage> chat = new ArrayList<>();
  boolean chatDown;
  private Append held;
  private Promise<Void> heldPromise;

  @Override
  public Future<Claim> claim() {
    return Future.succeededFuture(new Claim(++epoch, seed, new RoomListing("ABC234", RoomListing.PUBLIC), rematch));
  }

  @Override
  public Future<List<SealedEvent>> events(int fromSeq) {
    eventReads++;
    return Future.succeededFuture(List.copyOf(log.subList(Math.min(fromSeq - 1, log.size()), log.size())));
  }

  @Override
  public Future<List<StoredCommand>> recentCommands(int limit) {
    List<StoredCommand> newestFirst = new ArrayList<>(commands.values()).reversed();
    return Future.succeededFuture(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
  }

  @Override
  public Future<StoredCommand> command(String commandId) {
    return Future.succeededFuture(commands.get(commandId));
  }

  @Override
  public Future<Void> append(Append append) {
    appends.add(append);
    Next what = next.isEmpty() ? Next.STORE : next.poll();
    return switch (what) {
      case STORE -> store(append);
      case NOT_SENT -> Future.failedFuture(new AppendFailure(AppendFailure.Kind.NOT_SENT));
      case STORE_BUT_LOSE_THE_ANSWER -> store(append).compose(v -> Future.failedFuture(new AppendFailure(AppendFailure.Kind.UNKNOWN)));
      case FENCED -> Future.failedFuture(new AppendFailure(AppendFailure.Kind.FENCED));
      case HOLD -> {
        held = append;
        heldPromise = Promise.promise();
        yield heldPromise.future();
      }
    };
  }

  @Override
  public Future<Long> ownerEpoch() {
    return Future.succeededFuture(epoch);
  }

  @Override
  public Future<String> rematch(String rematchGameId) {
    if (rematch == null) {
      rematch = rematchGameId;
    }
    return Future.succeededFuture(rematch);
  }

  @Override
  public Future<Void> chat(ChatMessage message) {
    if (chatDown) {
      return Future.failedFuture("database down");
    }
    chat.add(message);
    return Future.succeededFuture();
  }

  boolean holding() {
    return heldPromise != null;
  }

  /** The held append commits now. */
  void release() {
    Promise<Void> p = heldPromise;
    heldPromise = null;
    store(held).onComplete(p);
  }

  private Future<Void> store(Append a) {
    if (a.epoch() < epoch) {
      return Future.failedFuture(new AppendFailure(AppendFailure.Kind.FENCED));
    }
    if (a.expectedSeq() != log.size()) {
      throw new AssertionError("an append after seq " + a.expectedSeq() + " to a log of " + log.size());
    }
    epoch = a.epoch();
    log.addAll(a.events());
    if (a.commandId() != null) {
      commands.put(a.commandId(), new StoredCommand(a.commandId(), a.fingerprint(), new io.vertx.core.json.JsonObject(a.reply())));
    }
    return Future.succeededFuture();
  }
}
