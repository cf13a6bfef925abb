package io.ludo.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ludo.rules.Options;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reasons of RULES.md "Canonical position" that only JSON can express: tokens that do not
 * match seats, an unknown phase, options of the wrong type or with an unknown name.
 */
class InvalidJsonInputTest {
  private static final Rules DEFAULT = new Rules(Options.DEFAULTS);
  private static final String VALID = """
      {"seats":[0,2],"tokens":[[12,56,-1,53],null,[-1,-1,-1,-1],null],"current":0,"phase":"ROLL",\
      "dice":null,"sixes":0,"finished":[],"winner":null}""";

  private static Parsed<?> readState(String field, Object value) {
    return PositionJson.read(new JsonObject(VALID).put(field, value), DEFAULT);
  }

  @Test
  void theCanonicalExampleIsValid_andWrittenBackUnchanged() {
    Parsed<Position> parsed = PositionJson.read(new JsonObject(VALID), DEFAULT);
    Position position = assertInstanceOf(Parsed.Ok.class, parsed).value() instanceof Position p ? p : null;
    assertEquals(new JsonObject(VALID), PositionJson.write(position));
  }

  @ParameterizedTest(name = "tokens {0}")
  @ValueSource(strings = {
      "[[12,56,-1,53],[-1,-1,-1,-1],[-1,-1,-1,-1],null]",
      "[[12,56,-1,53],null,null,null]",
      "[[12,56,-1,53],null,[-1,-1,-1,-1]]",
      "[[12,56,-1],null,[-1,-1,-1,-1],null]",
      "[[12,56,-1,53,0],null,[-1,-1,-1,-1],null]",
      "[[12,57,-1,53],null,[-1,-1,-1,-1],null]",
      "[[12,56,-2,53],null,[-1,-1,-1,-1],null]",
      "[[12,56,-1,53.0],null,[-1,-1,-1,-1],null]",
      "{}"})
  void tokensThatDoNotMatchSeatsOrLeaveMinusOneTo56AreInvalid(String tokens) {
    Object value = tokens.startsWith("{") ? new JsonObject(tokens) : new JsonArray(tokens);
    assertInstanceOf(Parsed.Invalid.class, readState("tokens", value));
  }

  @ParameterizedTest(name = "phase {0}")
  @ValueSource(strings = {"PLAY", "roll", ""})
  void anUnknownPhaseIsInvalid(String phase) {
    assertInstanceOf(Parsed.Invalid.class, readState("phase", phase));
  }

  @ParameterizedTest(name = "options {0}")
  @ValueSource(strings = {
      "{\"turbo\":true}",
      "{\"sixBonus\":\"yes\"}",
      "{\"maxSixes\":2.5}",
      "{\"maxSixes\":-1}",
      "{\"exitValues\":6}",
      "{\"exitValues\":[0,6]}",
      "{\"safeSquares\":[52]}",
      "{\"blockades\":1}",
      "{\"endCondition\":\"LAST_LOSER\"}"})
  void optionsOfTheWrongTypeOrRangeOrWithAnUnknownNameAreInvalid(String options) {
    assertInstanceOf(Parsed.Invalid.class, OptionsJson.read(new JsonObject(options)));
  }

  @Test
  void partialOrAbsentOptionsTakeTheDefaults() {
    assertEquals(Parsed.ok(Options.DEFAULTS), OptionsJson.read(null));
    assertEquals(Parsed.ok(Options.DEFAULTS.withMaxSixes(0)), OptionsJson.read(new JsonObject("{\"maxSixes\":0}")));
  }
}
