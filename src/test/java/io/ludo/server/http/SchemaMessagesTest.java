package io.ludo.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A refused input is told what is wrong with it, in words a client's developer can act on. */
class SchemaMessagesTest {
  private static final Schemas schemas = TestSchemas.load();

  private static String problem(String schema, JsonObject input) {
    return schemas.problem(schema, input).orElse("valid");
  }

  @Test
  void givenADeclaredPropertyOutOfRange_thenTheMessageGivesItsBound() {
    assertEquals("#/max_players: 7 is greater than 4",
        problem(Schemas.CREATE_GAME, new JsonObject().put("player_name", "Z").put("max_players", 7)));
  }

  @Test
  void givenAValueOutsideAnEnumeration_thenTheMessageListsTheValues() {
    assertEquals("#/visibility: Instance does not match any of [\"public\",\"private\"]",
        problem(Schemas.CREATE_GAME, new JsonObject().put("player_name", "Z").put("visibility", "secret")));
  }

  @Test
  void givenAnUnknownProperty_thenTheMessageSaysSo() {
    assertEquals("#/foo: not a known property",
        problem(Schemas.CREATE_GAME, new JsonObject().put("player_name", "Z").put("foo", 1)));
  }

  @Test
  void givenAnEmptyName_thenTheMessageSaysItIsTooShort() {
    assertEquals("#/player_name: String is too short (0 < 1)",
        problem(Schemas.CREATE_GAME, new JsonObject().put("player_name", "")));
  }

  @Test
  void givenAWebSocketMoveOfNoToken_thenTheMessageGivesTheRange() {
    assertEquals("#/token_index: 9 is greater than 3",
        problem(Schemas.WS_MESSAGE, new JsonObject().put("type", "move").put("token_index", 9)));
  }
}
