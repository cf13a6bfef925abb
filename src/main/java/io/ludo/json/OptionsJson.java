package io.ludo.json;

import static io.ludo.json.JsonReads.bool;
import static io.ludo.json.JsonReads.integer;
import static io.ludo.json.JsonReads.integers;

import io.ludo.json.JsonReads.InvalidJson;
import io.ludo.rules.EndCondition;
import io.ludo.rules.Options;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Rule options as the camelCase JSON object of RULES.md; absent keys take their defaults. */
public final class OptionsJson {
  private OptionsJson() {}

  /** Reads options from a JSON object, {@code null} (all defaults) or anything else (invalid). */
  public static Parsed<Options> read(Object json) {
    if (json == null) {
      return Parsed.ok(Options.DEFAULTS);
    }
    if (!(json instanceof JsonObject object)) {
      return Parsed.invalid("options must be an object");
    }
    try {
      Options o = Options.DEFAULTS;
      for (Map.Entry<String, Object> e : object) {
        String name = e.getKey();
        Object v = e.getValue();
        o = switch (name) {
          case "exitValues" -> o.withExitValues(integers(v, name));
          case "maxSixes" -> o.withMaxSixes(integer(v, name));
          case "sixBonus" -> o.withSixBonus(bool(v, name));
          case "captureBonus" -> o.withCaptureBonus(bool(v, name));
          case "homeBonus" -> o.withHomeBonus(bool(v, name));
          case "safeSquares" -> o.withSafeSquares(integers(v, name));
          case "blockades" -> o.withBlockades(bool(v, name));
          case "endCondition" -> o.withEndCondition(JsonReads.constant(v, EndCondition.class, name));
          default -> throw new InvalidJson("unknown option " + name);
        };
      }
      return Parsed.ok(o);
    } catch (InvalidJson | IllegalArgumentException e) {
      return Parsed.invalid(e.getMessage());
    }
  }

  public static JsonObject write(Options o) {
    return new JsonObject()
        .put("exitValues", new JsonArray(o.exitValues()))
        .put("maxSixes", o.maxSixes())
        .put("sixBonus", o.sixBonus())
        .put("captureBonus", o.captureBonus())
        .put("homeBonus", o.homeBonus())
        .put("safeSquares", new JsonArray(o.safeSquares()))
        .put("blockades", o.blockades())
        .put("endCondition", o.endCondition().name());
  }
}
