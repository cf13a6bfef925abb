package io.ludo.server.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last events of a room as the frames its sockets got, each encoded once: a {@code sync}
 * within them is answered by the owner from memory, so that reconnecting clients (all of a
 * game's, after a takeover) do not each read the log. Bounded: a ring of the newest
 * {@link #CAPACITY}, more than a round of four players (rolls, moves, passes), which is what a
 * client that lost its connection for a moment has missed; a sync from further back reads the
 * log. Each frame is a few hundred bytes: the ring is most of what a room in memory holds, and
 * 512 of them made a game in play cost ~60 KB of heap. Only its room touches it.
 */
final class RecentEvents {
  static final int CAPACITY = 16;
  private final String[] frames;
  /** The seq of the newest frame held; 0 when none. */
  private int lastSeq;
  private int size;

  RecentEvents() {
    this(CAPACITY);
  }

  RecentEvents(int capacity) {
    frames = new String[capacity];
  }

  /** The frame of event {@code seq}; an event that does not follow the newest starts the ring afresh. */
  void add(int seq, String frame) {
    if (seq != lastSeq + 1) {
      size = 0;
    }
    frames[Math.floorMod(seq, frames.length)] = frame;
    lastSeq = seq;
    size = Math.min(size + 1, frames.length);
  }

  /** The frames of the events after {@code sinceSeq}, oldest first; empty when the ring does not reach back to it. */
  Optional<List<String>> after(int sinceSeq) {
    int oldest = lastSeq - size + 1;
    if (sinceSeq + 1 < oldest) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>(Math.max(0, lastSeq - sinceSeq));
    for (int seq = Math.max(sinceSeq + 1, oldest); seq <= lastSeq; seq++) {
      out.add(frames[Math.floorMod(seq, frames.length)]);
    }
    return Optional.of(out);
  }

  /**
   * The answer to {@code {"type":"recent","since_seq","max"}}: {@code {"seq","frames":[text…]}},
   * without {@code frames} when more than {@code max} were missed (the client gets the state
   * instead) or the ring does not reach back that far (the log must answer).
   */
  JsonObject answer(int seq, int sinceSeq, int max) {
    JsonObject reply = new JsonObject().put("seq", seq);
    if (seq - sinceSeq <= max) {
      after(sinceSeq).ifPresent(texts -> reply.put("frames", new JsonArray(new ArrayList<Object>(texts))));
    }
    return reply;
  }
}
