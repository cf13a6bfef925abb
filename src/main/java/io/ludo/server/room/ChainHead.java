package io.ludo.server.room;

import io.ludo.game.GameEvent;
import io.ludo.game.Recorded;
import io.ludo.json.EventChain;
import io.ludo.json.GameEventJson;
import io.ludo.rules.RuleEvent.GameFinished;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The end of a room's log: the hash the next event chains to, and the time of the last event. */
final class ChainHead {
  private String hash = EventChain.GENESIS;
  private long lastEventAt;

  /**
   * Numbers, times and chains {@code events} after event {@code seq}; GAME_FINISHED reveals
   * {@code serverSeed} (null: a game recorded before fair dice). Nothing moves until {@link #advance}.
   */
  List<SealedEvent> seal(int seq, long at, List<GameEvent> events, byte[] serverSeed) {
    String prev = hash;
    List<SealedEvent> out = new ArrayList<>(events.size());
    for (GameEvent e : events) {
      Recorded r = new Recorded(++seq, at, e);
      JsonObject json = GameEventJson.write(r);
      if (isGameFinished(e) && serverSeed != null) {
        json.put("server_seed", HexFormat.of().formatHex(serverSeed));
      }
      String text = EventChain.sealedText(prev, json);
      prev = json.getString(EventChain.HASH);
      out.add(new SealedEvent(r, json, text));
    }
    return out;
  }

  /** The log now ends with {@code events}. */
  void advance(List<SealedEvent> events) {
    if (!events.isEmpty()) {
      SealedEvent last = events.get(events.size() - 1);
      hash = last.json().getString(EventChain.HASH, EventChain.GENESIS);
      lastEventAt = last.recorded().at();
    }
  }

  /** The hash of the log's last event (the genesis before the first). */
  String hash() {
    return hash;
  }

  /** Turn deadlines count from here, so that they survive a takeover. */
  long lastEventAt() {
    return lastEventAt;
  }

  private static boolean isGameFinished(GameEvent e) {
    return e instanceof GameEvent.Play p && p.event() instanceof GameFinished;
  }
}
