package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.game.Game;
import io.ludo.game.GameEvent;
import io.ludo.json.EventChain;
import io.ludo.json.GameEventJson;
import io.ludo.json.PositionJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What every test of a played game checks of its log: gapless from 1, chained by its hashes, and
 * its fold is the view.
 */
public final class EventLogs {
  private EventLogs() {}

  /** Asserts {@code log} (as GET /events serves it) is gapless and folds to {@code view}'s position. */
  public static void assertGaplessAndFoldsTo(JsonArray log, JsonObject view) {
    List<GameEvent> history = new ArrayList<>();
    String prev = EventChain.GENESIS;
    for (int i = 0; i < log.size(); i++) {
      assertEquals(i + 1, log.getJsonObject(i).getInteger("seq"), "the log is gapless from 1");
      assertEquals(prev, log.getJsonObject(i).getString(EventChain.PREV_HASH), "event " + (i + 1) + " chains to the one before");
      prev = EventChain.hashOf(log.getJsonObject(i));
      assertEquals(prev, log.getJsonObject(i).getString(EventChain.HASH), "event " + (i + 1) + " hashes to its hash");
      history.add(GameEventJson.read(log.getJsonObject(i)).event());
    }
    JsonObject folded = PositionJson.write(Game.fold(history).position());
    for (String field : folded.fieldNames()) {
      assertEquals(folded.getValue(field), view.getValue(field), field);
    }
    assertEquals(log.size(), view.getInteger("seq"), "the view is at the log's last event");
  }
}
