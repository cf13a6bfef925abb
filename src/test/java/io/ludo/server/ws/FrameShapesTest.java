package io.ludo.server.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.http.Schemas;
import io.ludo.server.http.TestSchemas;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut past the ws-message schema never lets through a frame that the schema refuses. */
class FrameShapesTest {
  private static final Schemas schemas = TestSchemas.load();

  @Test
  void theFramesOfPlayAreRecognisedAndTheSchemaAgrees() {
    for (String frame : List.of(
        "{\"type\":\"roll\"}", "{\"type\":\"roll\",\"id\":7}", "{\"type\":\"roll\",\"id\":\"r-1\"}",
        "{\"type\":\"roll\",\"id\":null}", "{\"type\":\"move\",\"token_index\":0,\"id\":8}",
        "{\"type\":\"move\",\"token_index\":3,\"dice_value\":6}", "{\"type\":\"ping\"}",
        "{\"type\":\"sync\",\"since_seq\":0}", "{\"type\":\"start\"}", "{\"type\":\"leave\",\"id\":\"x\"}",
        "{\"type\":\"roll\",\"id\":\"" + "a".repeat(64) + "\"}")) {
      JsonObject json = new JsonObject(frame);
      assertTrue(FrameShapes.plainlyValid(json), frame);
      assertTrue(schemas.problem(Schemas.WS_MESSAGE, json).isEmpty(), frame);
    }
  }

  @Test
  void everyOtherFrameIsLeftToTheSchemaWhichRefusesTheBadOnes() {
    for (String frame : List.of(
        "{}", "{\"type\":\"fly\"}", "{\"type\":7}", "{\"type\":null}",
        "{\"type\":\"move\"}", "{\"type\":\"move\",\"token_index\":4}", "{\"type\":\"move\",\"token_index\":-1}",
        "{\"type\":\"move\",\"token_index\":\"0\"}", "{\"type\":\"move\",\"token_index\":1.5}",
        "{\"type\":\"move\",\"token_index\":0,\"dice_value\":7}", "{\"type\":\"move\",\"token_index\":0,\"dice_value\":null}",
        "{\"type\":\"move\",\"token_index\":0,\"dice_value\":0}",
        "{\"type\":\"sync\"}", "{\"type\":\"sync\",\"since_seq\":-1}", "{\"type\":\"sync\",\"since_seq\":\"3\"}",
        "{\"type\":\"roll\",\"id\":1.5}", "{\"type\":\"roll\",\"id\":true}", "{\"type\":\"roll\",\"id\":{}}",
        "{\"type\":\"roll\",\"id\":\"" + "a".repeat(65) + "\"}")) {
      JsonObject json = new JsonObject(frame);
      assertFalse(FrameShapes.plainlyValid(json), frame);
      assertTrue(schemas.problem(Schemas.WS_MESSAGE, json).isPresent(), frame + " is refused by the schema");
    }
  }
}
