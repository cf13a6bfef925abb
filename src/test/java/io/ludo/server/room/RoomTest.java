package io.ludo.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.bots.Strategies;
import io.ludo.game.Autopilot;
import io.ludo.game.Game;
import io.ludo.game.GameCommand;
import io.ludo.game.GameEvent;
import io.ludo.game.TurnTimer;
import io.ludo.rules.Options;
import io.ludo.server.bus.Deadlines;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A room without Vert.x: a journal in memory that fails on demand, a clock moved by hand. Events
 * are durable before anything sees them; a key is applied once, whatever the database did.
 */
class RoomTest {
  private static final long IDLE_MS = 60_000;
  private static final long LINGER_MS = 5_000;
  private static final long BOT_DELAY_MS = 100;

  private final FakeJournal journal = new FakeJournal();
  private final FakeFeed feed = new FakeFeed();
  private final ManualClock clock = new ManualClock();
  /** Every roll of these rooms: a 6 lets a token out, a 3 from the base passes the turn. */
  private int nextRoll = 6;
  private int left;
  /** Rematches made, as the directory would: each a new game id. */
  private final List<String> rematchesMade = new ArrayList<>();
  private final Room.Rematches rematches = (finished, listing, caller) -> {
    rematchesMade.add(caller.playerId());
    return Future.succeededFuture("g" + (1 + rematchesMade.size()));
  };

  private Room room() {
    return new Room(new Room.Setup("g1", "node-a", IDLE_MS, LINGER_MS), journal, feed, clock, seed -> (s, seq) -> nextRoll,
        new Autopilot(Strategies.create("greedy", new Random(0)), BOT_DELAY_MS), Room.MoveCheck.NONE, rematches, () -> left++);
  }

  /** Ann (seat 0) and Bob in a started two-seat game. */
  private Room started() {
    return started(List.of());
  }

  private Room started(List<String[]> bots) {
    List<GameEvent> creation = new ArrayList<>(Game.create("g1", "room", 2, Options.DEFAULTS, "p_ann", "Ann"));
    creation.addAll(Game.setUp(Game.fold(creation), TurnTimer.NONE, bots));
    Room room = room();
    assertTrue(room.create(creation, new byte[32], new RoomListing("ABC234", RoomListing.PRIVATE)).succeeded());
    if (bots.isEmpty()) {
      assertAccepted(room.command(null, null, new GameCommand.Join("p_bob", "Bob", "bob-seed"), Deadlines.NONE));
    }
    assertEquals(io.ludo.game.Status.PLAYING, room.state().status(), "a full room starts by itself");
    feed.frames.clear();
    feed.listeners.clear();
    journal.appends.clear();
    return room;
  }

  private static JsonObject assertAccepted(Future<JsonObject> reply) {
    assertTrue(reply.succeeded(), "answered");
    assertNull(reply.result().getJsonObject("error"), () -> "accepted: " + reply.result().encode());
    return reply.result();
  }

  private static void assertRefused(String code, Future<JsonObject> reply) {
    assertTrue(reply.succeeded(), "answered");
    assertEquals(code, Replies.errorCode(reply.result()), () -> reply.result().encode());
  }

  private static Future<JsonObject> roll(Room room, String key) {
    return room.command(key == null ? null : "key/" + key, key == null ? null : "{\"type\":\"roll\"}",
        new GameCommand.Roll("p_ann"), Deadlines.NONE);
  }

  @Test
  void givenAnAcceptedRollWhenItsAppendIsStillOpenThenNothingIsFedOrAnsweredUntilItIsDurable() {
    Room room = started();
    journal.next.add(FakeJournal.Next.HOLD);

    int before = room.state().seq();

    Future<JsonObject> reply = roll(room, "r1");

    assertFalse(reply.isComplete());
    assertTrue(feed.frames.isEmpty());
    assertEquals(before, room.state().seq(), "the state waits for the log");
    journal.release();
    assertEquals(6, assertAccepted(reply).getInteger("dice_value"));
    assertEquals(List.of("DICE_ROLLED"), feed.types());
    assertEquals(before + 1, room.state().seq());
  }

  @Test
  void givenCommandsArrivingWhileOneIsStoredThenTheyAreDecidedAfterItInArrivalOrder() {
    Room room = started();
    journal.next.add(FakeJournal.Next.HOLD);

    Future<JsonObject> rolled = roll(room, "r1");
    Future<JsonObject> moved = room.command("key/m1", "{\"type\":\"move\"}", new GameCommand.Move("p_ann", 0, 6), Deadlines.NONE);

    assertEquals(1, journal.appends.size(), "the move waits for the roll's append");
    journal.release();
    assertAccepted(rolled);
    assertEquals(0, assertAccepted(moved).getInteger("token_index"));
    assertEquals(List.of("DICE_ROLLED", "TOKEN_MOVED"), feed.types());
  }

  @Test
  void givenAResendOfAnAppliedKeyThenItGetsTheFirstReplyAndNothingIsAppended() {
    Room room = started();
    JsonObject first = assertAccepted(roll(room, "r1"));

    JsonObject again = assertAccepted(roll(room, "r1"));

    assertEquals(first, again);
    assertEquals(1, journal.appends.size());
  }

  @Test
  void givenAnAppliedKeyWhenItComesWithAnotherRequestThenItIsRefusedAsReused() {
    Room room = started();
    assertAccepted(roll(room, "r1"));

    assertRefused("IDEMPOTENCY_KEY_REUSED",
        room.command("key/r1", "{\"type\":\"leave\"}", new GameCommand.Leave("p_ann"), Deadlines.NONE));
    assertEquals(1, journal.appends.size());
  }

  @Test
  void givenAnAppendNeverSentThenTheCommandIsNotAppliedAndItsResendIsAppliedOnce() {
    Room room = started();
    journal.next.add(FakeJournal.Next.NOT_SENT);
    int before = room.state().seq();

    assertRefused("UNAVAILABLE", roll(room, "r1"));
    assertTrue(feed.frames.isEmpty());
    assertEquals(before, room.state().seq());

    assertAccepted(roll(room, "r1"));
    assertEquals(List.of("DICE_ROLLED"), feed.types());
    assertEquals(1, journal.log.stream().filter(e -> e.json().getString("type").equals("DICE_ROLLED")).count());
  }

  @Test
  void givenAnAppendThatCommittedButWhoseAnswerWasLostThenTheResendGetsTheFirstReplyNotASecondRoll() {
    Room room = started();
    journal.next.add(FakeJournal.Next.STORE_BUT_LOSE_THE_ANSWER);
    int before = room.state().seq();

    assertRefused("UNAVAILABLE", roll(room, "r1"));
    JsonObject resent = assertAccepted(roll(room, "r1"));

    assertEquals(journal.commands.get("key/r1").reply(), resent, "the reply stored with the commit");
    assertEquals(1, journal.appends.size(), "read back, not rolled again");
    assertEquals(List.of("DICE_ROLLED"), feed.types(), "the late commit is fed once it is known");
    assertEquals(before + 1, room.state().seq());
  }

  @Test
  void givenAKeyOlderThanTheRepliesInMemoryThenItsResendIsAnsweredFromTheLog() {
    Room room = started();
    nextRoll = 3;
    JsonObject first = assertAccepted(roll(room, "old"));
    for (int i = 0; i < RecentReplies.CAPACITY + 2; i++) {
      String player = i % 2 == 0 ? "p_bob" : "p_ann";
      assertAccepted(room.command("key/k" + i, "{\"type\":\"roll\"}", new GameCommand.Roll(player), Deadlines.NONE));
    }

    assertEquals(first, assertAccepted(roll(room, "old")), "refused by the rules, answered by the log");
  }

  @Test
  void givenAFencedAppendThenClientsAreToldToReconnectAndTheRoomLeavesForGood() {
    Room room = started();
    journal.next.add(FakeJournal.Next.FENCED);

    assertRefused("UNAVAILABLE", roll(room, "r1"));

    assertEquals(1, feed.reconnects);
    assertEquals(1, left);
    assertEquals(0, clock.pending(), "no timer of a fenced room runs again");
  }

  @Test
  void givenSocketsCountedOnOtherNodesThenEachFrameGoesToTheNodesWhereSomeAreOpen() {
    Room room = started();
    room.presence("node-b", "p_bob", +1);
    room.presence("node-c", null, +1);
    room.presence("node-c", null, -1);

    assertAccepted(roll(room, "r1"));

    assertEquals(List.of(Set.of("node-b")), feed.listeners);
  }

  @Test
  void givenANodeThatDroppedOutWithSocketsWhenItComesBackThenItIsAskedToCountThemAgain() {
    Room room = started();
    room.presence("node-b", "p_bob", +1);
    room.nodeLeft("node-b");
    room.nodeLeft("node-c");

    assertAccepted(roll(room, "r1"));
    room.nodeReturned("node-c");
    room.nodeReturned("node-b");
    room.nodeReturned("node-b");

    assertEquals(List.of(Set.of()), feed.listeners, "a node gone gets no frames");
    assertEquals(List.of("node-b"), feed.presenceRequestsTo, "only the node that held sockets, once");
  }

  @Test
  void givenACommandPastItsDeadlineThenItIsNotDecided() {
    Room room = started();

    assertRefused("UNAVAILABLE", room.command("key/r1", "{}", new GameCommand.Roll("p_ann"), System.nanoTime() - 1));

    assertTrue(journal.appends.isEmpty());
  }

  @Test
  void givenNoCommandForTheIdleTimeThenTheRoomLeavesAndEachCommandPostponesIt() {
    Room room = started();
    clock.advance(IDLE_MS - 10);
    assertAccepted(roll(room, "r1"));

    clock.advance(IDLE_MS - 10);
    assertEquals(0, left, "the roll was activity");
    clock.advance(20);
    assertEquals(1, left);
  }

  @Test
  void givenASeatTheServerPlaysThenItsTurnsArePlayedOnTheRoomsClockAndTheRoomNeverRetires() {
    Room room = started(List.<String[]>of(new String[] {"b_1", "Bot 1"}));
    nextRoll = 3;
    assertAccepted(roll(room, null));
    assertEquals("b_1", room.state().actor().playerId(), "the bot's turn");

    clock.advance(BOT_DELAY_MS);
    assertEquals("p_ann", room.state().actor().playerId(), "the bot rolled a 3 and passed");

    room.command(null, null, new GameCommand.Roll("p_ann"), Deadlines.NONE);
    clock.advance(IDLE_MS * 3);
    assertTrue(room.state().seq() > 8, "the bot kept playing while nobody asked");
  }

  @Test
  void givenAStoredLogThenALoadedRoomFoldsItAndAnswersItsRecentKeysFromIt() {
    Room first = started();
    JsonObject rolled = assertAccepted(roll(first, "r1"));
    journal.epoch = 1;

    Room second = room();
    assertTrue(second.load().succeeded());

    assertEquals(first.state(), second.state());
    assertEquals(2, journal.epoch, "the takeover holds a newer epoch");
    assertEquals(rolled, assertAccepted(roll(second, "r1")));
    assertRefused("UNAVAILABLE", first.command("key/m1", "{}", new GameCommand.Move("p_ann", 0, 6), Deadlines.NONE));
    assertEquals(1, feed.reconnects, "the old owner, fenced, lets go");
  }

  @Test
  void givenASyncWithinTheRecentFramesThenItIsAnsweredFromMemory() {
    Room room = started();
    assertAccepted(roll(room, "r1"));
    int reads = journal.eventReads;

    JsonObject sync = room.recent(room.state().seq() - 1, 100);

    assertEquals(1, sync.getJsonArray("frames").size());
    assertEquals(feed.frames.get(0).encode(), sync.getJsonArray("frames").getString(0));
    assertEquals(reads, journal.eventReads);
  }

  @Test
  void givenAnEventFedThenTheTextItCarriesReadsBackAsItsTree() {
    Room room = started();
    assertAccepted(roll(room, "r1"));

    JsonObject frame = feed.frames.get(0);
    // what a socket is sent (the text made once, the event in its canonical form) is the tree
    assertEquals(new JsonObject(frame.getMap()), new JsonObject(frame.encode()));
    assertEquals(frame.encode(), frame.toBuffer().toString());
  }

  @Test
  void givenAGameThatEndedThenTheRoomLingersAndLeavesAndSoDoesOneLoadedAfterTheEnd() {
    Room room = started();
    assertAccepted(room.command("key/bye", "{}", new GameCommand.Leave("p_bob"), Deadlines.NONE));
    assertEquals(io.ludo.game.Status.FINISHED, room.state().status(), "the last one seated wins");
    assertEquals(1, feed.finished.size());

    clock.advance(LINGER_MS - 1);
    assertEquals(0, left, "late views and syncs are still answered");
    clock.advance(1);
    assertEquals(1, left);

    Room loaded = room();
    assertTrue(loaded.load().succeeded());
    clock.advance(LINGER_MS);
    assertEquals(2, left, "a finished game loaded for a late read leaves too");
  }

  @Test
  void givenAGameInPlayThenARematchIsRefusedAndNoneIsMade() {
    Room room = started();
    assertRefused("GAME_NOT_FINISHED", room.rematch("p_ann"));
    assertTrue(rematchesMade.isEmpty());
  }

  @Test
  void givenAFinishedGameThenTheFirstRematchCallMakesOneGameAndEveryLaterCallAnswersIt() {
    Room room = started();
    assertAccepted(room.command("key/bye", "{}", new GameCommand.Leave("p_bob"), Deadlines.NONE));
    feed.frames.clear();
    int appended = journal.appends.size();

    JsonObject first = assertAccepted(room.rematch("p_ann"));
    JsonObject second = assertAccepted(room.rematch("p_bob"));
    JsonObject again = assertAccepted(room.rematch("p_ann"));

    assertEquals(List.of("p_ann"), rematchesMade, "one rematch, made for its first caller");
    assertEquals("g2", first.getString("rematch_game_id"));
    assertEquals("g2", second.getString("rematch_game_id"));
    assertEquals("g2", again.getString("rematch_game_id"));
    assertEquals("Bob", second.getString("player_name"));
    assertEquals("g2", journal.rematch, "stored with the old game");
    assertEquals("g2", room.view().getString("rematch_game_id"));
    assertEquals(1, feed.frames.size(), "the sockets hear of it once");
    assertEquals("rematch", feed.frames.get(0).getString("type"));
    assertEquals(appended, journal.appends.size(), "the finished game's record stays final");
    assertRefused("FORBIDDEN", room.rematch("p_stranger"));
  }

  @Test
  void givenASeatedPlayerThenAChatLineIsKeptThenSentAndIsNoGameEvent() {
    Room room = started();
    int seq = room.state().seq();
    clock.advance(42);

    JsonObject line = assertAccepted(room.chat("p_ann", "good luck"));

    assertEquals(new ChatMessage(0, "Ann", "good luck", line.getLong("at")), journal.chat.get(0));
    assertEquals(List.of(line), feed.frames, "every socket gets the same line");
    assertEquals("chat", line.getString("type"));
    assertEquals(seq, room.state().seq(), "no event, no seq");
    assertTrue(journal.appends.isEmpty());
    assertRefused("FORBIDDEN", room.chat("p_stranger", "hi"));
  }

  @Test
  void givenTheDatabaseDownThenAChatLineIsRefusedAndNotSent() {
    Room room = started();
    journal.chatDown = true;
    assertRefused("UNAVAILABLE", room.chat("p_ann", "hello"));
    assertTrue(feed.frames.isEmpty());
  }

  @Test
  void givenAStoredGameThenALoadedRoomKnowsItsInviteCodeAndItsRematch() {
    journal.rematch = "g9";
    Room room = started();
    Room loaded = room();
    assertTrue(loaded.load().succeeded());
    assertEquals("ABC234", loaded.view().getString("invite_code"));
    assertEquals("public", loaded.view().getString("visibility"));
    assertEquals("g9", loaded.view().getString("rematch_game_id"));
    assertEquals("ABC234", room.view().getString("invite_code"), "the creator's listing");
  }

  @Test
  void givenAPauseWhileAnotherNodeTookTheGameThenNothingIsDecidedOnTheStaleState() {
    Room room = started();
    journal.epoch++;      // another node claimed the game while this process was stopped
    clock.pauses = 1;

    assertRefused("UNAVAILABLE", roll(room, "after-pause"));

    assertTrue(journal.appends.isEmpty(), "nothing decided, nothing written");
    assertEquals(1, feed.reconnects, "its sockets are told to reconnect");
    assertEquals(1, left, "the room leaves");
    assertRefused("UNAVAILABLE", roll(room, "again"));
  }

  @Test
  void givenAPauseThatCostNothingThenCommandsGoOnAfterOneCheck() {
    Room room = started();
    clock.pauses = 1;
    assertAccepted(roll(room, "after-pause"));
    assertEquals(0, feed.reconnects);
    assertEquals(0, left);
  }

  @Test
  void givenPostgresTellsOfANewerEpochThenTheRoomStopsAtOnce() {
    Room room = started();
    room.epochMoved(1);
    assertEquals(0, feed.reconnects, "its own epoch is no news");

    room.epochMoved(2);

    assertEquals(1, feed.reconnects);
    assertEquals(1, left);
    assertRefused("UNAVAILABLE", roll(room, "late"));
    assertTrue(journal.appends.isEmpty());
  }
}
