package io.ludo.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text a sealed event is stored and sent as: what the hash was taken of, the hash in its place. */
class EventChainTest {

  private static final String PREV = "ab".repeat(32);

  @Test
  void givenEventsWhoseNamesSortBeforeAfterOrAroundTheHash_whenSealed_thenTheTextIsTheCanonicalFormOfTheSealedEvent() {
    for (JsonObject event : List.of(
        new JsonObject().put("type", "DICE_ROLLED").put("seq", 3).put("at", 1_700_000_000_000L).put("value", 6),
        new JsonObject().put("at", 5).put("actor", "p-1"),
        new JsonObject().put("zone", "z").put("player", new JsonObject().put("name", "Ann \"the\" 1st")),
        new JsonObject())) {
      JsonObject expected = EventChain.seal(PREV, event);

      String text = EventChain.sealedText(PREV, event.copy());

      assertEquals(Jcs.canonicalize(expected), text, "the canonical text with its hash");
      assertEquals(expected, new JsonObject(text), "the same event read back");
      assertEquals(EventChain.hashOf(new JsonObject(text)), new JsonObject(text).getString(EventChain.HASH),
          "a hash that verifies");
    }
  }

  @Test
  void givenAnEventSealedInPlace_thenItsTreeCarriesTheSameHashAsItsText() {
    JsonObject event = new JsonObject().put("type", "TOKEN_MOVED").put("seq", 9).put(EventChain.HASH, "stale");

    String text = EventChain.sealedText(PREV, event);

    assertEquals(new JsonObject(text), event);
    assertEquals(PREV, event.getString(EventChain.PREV_HASH));
  }
}
