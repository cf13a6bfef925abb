package io.ludo.server.store;

import io.vertx.core.Promise;
import java.util.List;

/** An {@link AppendRequest} in the group commit's queue, with the promise its requester awaits. */
record Append(String gameId, String roomName, String node, long epoch, int expectedSeq, String status,
    List<EventRow> events, String commandId, String fingerprint, String reply, byte[] serverSeed, long sendBy,
    String inviteCode, String visibility, Promise<Void> done) {

  static Append of(AppendRequest r, Promise<Void> done) {
    return new Append(r.gameId(), r.roomName(), r.node(), r.epoch(), r.expectedSeq(), r.status(), r.events(),
        r.commandId(), r.fingerprint(), r.reply(), r.serverSeed(), r.sendBy(),
        r.inviteCode(), r.visibility(), done);
  }

  /** Whether its owner stopped waiting: such an append is answered {@link NotSentException} and never sent. */
  boolean expired() {
    return System.nanoTime() - sendBy >= 0;
  }

  int lastSeq() {
    return expectedSeq + events.size();
  }

  boolean createsGame() {
    return expectedSeq == 0;
  }
}
