package io.ludo.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A WebSocket ack spliced from its reply's text says what encoding the ack's tree would say. */
class EncodedFrameTest {

  private static final JsonObject REPLY = new JsonObject().put("game_id", "g1").put("dice_value", 6).put("seq", 5);

  @Test
  void givenAReplyWithItsText_whenAcked_thenTheAckReadsBackAsTypeIdAndTheReply() {
    for (Object id : Arrays.asList("r-1", "quote\"and\\slash", 7, null)) {
      JsonObject ack = EncodedFrame.ack(id, new EncodedFrame(REPLY, REPLY.encode()));

      JsonObject expected = new JsonObject().put("type", "ack").put("id", id).mergeIn(REPLY);
      assertEquals(expected, new JsonObject(ack.encode()), "the text of the ack of " + id);
      assertEquals(expected, new JsonObject(ack.getMap()), "the tree of the ack of " + id);
    }
  }

  @Test
  void givenAReplyNamingItsOwnTypeOrId_whenAcked_thenTheReplyWinsAsBeforeInTextAndTree() {
    JsonObject reply = new JsonObject().put("type", "state").put("seq", 1);

    JsonObject ack = EncodedFrame.ack("r-2", reply);

    assertEquals("state", new JsonObject(ack.encode()).getString("type"));
    assertEquals(new JsonObject(ack.getMap()), new JsonObject(ack.encode()));
  }
}
